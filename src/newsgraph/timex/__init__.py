"""Time expressions (TIMEX3) and the publication date.

A rule grammar over spaCy tokens. The word classes and rules are data
(``rules.py``); ``grammar.py`` matches them (longest match first, left to right)
and ``tagger.py`` adds modifiers ("early", "the end of", "about") and normalises
each match (``norm_dates.py``, ``norm_amounts.py``) to a TIMEX3 type, value and
mod anchored on the publication date. Weekdays, bare months and month-days
resolve by the tense of their clause (``tense.py``). spaCy's entities are only
used to veto matches inside names ("April Ryan").

Public: ``tag_timexes``, ``explain_timexes``, ``infer_published``,
``statement_date``, ``validate_value``, ``parse_value``/``format_value``, and
the spaCy component ``newsgraph_timex_v1`` that sets ``doc._.ng_timexes`` from
``doc._.ng_anchor``.
"""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .dates import infer_published, statement_date
from .grammar import RULES, Rule
from .tagger import explain_timexes, tag_timexes
from .values import format_value, parse_value, validate_value

__all__ = ["tag_timexes", "explain_timexes", "infer_published", "statement_date", "validate_value",
           "parse_value", "format_value", "timex_component", "RULES", "Rule", "TIMEX_COMPONENT"]

TIMEX_COMPONENT = "newsgraph_timex_v1"

if not Doc.has_extension("ng_timexes"):
    Doc.set_extension("ng_timexes", default=None)
if not Doc.has_extension("ng_anchor"):
    Doc.set_extension("ng_anchor", default=None)


@Language.component(TIMEX_COMPONENT, requires=["token.dep", "token.tag"], assigns=["doc._.ng_timexes"])
def timex_component(doc: Doc) -> Doc:
    """Sets ``doc._.ng_timexes`` (list[Timex]) anchored on ``doc._.ng_anchor`` (a date or None)."""
    anchor = doc._.ng_anchor
    if isinstance(anchor, str):
        anchor = dt.date.fromisoformat(anchor[:10])
    doc._.ng_timexes = tag_timexes(doc, anchor)
    return doc
