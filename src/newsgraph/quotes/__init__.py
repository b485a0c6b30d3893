"""Who said what: direct, indirect and mixed quotes, their cues and speakers.

``extract_quotes(doc, entities, paragraphs)`` is the pure function; the spaCy
component ``newsgraph_quotes_v1`` calls it and stores the result on
``doc._.ng_quotes`` (entities from ``doc._.ng_entities``, computed when the
``newsgraph_entities_v1`` component has not run; paragraphs from
``doc._.ng_paragraphs``, or blank-line blocks with role body when unset).

    import newsgraph.quotes  # registers the factories
    nlp.add_pipe("newsgraph_entities_v1")
    nlp.add_pipe("newsgraph_quotes_v1")
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..entities import entities_component, extract_entities
from ..nlp import paragraph_spans
from ..records import Paragraph
from .extract import extract_quotes

__all__ = ["extract_quotes", "quotes_component", "entities_component", "paragraphs_of"]

for _name in ("ng_paragraphs", "ng_entities", "ng_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def paragraphs_of(doc: Doc) -> list[Paragraph]:
    """``doc._.ng_paragraphs``, or blank-line blocks with role body when unset."""
    paras = doc._.ng_paragraphs
    if paras is None:
        paras = [Paragraph(s, e, "body") for s, e in paragraph_spans(doc.text)]
    return paras


@Language.component("newsgraph_quotes_v1", assigns=["doc._.ng_quotes"],
                    requires=["token.dep", "doc.ents"])
def quotes_component(doc: Doc) -> Doc:
    """spaCy component: ``doc._.ng_quotes = extract_quotes(...)``."""
    entities = doc._.ng_entities
    if entities is None:
        entities = doc._.ng_entities = extract_entities(doc)
    doc._.ng_quotes = extract_quotes(doc, entities, paragraphs_of(doc))
    return doc
