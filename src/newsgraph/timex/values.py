"""TIMEX3 values: a validator and a parse/format round trip."""
from __future__ import annotations

import re




_V_YEAR = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"
_VALUE_RE = re.compile(
    r"^(?:"
    r"(?P<ref>PRESENT_REF|PAST_REF|FUTURE_REF)"
    r"|(?P<vague>PXX)"  # a stretch of unknown length in unknown units: "a while" (TimeBank)
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
