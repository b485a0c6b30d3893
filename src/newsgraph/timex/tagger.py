"""The scan: rules matched left to right, longest first, then normalised; modifiers added."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from spacy.tokens import Doc

from ..records import Timex
from .grammar import RULES, _MODS, _State, _candidates, _classes, _match, _vetoed
from .norm_amounts import (
    _n_ago,
    _n_clock,
    _n_duration,
    _n_duration_fuzzy,
    _n_ref,
    _n_duration_vague,
    _n_set,
)
from .norm_dates import (
    _n_century,
    _n_date,
    _n_decade,
    _n_deictic,
    _n_edge_rel,
    _n_for_the_unit,
    _n_half,
    _n_holiday,
    _n_month,
    _n_pod,
    _n_quarter,
    _n_range,
    _n_ref_day,
    _n_ref_next,
    _n_rel,
    _n_rel_quarter,
    _n_season,
    _n_spoken_year,
    _n_the_year,
    _n_unit_ended,
    _n_weekday,
    _n_year,
    _n_year_ago,
    _n_year_ago_quarter,
    _n_year_quarter,
)
from .context import Found, resolve_in_context
from .values import validate_value


def tag_timexes(doc: Doc, anchor: Optional[dt.date]) -> list[Timex]:
    """Every time expression of ``doc``: offsets into ``doc.text``, TIMEX3 type/value/mod.

    Relative expressions are anchored on ``anchor`` (the publication date);
    with ``anchor`` None they get underspecified values ("XXXX-WXX-4",
    "PRESENT_REF") instead of invented dates.
    """
    return [t for t, _ in explain_timexes(doc, anchor)]


def explain_timexes(doc: Doc, anchor: Optional[dt.date]) -> list[tuple[Timex, str]]:
    """``tag_timexes`` with the name of the rule that found each expression."""
    toks = list(doc)
    texts = [t.text for t in toks]
    classes = [_classes(t) for t in texts]
    st = _State(doc, anchor, toks, classes, [t.lower() for t in texts])
    found_all: list[Found] = []
    n, i, last_end = len(toks), 0, 0
    while i < n:
        if "_START" not in classes[i]:
            i += 1
            continue
        found = None
        cands = []
        for rule in _candidates(st, i):
            for end, labels in _match(st, rule.elems, 0, i, []):
                cands.append((-(end - i), rule.index, end, rule, labels))
        cands.sort(key=lambda c: (c[0], c[1]))
        ref_before, year_before = st.ref_date, st.ref_year
        for _, _, end, rule, labels in cands:
            if _vetoed(st, i, end):
                continue
            try:
                res = _NORMS[rule.norm](st, rule, i, end, labels)
            except (ValueError, OverflowError):  # a date out of the calendar's range
                res = None
            if res is not None and validate_value(res[1]):
                found = (rule, end, res)
                break
        if not found:
            i += 1
            continue
        rule, end, res = found
        typ, value, mod = res[:3]
        extra = dict(res[4]) if len(res) > 4 and res[4] else {}
        start = i
        if len(res) > 3 and res[3] is not None:  # the normaliser kept only part of the match
            start, end = res[3]
        while end - 1 > start and toks[end - 1].lower_ in ("of", ","):
            end -= 1  # an optional element left dangling: "the first half of [the year]"
        start, mod = _left_modifiers(st, rule, start, last_end, mod)
        if st.ref_date != ref_before or st.ref_date and value.startswith(st.ref_date.isoformat()):
            st.ref_at = start  # where the story was last about that day (or year)
        if st.ref_year != year_before or st.ref_year and value[:4] == f"{st.ref_year:04d}":
            st.ref_year_at = start
        found_all.append(Found(start, end, rule.name, rule.norm, typ, value, mod, extra))
        last_end = end
        i = end
    resolve_in_context(st, found_all)
    out = []
    for f in found_all:
        span = doc[f.start:f.end]
        text = span.text
        fields = {k: v for k, v in f.extra.items() if not k.startswith("_")}
        out.append((Timex(text=text, start=span.start_char, end=span.start_char + len(text),
                          type=f.type, value=f.value, mod=f.mod or None, **fields), f.rule))
    return out


def _left_modifiers(st, rule, start: int, last_end: int, mod):
    """Words on the left that belong to the expression ("the end of", "about", "early"), and their mod."""
    toks = st.toks
    for words, mmod, norms in _MODS:
        s = start - len(words)
        if s < last_end:
            continue
        if all(toks[s + k].lower_ == w for k, w in enumerate(words)) and rule.norm in norms:
            if words == ("over",) and st.lowers[start] == "the":
                continue  # "over the past two months": a span, not "more than"
            if words[-1] != "-" and start - 1 >= 0 and toks[start - 1].text == "-":
                continue
            return s, (mmod or mod)
    if start - 1 >= last_end and start - 2 >= 0 and toks[start - 1].text == "-":
        w = toks[start - 2].lower_
        for words, mmod, norms in _MODS:
            if len(words) == 1 and words[0] == w and rule.norm in norms:
                return start - 2, (mmod or mod)
    return start, mod


_NORMS: dict[str, Callable] = {
    "date": _n_date, "month": _n_month, "year": _n_year, "spoken_year": _n_spoken_year, "range": _n_range,
    "decade": _n_decade, "century": _n_century, "quarter": _n_quarter,
    "rel_quarter": _n_rel_quarter, "year_ago_quarter": _n_year_ago_quarter,
    "year_ago": _n_year_ago, "unit_ended": _n_unit_ended, "for_the_unit": _n_for_the_unit, "year_quarter": _n_year_quarter, "half": _n_half, "season": _n_season, "holiday": _n_holiday,
    "weekday": _n_weekday, "deictic": _n_deictic, "pod": _n_pod, "ref_day": _n_ref_day,
    "ref_next": _n_ref_next, "the_year": _n_the_year, "rel": _n_rel, "edge_rel": _n_edge_rel, "ago": _n_ago,
    "ref": _n_ref, "duration_vague": _n_duration_vague, "duration": _n_duration,
    "duration_fuzzy": _n_duration_fuzzy, "set": _n_set, "clock": _n_clock,
}
for _r in RULES:
    if _r.norm not in _NORMS:
        raise ValueError(f"rule {_r.name}: unknown normaliser {_r.norm!r}")
