"""Word classes of tokens, the compiled rules, and the matcher over them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from . import rules as R


_RE_YEAR = re.compile(r"^(1\d{3}|20\d{2})$")
_RE_DAYNUM = re.compile(r"^([1-9]|[12]\d|3[01]|0[1-9])(st|nd|rd|th)?$")
_RE_ORDNUM = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_RE_CLOCK = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")
_RE_DECADE = re.compile(r"^(1\d|20)?(\d)0'?s$")
_RE_NUMDATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$|^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")
_RE_QTOKEN = re.compile(r"^q([1-4])$")
_RE_FYEAR = re.compile(r"^fy'?(\d{4}|\d{2})$")
_RE_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$")
_RE_FRACTION = re.compile(r"^(\d)/(\d{1,2})$")
_RE_PREFIXED = re.compile(r"^(mid|pre|post|early|late)-(?:(1\d{3}|20\d{2})|((?:1\d|20)\d0'?s))$")
_RE_YY = re.compile(r"^\d{2}$")

_HOLWORDS = {"day", "eve", "'s", "\u2019s", "sunday", "year"}
_NAME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "LAW", "EVENT"}


_CLASS_CACHE: dict[str, frozenset] = {}


def _classes(text: str) -> frozenset:
    """The word classes of a token's text (cached: the same words recur)."""
    got = _CLASS_CACHE.get(text)
    if got is not None:
        return got
    if len(_CLASS_CACHE) > 200_000:
        _CLASS_CACHE.clear()
    lw = text.lower()
    out = set(R.WORD_CLASSES.get(lw, ()))
    if out & {"MONTH", "WEEKDAY", "WEEKDAYS"} and not text[:1].isupper():
        out -= {"MONTH", "WEEKDAY", "WEEKDAYS"}
    if lw in _HOLWORDS:
        out.add("HOLWORD")
    if out & {"WEEKDAY", "DEICTIC"}:
        out.add("DAYREF")
    c = lw[:1]
    if c.isdigit() or c in "'q" or lw.startswith("fy"):
        if _RE_YEAR.match(lw):
            out.add("YEAR")
        m = _RE_DAYNUM.match(lw)
        if m:
            out.add("DAYNUM")
            if m.group(2):
                out.add("ORD")
            elif int(m.group(1)) <= 12:
                out.add("CLOCKNUM")
        if _RE_CLOCK.match(lw):
            out.update(("CLOCK", "CLOCKNUM"))
        if _RE_DECADE.match(lw):
            out.add("DECADE")
        if _RE_NUMDATE.match(lw):
            out.add("NUMDATE")
        if _RE_QTOKEN.match(lw):
            out.add("QTOKEN")
        if _RE_FYEAR.match(lw):
            out.add("FYEAR")
        if _RE_YY.match(lw):
            out.add("YY")
    elif c in "mpel" and "-" in lw:
        m = _RE_PREFIXED.match(lw)
        if m:  # "mid-1996", "post-1959", "the mid-1990s": one token with its modifier
            out.add("PFXYEAR" if m.group(2) else "PFXDECADE")
    if lw in _BY_WORD or lw in R.NUMBER_WORDS or c.isdigit() or \
            any(k in _BY_CLASS for k in out):
        out.add("_START")  # some rule may start here
    got = _CLASS_CACHE[text] = frozenset(out)
    return got


def _ord_value(lw: str) -> Optional[int]:
    if lw in R.ORDINALS:
        return R.ORDINALS[lw]
    m = _RE_ORDNUM.match(lw)
    return int(m.group(1)) if m else None


def _parse_number(toks: list[Token], i: int, classes: list[frozenset]) -> Optional[tuple[float, int]]:
    """A number phrase starting at ``i``: (value, end) or None. "twenty - four", "2 1/2"."""
    n = len(toks)
    lw = toks[i].lower_
    if _RE_DIGITS.match(lw):
        val = float(lw.replace(",", ""))
        j = i + 1
        if j < n:
            m = _RE_FRACTION.match(toks[j].lower_)
            if m and int(m.group(2)):
                val += int(m.group(1)) / int(m.group(2))
                j += 1
        return val, j
    if lw not in R.NUMBER_WORDS or lw == "half":
        return None
    total, cur, j = 0.0, 0.0, i
    while j < n:
        w = toks[j].lower_
        if w in R.NUMBER_WORDS and w != "half":
            v = R.NUMBER_WORDS[w]
            if v == 100:
                cur = (cur or 1) * 100
            else:
                cur += v
            j += 1
            if j + 1 < n and toks[j].text == "-" and toks[j + 1].lower_ in R.NUMBER_WORDS \
                    and toks[j + 1].lower_ != "half" and R.NUMBER_WORDS[w] >= 20:
                j += 1
            continue
        break
    total += cur
    return total, j


@dataclass(frozen=True)
class _Elem:
    classes: frozenset
    words: frozenset
    optional: bool
    num: bool = False


@dataclass(frozen=True)
class Rule:
    index: int
    name: str
    pattern: str
    norm: str
    type: str
    elems: tuple


def _compile(index: int, name: str, pattern: str, norm: str, typ: str) -> Rule:
    elems = []
    for part in pattern.split():
        opt = part.endswith("?") and len(part) > 1
        if opt:
            part = part[:-1]
        if part == "NUM":
            elems.append(_Elem(frozenset(), frozenset(), opt, num=True))
            continue
        cls, words = set(), set()
        for alt in part.split("|"):
            is_class = alt[:1].isalpha() and alt == alt.upper() and alt[:1].isupper()
            (cls if is_class else words).add(alt)
        elems.append(_Elem(frozenset(cls), frozenset(words), opt))
    if all(e.optional for e in elems):
        raise ValueError(f"rule {name}: at least one element must be required")
    return Rule(index, name, pattern, norm, typ, tuple(elems))


RULES: tuple[Rule, ...] = tuple(_compile(i, *r) for i, r in enumerate(R.RULES))
_BY_CLASS: dict[str, list[int]] = {}
_BY_WORD: dict[str, list[int]] = {}
_NUM_RULES: list[int] = []
_LEAD: dict[int, int] = {}   # rule index -> position of its first required element
for _r in RULES:
    # indexed by every element that can come first: leading optional ones and the first required
    for _k, _e in enumerate(_r.elems):
        if _e.num:
            _NUM_RULES.append(_r.index)
        for _c in _e.classes:
            _BY_CLASS.setdefault(_c, []).append(_r.index)
        for _w in _e.words:
            _BY_WORD.setdefault(_w, []).append(_r.index)
        if not _e.optional:
            _LEAD[_r.index] = _k
            break


def _elem_ok(st: "_State", e: "_Elem", j: int) -> bool:
    if j >= len(st.lowers):
        return False
    if e.num:
        return _parse_number(st.toks, j, st.classes) is not None
    return st.lowers[j] in e.words or not e.classes.isdisjoint(st.classes[j])


_MODS = sorted(((tuple(p.split()), mod, frozenset(norms)) for p, mod, norms in R.LEFT_MODIFIERS),
               key=lambda m: -len(m[0]))


@dataclass
class _State:
    doc: Doc
    anchor: Optional[dt.date]
    toks: list
    classes: list
    lowers: list = field(default_factory=list)
    last_quarter: Optional[tuple[int, int]] = None
    quarter_at: int = -1                      # token index of that quarter's mention
    period_at: int = -1                       # token index of a longer report period ("the nine months")
    ref_date: Optional[dt.date] = None      # the last day-level date mentioned
    ref_year: Optional[int] = None          # the last year mentioned (set by any date)
    ref_month: Optional[dt.date] = None     # the last month mentioned (its first day)
    ref_last: str = ""                      # which of them was mentioned last: "D", "M" or "Y"
    ref_at: int = -1                        # token index of the expression that set ref_date
    ref_year_at: int = -1                   # token index of the expression that set ref_year
    tense_cache: dict = field(default_factory=dict)
    has_sents: Optional[bool] = None        # does the doc have sentence boundaries (a parse)?


def _sent(st: _State, i: int):
    """The sentence of token ``i``, or the whole text when it has no sentence boundaries
    (a blank pipeline)."""
    if st.has_sents is None:
        st.has_sents = st.doc.has_annotation("SENT_START")
    return st.toks[i].sent if st.has_sents else st.doc[:]


def _match(st: _State, elems: tuple, k: int, pos: int, labels: list) -> Iterator[tuple[int, list]]:
    """All ways elements ``k..`` match from token ``pos``: (end, labels)."""
    if k == len(elems):
        yield pos, labels
        return
    e = elems[k]
    if pos < len(st.toks):
        if e.num:
            got = _parse_number(st.toks, pos, st.classes)
            if got:
                val, end = got
                yield from _match(st, elems, k + 1, end, labels + [("NUM", pos, end, val)])
        else:
            lw = st.lowers[pos]
            lab = None
            if lw in e.words:
                lab = lw
            else:
                hit = e.classes.intersection(st.classes[pos]) if e.classes else None
                if hit:
                    lab = min(hit)
            if lab is not None:
                yield from _match(st, elems, k + 1, pos + 1, labels + [(lab, pos, pos + 1, None)])
    if e.optional:
        yield from _match(st, elems, k + 1, pos, labels)


_RULES_AT_CACHE: dict[str, tuple] = {}


def _rules_at(st: _State, i: int) -> tuple:
    """The rules that may start at token ``i``, as (rule, lead) in rule order: they depend on
    its text alone, so they are cached by it."""
    text = st.toks[i].text
    got = _RULES_AT_CACHE.get(text)
    if got is not None:
        return got
    if len(_RULES_AT_CACHE) > 200_000:
        _RULES_AT_CACHE.clear()
    idx = set(_BY_WORD.get(st.lowers[i], ()))
    for c in st.classes[i]:
        found = _BY_CLASS.get(c)
        if found:
            idx.update(found)
    if _NUM_RULES and _parse_number(st.toks, i, st.classes):  # None-ness depends on token i only
        idx.update(_NUM_RULES)
    got = _RULES_AT_CACHE[text] = tuple((RULES[k], _LEAD[k]) for k in sorted(idx))
    return got


def _candidates(st: _State, i: int) -> list[Rule]:
    out = []
    for rule, lead in _rules_at(st, i):
        if lead:  # cheap check: the first required element must be within reach
            e = rule.elems[lead]
            if not any(_elem_ok(st, e, j) for j in range(i, i + lead + 1)):
                continue
        out.append(rule)
    return out



_COMPOUND_NEXT = {"to", "by", "old", "for"}


def _vetoed(st: _State, i: int, end: int) -> bool:
    """Matches that are names or parts of longer words, whatever the rule."""
    toks = st.toks
    n = len(toks)
    # "quarter-to-quarter", "year-by-year", "six-year-old"
    if end + 1 < n and toks[end].text == "-" and toks[end + 1].lower_ in _COMPOUND_NEXT:
        return True
    # a time word capitalised inside a sentence is a name: "High Noon", "This Week", "60 Minutes"
    last = toks[end - 1]
    if last.lower_ in _CAPS_NAMES and last.text[:1].isupper() and not last.is_sent_start \
            and "HOLIDAY" not in st.classes[i]:
        prev = toks[end - 2] if end >= 2 else None
        if not (end - 1 == i and prev is not None and (prev.is_punct or prev.is_quote
                                                        or prev.text in ("`", "``", "'", "''"))):
            return True
    return False


_CAPS_NAMES = {"noon", "week", "minutes", "hours", "days", "years", "months", "day", "year",
               "weeks", "month", "century", "decade", "future", "past", "today", "tonight"}
