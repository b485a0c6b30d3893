"""Jinja2 filters and helpers for the pages."""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from .render import parse_day, safe_url


def nice_date(value) -> str:
    """2019-03-01 -> 1 Mar 2019; 2019-03 -> Mar 2019; anything else as is."""
    if not value:
        return ""
    s = str(value)
    d = parse_day(s)
    if d is None:
        return s
    head = s.split("T")[0]
    if len(head) >= 10:
        return f"{d.day} {d:%b %Y}"
    if len(head) >= 7:
        return f"{d:%b %Y}"
    return str(d.year)


def plural(n, word: str, many: str = "") -> str:
    n = n or 0
    return f"{n} {word if n == 1 else (many or word + 's')}"


def query(args: dict, **change) -> str:
    """A query string from ``args`` with some values changed; empty values dropped."""
    merged = {**args, **change}
    return urlencode({k: ("true" if v is True else v) for k, v in merged.items()
                      if v not in (None, "", False)})


def path(value) -> str:
    """A path segment from an id (slashes kept for article ids, everything else quoted)."""
    return quote(str(value), safe="/")


def ticks(text) -> Markup:
    """Escape, then show `code` (or ``code``) spans as <code>."""
    return Markup(re.sub(r"``?([^`<>]+?)``?", r"<code>\1</code>", str(escape(text or ""))))


def install(env) -> None:
    env.filters.update(nice_date=nice_date, plural=plural, path=path, safe_url=safe_url, ticks=ticks)
    env.globals.update(query=query)
