"""Time expressions (TIMEX3) and the publication date.

A rule grammar over spaCy tokens. The word classes and rules are data
(``rules.py``); ``grammar.py`` matches them (longest match first, left to right)
and ``tagger.py`` adds modifiers ("early", "the end of", "about") and normalises
each match (``norm_dates.py``, ``norm_amounts.py``) to a TIMEX3 type, value and
mod anchored on the publication date. Weekdays, bare months and month-days
resolve by the tense of their clause (``tense.py``); a second pass (``context.py``)
sets the values that the expressions around them fix (a clock time takes the day its
sentence names). spaCy's entities are only used to veto matches inside names ("April
Ryan"). The conventions followed, and the record fields beyond type/value/mod
(``anchor``, ``anaphoric``, ``range_end``, ``freq``, ``quant``): ``docs/timex.md``.

Public: ``tag_timexes``, ``explain_timexes``, ``infer_published``,
``statement_date``, ``validate_value``, ``parse_value``/``format_value``, and
the spaCy components ``newsgraph_timex_v1`` (time anchoring: ``doc._.ng_timexes`` and
``doc._.ng_anchor`` from ``doc._.ng_published``, inferred when unset) and
``newsgraph_statement_dates_v1`` (``Quote.date`` of each statement).
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Quote, Timex
from .dates import infer_published, statement_date
from .grammar import RULES, Rule
from .tagger import explain_timexes, tag_timexes
from .values import format_value, parse_value, validate_value

__all__ = ["tag_timexes", "explain_timexes", "infer_published", "statement_date", "validate_value",
           "parse_value", "format_value", "timex_component", "statement_dates_component", "anchor_and_tag",
           "date_statements", "RULES", "Rule", "TIMEX_COMPONENT", "STATEMENT_DATES_COMPONENT"]

TIMEX_COMPONENT = "newsgraph_timex_v1"
STATEMENT_DATES_COMPONENT = "newsgraph_statement_dates_v1"

# In: ng_published, the publication date the input states (a date, "YYYY-MM-DD" or None).
# Out: ng_anchor, the date the expressions are resolved against (stated, else inferred, else None);
# ng_published_source, "inferred" when the anchor was inferred from the text; ng_timexes.
for _name in ("ng_published", "ng_anchor", "ng_published_source", "ng_timexes", "ng_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _as_date(value) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def anchor_and_tag(doc: Doc, published: Optional[dt.date], *,
                   infer: bool = True) -> tuple[Optional[dt.date], Optional[str], list[Timex]]:
    """(anchor, how it was found, time expressions): the stated publication date, or for an
    undated text the date inferred from it; the expressions tagged once, and again only
    when a date was inferred (unanchored values would hide the weekdays it reads)."""
    if published is not None or not infer:
        return published, None, tag_timexes(doc, published)
    unanchored = tag_timexes(doc, None)
    inferred = infer_published(doc, unanchored)
    if inferred is None:
        return None, None, unanchored
    return inferred, "inferred", tag_timexes(doc, inferred)


def date_statements(doc: Doc, quotes: list[Quote], timexes: list[Timex], published: Optional[dt.date]) -> None:
    """Each quote's ``date``: the time expression on its reporting verb ("said on Friday"),
    else the publication date. Sets ``date`` and ``date_source`` on the quotes."""
    for q in quotes:
        value = statement_date(doc, q.cue.start, q.cue.end, timexes) if q.cue else None
        if value:
            q.date, q.date_source = value, "text"
        elif published:
            q.date, q.date_source = published.isoformat(), "published"


@Language.factory(TIMEX_COMPONENT, default_config={"infer_published": True},
                  requires=["token.dep", "token.tag", "doc.ents"],
                  assigns=["doc._.ng_timexes", "doc._.ng_anchor", "doc._.ng_published_source"])
def timex_component(nlp, name, infer_published):  # no annotations: spaCy validates the config from them
    """Time anchoring and time expressions: ``doc._.ng_timexes`` (list[Timex]) resolved against
    ``doc._.ng_published`` or, when that is unset and ``infer_published`` is on, the date
    inferred from the text (``doc._.ng_anchor``)."""
    def timex_stage(doc: Doc) -> Doc:
        anchor, how, timexes = anchor_and_tag(doc, _as_date(doc._.ng_published), infer=infer_published)
        doc._.ng_anchor, doc._.ng_published_source, doc._.ng_timexes = anchor, how, timexes
        return doc
    return timex_stage


@Language.component(STATEMENT_DATES_COMPONENT, requires=["doc._.ng_quotes", "doc._.ng_timexes"],
                    assigns=["doc._.ng_quotes"])
def statement_dates_component(doc: Doc) -> Doc:
    """When each statement was made (``Quote.date``), from ``doc._.ng_timexes`` and ``doc._.ng_anchor``."""
    if doc._.ng_quotes is None or doc._.ng_timexes is None:
        raise ValueError(f"{STATEMENT_DATES_COMPONENT} needs the quotes and time expressions: add it after "
                         f"newsgraph_quotes_v1 and {TIMEX_COMPONENT}")
    date_statements(doc, doc._.ng_quotes, doc._.ng_timexes, doc._.ng_anchor)
    return doc
