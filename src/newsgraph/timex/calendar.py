"""Date arithmetic and TIMEX3 formatting: weeks, quarters, seasons, holidays."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from . import rules as R


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



_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"),
            "TM": (60, "TS"), "Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}


def _dur_value(n: float, unit: str) -> Optional[str]:
    """P2Y, PT5H; a fraction goes into the next smaller unit: 2 1/2 years -> P2Y6M."""
    g = R.UNITS[unit]
    if g == "WE":
        return None
    if g == "2W":
        n, g = n * 2, "W"
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


_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    return d.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[m - 3]


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
