"""Who did what to whom: political events coded in PLOVER.

``extract_events(doc, entities, quotes, timexes, paragraphs)`` is the pure
function (``extract.py``); the lexicon of triggers, frames, modes and sectors is
data (``lexicon.py``); actors resolve to entities, canonical names and ISO country
codes (``actors.py``, ``countries.py``). The spaCy component
``newsgraph_events_v1`` reads ``doc._.ng_entities``, ``doc._.ng_quotes``,
``doc._.ng_timexes`` and ``doc._.ng_paragraphs`` and sets ``doc._.ng_events``.

    import newsgraph.events  # registers the factory
    nlp.add_pipe("newsgraph_events_v1")      # after the entity, quote and time stages
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .countries import country_code, country_name
from .extract import extract_events

__all__ = ["extract_events", "events_component", "country_code", "country_name", "EVENTS_COMPONENT"]

EVENTS_COMPONENT = "newsgraph_events_v1"

for _name in ("ng_paragraphs", "ng_entities", "ng_quotes", "ng_timexes", "ng_events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component(EVENTS_COMPONENT, assigns=["doc._.ng_events"],
                    requires=["token.dep", "doc.ents", "doc._.ng_entities", "doc._.ng_quotes", "doc._.ng_timexes"])
def events_component(doc: Doc) -> Doc:
    """spaCy component: ``doc._.ng_events = extract_events(...)`` from the earlier stages' results."""
    from ..paragraphs import paragraphs_of
    from ..quotes import require_parse

    require_parse(doc, EVENTS_COMPONENT)
    if doc._.ng_quotes is None or doc._.ng_timexes is None:
        raise ValueError(f"{EVENTS_COMPONENT} reads the entities, quotes and time expressions of the earlier "
                         "stages: add it after newsgraph_statement_dates_v1 (or use newsgraph.nlp.add_stages)")

    doc._.ng_events = extract_events(doc, doc._.ng_entities or [], doc._.ng_quotes or [],
                                     doc._.ng_timexes or [], paragraphs_of(doc))
    return doc
