"""The data model: ArticleRecord and its parts, and their JSON form.

Everything downstream of extraction (store, API, UI, scorer) reads these
plain dataclasses, never a spaCy object. Character offsets (``start``/``end``)
always point into ``ArticleRecord.text``, the clean text.
"""
from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA_VERSION = "1.1"  # 1.1: speaker profiles (Entity.profile, Speaker.profile)
CONFLICT_MARK = "~"   # ID~2: a second input that claimed the id ID with another text (kept, never merged)
_SURROGATE = re.compile("[\ud800-\udfff]")

PARAGRAPH_ROLES = ("title", "body", "heading", "caption", "table", "comments")
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
    anchor: Optional[str] = None   # TIMEX3 value of the time it was resolved against, when not the
    #                                publication date: the day a story is about, an earlier date
    anaphoric: bool = False        # resolved through an earlier mention ("that day", "the same week")
    range_end: Optional[str] = None  # a range ("2011-2012", "1987-88"): value is its start, this its end
    freq: Optional[str] = None     # SET: how often per period, TIMEX3 style ("2X" for "twice a week")
    quant: Optional[str] = None    # SET: the quantifier ("EVERY", "EACH")


EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass
class EventActor:
    """Who acts or is acted on (PLOVER source or target), or where an event happens."""
    text: str                      # the words of the clean text, text[start:end]
    start: int
    end: int
    entity: Optional[str] = None   # Entity.id within the article
    name: Optional[str] = None     # canonical name (the entity's, or the country's for a capital)
    country: Optional[str] = None  # ISO 3166-1 alpha-3 where known
    sector: Optional[str] = None   # PLOVER/CAMEO agent: GOV, MIL, LEG, JUD, REB, OPP, BUS, MED, CVL, IGO, NGO ...


@dataclass
class Event:
    """A coded political event: who did what to whom (PLOVER), and when and where."""
    type: str                      # one of EVENT_TYPES
    trigger: Mention               # the words that report it
    start: int                     # the sentence, text[start:end]
    end: int
    source: Optional[EventActor] = None
    target: Optional[EventActor] = None
    mode: Optional[str] = None     # PLOVER mode ("strike", "firearms", "allege" ...)
    context: list[str] = field(default_factory=list)   # "military", "economic", "diplomatic" ...
    date: Optional[str] = None     # TIMEX3 value of the event's own time (never the publication date)
    location: Optional[EventActor] = None
    negated: bool = False          # "did not attack"
    hypothetical: bool = False     # conditional or merely entertained: "if", "unless", "open to"
    quote: Optional[int] = None    # index into ArticleRecord.quotes of the statement that is the act


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


# ------------------------------------------------------------------ valid text
# Every text in a record is valid Unicode: a lone surrogate (from a JSON "\\ud800" escape,
# or a file name decoded with surrogateescape) cannot be written as UTF-8 (JSONL, SQLite,
# Parquet), so readers and writers repair it with these.


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were.

    Python strings can hold lone surrogates (from a JSON ``\\ud800`` escape, or a file
    name decoded with ``surrogateescape``); they cannot be encoded as UTF-8, so they
    would crash whatever writes the record (JSONL, SQLite, Parquet)."""
    if not isinstance(text, str):
        return text, 0
    try:
        text.encode("utf-8")
        return text, 0
    except UnicodeEncodeError:
        pass
    return _SURROGATE.subn("\ufffd", text)


def valid_tree(obj):
    """A parsed JSON value with every string made valid (see ``valid_text``), and the repairs."""
    if isinstance(obj, str):
        return valid_text(obj)
    if isinstance(obj, list):
        pairs = [valid_tree(v) for v in obj]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(obj, dict):
        out, total = {}, 0
        for k, v in obj.items():
            (k2, n1), (v2, n2) = valid_text(k), valid_tree(v)
            out[k2] = v2
            total += n1 + n2
        return out, total
    return obj, 0


def safe_text(text) -> str:
    """A string that can always be written (an error row, a log line): lone surrogates replaced."""
    return valid_text(text if isinstance(text, str) else str(text))[0]
