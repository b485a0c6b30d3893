"""The second pass: expressions whose value depends on the others around them.

The scan (``tagger.py``) resolves each expression as it meets it, left to right. Some
need what comes after them or the story around them:

- a clock time with no day of its own ("at 10:35 a.m.", "mid-afternoon") falls on the day
  its sentence names, before or after it ("at 10:35 a.m. (0735 GMT) Friday"); in a
  past-tense clause with no day in the sentence, on the day the story was last about (a
  day named in the ``NARRATIVE_SENTENCES`` sentences before); else on the publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .grammar import _sent, _State
from .tense import _tense

_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class Found:
    """One expression of the scan: tokens ``start:end`` and what its normaliser gave."""
    start: int
    end: int
    rule: str
    norm: str
    type: str
    value: str
    mod: Optional[str]
    extra: dict = field(default_factory=dict)  # record fields (anchor, ...) and "_" notes for this pass


NARRATIVE_SENTENCES = 1  # how far back the day a past-tense story is about may have been named


def resolve_in_context(st: _State, found: list[Found]) -> None:
    """Rewrite, in place, the values that the expressions around them fix."""
    for f in found:
        if f.extra.get("_bare_clock"):
            _clock_day(st, found, f)


def _clock_day(st: _State, found: list[Found], f: Found) -> None:
    time = f.value.split("T", 1)[1]
    sent = _sent(st, f.start)
    days = [g for g in found if g is not f and sent.start <= g.start < sent.end
            and g.type in ("DATE", "TIME") and _DAY_VALUE.match(g.value)
            and not g.extra.get("_bare_clock")]
    if days:
        g = min(days, key=lambda g: abs(g.start - f.start))
        day = g.value[:10]
    else:
        ref, at = f.extra.get("_ref"), f.extra.get("_ref_at", -1)
        if ref is None or at < 0 or _tense(st, f.start) != "past":
            return
        k, s = 0, sent
        while s.start > at and k < NARRATIVE_SENTENCES and s.start > 0:
            s = _sent(st, s.start - 1)
            k += 1
        if s.start > at:
            return
        day = ref.isoformat()
    if st.anchor is not None and day == st.anchor.isoformat():
        return
    f.value = f"{day}T{time}"
    f.extra["anchor"] = day
