"""The publication date of undated text, and when a statement was made."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.tokens import Doc, Token

from ..records import Timex
from .grammar import _State
from .tagger import tag_timexes
from .tense import _tense


def _timex_token(doc: Doc, t: Timex) -> Optional[Token]:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def infer_published(doc: Doc, timexes: Optional[list[Timex]] = None) -> Optional[dt.date]:
    """The publication date of an undated text, or None when the text does not support one.

    The latest explicit full date the text mentions (not in a future-tense clause)
    is a lower bound; every weekday, "yesterday" or "today" reported in a past-tense
    clause is taken to fall on or after it, and the date is the latest of them.

    ``timexes``: the text's expressions already tagged with no anchor
    (``tag_timexes(doc, None)``), so that they need not be tagged again; tagged
    here when not given. Anchored values would hide the weekdays it reads.
    """
    tx = tag_timexes(doc, None) if timexes is None else timexes
    st = _State(doc, None, list(doc), [], [])
    latest = None
    for t in tx:
        if t.type in ("DATE", "TIME") and re.match(r"^\d{4}-\d{2}-\d{2}", t.value):
            tok = _timex_token(doc, t)
            if tok is not None and _tense(st, tok.i) == "future":
                continue
            d = dt.date.fromisoformat(t.value[:10])
            latest = d if latest is None or d > latest else latest
    if latest is None:
        return None
    best, evidence = latest, False
    for t in tx:
        m = re.match(r"^XXXX-WXX-([1-7])", t.value)
        deictic = t.value.startswith("XXXX-XX-XX") and t.text.lower().split()[0] in ("yesterday", "today", "tonight")
        if not m and not deictic:
            continue
        tok = _timex_token(doc, t)
        if tok is None or _tense(st, tok.i) != "past":
            continue
        evidence = True
        if m:
            wd = int(m.group(1))
            d = latest + dt.timedelta(days=(wd - latest.isoweekday()) % 7)
        else:
            d = latest + dt.timedelta(days=1 if t.text.lower().startswith("yesterday") else 0)
        best = max(best, d)
    return best if evidence else None




def _attached(tok: Token, verbs: set) -> bool:
    """Is the expression headed by ``tok`` a modifier of one of ``verbs``? Directly or through
    a preposition ("said on Friday"), or wedged between the verb and its subject, where the
    parser often hangs it on the subject ("Trump on Thursday expressed")."""
    h, hops = tok.head, 0
    while h.i not in verbs and h.dep_ == "prep" and hops < 2 and h.head is not h:
        h = h.head
        hops += 1
    if h.i in verbs:
        return True
    if h.dep_ in ("nsubj", "nsubjpass") and h.head.i in verbs:
        lo, hi = sorted((h.i, h.head.i))
        return lo < tok.i < hi
    return False


def statement_date(doc: Doc, cue_start: int, cue_end: int, timexes: list[Timex]) -> Optional[str]:
    """The TIMEX3 value of the time expression attached to the reporting verb at
    ``doc.text[cue_start:cue_end]`` ("Trump on Thursday said" -> the Thursday), else None."""
    cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    verbs = {t.i for t in cue if t.pos_ in ("VERB", "AUX")} or {cue.root.i}
    best = None
    for t in timexes:
        if t.type not in ("DATE", "TIME") or t.value.endswith("_REF"):
            continue
        tok = _timex_token(doc, t)
        if tok is None or tok.sent.start != doc[min(verbs)].sent.start:
            continue
        if _attached(tok, verbs):
            dist = abs(tok.i - min(verbs))
            if best is None or dist < best[0]:
                best = (dist, t.value)
    return best[1] if best else None
