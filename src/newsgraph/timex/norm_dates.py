"""Normalisers for calendar expressions: dates, months, years, quarters, weekdays, relative units."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.tokens import Token

from . import rules as R
from .calendar import (
    _SEASON_ORDER,
    _dur_value,
    _fmt,
    _holiday_date,
    _iso_week,
    _quarter,
    _season_of,
    _shift,
    _weekday_date,
    _year_for,
)
from .grammar import _NAME_ENTS, _RE_DECADE, _RE_FYEAR, _RE_NUMDATE, _RE_PREFIXED, _sent, _State, _ord_value
from .tense import _day_tense, _story_tense, _tense


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
    elif rule.name == "date_rel_md":  # "last Oct. 23", "next March 3"
        y = st.anchor.year
        if _has(labels, "PAST") or st.lowers[i] == "last":
            year = y if (month, day) < (st.anchor.month, st.anchor.day) else y - 1
        elif _has(labels, "NEXT"):
            year = y if (month, day) > (st.anchor.month, st.anchor.day) else y + 1
        else:
            year = y
    else:
        tense = "future" if _prev_lower(st, i) == "effective" else _tense(st, i)
        year = _year_for(st.anchor, month, day, tense)
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


# cues that make an ambiguous month name a month whatever follows it
_MONTH_PREPS = {"in", "since", "until", "till", "by", "during", "early", "late", "mid", "last",
                "next", "this", "through", "throughout", "before", "after"}


def _month_ok(st: _State, i: int) -> bool:
    tok = st.toks[i]
    if tok.ent_type_ in _NAME_ENTS:
        return False
    if tok.tag_.startswith("VB") or tok.tag_ == "MD":
        return False
    lw = tok.lower_
    if lw in R.AMBIGUOUS_MONTHS:
        nxt = st.lowers[i + 1] if i + 1 < len(st.lowers) else ""
        if nxt in ("for", "on", "against", "to", "through", "across", "of") \
                and _prev_lower(st, i) not in _MONTH_PREPS:
            return False  # "the March for Life", "a May of protests" (but "agreed in June to buy")
        return _prev_lower(st, i) in R.MONTH_CUES or tok.ent_type_ == "DATE"
    return True


def _n_month(st, rule, i, end, labels):
    ml = _lab(labels, "MONTH")
    month = R.MONTHS[_tok(st, ml).lower_]
    yl = _lab(labels, "YEAR")
    if yl:
        y = int(_tok(st, yl).lower_)
        _set_ref(st, dt.date(y, month, 1), "M")
        return "DATE", f"{y:04d}-{month:02d}", None
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
    story = _story_year(st, ml[1], 0)
    if story is not None:  # "In 1998 he moved to Ohio; in March he found work": the story's year
        _set_ref(st, dt.date(story, month, 1), "M")
        return "DATE", f"{story:04d}-{month:02d}", None, None, {"anchor": f"{story:04d}"}
    tense = _tense(st, ml[1])
    prev = _prev_lower(st, i)
    if prev == "effective":
        tense = "future"
    elif tense == "past" and prev in ("until", "till", "through"):
        tense = None  # "extended loans through January": the end of a span, the nearest
    y = a.year
    if tense == "past" and month > a.month + 1:
        y -= 1  # the month after the publication month is still this year's: reported plans
    elif tense == "future" and month < a.month:
        y += 1
    elif tense in (None, "present"):  # the nearest; half a year away, a present tense looks ahead
        if month - a.month > 6:
            y -= 1
        elif a.month - month > 6 or a.month - month == 6 and tense == "present":
            y += 1  # "We go back in April" (in October)
    _set_ref(st, dt.date(y, month, 1), "M")
    return "DATE", f"{y:04d}-{month:02d}", None


_TIME_NOUNS = set(R.UNITS) | {"period", "season", "term", "budget", "census", "election",
                              "elections", "session", "report", "levels", "level", "figures",
                              "campaign", "model", "models", "prices", "rate", "rates", "agreement",
                              "accord", "law", "act", "olympics", "games", "cup", "summit"}


def _n_year(st, rule, i, end, labels):
    if rule.name == "year_prefixed":  # "mid-1996", "post-1959"
        m = _RE_PREFIXED.match(st.lowers[i])
        y = int(m.group(2))
        st.ref_year, st.ref_last = y, "Y"
        return "DATE", f"{y:04d}", _PREFIX_MODS[m.group(1)]
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
    st.ref_year, st.ref_last = y, "Y"
    return "DATE", f"{y:04d}", None


def _n_range(st, rule, i, end, labels):
    """"2011-2012", "1987-88": a span of years; the value is its first year, ``range_end`` its last."""
    y1 = int(st.lowers[i])
    second = st.lowers[end - 1]
    y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)
    if len(second) == 2 and y2 <= y1:
        y2 += 100  # "1999-00"
    if not y1 < y2 <= y1 + 100:
        return None  # "1990-1980", a score or a ratio
    nxt = st.toks[end] if end < len(st.toks) else None
    if nxt is not None and (nxt.lower_ in ("%", "percent") or nxt.like_num):
        return None
    st.ref_year, st.ref_last = y2, "Y"
    return "DATE", f"{y1:04d}", None, None, {"range_end": f"{y2:04d}"}


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


_PREFIX_MODS = {"mid": "MID", "early": "START", "late": "END", "pre": "BEFORE", "post": "AFTER"}


def _n_decade(st, rule, i, end, labels):
    mod, span = None, None
    if rule.name == "decade_word":  # "the nineties"; "in his fifties" is an age
        prev = _prev_lower(st, i)
        if prev not in ("the", "early", "late", "mid", "-"):
            return None
        cent, dec = None, str(R.DECADE_WORDS[st.lowers[i]])
        if prev == "the":
            span = (i - 1, end)
    elif rule.name == "decade_prefixed":  # "the mid-1990s"
        m = _RE_PREFIXED.match(st.lowers[i])
        mod = _PREFIX_MODS[m.group(1)]
        m = _RE_DECADE.match(m.group(3))
        cent, dec = m.group(1), m.group(2)
        if _prev_lower(st, i) == "the":
            span = (i - 1, end)
    else:
        m = _RE_DECADE.match(_tok(st, _lab(labels, "DECADE")).lower_)
        cent, dec = m.group(1), m.group(2)
        if cent is None and st.toks[i].lower_ != "'" and _prev_lower(st, i) not in ("the", "early", "late", "mid", "-", "'"):
            return None
    if cent is None:
        cent = "19" if int(dec) >= 3 or st.anchor is None or st.anchor.year < 2030 else "20"
        if int(dec) < 3 and st.anchor and st.anchor.year >= 2000:
            cent = "20"
    return "DATE", f"{cent}{dec}", mod, span


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
    _report_quarter(st, (y, q), i)
    return "DATE", f"{y:04d}-Q{q}", None


def _report_quarter(st: _State, yq: tuple[int, int], i: int) -> None:
    """Remember ``yq``, named at token ``i``, as the quarter a report is about, if it is over:
    "a fourth-quarter charge" in October is a forecast, not the quarter being reported."""
    if st.anchor is not None and yq > _prev_quarter(st.anchor):
        return
    st.last_quarter, st.quarter_at = yq, i


def _prev_quarter(d: dt.date) -> tuple[int, int]:
    """The last complete quarter before ``d``."""
    q = _quarter(d)
    return (d.year, q - 1) if q > 1 else (d.year - 1, 4)


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
    ended = _quarter_ended(st, end) if st.last_quarter is None else None
    if ended is not None:  # "the quarter ended Sept. 30": the quarter of that date (unless a
        yq = ended         # fiscal quarter was named before: "the fiscal first quarter")
        _report_quarter(st, yq, i)
        return "DATE", f"{yq[0]:04d}-Q{yq[1]}", None
    if any(w in words for w in ("next", "coming", "following", "upcoming")):
        yq = back(cur, 1)
    elif any(w in words for w in ("this", "current", "present")):
        yq = cur
    elif any(w in words for w in ("last", "past", "previous", "preceding", "prior")):
        yq = back(cur, -1)
    else:  # "the quarter", "the latest quarter", "the same period": the one being reported
        yq = st.last_quarter or back(cur, -1)
    if st.last_quarter is None or yq == st.last_quarter:
        _report_quarter(st, yq, i)  # mentioned again: "a year earlier" nearby compares with it
    return "DATE", f"{yq[0]:04d}-Q{yq[1]}", None


def _quarter_ended(st: _State, end: int) -> Optional[tuple[int, int]]:
    """The (year, quarter) of "... quarter ended|ending Sept. 30" when the date follows ``end``."""
    if end + 1 >= len(st.toks) or st.lowers[end] not in ("ended", "ending") \
            or "MONTH" not in st.classes[end + 1]:
        return None
    month = R.MONTHS[st.lowers[end + 1]]
    y = st.anchor.year
    if end + 3 < len(st.toks) and "YEAR" in st.classes[end + 3]:
        y = int(st.lowers[end + 3])
    elif month > st.anchor.month and st.lowers[end] == "ended":
        y -= 1
    return y, (month - 1) // 3 + 1


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
    sent_i = _sent(st, i)
    if st.period_at > st.quarter_at and st.period_at >= sent_i.start:
        return None  # "For the nine months, net rose from a year earlier": that period
    sent_q = _sent(st, st.quarter_at)
    if sent_i.start == sent_q.start:
        return st.last_quarter
    k, s = 0, sent_i
    while k < window and s.start > 0:
        s = _sent(st, s.start - 1)
        k += 1
        if s.start == sent_q.start:
            return st.last_quarter
    return None


_COMPARE_WORDS = {"compared", "from", "than", "versus", "vs.", "against", "over"}


def _compares(st: _State, i: int, end: int) -> bool:
    """Is the expression at ``i:end`` the other side of a comparison of figures ("compared with
    $40 million last year", "up from last year's $1.55 billion")?"""
    if end + 1 < len(st.toks) and st.lowers[end] in ("'s", "\u2019s") and \
            (st.toks[end + 1].like_num or st.lowers[end + 1] in ("$", "#", "quarter", "period", "results")):
        return True
    sent_start = _sent(st, i).start
    return any(st.lowers[k] in _COMPARE_WORDS for k in range(max(sent_start, i - 8), i))


def _n_year_quarter(st, rule, i, end, labels):
    """"the 1988 period": the quarter under discussion, in that year."""
    y = int(_tok(st, _lab(labels, "YEAR")).lower_)
    yq = _quarter_context(st, i)
    if yq is None:
        return "DATE", f"{y:04d}", None
    return "DATE", f"{y:04d}-Q{yq[1]}", None


def _n_unit_ended(st, rule, i, end, labels):
    """"the year ended Sept. 30": a year-long period (the date is its own expression)."""
    return "DURATION", "P1Y", None, (i, end - 1)


def _n_for_the_unit(st, rule, i, end, labels):
    """"For the year, volume was flat", "sales for the full year": the current year (quarter)
    of the report, not a year-long span."""
    nxt = st.toks[end] if end < len(st.toks) else None
    if rule.name == "full_year":
        i -= 1  # the whole match is the expression
    elif nxt is not None and not (nxt.is_punct or nxt.lower_ == "of"):
        return None
    unit = st.toks[end - 1].lower_
    gran = R.UNITS[unit]
    val = _fmt(st.anchor, gran)
    if gran == "Q":
        yq = st.last_quarter or (st.anchor.year, _quarter(st.anchor)) if st.anchor else None
        val = f"{yq[0]:04d}-Q{yq[1]}" if yq else "XXXX-QX"
    return "DATE", val, None, (i + 1, end)


def _n_year_ago(st, rule, i, end, labels):
    if rule.name == "ago_year_adj_a":  # "a year-earlier loss": the adjective is the expression
        i += 1
    if st.anchor is None:
        val = "XXXX"
    else:
        yq = _quarter_context(st, i)
        val = f"{yq[0] - 1:04d}-Q{yq[1]}" if yq else f"{st.anchor.year - 1:04d}"
    return "DATE", val, None, (i, end)


def _n_half(st, rule, i, end, labels):
    h = _ord_value(_tok(st, _lab(labels, "ORD")).lower_)
    h = 2 if h == -1 else h  # "the last half"
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
    d = _weekday_date(st.anchor, wd, _day_tense(st, i, wl[1]), rel)
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
    if words[0] == "today" and not suffix and _generic_today(st, i):
        return "DATE", "PRESENT_REF", None
    if st.anchor is None:
        return typ, "XXXX-XX-XX" + suffix, None
    d = st.anchor + dt.timedelta(days=off)
    _set_ref(st, d, "D")
    return typ, d.isoformat() + suffix, None


# nouns of an era rather than a day: "today's youth", "in today's world"
_ERA_NOUNS = {"world", "youth", "society", "generation", "economy", "era", "age", "standards",
              "terms", "dollars", "children", "kids", "families", "technology", "culture"}
# verbs of states, whose present tense holds beyond the day: "the right to work is vital today"
_STATE_VERBS = {"is", "are", "am", "'s", "'re", "\u2019s", "\u2019re", "has", "have", "remain",
                "remains", "seem", "seems", "exist", "exists", "live", "lives", "depend", "depends",
                "lack", "lacks", "need", "needs", "own", "owns", "know", "knows", "believe",
                "believes", "want", "wants", "mean", "means", "cost", "costs", "account",
                "accounts", "represent", "represents"}  # present forms: the model has no lemmatizer
# words that set today against the past: "banks today lend less than they did"
_CONTRAST_WORDS = {"than", "unlike", "compared", "ago", "once", "used", "formerly", "decades", "generations"}


def _generic_today(st: _State, i: int) -> bool:
    """Is "today" at token ``i`` the present age ("banks today lend less than they did",
    "today's youth": PRESENT_REF) rather than the publication day ("the court rules today",
    "Today is the eighth day of the strike")?"""
    tok = st.toks[i]
    nxt = st.toks[i + 1] if i + 1 < len(st.toks) else None
    if nxt is not None and nxt.lower_ in ("'s", "\u2019s"):
        return tok.head.lower_ in _ERA_NOUNS or nxt.head.lower_ in _ERA_NOUNS
    v = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "attr") or v.pos_ not in ("VERB", "AUX") \
            or _tense(st, i) != "present" or v.tag_ == "VBG":
        return False
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.ent_type_ in _NAME_ENTS or subj.ent_type_ in ("GPE", "NORP") \
            or subj.pos_ == "PROPN" or subj.pos_ == "PRON" and subj.lower_ != "there":
        return False
    sent = _sent(st, i)
    return v.lower_ in _STATE_VERBS or any(w.lower_ in _CONTRAST_WORDS for w in sent)


def _n_pod(st, rule, i, end, labels):
    w = st.toks[i].lower_
    if rule.name == "pod_mid":  # "mid-afternoon", "mid-morning yesterday"
        p = R.PARTS_OF_DAY[_tok(st, _lab(labels, "POD")).lower_]
        dl = _lab(labels, "DAYREF")
        if st.anchor is None:
            return "TIME", f"XXXX-XX-XXT{p}", "MID"
        if dl is None:
            return "TIME", f"{st.anchor.isoformat()}T{p}", "MID", None, \
                {"_bare_clock": True, "_ref": st.ref_date, "_ref_at": st.ref_at}
        dw = _tok(st, dl).lower_
        if dw in R.WEEKDAYS:
            d = _weekday_date(st.anchor, R.WEEKDAYS[dw], _day_tense(st, i, dl[1]))
        else:
            d = st.anchor + dt.timedelta(days=R.DEICTIC_DAYS[dw])
        _set_ref(st, d, "D")
        return "TIME", f"{d.isoformat()}T{p}", "MID"
    p = R.PARTS_OF_DAY[st.toks[end - 1].lower_]
    if w == "last" and p != "NI":
        return None
    off = -1 if w == "last" else 1 if w == "tomorrow" else 0
    if st.anchor is None:
        return "TIME", f"XXXX-XX-XXT{p}", None
    return "TIME", (st.anchor + dt.timedelta(days=off)).isoformat() + f"T{p}", None


def _set_ref(st: _State, d: dt.date, gran: str) -> None:
    """Remember ``d`` (a day, or a month with gran "M", or a year with "Y") as the last time mentioned."""
    if gran == "D":
        st.ref_date = d
    elif gran == "M":
        st.ref_month = d
    st.ref_year = d.year
    st.ref_last = gran


def _ref(st, gran: str = "D") -> Optional[dt.date]:
    """The reference time of "the following day/month/year", "that year": the last date
    (month, year) mentioned, else the publication date."""
    if gran == "Y" and st.ref_year is not None and (st.ref_date is None or st.ref_date.year != st.ref_year):
        return dt.date(st.ref_year, 7, 1)
    if gran == "M" and st.ref_last == "M" and st.ref_month is not None:
        return st.ref_month
    return st.ref_date or st.anchor


def _anaphora(st, gran: str, d: Optional[dt.date]) -> dict:
    """The record fields of an expression resolved through an earlier mention: marked
    anaphoric, with the antecedent's value as its anchor (none when it fell back on the
    publication date)."""
    if d is None or st.anchor is not None and d == st.anchor and st.ref_date is None:
        return {}
    return {"anaphoric": True, "anchor": _fmt(d, gran)}


def _n_ref_day(st, rule, i, end, labels):
    """"that day", "the same week", "that night": the day (week, ...) the text last named."""
    last = st.toks[end - 1].lower_
    if last in R.PARTS_OF_DAY:
        d = _ref(st)
        return "TIME", (_fmt(d, "D") + "T" + R.PARTS_OF_DAY[last]), None, None, _anaphora(st, "D", d)
    gran = {"day": "D", "week": "W", "month": "M", "year": "Y"}[last]
    if gran == "D" and st.ref_date is None and st.ref_year is not None:
        # only a month or a year named before: "elected in 2010 and sworn in that day"
        if st.ref_last == "M" and st.ref_month is not None:
            return "DATE", f"{_fmt(st.ref_month, 'M')}-XX", None, None, _anaphora(st, "M", st.ref_month)
        return "DATE", f"{st.ref_year:04d}-XX-XX", None, None, {"anaphoric": True, "anchor": f"{st.ref_year:04d}"}
    d = _ref(st, gran)
    return "DATE", _fmt(d, gran), None, None, _anaphora(st, gran, d)  # "that year": the last year named


def _n_the_year(st, rule, i, end, labels):
    """"the first nine months of the year", "earlier in the year": the last year mentioned,
    else the publication year. Not "the year before", "the year 2000", "the year-ago quarter"."""
    nxt = st.lowers[end] if end < len(st.lowers) else ""
    if nxt in ("before", "after", "-", "ago", "earlier", "later", "when", "that", "in", "of") \
            or end < len(st.toks) and (st.toks[end].like_num or "YEAR" in st.classes[end]):
        return None
    d = _ref(st, "Y")
    return "DATE", _fmt(d, "Y"), None, None, _anaphora(st, "Y", d)


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
    extra = _anaphora(st, gran, d)
    d = _shift(d, gran, sign)
    if gran == "D":
        _set_ref(st, d, "D")  # "the next day ... that evening": the story has moved on
    if pod:
        return "TIME", d.isoformat() + f"T{pod}", None, None, extra
    return "DATE", _fmt(d, gran), None, None, extra


_REL_SIGN = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
             "this": 0, "current": 0, "latest": 0, "present": 0,
             "next": 1, "coming": 1, "following": 1, "upcoming": 1}


_EXTENT_PREPS = {"over", "for", "during", "within", "throughout"}


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
    if gran in ("DE", "CE") and sign != 0 and ("past" in words or _prev_lower(st, i) in _EXTENT_PREPS):
        # "over the past decade", "for the next century": a span of that length up to (or
        # from) now; "in the last decade", "by the next century": the calendar decade
        return "DURATION", _dur_value(1, unit), None
    if "following" in words and sign == 1:
        base = _ref(st)
    else:
        base = st.anchor
    if gran == "Y" and sign == -1 and base is not None and _compares(st, i, end):
        yq = _quarter_context(st, i)
        if yq:  # "earnings of $33 million, compared with $40 million last year": that quarter
            return "DATE", f"{yq[0] - 1:04d}-Q{yq[1]}", None
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
    if gran in ("Y", "M"):  # "last year ... that year", "this month ... the following month"
        _set_ref(st, d.replace(day=1), gran)
    return "DATE", _fmt(d, gran), None


def _n_edge_rel(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    mod = "END" if "end" in words else "START" if ("beginning" in words or "start" in words) else "MID"
    bare = words[0] in ("year", "month") or words[-2] == "the"  # not "this"/"next"/"last"
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
    if gran == "Y" and bare:
        y = _story_year(st, i)
        if y is not None:  # "By the end of the year the plant had closed" (after "In 2015, ..."): that year
            return "DATE", f"{y:04d}", mod, None, {"anaphoric": True, "anchor": f"{y:04d}"}
    d = _shift(st.anchor, gran, sign)
    return "DATE", _fmt(d, gran), mod  # "the end of the year": the year, mod END (TimeML)


STORY_SENTENCES = 2  # how far back a year a past-tense story is about may have been named


def _story_year(st: _State, i: int, back: int = STORY_SENTENCES) -> Optional[int]:
    """The year a past-tense clause at token ``i`` is about when the story named one other than
    the publication year in this or the last ``back`` sentences, else None."""
    if st.ref_year is None or st.anchor is None or st.ref_year == st.anchor.year \
            or st.ref_year_at < 0 or _story_tense(st, i) != "past":
        return None
    if _sent(st, st.ref_year_at).start < _sents_back(st, i, back):
        return None
    return st.ref_year


def _sents_back(st: _State, i: int, k: int) -> int:
    """The first token of the sentence ``k`` sentences before token ``i``'s."""
    s = _sent(st, i)
    while k > 0 and s.start > 0:
        s = _sent(st, s.start - 1)
        k -= 1
    return s.start
