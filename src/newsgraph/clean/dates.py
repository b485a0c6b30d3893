"""Dates in page text: date lines, their calendar date, and the wire dateline.

In any language whose month and weekday names the Unicode CLDR knows (read through
Babel, a dependency of trafilatura's URL tools, once per process and only when a page
asks): "19 October 2019", "19. Oktober 2019", "19 de octubre de 2019", "16 marca 2021",
numeric dates day first ("19.10.19") or month first ("10/19/2019"), ISO dates. A page
never says its language here: a month name is looked up in every table at once.

``dateline_prefix`` is the one definition of a wire dateline opening a paragraph
("BRUSSELS, Nov 17 (Agency) -", "LAS CRUCES, N.M. —"), used by the cleaners and by
the quote finder (the place is no part of what was said).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from . import furniture as _F

_ENGLISH_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
for _m, _i in list(_ENGLISH_MONTHS.items()):
    _ENGLISH_MONTHS[_m[:3]] = _i
_ENGLISH_MONTHS["sept"] = 9
_ENGLISH_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday "
                              "mon tue tues wed thu thur thurs fri sat sun".split())
# CLDR locales whose month names a page may use (the languages of most of the web that
# writes in the Latin, Greek and Cyrillic scripts); abbreviations only when CLDR writes
# them with a full stop ("Okt.", "févr."), since bare ones are often words ("mag", "set")
_LOCALES = "en de fr es it pt nl pl sv da nb fi cs sk hu ro hr sl tr ca et lv lt el ru uk bg".split()

_DATE_WORDS = frozenset("""
updated published posted last first modified created date on at am pm a.m p.m a m p edt est
et pt pdt pst cdt cst mdt mst gmt utc bst cet cest ist jst ago hour hours minute minutes min
mins second seconds day days week weeks month months year years yesterday today just now
noon midnight st nd rd th of the time read and
""".split()) | _F.DATE_WORDS
_UPDATED = re.compile(r"(?:last )?(?:updated?|modified|" + _F.UPDATED + r")\b", re.I)
_TIME_ZONE = re.compile(r"[A-Z]{0,3}[SD]?T")
_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+|\S", re.U)
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_DATE_ANCHOR_NUM = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
# (?<!\d): a match starts at a number's first digit, so a run of digits is not retried
_RELATIVE_TIME = re.compile(r"(?<!\d)\d+\s*(?:min|mins|minutes?|hours?|hrs?|h|days?|d)\s+ago\b|"
                            r"\b(?:vor|hace|il y a|há)\s+\d+\s*[^\W\d_]+|(?<!\d)\d+\s*[^\W\d_]+\s+(?:fa|geleden|temu|sedan|siden)\b",
                            re.I)
# "2024年5月3日" (Japanese, Chinese), "2024년 5월 3일" (Korean)
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_CJK_REST = re.compile(r"[\s\d:：/()（）年月日년월일時分시분午前後오전후更新公開掲載発表]*")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?!\d)")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], frozenset[str]]:
    """Month names (lower case) -> month number, and weekday names, from CLDR."""
    months = dict(_ENGLISH_MONTHS)
    weekdays = set(_ENGLISH_WEEKDAYS)
    try:
        from babel import Locale
    except ImportError:   # Babel is optional: English names still work
        return months, frozenset(weekdays)
    for code in _LOCALES:
        try:
            loc = Locale.parse(code)
        except Exception:  # a locale this Babel lacks
            continue
        for ctx in ("format", "stand-alone"):
            for num, name in loc.months[ctx]["wide"].items():
                months.setdefault(name.lower(), num)
            for num, name in loc.months[ctx]["abbreviated"].items():
                if name.endswith(".") and len(name) >= 4:
                    months.setdefault(name.lower(), num)
            for name in loc.days[ctx]["wide"].values():
                weekdays.add(name.lower())
    return months, frozenset(weekdays)


def month_of(token: str) -> Optional[int]:
    """The month a word names ("Oktober", "octubre", "Okt.", "Oct"), else None."""
    months = _tables()[0]
    low = token.lower()
    if low in months:
        return months[low]
    return months.get(low.rstrip("."))


def is_weekday(token: str) -> bool:
    low = token.lower().rstrip(".,")
    return low in _tables()[1]


def date_line(text: str) -> Optional[str]:
    """'date' for a line that is only a date (with an optional prefix: "Updated",
    "Veröffentlicht am", a weekday, a clock time), 'time' for a bare clock time ("7
    p.m.", a live-blog entry), else None."""
    if len(text) > 80:
        return None
    if _ISO_DATETIME.fullmatch(text.strip()):
        return "date"
    m = _CJK_DATE.search(text)
    if m:   # a date line in Chinese, Japanese or Korean: the date, a time, a word or two
        rest = _CJK_REST.sub("", text[:m.start()] + text[m.end():])
        return "date" if len(rest) <= 4 else None
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    anchor = bool(_DATE_ANCHOR_NUM.search(text)) or bool(_RELATIVE_TIME.search(text))
    clock = False
    for tok in tokens:
        low = tok.lower()
        if tok.isascii() and tok.isdigit():
            if len(tok) == 4 and 1900 <= int(tok) <= 2100:
                anchor = True
            elif len(tok) > 2:
                return None   # "+81 158-23-2012": a phone number, no date
            continue
        if not tok[0].isalpha():
            if tok in ":,/.-–—|·•()[]'’+":
                if tok == ":":
                    clock = True
                continue
            return None
        bare = low.rstrip(".")
        if month_of(tok):
            anchor = True
        elif is_weekday(tok) or bare in ("yesterday", "today", "ago", "now"):
            anchor = True
        elif low in _DATE_WORDS or bare in _DATE_WORDS:
            if bare in ("am", "pm", "a.m", "p.m", "a", "p", "m", "uhr", "h"):
                clock = True
            continue
        elif _TIME_ZONE.fullmatch(tok):   # "MT", "AEST", "CEST": a zone after a clock time
            continue
        else:
            return None
    if anchor:
        return "date"
    if clock or any(t.isascii() and t.isdigit() for t in tokens):
        return "time" if clock else None
    return None


def updated_line(text: str) -> bool:
    """A date line that gives the last change, not the publication ("Updated ...")."""
    return bool(_UPDATED.match(text.strip()))


def _year(value: int) -> int:
    return value + 2000 if value < 70 else value + 1900 if value < 100 else value


def parse_date(text: str, *, day_first: bool = False) -> Optional[str]:
    """YYYY-MM-DD from a date with a day, a month and a year, else None. Numeric dates
    are read year first (2019-10-19, 2019/10/19), day first when written with dots or
    when the first number cannot be a month (19.10.19, 19/10/2019), else month first
    (10/19/2019) unless ``day_first`` (the page's other dates say it writes 19/10)."""
    m = re.search(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", text) or _CJK_DATE.search(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    tokens = _TOKEN.findall(text)
    month = next((i for i, t in enumerate(tokens) if t[0].isalpha() and month_of(t)), None)
    if month is not None:
        year = next((int(t) for t in tokens if t.isascii() and t.isdigit() and len(t) == 4), None)
        day = None
        for step in (-1, 1, -2, 2, 3):   # "19. Oktober", "October 19", "19 de octubre"
            j = month + step
            if 0 <= j < len(tokens) and tokens[j].isascii() and tokens[j].isdigit() and len(tokens[j]) <= 2:
                between = tokens[min(j, month) + 1:max(j, month)]
                if all(not t[0].isalnum() or t.lower() in ("de", "of", "the") for t in between):
                    day = int(tokens[j])
                    break
        if year is None or day is None:
            return None
        return _valid(year, month_of(tokens[month]), day)
    m = _NUMERIC.search(text)
    if not m or len(m.group(1)) > 2:
        return None
    a, b, y = int(m.group(1)), int(m.group(3)), _year(int(m.group(4)))
    if m.group(2) == "." or a > 12 or (day_first and b <= 12):
        return _valid(y, b, a)
    return _valid(y, a, b)


def numeric_order(texts) -> Optional[bool]:
    """True when a page writes numeric dates day first (one of them reads 19/10/2019),
    False when month first (10/19/2019), None when none of them tells."""
    for text in texts:
        for m in _NUMERIC.finditer(text):
            if m.group(2) == "." or len(m.group(1)) > 2:
                continue
            a, b = int(m.group(1)), int(m.group(3))
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
    return None


def _valid(y: int, mo: Optional[int], d: int) -> Optional[str]:
    if mo is None or not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in _ENGLISH_MONTHS), key=len, reverse=True))
# "BRUSSELS, Nov 17 (Agency) -", "LAS CRUCES, N.M. —", "WASHINGTON (AP) —" opening a paragraph
_PLACE_DATELINE = re.compile(
    r"(?P<line>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3}){0,2}"
    r"(?:,? (?:(?:" + _MONTH_NAMES + r")\.? \d{1,2}(?:, \d{4})?|\d{1,2} (?:" + _MONTH_NAMES + r")\.?(?: \d{4})?))?"
    r"(?: \([^()]{1,40}\))?)\s?[-–—]+\s")


def dateline_prefix(text: str) -> Optional[re.Match]:
    """The wire dateline opening a paragraph ("BRUSSELS, Nov 17 (Agency) - "): a match
    whose group "line" is the dateline and whose end is where the text proper begins;
    None when the paragraph opens otherwise."""
    m = _PLACE_DATELINE.match(text)
    if not m or sum(1 for ch in m.group("line") if ch.isupper()) < 3:
        return None
    return m
