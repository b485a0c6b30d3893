"""Time expressions (TIMEX3) and the publication date.

A rule grammar over spaCy tokens: the word classes and rules are data in
``timex_rules.py``; this module matches them (longest match first, left to
right), adds modifiers ("early", "the end of", "about"), and normalises each
match to a TIMEX3 type, value and mod anchored on the publication date.
Weekdays, bare months and month-days resolve by the tense of their clause.
spaCy's entities are only used to veto matches inside names ("April Ryan").

Public functions: ``tag_timexes``, ``infer_published``, ``statement_date``,
``validate_value``, ``parse_value``/``format_value``; the spaCy component
``newsgraph_timex_v1`` sets ``doc._.ng_timexes`` from ``doc._.ng_anchor``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import timex_rules as R
from .records import Timex

__all__ = ["tag_timexes", "explain_timexes", "infer_published", "statement_date", "validate_value",
           "parse_value", "format_value", "TIMEX_COMPONENT"]

TIMEX_COMPONENT = "newsgraph_timex_v1"

if not Doc.has_extension("ng_timexes"):
    Doc.set_extension("ng_timexes", default=None)
if not Doc.has_extension("ng_anchor"):
    Doc.set_extension("ng_anchor", default=None)

# ---------------------------------------------------------------- token classes
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


# ---------------------------------------------------------------- rule compilation
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


# ---------------------------------------------------------------- the scan
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
    ref_year: Optional[int] = None          # the last year mentioned
    tense_cache: dict = field(default_factory=dict)


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


def _candidates(st: _State, i: int) -> list[Rule]:
    idx = set(_BY_WORD.get(st.lowers[i], ()))
    for c in st.classes[i]:
        got = _BY_CLASS.get(c)
        if got:
            idx.update(got)
    if _NUM_RULES and _parse_number(st.toks, i, st.classes):
        idx.update(_NUM_RULES)
    out = []
    for k in sorted(idx):
        rule = RULES[k]
        lead = _LEAD[k]
        if lead:  # cheap check: the first required element must be within reach
            e = rule.elems[lead]
            if not any(_elem_ok(st, e, j) for j in range(i, i + lead + 1)):
                continue
        out.append(rule)
    return out


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
    out: list[tuple[Timex, str]] = []
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
        for _, _, end, rule, labels in cands:
            if _vetoed(st, i, end):
                continue
            res = _NORMS[rule.norm](st, rule, i, end, labels)
            if res is not None:
                found = (rule, end, res)
                break
        if not found:
            i += 1
            continue
        rule, end, res = found
        typ, value, mod = res[:3]
        start = i
        if len(res) > 3:  # the normaliser kept only part of the match as the expression
            start, end = res[3]
        # left modifiers
        for words, mmod, norms in _MODS:
            s = start - len(words)
            if s < last_end:
                continue
            if all(toks[s + k].lower_ == w for k, w in enumerate(words)) and rule.norm in norms:
                if words == ("over",) and st.lowers[start] == "the":
                    continue  # "over the past two months": a span, not "more than"
                if words[-1] != "-" and start - 1 >= 0 and toks[start - 1].text == "-":
                    continue
                start = s
                if mmod:
                    mod = mmod
                break
        else:
            if start - 1 >= last_end and start - 2 >= 0 and toks[start - 1].text == "-":
                w = toks[start - 2].lower_
                for words, mmod, norms in _MODS:
                    if len(words) == 1 and words[0] == w and rule.norm in norms:
                        start -= 2
                        mod = mmod or mod
                        break
        span = doc[start:end]
        text = span.text
        # trailing punctuation never belongs to the expression
        out.append((Timex(text=text, start=span.start_char, end=span.start_char + len(text),
                          type=typ, value=value, mod=mod or None), rule.name))
        last_end = end
        i = end
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
        if not (end - 1 == i and prev is not None and prev.is_punct):
            return True
    return False


_CAPS_NAMES = {"noon", "week", "minutes", "hours", "days", "years", "months", "day", "year",
               "weeks", "month", "century", "decade", "future", "past", "today", "tonight"}


# ---------------------------------------------------------------- tense
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_MODAL_AUX = {"would", "could", "should", "might", "may", "must", "can", "ca"}


def _tense(st: _State, i: int) -> Optional[str]:
    """"past", "future", "present" or None for the clause of token ``i``."""
    if i in st.tense_cache:
        return st.tense_cache[i]
    t = st.toks[i]
    v = t
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") and v.dep_ not in ("amod", "compound"):
            break
        if v.head is v:
            break
        v = v.head
    res = None
    if v.pos_ in ("VERB", "AUX"):
        res = _verb_tense(v)
    st.tense_cache[i] = res
    return res


_PLAN_WORDS = {"scheduled", "expected", "planned", "slated", "due", "set", "poised", "planning",
               "plans", "plan", "intends", "hopes", "aims"}


def _verb_tense(v: Token) -> Optional[str]:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.lower_ in _FUTURE_AUX:
            return "future"
        if a.lower_ in _MODAL_AUX:
            return None  # "could", "would": no tense of their own
    if any(a.lower_ == "to" or a.tag_ == "TO" for a in auxes):
        return "future"  # infinitive: "plans to meet Tuesday", "expected to join in April"
    tags = [v.tag_] + [a.tag_ for a in auxes]
    if "VBD" in tags:
        return "past"
    if any(a.lower_ in ("has", "have", "'ve", "had") for a in auxes):
        return "past"  # perfect
    if v.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'re", "'s", "am") for a in auxes):
        return "future"
    if v.lower_ in _PLAN_WORDS:
        return "future"  # "is scheduled for Wednesday", "are expected Friday"
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if v.tag_ == "VBN" and v.dep_ in ("acl", "relcl"):
        return "past"
    return None


# ---------------------------------------------------------------- value helpers
def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, 28))


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _fmt(d: Optional[dt.date], gran: str) -> str:
    if d is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX",
                "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(gran, "XXXX-XX-XX")
    if gran == "D":
        return d.isoformat()
    if gran == "W":
        return _iso_week(d)
    if gran == "WE":
        return _iso_week(d) + "-WE"
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Q":
        return f"{d.year:04d}-Q{_quarter(d)}"
    if gran == "Y":
        return f"{d.year:04d}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def _shift(d: dt.date, unit: str, n: float) -> dt.date:
    k = int(round(n))
    if unit == "D":
        return d + dt.timedelta(days=k)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=k)
    if unit == "M":
        return _add_months(d, k)
    if unit == "Q":
        return _add_months(d, 3 * k)
    if unit == "Y":
        return _add_months(d, 12 * k)
    if unit == "DE":
        return _add_months(d, 120 * k)
    if unit == "CE":
        return _add_months(d, 1200 * k)
    return d


def _num_str(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _weekday_date(anchor: dt.date, wd: int, tense: Optional[str], rel: int = 0) -> dt.date:
    """The date of weekday ``wd`` (1=Mon) near ``anchor``: rel -1 last, +1 next, 0 by tense."""
    diff = wd - anchor.isoweekday()
    if rel < 0:
        back = (anchor.isoweekday() - wd) % 7 or 7
        return anchor - dt.timedelta(days=back)
    if rel > 0:
        fwd = (wd - anchor.isoweekday()) % 7 or 7
        return anchor + dt.timedelta(days=fwd)
    if tense == "future":
        return anchor + dt.timedelta(days=diff % 7)
    if tense == "past":
        return anchor - dt.timedelta(days=(-diff) % 7)
    # no tense: the nearest, the past one on a tie
    back = (-diff) % 7
    fwd = diff % 7
    return anchor - dt.timedelta(days=back) if back <= fwd + 1 else anchor + dt.timedelta(days=fwd)


def _year_for(anchor: dt.date, month: int, day: int, tense: Optional[str]) -> int:
    """The year of a month-day without one: past clauses look back, future ones forward
    (a margin of two months either way: "said the dividend is payable Nov. 20"), else the nearest."""
    y = anchor.year
    try:
        cand = dt.date(y, month, min(day, 28))
    except ValueError:
        return y
    ahead = (cand - anchor).days
    if tense == "past":
        return y - 1 if ahead > 60 else y
    if tense == "future":
        return y + 1 if ahead < -60 else y
    if ahead > 182:
        return y - 1
    if ahead < -182:
        return y + 1
    return y


def _lab(labels, name):
    for lab in labels:
        if lab[0] == name:
            return lab
    return None


def _has(labels, *names) -> bool:
    return any(lab[0] in names for lab in labels)


def _tok(st, lab) -> Token:
    return st.toks[lab[1]]


def _prev_lower(st: _State, i: int, k: int = 1) -> str:
    j = i - k
    while j >= 0 and st.toks[j].is_space:
        j -= 1
    return st.toks[j].lower_ if j >= 0 else ""


# ---------------------------------------------------------------- normalisers
# Each takes (state, rule, start, end, labels) and returns (type, value, mod) or None.
def _n_date(st, rule, i, end, labels):
    lab = _lab(labels, "NUMDATE")
    if lab:
        m = _RE_NUMDATE.match(_tok(st, lab).lower_)
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            mo, d, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
            if y < 100:
                y += 1900 if y >= 50 else 2000
        try:
            date = dt.date(y, mo, d)
        except ValueError:
            return None
        _set_ref(st, date, "D")
        return "DATE", date.isoformat(), None
    if rule.name == "date_iso":
        y, mo, d = (int(st.lowers[k]) for k in (i, i + 2, i + 4))
        if len(st.lowers[i + 2]) != 2 or len(st.lowers[i + 4]) != 2:
            return None
        try:
            date = dt.date(y, mo, d)
        except ValueError:
            return None
        _set_ref(st, date, "D")
        return "DATE", date.isoformat(), None
    month = R.MONTHS[_tok(st, _lab(labels, "MONTH")).lower_]
    dl = _lab(labels, "DAYNUM")
    day = int(re.match(r"\d+", _tok(st, dl).lower_).group())
    yl = _lab(labels, "YEAR")
    if yl:
        year = int(_tok(st, yl).lower_)
    elif st.anchor is None:
        if day > 31 or (month == 2 and day > 29):
            return None
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    else:
        year = _year_for(st.anchor, month, day, _tense(st, i))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    # "May 5 people" is not a date: a number followed by a plural noun is a count
    ml = _lab(labels, "MONTH")
    if not yl and dl[1] + 1 < len(st.toks) and st.toks[dl[1] + 1].tag_ == "NNS" \
            and st.lowers[ml[1]] in R.AMBIGUOUS_MONTHS and dl[1] == ml[1] + 1:
        return None
    _set_ref(st, date, "D")
    return "DATE", date.isoformat(), None


def _month_ok(st: _State, i: int) -> bool:
    tok = st.toks[i]
    if tok.ent_type_ in _NAME_ENTS:
        return False
    if tok.tag_.startswith("VB") or tok.tag_ == "MD":
        return False
    lw = tok.lower_
    if lw in R.AMBIGUOUS_MONTHS:
        nxt = st.lowers[i + 1] if i + 1 < len(st.lowers) else ""
        if nxt in ("for", "on", "against", "to", "through", "across", "of"):
            return False  # "the March for Life", "a May of protests"
        return _prev_lower(st, i) in R.MONTH_CUES or tok.ent_type_ == "DATE"
    return True


def _n_month(st, rule, i, end, labels):
    ml = _lab(labels, "MONTH")
    month = R.MONTHS[_tok(st, ml).lower_]
    yl = _lab(labels, "YEAR")
    if yl:
        return "DATE", f"{int(_tok(st, yl).lower_):04d}-{month:02d}", None
    rel = next((lab[0] for lab in labels if lab[0] in ("PAST", "THIS", "NEXT", "that")), None)
    if rule.name == "month_rel_year":
        if st.anchor is None:
            return "DATE", f"XXXX-{month:02d}", None
        y = st.anchor.year + {"PAST": -1, "THIS": 0, "NEXT": 1}[rel]
        return "DATE", f"{y:04d}-{month:02d}", None
    if rule.name == "month" and not _month_ok(st, i):
        return None
    if st.anchor is None:
        return "DATE", f"XXXX-{month:02d}", None
    a = st.anchor
    if rule.name == "month_rel" and rel != "that":
        word = st.toks[i].lower_
        if rel == "PAST" or word == "last":
            y = a.year if month < a.month else a.year - 1
        elif rel == "NEXT":
            y = a.year if month > a.month else a.year + 1
        else:
            y = a.year
        return "DATE", f"{y:04d}-{month:02d}", None
    if rule.name == "month_rel" and st.ref_date:
        return "DATE", f"{st.ref_date.year:04d}-{month:02d}", None
    tense = _tense(st, ml[1])
    y = a.year
    if tense == "past" and month > a.month:
        y -= 1
    elif tense == "future" and month < a.month:
        y += 1
    elif tense in (None, "present"):  # the nearest
        if month - a.month > 6:
            y -= 1
        elif a.month - month > 6:
            y += 1
    return "DATE", f"{y:04d}-{month:02d}", None


_TIME_NOUNS = set(R.UNITS) | {"period", "season", "term", "budget", "census", "election",
                              "elections", "session", "report", "levels", "level", "figures",
                              "campaign", "model", "models", "prices", "rate", "rates", "agreement",
                              "accord", "law", "act", "olympics", "games", "cup", "summit"}


def _n_year(st, rule, i, end, labels):
    yl = _lab(labels, "YEAR")
    if yl is None:
        fl = _lab(labels, "FYEAR")
        y = int(_RE_FYEAR.match(_tok(st, fl).lower_).group(1))
        if y < 100:
            y += 1900 if y >= 50 else 2000
        return "DATE", f"{y:04d}", None
    tok = _tok(st, yl)
    y = int(tok.lower_)
    if rule.name == "year":
        prev = _prev_lower(st, yl[1])
        nxt = st.toks[yl[1] + 1] if yl[1] + 1 < len(st.toks) else None
        if prev in ("$", "#", "no.", "number", "nos.", "us$", "rs", "-", "/") or tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
            return None
        ptok = st.toks[yl[1] - 1] if yl[1] > 0 else None
        if ptok is not None and ptok.tag_ == "NNP" and ptok.lower_ not in R.MONTHS \
                and ptok.lower_ not in R.SEASONS and ptok.lower_ not in ("fiscal", "year"):
            return None  # "Orion 1980", "Windows 95": a name
        if nxt is not None and (nxt.lower_ in ("%", "percent", "-", "/", ":") or nxt.like_num):
            return None
        if tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.lower_ not in _TIME_NOUNS \
                and tok.head.tag_ in ("NNS",):
            return None
        if y < 1900 or y > 2099:
            if prev not in ("in", "since", "of", "by", "from", "until", "to", "between", "and",
                            "before", "after", "around", "circa", "c.", "year", "the"):
                return None
    st.ref_year = y
    return "DATE", f"{y:04d}", None


def _n_spoken_year(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end) if st.toks[k].text != "-"]
    if "thousand" in words:
        rest = [w for w in words[words.index("thousand") + 1:]]
        y = 2000 + sum(R.NUMBER_WORDS.get(w, 0) for w in rest)
        return "DATE", f"{y:04d}", None
    if len(words) < 2 or words[0] not in ("eighteen", "nineteen"):
        return None
    tens = R.NUMBER_WORDS.get(words[1], 0)
    if not (20 <= tens <= 90 and tens % 10 == 0 or 10 <= tens <= 19):
        return None
    unit = R.NUMBER_WORDS.get(words[2], 0) if len(words) > 2 else 0
    if unit >= 10:
        return None
    y = R.NUMBER_WORDS[words[0]] * 100 + tens + unit
    return "DATE", f"{y:04d}", None


def _n_decade(st, rule, i, end, labels):
    m = _RE_DECADE.match(_tok(st, _lab(labels, "DECADE")).lower_)
    cent, dec = m.group(1), m.group(2)
    if cent is None:
        if st.toks[i].lower_ != "'" and _prev_lower(st, i) not in ("the", "early", "late", "mid", "-", "'"):
            return None
        cent = "19" if int(dec) >= 3 or st.anchor is None or st.anchor.year < 2030 else "20"
        if int(dec) < 3 and st.anchor and st.anchor.year >= 2000:
            cent = "20"
    return "DATE", f"{cent}{dec}", None


def _n_century(st, rule, i, end, labels):
    ol = _lab(labels, "ORD")
    n = _ord_value(_tok(st, ol).lower_)
    if not n or n < 1 or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", None


def _n_quarter(st, rule, i, end, labels):
    ql = _lab(labels, "QTOKEN")
    if ql:
        q = int(_tok(st, ql).lower_[1])
    else:
        q = _ord_value(_tok(st, _lab(labels, "ORD")).lower_)
        if q == -1:
            q = 4
    if not q or not 1 <= q <= 4:
        return None
    yl = _lab(labels, "YEAR")
    if yl:
        y = int(_tok(st, yl).lower_)
    elif st.anchor is None:
        return "DATE", f"XXXX-Q{q}", None
    else:
        a = st.anchor
        rel = next((lab[0] for lab in labels if lab[0] in ("PAST", "THIS", "NEXT")), None)
        if rel:
            y = a.year + {"PAST": -1, "THIS": 0, "NEXT": 1}[rel]
        else:
            y = a.year
            if q > _quarter(a) and _tense(st, i) == "past":
                y -= 1
    st.last_quarter, st.quarter_at = (y, q), i
    return "DATE", f"{y:04d}-Q{q}", None


def _n_rel_quarter(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    if st.anchor is None:
        return "DATE", "XXXX-QX", None
    a = st.anchor
    cur = (a.year, _quarter(a))

    def back(yq, k):
        idx = yq[0] * 4 + yq[1] - 1 + k
        return idx // 4, idx % 4 + 1
    if "period" in words and not any(w in words for w in ("latest", "same", "current", "this")):
        return None
    if any(w in words for w in ("next", "coming", "following", "upcoming")):
        yq = back(cur, 1)
    elif any(w in words for w in ("this", "current", "present")):
        yq = cur
    elif any(w in words for w in ("last", "past", "previous", "preceding", "prior")):
        yq = back(cur, -1)
    else:  # "the quarter", "the latest quarter", "the same period"
        yq = st.last_quarter or back(cur, -1)
    if st.last_quarter is None:
        st.last_quarter, st.quarter_at = yq, i
    return "DATE", f"{yq[0]:04d}-Q{yq[1]}", None


def _n_year_ago_quarter(st, rule, i, end, labels):
    if st.anchor is None:
        return "DATE", "XXXX-QX", None
    a = st.anchor
    ol = _lab(labels, "ORD")
    if ol:
        q = _ord_value(_tok(st, ol).lower_)
        if not q or not 1 <= q <= 4:
            return None
        yq = (a.year if q <= _quarter(a) else a.year - 1, q)
        return "DATE", f"{yq[0] - 1:04d}-Q{yq[1]}", None
    yq = st.last_quarter or ((a.year, _quarter(a) - 1) if _quarter(a) > 1 else (a.year - 1, 4))
    return "DATE", f"{yq[0] - 1:04d}-Q{yq[1]}", None


QUARTER_CONTEXT_SENTENCES = 3


def _quarter_context(st: _State, i: int, window: int = QUARTER_CONTEXT_SENTENCES) -> Optional[tuple[int, int]]:
    """The quarter a financial report is about, if one was named in this or the previous
    sentence: "a year earlier" then means the same quarter a year before."""
    if st.last_quarter is None or st.quarter_at < 0:
        return None
    sent_i = st.toks[i].sent
    if st.period_at > st.quarter_at and st.period_at >= sent_i.start:
        return None  # "For the nine months, net rose from a year earlier": that period
    sent_q = st.toks[st.quarter_at].sent
    if sent_i.start == sent_q.start:
        return st.last_quarter
    k, s = 0, sent_i
    while k < window and s.start > 0:
        s = st.doc[s.start - 1].sent
        k += 1
        if s.start == sent_q.start:
            return st.last_quarter
    return None


def _n_year_quarter(st, rule, i, end, labels):
    """"the 1988 period": the quarter under discussion, in that year."""
    y = int(_tok(st, _lab(labels, "YEAR")).lower_)
    yq = _quarter_context(st, i)
    if yq is None:
        return "DATE", f"{y:04d}", None
    return "DATE", f"{y:04d}-Q{yq[1]}", None


def _n_unit_ended(st, rule, i, end, labels):
    """"the year ended Sept. 30": a year-long period (the date is its own expression)."""
    unit = st.toks[i + 1].lower_
    return "DURATION", _dur_value(1, unit), None, (i, i + 2)


def _n_for_the_unit(st, rule, i, end, labels):
    """"For the year, volume was flat": the current year of the report."""
    nxt = st.toks[end] if end < len(st.toks) else None
    if nxt is not None and not (nxt.is_punct or nxt.lower_ == "of"):
        return None
    unit = st.toks[end - 1].lower_
    gran = R.UNITS[unit]
    val = _fmt(st.anchor, gran)
    if gran == "Q":
        yq = st.last_quarter or (st.anchor.year, _quarter(st.anchor)) if st.anchor else None
        val = f"{yq[0]:04d}-Q{yq[1]}" if yq else "XXXX-QX"
    return "DATE", val, None, (i + 1, end)


def _n_year_ago(st, rule, i, end, labels):
    if st.anchor is None:
        return "DATE", "XXXX", None
    yq = _quarter_context(st, i)
    if yq:
        return "DATE", f"{yq[0] - 1:04d}-Q{yq[1]}", None
    return "DATE", f"{st.anchor.year - 1:04d}", None


def _n_half(st, rule, i, end, labels):
    h = _ord_value(_tok(st, _lab(labels, "ORD")).lower_)
    if h not in (1, 2):
        return None
    yl = _lab(labels, "YEAR")
    if yl:
        y = int(_tok(st, yl).lower_)
    elif st.anchor is None:
        return "DATE", f"XXXX-H{h}", None
    else:
        y = st.anchor.year
        if h == 2 and st.anchor.month <= 6 and _tense(st, i) == "past":
            y -= 1
    return "DATE", f"{y:04d}-H{h}", None


_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    return d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[m - 3]


def _n_season(st, rule, i, end, labels):
    sl = _lab(labels, "SEASON")
    tok = _tok(st, sl)
    s = R.SEASONS[tok.lower_]
    if not tok.tag_.startswith("NN"):
        return None
    yl = _lab(labels, "YEAR")
    if yl:
        return "DATE", f"{int(_tok(st, yl).lower_):04d}-{s}", None
    if rule.name == "season":
        nxt = st.toks[sl[1] + 1].lower_ if sl[1] + 1 < len(st.toks) else ""
        prev = _prev_lower(st, i)
        if nxt == "of" or prev not in R.MONTH_CUES or prev in ("-", "and", "or", "to", "from"):
            return None
    if st.anchor is None:
        return "DATE", f"XXXX-{s}", None
    cy, cs = _season_of(st.anchor)
    rel = next((lab[0] for lab in labels if lab[0] in ("PAST", "THIS", "NEXT")), None)
    before = _SEASON_ORDER[s] < _SEASON_ORDER[cs]
    if rel == "PAST":
        y = cy if before else cy - 1
    elif rel == "NEXT":
        y = cy if _SEASON_ORDER[s] > _SEASON_ORDER[cs] else cy + 1
    elif rel == "THIS":
        y = cy
    else:
        tense = _tense(st, sl[1])
        y = cy
        if tense == "past" and _SEASON_ORDER[s] > _SEASON_ORDER[cs]:
            y -= 1
        elif tense == "future" and before:
            y += 1
    return "DATE", f"{y:04d}-{s}", None


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> dt.date:
    if n > 0:
        d = dt.date(y, month, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    d = dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)


def _holiday_date(key, y: int) -> dt.date:
    if isinstance(key, tuple):
        return dt.date(y, *key)
    if key == "thanksgiving":
        return _nth_weekday(y, 11, 4, 4)
    if key == "labor_day":
        return _nth_weekday(y, 9, 1, 1)
    if key == "memorial_day":
        return _nth_weekday(y, 5, 1, -1)
    if key == "election_day":
        return _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
    return _easter(y)


def _n_holiday(st, rule, i, end, labels):
    k0 = i + 1 if rule.name == "holiday_rel" else i
    words = [st.toks[k].lower_ for k in range(k0, end)]
    if not st.toks[k0].text[:1].isupper():
        return None
    key = R.HOLIDAYS.get(" ".join(words))
    if key is None:
        return None
    if st.anchor is None:
        return "DATE", "XXXX-XX-XX" if isinstance(key, str) else f"XXXX-{key[0]:02d}-{key[1]:02d}", None
    a = st.anchor
    this, prev, nxt = (_holiday_date(key, a.year + k) for k in (0, -1, 1))
    rel = next((lab[0] for lab in labels if lab[0] in ("PAST", "THIS", "NEXT")), None)
    tense = _tense(st, k0)
    if rel == "PAST" or (rel is None and tense == "past"):
        d = this if this <= a else prev
    elif rel == "NEXT" or (rel is None and tense == "future"):
        d = this if this >= a else nxt
    elif rel == "THIS":
        d = this
    else:  # the nearest
        d = min((prev, this, nxt), key=lambda x: abs((x - a).days))
    return "DATE", d.isoformat(), None


def _n_weekday(st, rule, i, end, labels):
    wl = _lab(labels, "WEEKDAY")
    tok = _tok(st, wl)
    if tok.ent_type_ in _NAME_ENTS and tok.ent_type_ != "EVENT":
        return None
    wd = R.WEEKDAYS[tok.lower_]
    pod = _lab(labels, "POD")
    suffix = f"T{R.PARTS_OF_DAY[_tok(st, pod).lower_]}" if pod else ""
    typ = "TIME" if pod else "DATE"
    if st.anchor is None:
        return typ, f"XXXX-WXX-{wd}{suffix}", None
    word = st.toks[i].lower_
    rel = 0
    if _has(labels, "PAST") or word == "last":
        rel = -1
    elif _has(labels, "NEXT"):
        rel = 1
    d = _weekday_date(st.anchor, wd, _tense(st, wl[1]), rel)
    _set_ref(st, d, "D")
    return typ, d.isoformat() + suffix, None


def _n_deictic(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    if "before" in words or "after" in words:
        off = -2 if "yesterday" in words else 2
        if "before" in words and "tomorrow" in words or "after" in words and "yesterday" in words:
            return None
    else:
        off = R.DEICTIC_DAYS[words[0]]
    pod = _lab(labels, "POD")
    suffix = f"T{R.PARTS_OF_DAY[_tok(st, pod).lower_]}" if pod else ""
    if words[0] == "tonight":
        suffix = "TNI"
    typ = "TIME" if suffix else "DATE"
    if st.anchor is None:
        return typ, "XXXX-XX-XX" + suffix, None
    d = st.anchor + dt.timedelta(days=off)
    _set_ref(st, d, "D")
    return typ, d.isoformat() + suffix, None


def _n_pod(st, rule, i, end, labels):
    w = st.toks[i].lower_
    p = R.PARTS_OF_DAY[st.toks[end - 1].lower_]
    if w == "last" and p != "NI":
        return None
    off = -1 if w == "last" else 1 if w == "tomorrow" else 0
    if st.anchor is None:
        return "TIME", f"XXXX-XX-XXT{p}", None
    return "TIME", (st.anchor + dt.timedelta(days=off)).isoformat() + f"T{p}", None


def _set_ref(st: _State, d: dt.date, gran: str) -> None:
    if gran == "D":
        st.ref_date = d
    st.ref_year = d.year


def _ref(st, gran: str = "D") -> Optional[dt.date]:
    """The reference time of "the following day/year": the last date (or year) mentioned."""
    if gran == "Y" and st.ref_year is not None and (st.ref_date is None or st.ref_date.year != st.ref_year):
        return dt.date(st.ref_year, 7, 1)
    return st.ref_date or st.anchor


def _n_ref_day(st, rule, i, end, labels):
    last = st.toks[end - 1].lower_
    d = _ref(st)
    if last in R.PARTS_OF_DAY:
        return "TIME", (_fmt(d, "D") + "T" + R.PARTS_OF_DAY[last]), None
    gran = {"day": "D", "week": "W", "month": "M", "year": "Y"}[last]
    return "DATE", _fmt(d, gran), None


def _n_ref_next(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    if words[-1] == "before" and end < len(st.toks) and not st.toks[end].is_punct:
        return None  # "the day before authorities issued ...": "before" opens a clause
    sign = -1 if any(w in words for w in ("previous", "preceding", "before", "earlier")) else 1
    unit = next((w for w in words if w in ("day", "week", "month", "year")), "day")
    pod = next((R.PARTS_OF_DAY[w] for w in words if w in R.PARTS_OF_DAY), None)
    gran = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    d = _ref(st, gran)
    if d is None:
        return ("TIME" if pod else "DATE"), _fmt(None, gran) + (f"T{pod}" if pod else ""), None
    d = _shift(d, gran, sign)
    if pod:
        return "TIME", d.isoformat() + f"T{pod}", None
    return "DATE", _fmt(d, gran), None


_REL_SIGN = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
             "this": 0, "current": 0, "latest": 0, "present": 0,
             "next": 1, "coming": 1, "following": 1, "upcoming": 1}


def _n_rel(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    unit = words[-1]
    if rule.name == "weekend":
        unit, sign = "weekend", None
    elif rule.name == "fiscal_year_the":
        unit, sign = "year", 0
    elif rule.name == "rel_this_past":
        sign = -1
    else:
        sign = next(_REL_SIGN[w] for w in words if w in _REL_SIGN)
    if unit in R.TIME_UNITS or unit in ("fortnight",):
        return None
    if unit == "day":
        return None
    gran = R.UNITS.get(unit)
    if unit == "quarter":
        return None
    if "following" in words and sign == 1:
        base = _ref(st)
    else:
        base = st.anchor
    if base is None:
        if gran == "WE":
            return "DATE", "XXXX-WXX-WE", None
        return "DATE", _fmt(None, gran), None
    if gran == "WE":
        if sign is None:
            tense = _tense(st, i)
            wd = base.isoweekday()
            if wd >= 6:
                sat = base - dt.timedelta(days=wd - 6)
            elif tense == "future":
                sat = base + dt.timedelta(days=6 - wd)
            else:
                sat = base - dt.timedelta(days=wd + 1)
        else:
            sat = base + dt.timedelta(days=6 - base.isoweekday()) + dt.timedelta(weeks=sign)
            if sign < 0 and base.isoweekday() >= 6:
                sat = base - dt.timedelta(days=base.isoweekday() - 6) - dt.timedelta(weeks=1)
        return "DATE", _iso_week(sat) + "-WE", None
    d = _shift(base, gran, sign)
    return "DATE", _fmt(d, gran), None


def _n_edge_rel(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    mod = "END" if "end" in words else "START" if ("beginning" in words or "start" in words) else "MID"
    if words[0] in ("year", "month"):
        unit, sign = words[0], 0
    else:
        unit = words[-1]
        sign = _REL_SIGN.get(words[-2], 0)
    gran = R.UNITS.get(unit)
    if gran not in ("W", "M", "Y", "Q", "DE", "CE"):
        return None
    if st.anchor is None:
        return "DATE", _fmt(None, gran), mod
    d = _shift(st.anchor, gran, sign)
    if gran == "Y" and mod == "END":  # "the end of the year", "year-end": its last day
        return "DATE", f"{d.year:04d}-12-31", None
    return "DATE", _fmt(d, gran), mod


def _unit_of(st, labels) -> Optional[str]:
    ul = _lab(labels, "UNIT") or _lab(labels, "UNIT1") or _lab(labels, "UNITS")
    return _tok(st, ul).lower_ if ul else None


def _n_ago(st, rule, i, end, labels):
    unit = _unit_of(st, labels)
    gran = R.UNITS[unit]
    if gran == "WE":
        return None
    words = [st.toks[k].lower_ for k in range(i, end)]
    direction = 1 if ("later" in words or "hence" in words or "now" in words) else -1
    num = _lab(labels, "NUM")
    if _has(labels, "FUZZY"):
        return "DATE", ("FUTURE_REF" if direction > 0 else "PAST_REF"), None
    n = num[3] if num else 1.0
    if n > 5000:
        return None
    if st.anchor is None:
        return "DATE", _fmt(None, gran if gran in ("D", "W", "M", "Q", "Y") else "Y"), None
    if unit in R.TIME_UNITS:
        return "DATE", st.anchor.isoformat(), None
    if gran == "Y" and n == 1 and "earlier" in words or gran == "Y" and n == 1 and "ago" in words:
        yq = _quarter_context(st, i)
        if yq:
            return "DATE", f"{yq[0] - 1:04d}-Q{yq[1]}", None
    base = st.anchor
    if ("earlier" in words or "later" in words) and gran == "D":
        base = _ref(st)
    if gran == "2W":
        gran, n = "W", n * 2
    d = _shift(base, gran, direction * n)
    if gran in ("DE", "CE"):
        gran = "Y"
    if gran == "D":
        _set_ref(st, d, "D")
    return "DATE", _fmt(d, gran), None


def _n_ref(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    w = words[-1]
    tok = st.toks[end - 1]
    if w in ("past", "future"):
        if w == "past" and end < len(st.toks) and st.toks[end].tag_.startswith("NN"):
            return None
        return "DATE", "PAST_REF" if w == "past" else "FUTURE_REF", None
    if w == "days":
        return "DATE", "PRESENT_REF", None
    if w == "present":
        return "DATE", "PRESENT_REF", None
    val = R.REF_WORDS[w]
    nxt = st.toks[end].lower_ if end < len(st.toks) else ""
    prev = _prev_lower(st, i)
    if w == "soon" and (prev == "as" or nxt in ("as", "after", "afterward", "afterwards", "before",
                                               "thereafter") or prev in ("too", "how")):
        return None
    if w == "shortly" and nxt in ("after", "before"):
        return None
    if w in ("current", "future", "recent"):
        if tok.dep_ not in ("amod", "nmod", "compound") and tok.pos_ != "ADJ":
            return None
        if w == "current" and tok.head.lower_ in ("account", "accounts", "events", "affairs", "assets",
                                                   "liabilities", "flow", "density", "sea"):
            return None
    if w == "now" and tok.dep_ == "intj":
        return None
    return "DATE", val, None


def _n_ref_units(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    unit = words[-1]
    if unit not in ("days", "weeks", "months", "years", "decades"):
        return None
    if "coming" in words or "next" in words:
        return "DATE", "FUTURE_REF", None
    return "DATE", "PAST_REF", None


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"),
            "TM": (60, "TS"), "Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}


def _dur_value(n: float, unit: str) -> Optional[str]:
    """P2Y, PT5H; a fraction goes into the next smaller unit: 2 1/2 years -> P2Y6M."""
    g = R.UNITS[unit]
    if g == "WE":
        return None
    if g == "2W":
        n, g = n * 2, "W"
    elif g == "Q":
        n, g = n * 3, "M"
    elif g == "DE":
        n, g = n * 10, "Y"
    elif g == "CE":
        n, g = n * 100, "Y"
    if unit in R.TIME_UNITS:
        g = "T" + g
    whole = int(n)
    frac = n - whole
    parts = []
    if whole or not frac:
        parts.append((whole, g))
    if frac and g in _SMALLER:
        k, g2 = _SMALLER[g]
        rest = frac * k
        if not float(rest).is_integer():
            return None
        parts.append((int(rest), g2))
    elif frac:
        return None
    out, in_time = "P", False
    for num, u in parts:
        if u.startswith("T"):
            if not in_time:
                out += "T"
                in_time = True
            u = u[1:]
        out += f"{num}{u}"
    return out


def _n_duration(st, rule, i, end, labels):
    unit = _unit_of(st, labels)
    if unit is None:
        return None
    num = _lab(labels, "NUM")
    n = num[3] if num else 1.0
    if rule.name in ("duration_half", "duration_a_half"):
        n += 0.5
    if n <= 0 or n >= 1000:
        return None
    words = [st.toks[k].lower_ for k in range(i, end)]
    if unit in ("second", "seconds") and (not num or words[0] in ("a", "an")):
        return None
    nxt = st.toks[end].lower_ if end < len(st.toks) else ""
    if unit == "quarter" and nxt == "of" and not (end + 1 < len(st.toks) and "YEAR" in st.classes[end + 1]):
        return None  # "a quarter of the market": a fraction
    # "$5 a year", "three times a week": a rate, not a duration
    if rule.name == "duration_a":
        prev = _prev_lower(st, i)
        ptok = st.toks[i - 1] if i > 0 else None
        if ptok is not None and (ptok.like_num or prev in ("%", "percent", "times", "twice", "once", "cents")
                                 or prev in R.UNITS
                                 or ptok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")):
            return None  # a rate ("$1.76 a year", "four flights a week"): not annotated
        nxt = st.toks[end].lower_ if end < len(st.toks) else ""
        if nxt in ("or", "and") and unit == "day":
            pass
    nxt = st.toks[end].lower_ if end < len(st.toks) else ""
    if nxt == "old" or nxt == "-" and end + 1 < len(st.toks) and st.toks[end + 1].lower_ == "old":
        return None  # an age
    if num:
        ntok = st.toks[num[1]]
        if ntok.ent_type_ in ("MONEY", "PERCENT") or _prev_lower(st, num[1]) in ("$", "#"):
            return None
    val = _dur_value(n, unit)
    if val is None:
        return None
    if words[0] == "the" and (R.UNITS[unit] == "M" and n >= 6 or R.UNITS[unit] == "Y"):
        st.period_at = i  # "the nine months", "the full year": a report period
    return "DURATION", val, None


def _n_duration_fuzzy(st, rule, i, end, labels):
    unit = _unit_of(st, labels)
    if unit is None:
        return None
    words = [st.toks[k].lower_ for k in range(i, end)]
    g = R.UNITS[unit]
    if g in ("WE", "Q", "2W") or unit in ("seconds", "second"):
        return None
    if rule.name == "duration_units":
        prev = _prev_lower(st, i)
        if st.toks[i - 1].like_num if i > 0 else False:
            return None
        nxt = st.toks[end].lower_ if end < len(st.toks) else ""
        if nxt in ("old", "-"):
            return None
        if prev in ("the", "these", "those", "its", "his", "her", "their", "our", "my", "your",
                    "'s", "\u2019s", "of", "early", "old", "good", "all", "whose"):
            return None
        if g in ("D", "H", "M") and prev not in ("for", "in", "within", "over", "after", "took", "spent", "lasted", "than"):
            return None
    if rule.name == "duration_units_long" and words[0] not in R.PLURAL_UNITS:
        return "DURATION", _dur_value(1, unit), None
    if "couple" in words:
        return "DURATION", _dur_value(2, unit), None
    t = "T" if unit in R.TIME_UNITS else ""
    return "DURATION", f"P{t}X{g}", None


def _n_set(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    if rule.name == "set_adverb":
        if st.toks[i].dep_ == "amod":  # "quarterly dividend", "daily flights": a kind, not a time
            return None
        return "SET", R.SET_ADVERBS[words[0]], None
    wl = _lab(labels, "WEEKDAY") or _lab(labels, "WEEKDAYS")
    if wl:
        tok = _tok(st, wl)
        wd = R.WEEKDAYS.get(tok.lower_) or R.WEEKDAYS_PLURAL[tok.lower_]
        pod = _lab(labels, "POD") or _lab(labels, "PODS")
        return "SET", f"XXXX-WXX-{wd}" + (f"T{R.PARTS_OF_DAY[_tok(st, pod).lower_]}" if pod else ""), None
    ml = _lab(labels, "MONTH")
    if ml:
        return "SET", f"XXXX-{R.MONTHS[_tok(st, ml).lower_]:02d}", None
    sl = _lab(labels, "SEASON")
    if sl:
        return "SET", f"XXXX-{R.SEASONS[_tok(st, sl).lower_]}", None
    unit = _unit_of(st, labels)
    if unit is None:
        return None
    num = _lab(labels, "NUM")
    n = num[3] if num and rule.name == "set_every_n" else 1
    if "other" in words:
        n = 2
    if rule.name == "set_per" and (_prev_lower(st, i) in ("a", "an") or unit in ("second", "minute")):
        return None  # "instructions per second": a speed
    v = _dur_value(n, unit)
    return ("SET", v, None) if v else None


def _n_clock(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    hh = mm = None
    if words[0] in ("noon", "midday"):
        hh, mm = 12, 0
    elif words[0] == "midnight":
        hh, mm = 24, 0
    else:
        cl = _lab(labels, "CLOCKNUM") or _lab(labels, "CLOCK") or _lab(labels, "NUM")
        m = None
        if cl[0] == "NUM":
            if not float(cl[3]).is_integer() or not 1 <= cl[3] <= 12:
                return None
            hh, mm = int(cl[3]), 0
        else:
            t = _tok(st, cl).lower_
            m = _RE_CLOCK.match(t)
            if m:
                hh, mm = int(m.group(1)), int(m.group(2))
            else:
                hh, mm = int(t), 0
        ap = _lab(labels, "AMPM")
        ampm = R.AMPM[_tok(st, ap).lower_] if ap else None
        if "morning" in words:
            ampm = "am"
        elif "afternoon" in words or "evening" in words:
            ampm = "pm"
        if ampm:
            if hh > 12 or hh == 0:
                return None
            if ampm == "pm" and hh < 12:
                hh += 12
            if ampm == "am" and hh == 12:
                hh = 0
            if _tok(st, ap).lower_ == "am" if ap else False:
                # "I am": only after a clock number that is not a count
                if st.toks[cl[1]].dep_ in ("nsubj",):
                    return None
        elif rule.name == "clock_hhmm":
            if not m or _prev_lower(st, i) not in ("at", "by", "until", "till", "from", "before",
                                                   "after", "around", "about", "since", "to"):
                return None
    day = None
    dl = _lab(labels, "DAYREF")
    if _lab(labels, "MONTH"):
        got = _n_date(st, rule, i, end, labels)
        if got is None:
            return None
        return "TIME", f"{got[1]}T{hh:02d}:{mm:02d}", None
    if dl:
        w = _tok(st, dl).lower_
        if w in R.WEEKDAYS:
            day = _weekday_date(st.anchor, R.WEEKDAYS[w], _tense(st, dl[1])) if st.anchor else None
            base = f"XXXX-WXX-{R.WEEKDAYS[w]}" if day is None else None
        else:
            day = st.anchor + dt.timedelta(days=R.DEICTIC_DAYS[w]) if st.anchor else None
            base = "XXXX-XX-XX" if day is None else None
    else:
        day = st.anchor
        base = None if day else "XXXX-XX-XX"
    prefix = day.isoformat() if day else base
    return "TIME", f"{prefix}T{hh:02d}:{mm:02d}", None


_NORMS: dict[str, Callable] = {
    "date": _n_date, "month": _n_month, "year": _n_year, "spoken_year": _n_spoken_year,
    "decade": _n_decade, "century": _n_century, "quarter": _n_quarter,
    "rel_quarter": _n_rel_quarter, "year_ago_quarter": _n_year_ago_quarter,
    "year_ago": _n_year_ago, "unit_ended": _n_unit_ended, "for_the_unit": _n_for_the_unit, "year_quarter": _n_year_quarter, "half": _n_half, "season": _n_season, "holiday": _n_holiday,
    "weekday": _n_weekday, "deictic": _n_deictic, "pod": _n_pod, "ref_day": _n_ref_day,
    "ref_next": _n_ref_next, "rel": _n_rel, "edge_rel": _n_edge_rel, "ago": _n_ago,
    "ref": _n_ref, "ref_units": _n_ref_units, "duration": _n_duration,
    "duration_fuzzy": _n_duration_fuzzy, "set": _n_set, "clock": _n_clock,
}
for _r in RULES:
    if _r.norm not in _NORMS:
        raise ValueError(f"rule {_r.name}: unknown normaliser {_r.norm!r}")


# ---------------------------------------------------------------- TIMEX3 values
_V_YEAR = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"
_VALUE_RE = re.compile(
    r"^(?:"
    r"(?P<ref>PRESENT_REF|PAST_REF|FUTURE_REF)"
    r"|(?P<dur>P(?=[\dXT])(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE|WE))*"
    r"(?:T(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+)?)"
    r"|(?P<cent>\d{2}|\d{3})"
    r"|(?P<date>" + _V_YEAR +
    r"(?:-(?:(?P<month>0[1-9]|1[0-2]|XX)(?:-(?P<day>0[1-9]|[12]\d|3[01]|XX))?"
    r"|W(?P<week>0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?P<wday>[1-7]|WE))?"
    r"|Q[1-4X]|H[12]|SP|SU|FA|WI))?)"
    r"(?:T(?P<time>MO|AF|EV|NI|DT|(?:[01]\d|2[0-4]):[0-5]\d))?"
    r")$")


def validate_value(value: str) -> bool:
    """Is ``value`` a TIMEX3 value this tagger can produce (date, week, quarter, season,
    decade, century, time, duration, set pattern or *_REF)?"""
    return bool(_VALUE_RE.match(value or ""))


_PARTS_RE = re.compile(r"[A-Z_]+|\d+(?:\.\d+)?|[-:T]|[^A-Z\d\-:T]+")


def parse_value(value: str) -> tuple[str, ...]:
    """A valid TIMEX3 value as a tuple of its parts; ``format_value`` rebuilds it."""
    if not validate_value(value):
        raise ValueError(f"not a TIMEX3 value: {value!r}")
    return tuple(_PARTS_RE.findall(value))


def format_value(parts: tuple[str, ...]) -> str:
    value = "".join(parts)
    if not validate_value(value):
        raise ValueError(f"not a TIMEX3 value: {value!r}")
    return value


# ---------------------------------------------------------------- publication date
def _timex_token(doc: Doc, t: Timex) -> Optional[Token]:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def infer_published(doc: Doc) -> Optional[dt.date]:
    """The publication date of an undated text, or None when the text does not support one.

    The latest explicit full date the text mentions (not in a future-tense clause)
    is a lower bound; every weekday, "yesterday" or "today" reported in a past-tense
    clause is taken to fall on or after it, and the date is the latest of them.
    """
    tx = tag_timexes(doc, None)
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


# ---------------------------------------------------------------- statement dates


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


# ---------------------------------------------------------------- spaCy component
@Language.component(TIMEX_COMPONENT, requires=["token.dep", "token.tag"], assigns=["doc._.ng_timexes"])
def timex_component(doc: Doc) -> Doc:
    """Sets ``doc._.ng_timexes`` (list[Timex]) anchored on ``doc._.ng_anchor`` (a date or None)."""
    anchor = doc._.ng_anchor
    if isinstance(anchor, str):
        anchor = dt.date.fromisoformat(anchor[:10])
    doc._.ng_timexes = tag_timexes(doc, anchor)
    return doc
