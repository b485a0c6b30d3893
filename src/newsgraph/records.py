"""The data model: ArticleRecord and its parts, and their JSON form.

Everything downstream of extraction (store, API, UI, scorer) reads these
plain dataclasses, never a spaCy object. Character offsets (``start``/``end``)
always point into ``ArticleRecord.text``, the clean text.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA_VERSION = "1.1"  # 1.1: speaker profiles (Entity.profile, Speaker.profile)

PARAGRAPH_ROLES = ("title", "body", "heading", "caption")
QUOTE_KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organisation", "country", "group", "anonymous")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GENDERS = ("female", "male", "unknown")
# who a source is (docs/profiles.md): the roles of the source-diversity figures
ROLES = ("government", "legislator", "judiciary", "police_military", "party", "expert", "business",
         "civil_society", "union", "religious", "media", "sports_culture", "ordinary", "unknown")


@dataclass
class Paragraph:
    """One block of the clean text, ``text[start:end]``, with its role."""
    start: int
    end: int
    role: str = "body"


@dataclass
class Mention:
    """Words of the clean text, ``text[start:end]``."""
    text: str
    start: int
    end: int


@dataclass
class Evidence:
    """One piece of text or data behind a profile value: ``she`` (pronoun), ``Ms.``
    (honorific), ``given name Margaret`` (names data), ``specialist`` (role noun)..."""
    kind: str                      # pronoun | honorific | role_noun | given_name | descriptor | name | type
    text: str                      # the words, or the datum
    value: str                     # what it points to: female, expert, E3, South Korea ...
    start: Optional[int] = None    # into ArticleRecord.text, when it comes from the article
    end: Optional[int] = None


@dataclass
class ProfileField:
    """A profile value with the evidence behind it; ``value`` is ``unknown`` (gender,
    role) or None (affiliation, country) when the text gives nothing."""
    value: Optional[str] = None
    label: Optional[str] = None    # a readable name for an id value (the affiliation's name)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Profile:
    """Who a speaker is, as far as the article says (``newsgraph.profiles``)."""
    kind: str = "person"           # one of SPEAKER_TYPES: organisations, countries, groups keep theirs
    gender: ProfileField = field(default_factory=lambda: ProfileField("unknown"))  # one of GENDERS
    role: ProfileField = field(default_factory=lambda: ProfileField("unknown"))    # one of ROLES
    affiliation: ProfileField = field(default_factory=ProfileField)  # value: an Entity.id
    country: ProfileField = field(default_factory=ProfileField)      # value: a country name
    anonymous: bool = False        # a source the article does not name


@dataclass
class Entity:
    """An in-document entity: every mention of one person, organisation, place..."""
    id: str
    name: str                      # canonical: fullest proper name, no titles
    type: str                      # spaCy-style label: PERSON, ORG, GPE, NORP, FAC, LOC, ...
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    profile: Optional[Profile] = None   # speakers only


@dataclass
class Speaker:
    name: str
    type: str                      # one of SPEAKER_TYPES
    entity: Optional[str] = None   # Entity.id within the article
    mention: Optional[Mention] = None
    descriptor: Optional[str] = None
    affiliation: Optional[str] = None
    profile: Optional[Profile] = None   # a speaker that is no entity (anonymous, a group); else Entity.profile


@dataclass
class Cue:
    text: str
    start: int
    end: int


@dataclass
class About:
    entity: str                    # Entity.id
    name: str


@dataclass
class Quote:
    text: str
    kind: str                      # one of QUOTE_KINDS
    start: int
    end: int
    paragraph: int                 # index into ArticleRecord.paragraphs
    speaker: Optional[Speaker] = None
    cue: Optional[Cue] = None
    channel: Optional[str] = None
    about: list[About] = field(default_factory=list)
    date: Optional[str] = None     # TIMEX3 value of when the statement was made
    date_source: Optional[str] = None  # "text" | "published"
    confidence: Optional[float] = None  # calibrated probability that the speaker is right (quotes/confidence.py)


@dataclass
class Timex:
    text: str
    start: int
    end: int
    type: str                      # one of TIMEX_TYPES
    value: str                     # TIMEX3 value
    mod: Optional[str] = None      # TIMEX3 mod: START, END, APPROX, ...


@dataclass
class Event:
    """A coded political event (who did what to whom); filled by a later stage."""
    code: str
    source: str
    target: Optional[str] = None
    start: int = 0
    end: int = 0
    date: Optional[str] = None


@dataclass
class ArticleRecord:
    id: str
    source: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None          # YYYY-MM-DD
    published_source: Optional[str] = None   # supplied | html | path | inferred
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)  # author, site, url, dateline ...
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    language: str = "en"
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict:
        return to_dict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleRecord":
        return from_dict(cls, data)

    @classmethod
    def from_json(cls, line: str) -> "ArticleRecord":
        return cls.from_dict(json.loads(line))

    def paragraph_text(self, i: int) -> str:
        p = self.paragraphs[i]
        return self.text[p.start:p.end]


def drop_below_confidence(rec: ArticleRecord, min_confidence: Optional[float]) -> int:
    """Leave out the quotes whose speaker confidence is below ``min_confidence`` (a
    quote with no confidence counts as 0); their number goes into
    ``metadata["quotes_below_confidence"]``. Returns that number."""
    if not min_confidence:
        return 0
    kept = [q for q in rec.quotes if (q.confidence or 0.0) >= min_confidence]
    dropped = len(rec.quotes) - len(kept)
    rec.quotes = kept
    if dropped:
        rec.metadata["quotes_below_confidence"] = dropped
    return dropped


@dataclass
class ErrorInfo:
    code: str
    message: str


@dataclass
class ErrorRecord:
    """An input that could not become an ArticleRecord, and why."""
    id: str
    source: str
    error: ErrorInfo

    def to_dict(self) -> dict:
        return to_dict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "ErrorRecord":
        return from_dict(cls, data)


def to_dict(obj: Any) -> Any:
    """A dataclass tree as plain JSON-ready dicts and lists (field order kept)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is list:
        (inner,) = typing.get_args(tp)
        return [_convert(inner, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def from_dict(cls: type, data: dict) -> Any:
    """Rebuild a dataclass tree from ``to_dict`` output; unknown keys are ignored."""
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)
