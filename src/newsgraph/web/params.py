"""Query parameters shared by the JSON API and the pages, with their limits.

FastAPI checks them (types, ranges, lengths, patterns); a failure becomes a 400 in the
error shape. The values then go to the store's read API as plain keyword arguments.
"""
from __future__ import annotations

from enum import Enum
from typing import Optional

from fastapi import Query

from ..records import ROLES

MAX_PAGE = 200          # items per page
MAX_OFFSET = 1_000_000
MAX_TEXT = 300          # characters of a search or name parameter
DATE = r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"


HINTS = {"since": "use YYYY, YYYY-MM or YYYY-MM-DD", "until": "use YYYY, YYYY-MM or YYYY-MM-DD"}


class SpeakerType(str, Enum):
    person = "person"
    organisation = "organisation"
    country = "country"
    group = "group"
    anonymous = "anonymous"


class Kind(str, Enum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class Gender(str, Enum):
    female = "female"
    male = "male"
    unknown = "unknown"


class Grouping(str, Enum):
    outlet = "outlet"
    month = "month"
    section = "section"


Role = Enum("Role", {r: r for r in ROLES}, type=str)   # records.ROLES


class Order(str, Enum):
    date = "date"
    first_seen = "first_seen"
    occurrences = "occurrences"
    relevance = "relevance"


class DateField(str, Enum):
    statement = "statement"
    published = "published"


def choice(enum, description: str):
    """One of an Enum's values, or empty (an HTML form's "any")."""
    values = [e.value for e in enum]
    HINTS[enum.__name__] = "must be one of " + ", ".join(values)
    return Query(None, description=f"{description} One of: {', '.join(values)}.",
                 pattern="^(" + "|".join(values) + ")?$")


def text(description: str, *, alias: Optional[str] = None, max_length: int = MAX_TEXT):
    return Query(None, description=description, max_length=max_length, alias=alias)


def limit(default: int = 20):
    return Query(default, ge=1, le=MAX_PAGE, description=f"Items per page (1-{MAX_PAGE}).")


def offset():
    return Query(0, ge=0, le=MAX_OFFSET, description="Items to skip (pagination).")


def date(description: str):
    return Query(None, description=description + " YYYY, YYYY-MM or YYYY-MM-DD.", pattern=DATE)


class SearchArgs:
    """The quotation filters (the same as the store's and the CLI's)."""

    def __init__(
        self,
        q: Optional[str] = text("Words of the quotation (\"a phrase\", word*, OR); plain text made safe.",
                                max_length=500),
        fts: bool = Query(False, description="Pass q to SQLite FTS5 as written (advanced syntax)."),
        speaker: Optional[str] = text("Who said it: a name, alias or surname."),
        about: Optional[str] = text("An entity the statement mentions."),
        speaker_type: Optional[str] = choice(SpeakerType, "Kind of speaker."),
        since: Optional[str] = date("Earliest date (inclusive)."),
        until: Optional[str] = date("Latest date (inclusive)."),
        date_field: Optional[str] = choice(DateField, "Date the filters apply to: when it was said "
                                                      "(statement, the default) or when it was published."),
        source: Optional[str] = text("Outlet (site) that published it, e.g. reuters.com."),
        kind: Optional[str] = choice(Kind, "Direct, indirect (reported) or mixed speech."),
        order: Optional[str] = choice(Order, "Sort order; default relevance with q, else date."),
        gender: Optional[str] = choice(Gender, "Speaker's gender (merged profile)."),
        role: Optional[str] = choice(Role, "Speaker's role (merged profile)."),
        section: Optional[str] = text("Section of the article (business, world, ...).", max_length=60),
        min_confidence: Optional[float] = Query(None, ge=0.0, le=1.0, description=(
            "Only quotations with an occurrence whose speaker confidence (0-1, calibrated) is at least this.")),
    ):
        self.gender, self.role, self.section = gender, role, section
        from ..store import date_problem
        from .errors import bad_param

        for name, value in (("since", since), ("until", until)):   # the pattern lets 2019-02-30 through
            problem = date_problem(value)
            if problem:
                raise bad_param(name, problem)
        self.q, self.fts, self.speaker, self.about = q, fts, speaker, about
        self.speaker_type, self.since, self.until = speaker_type, since, until
        self.date_field, self.source, self.kind, self.order = date_field, source, kind, order
        self.min_confidence = min_confidence

    def store_kwargs(self) -> dict:
        val = lambda e: e or None  # noqa: E731
        blank = lambda s: (s.strip() or None) if isinstance(s, str) else s  # noqa: E731
        order = val(self.order)
        if order == "relevance" and not blank(self.q):
            order = None
        return {"search": blank(self.q), "fts": self.fts, "speaker": blank(self.speaker),
                "about": blank(self.about), "speaker_type": val(self.speaker_type), "since": self.since or None,
                "until": self.until or None, "date_field": self.date_field or "statement", "source": blank(self.source),
                "kind": val(self.kind), "order": order, "gender": val(self.gender), "role": val(self.role),
                "section": blank(self.section), "min_confidence": self.min_confidence}

    def form(self) -> dict:
        """The values as the search form shows them."""
        val = lambda e: e or ""  # noqa: E731
        return {"q": self.q or "", "fts": self.fts, "speaker": self.speaker or "", "about": self.about or "",
                "speaker_type": val(self.speaker_type), "since": self.since or "", "until": self.until or "",
                "date_field": val(self.date_field), "source": self.source or "", "kind": val(self.kind),
                "order": val(self.order), "gender": val(self.gender), "role": val(self.role),
                "section": self.section or "",
                "min_confidence": self.min_confidence if self.min_confidence is not None else ""}

# parameter name -> the Enum whose values it takes (for error messages)
CHOICES = {"speaker_type": "SpeakerType", "kind": "Kind", "order": "Order", "date_field": "DateField",
           "gender": "Gender", "role": "Role", "by": "Grouping"}
