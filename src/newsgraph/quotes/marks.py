"""Quotation marks: pair them into quoted spans.

Straight (``"``), doubled apostrophes (``''``), and curly marks are read.
Curly marks say which side they are on; straight ones are decided by their
neighbours. A quotation whose opening mark has no closing one in its
paragraph continues in the next paragraph when that paragraph opens with a
mark (the newspaper convention), and otherwise ends with its paragraph.
Single quotes are nested quotations and are left inside their span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MARK_RE = re.compile(r"''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENERS = {"\u201c", "\u201e", "\u00ab"}
_CLOSERS = {"\u201d", "\u00bb"}


@dataclass
class QuoteSpan:
    """Quoted words ``text[start:end]`` (marks excluded) in one paragraph."""
    start: int
    end: int
    paragraph: int
    closed: bool = True        # False: no closing mark in this paragraph
    continues: bool = False    # True: continues a quotation of the previous paragraph
    continued: bool = False    # True: goes on in the next paragraph


def _side(text: str, i: int, j: int, lo: int, hi: int) -> str:
    """'open' or 'close' for an ambiguous straight mark text[i:j]."""
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    if before.isspace() or before in "([{\u2014-/:":
        return "open"
    if after.isspace() or after in ".,;:!?)]}\u2014-":
        return "close"
    return "open" if not before.isalnum() else "close"


def paragraph_marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, side) of each double quotation mark in text[lo:hi]."""
    out = []
    for m in _MARK_RE.finditer(text, lo, hi):
        ch = m.group()
        if ch in _OPENERS:
            side = "open"
        elif ch in _CLOSERS:
            side = "close"
        else:
            side = _side(text, m.start(), m.end(), lo, hi)
        out.append((m.start(), m.end(), side))
    return out


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Quoted spans of each paragraph, in text order.

    ``paragraphs`` holds (start, end) pairs. Unbalanced marks never raise: a
    closing mark with no opener is ignored, an opener with no closer runs to
    the end of its paragraph.
    """
    spans: list[QuoteSpan] = []
    carry = False  # the previous paragraph ended inside an open quotation
    for pi, (lo, hi) in enumerate(paragraphs):
        marks = paragraph_marks(text, lo, hi)
        opened: int | None = None
        para_spans: list[QuoteSpan] = []
        first_is_open = bool(marks) and marks[0][2] == "open" and not text[lo:marks[0][0]].strip()
        if carry and not first_is_open:
            # the previous quotation runs on without a fresh opening mark only when
            # this paragraph closes it before opening another one
            if marks and marks[0][2] == "close":
                para_spans.append(QuoteSpan(lo, marks[0][0], pi, True, continues=True))
                marks = marks[1:]
        for s, e, side in marks:
            curly_open = text[s:e] in _OPENERS
            if opened is None:
                if side == "open":
                    opened = e
                # a stray closing mark: ignored
            elif curly_open:
                # a fresh opening mark before any closer: the first quotation was
                # left open; keep it up to here and start again
                if text[opened:s].strip():
                    para_spans.append(QuoteSpan(opened, s, pi, closed=False))
                opened = e
            else:  # any other mark after an opener closes it
                if s > opened:
                    para_spans.append(QuoteSpan(opened, s, pi))
                opened = None
        if opened is not None and opened < hi:
            para_spans.append(QuoteSpan(opened, hi, pi, closed=False))
        # continuation from the previous paragraph
        if carry and first_is_open and para_spans and spans:
            para_spans[0].continues = True
            spans[-1].continued = True
        carry = bool(para_spans) and not para_spans[-1].closed
        spans.extend(s for s in para_spans if text[s.start:s.end].strip())
    return spans
