"""Statements of an article: direct, indirect and mixed quotes with their cues.

``extract_quotes`` runs the passes over one parsed document (``QuoteDoc``):

1. ``cues``: reporting verbs of the lexicon (``lexicon.py``) outside quotation
   marks, with their subject (or the one they inherit as a conjunct or a
   participle: "..., adding that") and their content (``content.py``): a
   complement clause, an infinitive, an object, a prepositional object
   ("warning of"); statement nouns ("her claim that"); "according to X"; a
   parenthetical cue ("This year, she says, was ...");
2. ``turns``: interview answers ("A: ...", "NAME: ...") are direct quotations of
   the interviewee, with no cue;
3. ``quotations``: quotations not yet covered take the cue of their own sentence,
   else continue the statement before them;
4. ``attribution``: speakers resolved (``speakers.py``) and records made.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Entity, Paragraph, Quote
from .attribution import records_with_features
from .cues import cue_statements
from .document import QuoteDoc
from .quotations import quotation_statements
from .turns import interview_turns


def extract_quotes(doc: Doc, entities: list[Entity], paragraphs: list[Paragraph]) -> list[Quote]:
    """Every statement the article reports, in text order.

    ``paragraphs`` are the blocks of ``doc.text`` with their roles; statements
    are not looked for in captions and headings. Offsets point into ``doc.text``.
    """
    if not len(doc) or not doc.has_annotation("DEP"):
        return []  # statements are read from the parse; an unparsed doc has none
    if not paragraphs:
        paragraphs = [Paragraph(0, len(doc.text), "body")]
    return [q for q, _ in extract_quotes_with_features(doc, entities, paragraphs)]


def extract_quotes_with_features(doc: Doc, entities: list[Entity],
                                 paragraphs: list[Paragraph]) -> list[tuple[Quote, list[str]]]:
    """``extract_quotes``, each quote with the features its confidence was scored
    from (for fitting the confidence model: ``scripts/fit_confidence.py``)."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    if not paragraphs:
        paragraphs = [Paragraph(0, len(doc.text), "body")]
    qd = QuoteDoc(doc, entities, paragraphs)
    cue_statements(qd)
    interview_turns(qd)
    quotation_statements(qd)
    return records_with_features(qd)
