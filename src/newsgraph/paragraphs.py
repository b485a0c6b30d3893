"""Paragraphs of the clean text, and the first stage of the pipeline.

The clean text separates paragraphs by a blank line (``ArticleRecord.text``). The
component ``newsgraph_paragraph_breaks_v1`` makes the token after a blank line start
a sentence, so no sentence runs across paragraphs. It sets sentence starts, so it
must run before the parser: ``nlp.add_pipe("newsgraph_paragraph_breaks_v1",
before="parser")``; placed after it, it raises an error that says so.

``doc._.ng_paragraphs`` (list[Paragraph] with roles) is set by the caller before
the stages run (the pipeline does, from the cleaner's blocks); when it is unset the
stages read the blank-line blocks as body paragraphs (``paragraphs_of``).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .records import Paragraph

PARAGRAPHS_COMPONENT = "newsgraph_paragraph_breaks_v1"
_BREAK_RE = re.compile(r"\n\s*\n")

if not Doc.has_extension("ng_paragraphs"):
    Doc.set_extension("ng_paragraphs", default=None)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a clean text, split on blank lines."""
    spans, pos = [], 0
    for m in _BREAK_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def paragraphs_of(doc: Doc) -> list[Paragraph]:
    """``doc._.ng_paragraphs``, or blank-line blocks with role body when unset."""
    paras = doc._.ng_paragraphs
    if paras is None:
        paras = [Paragraph(s, e, "body") for s, e in paragraph_spans(doc.text)]
    return paras


@Language.component(PARAGRAPHS_COMPONENT, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """No sentence runs across a blank line: the token after one starts a sentence."""
    if len(doc) and doc.has_annotation("DEP"):
        raise ValueError(f"{PARAGRAPHS_COMPONENT} sets sentence starts, so it must run before the parser: "
                         f"nlp.add_pipe({PARAGRAPHS_COMPONENT!r}, before='parser')")
    newlines = 0
    for tok in doc:
        if tok.is_space:
            newlines += tok.text.count("\n")
            continue
        if newlines >= 2 and tok.i > 0:
            tok.is_sent_start = True
        newlines = tok.whitespace_.count("\n")
    return doc
