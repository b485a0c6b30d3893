"""Normalisers for amounts of time: "ago", references, durations, sets and clock times."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from . import rules as R
from .calendar import _dur_value, _fmt, _shift, _weekday_date
from .grammar import _RE_CLOCK, _sent
from .norm_dates import _has, _lab, _n_date, _prev_lower, _quarter_context, _ref, _sents_back, _set_ref, _tok
from .tense import _day_tense


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
    n = num[3] if num else 1.0
    if n > 5000:
        return None
    if words[-1] in ("earlier", "later") and (gran in ("D", "W") or unit in R.TIME_UNITS):
        return _span_from_event(st, i, end, unit, n, direction, _has(labels, "FUZZY"))
    if _has(labels, "FUZZY"):
        return "DATE", ("FUTURE_REF" if direction > 0 else "PAST_REF"), None
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


def _span_from_event(st, i: int, end: int, unit: str, n: float, direction: int, fuzzy: bool):
    """"a week earlier", "three days later": TimeML's split, the DURATION ("a week") measured from
    an event, with "earlier"/"later" as the signal outside it. ``anchor`` is the day it counts
    from when the story has just named one; the day it lands on becomes the story's day."""
    t = "T" if unit in R.TIME_UNITS else ""
    value = f"P{t}X{R.UNITS[unit]}" if fuzzy else _dur_value(n, unit)
    if value is None:
        return None
    extra = {}
    if st.ref_date is not None and st.ref_at >= 0 and _sent(st, st.ref_at).start >= _sents_back(st, i, 1):
        extra["anchor"] = st.ref_date.isoformat()
        if not fuzzy and unit not in R.TIME_UNITS:
            _set_ref(st, _shift(st.ref_date, R.UNITS[unit] if R.UNITS[unit] != "2W" else "W",
                                direction * n * (2 if R.UNITS[unit] == "2W" else 1)), "D")
    return "DURATION", value, None, (i, end - 1), extra


def _n_ref(st, rule, i, end, labels):
    words = [st.toks[k].lower_ for k in range(i, end)]
    w = words[-1]
    tok = st.toks[end - 1]
    if w in ("past", "future"):
        if w == "past" and end < len(st.toks) and (st.toks[end].tag_.startswith("NN") or st.toks[end].like_num):
            return None  # "the past decade", "the past three summers": not the past at large
        return "DATE", "PAST_REF" if w == "past" else "FUTURE_REF", None
    if w == "days":
        return "DATE", "PRESENT_REF", None
    if w == "present":
        return "DATE", "PRESENT_REF", None
    if w == "while":  # "for a while": some time, its length unsaid; "a while ago": the past
        if _prev_lower(st, i) == "in" and _prev_lower(st, i, 2) == "once":
            return None  # "once in a while": now and then
        if end < len(st.toks) and st.lowers[end] == "ago":
            return "DATE", "PAST_REF", None, (i, end + 1)
        return "DURATION", "PXX", None
    if w == "time":  # "at the time": then, a time before now; "the time" is the expression
        nxt = st.lowers[end] if end < len(st.lowers) else ""
        if nxt in ("of", "when", "that", "being") or any(c.dep_ in ("relcl", "acl") for c in tok.children):
            return None  # "at the time of the merger", "at the time he was arrested": that event's
        return "DATE", "PAST_REF", None, (i + 1, end)
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


def _n_duration_vague(st, rule, i, end, labels):
    """"in recent years", "in the coming weeks": a stretch of time of unstated length up to
    (or from) now, a DURATION of X units (TimeML), not a reference to the past or future."""
    unit = st.toks[end - 1].lower_
    if unit not in ("minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades", "centuries"):
        return None
    t = "T" if unit in R.TIME_UNITS else ""
    return "DURATION", f"P{t}X{R.UNITS[unit]}", None


_TRAVEL_NOUNS = {"walk", "drive", "ride", "flight", "trip", "journey", "commute", "sail", "hike"}


def _distance(st, end: int) -> bool:
    """Does a journey measured by the amount of time before ``end`` say how far a place is:
    "a ten-minute walk from the station", "an hour's drive away"?"""
    k = end
    if k < len(st.lowers) and st.lowers[k] in ("'s", "\u2019s"):
        k += 1
    return k + 1 < len(st.lowers) and st.lowers[k] in _TRAVEL_NOUNS and st.lowers[k + 1] in ("from", "away")


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
    if rule.name == "duration_a":
        prev = _prev_lower(st, i)
        ptok = st.toks[i - 1] if i > 0 else None
        if ptok is not None and (ptok.like_num or prev in ("%", "percent", "times", "twice", "once", "cents")
                                 or prev in R.UNITS
                                 or ptok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
                                 or _after_quantity(st, i, 3)):
            return None  # a rate ("$1.76 a year", "four flights a week"): not annotated
    if nxt == "old" or nxt == "-" and end + 1 < len(st.toks) and st.toks[end + 1].lower_ == "old":
        return None  # an age
    if _distance(st, end):
        return None  # "a ten-minute walk from the station", "an hour's drive away": a distance
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


_PERIOD_KINDS = {"quarterly", "yearly", "annually", "biannually", "semiannually"}


def _after_quantity(st, i: int, reach: int = 4) -> bool:
    """Does a number, a percentage or a sum come within ``reach`` tokens before ``i`` in its
    clause (a rate: "20% annually", "four flights a week")?"""
    sent_start = _sent(st, i).start
    for k in range(i - 1, max(sent_start, i - reach) - 1, -1):
        t = st.toks[k]
        if t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or t.lower_ in ("%", "percent"):
            return True
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ"):
            return False
    return False


def _n_set(st, rule, i, end, labels):
    """Sets: "every week" (P1W), "each spring" (XXXX-SP), "every evening" (XXXX-XX-XXTEV),
    "twice a week" (P1W, freq 2X), "daily" (P1D); the quantifier goes in ``quant``."""
    value = _set_value(st, rule, i, end, labels)
    if value is None:
        return None
    words = [st.toks[k].lower_ for k in range(i, end)]
    extra = {}
    if words[0] in ("every", "each"):
        extra["quant"] = words[0].upper()
    if rule.name == "set_times_per":
        extra["freq"] = "1X" if words[0] == "once" else "2X"
    elif rule.name == "set_n_times_per":
        num = _lab(labels, "NUM")
        if not float(num[3]).is_integer() or num[3] < 1:
            return None
        extra["freq"] = f"{int(num[3])}X"
    return "SET", value, None, None, extra


def _set_value(st, rule, i, end, labels) -> Optional[str]:
    words = [st.toks[k].lower_ for k in range(i, end)]
    if rule.name == "set_adverb":
        tok = st.toks[i]
        if tok.dep_ == "amod" or tok.pos_ == "ADJ" and tok.head.i > i:
            # "his weekly radio address", "a daily rally": how often it recurs; but a period
            # longer than a month names a kind of figure ("quarterly dividend", "annual report")
            if words[0] in _PERIOD_KINDS or _prev_lower(st, i) == "average":
                return None  # "average daily volume": a per-day figure
        elif tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("compound", "nsubj", "dobj", "pobj", "appos") \
                or tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < i:
            return None  # "the party daily": a newspaper
        elif _after_quantity(st, i):
            return None  # "rise 8.5% annually", "10,000 units annually": a rate, not a time
        return R.SET_ADVERBS[words[0]]
    wl = _lab(labels, "WEEKDAY") or _lab(labels, "WEEKDAYS")
    if wl:
        tok = _tok(st, wl)
        wd = R.WEEKDAYS.get(tok.lower_) or R.WEEKDAYS_PLURAL[tok.lower_]
        pod = _lab(labels, "POD") or _lab(labels, "PODS")
        return f"XXXX-WXX-{wd}" + (f"T{R.PARTS_OF_DAY[_tok(st, pod).lower_]}" if pod else "")
    ml = _lab(labels, "MONTH")
    if ml:
        return f"XXXX-{R.MONTHS[_tok(st, ml).lower_]:02d}"
    sl = _lab(labels, "SEASON")
    if sl:
        return f"XXXX-{R.SEASONS[_tok(st, sl).lower_]}"
    pl = _lab(labels, "POD")
    if pl:
        return f"XXXX-XX-XXT{R.PARTS_OF_DAY[_tok(st, pl).lower_]}"
    unit = _unit_of(st, labels)
    if unit is None:
        return None
    num = _lab(labels, "NUM")
    n = num[3] if num and rule.name == "set_every_n" else 1
    if "other" in words:
        n = 2
    if rule.name == "set_per" and (_prev_lower(st, i) in ("a", "an") or unit in ("second", "minute")):
        return None  # "instructions per second": a speed
    return _dur_value(n, unit)


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
            day = _weekday_date(st.anchor, R.WEEKDAYS[w], _day_tense(st, i, dl[1])) if st.anchor else None
            base = f"XXXX-WXX-{R.WEEKDAYS[w]}" if day is None else None
        else:
            day = st.anchor + dt.timedelta(days=R.DEICTIC_DAYS[w]) if st.anchor else None
            base = "XXXX-XX-XX" if day is None else None
    else:  # no day of its own: the publication date, unless its sentence or story names one
        prefix = st.anchor.isoformat() if st.anchor else "XXXX-XX-XX"
        return "TIME", f"{prefix}T{hh:02d}:{mm:02d}", None, None, \
            {"_bare_clock": True, "_ref": st.ref_date, "_ref_at": st.ref_at}
    prefix = day.isoformat() if day else base
    return "TIME", f"{prefix}T{hh:02d}:{mm:02d}", None
