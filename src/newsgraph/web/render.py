"""HTML built from offsets, and the speaker timeline as SVG: pure functions, no web objects.

Article text is untrusted. Every piece of it goes through ``markupsafe.escape``;
the only markup produced here is our own tags with attribute values that are
escaped too. The result is ``Markup`` so Jinja2 (autoescape on) inserts it as is.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from markupsafe import Markup, escape

PALETTE_SIZE = 8
# layers nest outside-in: a quote holds speaker mentions, cues and dates
LAYER = {"quote": 0, "speaker": 1, "cue": 1, "timex": 2}


@dataclass
class Span:
    start: int
    end: int
    kind: str                                   # quote | speaker | cue | timex
    attrs: dict = field(default_factory=dict)   # attribute -> value (escaped on output)
    classes: tuple = ()
    tag: str = "span"

    def open(self) -> str:
        cls = " ".join((self.kind, *self.classes))
        parts = [f'<{self.tag} class="{escape(cls)}"']
        for k, v in self.attrs.items():
            if v is not None:
                parts.append(f' {k}="{escape(str(v))}"')
        return "".join(parts) + ">"

    def close(self) -> str:
        return f"</{self.tag}>"


def nest(text: str, start: int, end: int, spans: Iterable[Span]) -> Markup:
    """``text[start:end]`` as HTML with ``spans`` (clipped to the range) as properly nested
    elements; a span that crosses another is split in two. Every text piece is escaped."""
    inside = []
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if a < b:
            inside.append((a, b, s))
    cuts = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    out: list[str] = []
    stack: list[Span] = []
    for lo, hi in zip(cuts, cuts[1:]):
        want = sorted((s for a, b, s in inside if a <= lo and hi <= b),
                      key=lambda s: (LAYER.get(s.kind, 3), s.start, -s.end, id(s)))
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(stack.pop().close())
        for s in want[keep:]:
            out.append(s.open())
            stack.append(s)
        out.append(str(escape(text[lo:hi])))
    while stack:
        out.append(stack.pop().close())
    return Markup("".join(out))


def _valid(start, end, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n


# attributions below this speaker confidence are shown as uncertain
LOW_CONFIDENCE = 0.5


def uncertain(confidence) -> bool:
    """True for a quote whose speaker confidence is known and low."""
    return isinstance(confidence, (int, float)) and confidence < LOW_CONFIDENCE


def article_view(record: dict, store_info: dict) -> dict:
    """Everything the article template needs: blocks of HTML, the speakers legend, the quotes.

    ``record`` is the ArticleRecord JSON (as stored); ``store_info`` the store's annotations
    (entity links, the quotation each quote joined)."""
    text: str = record.get("text") or ""
    n = len(text)
    links = {e["local_id"]: e for e in store_info.get("entities", [])}
    qids = {q["idx"]: q for q in store_info.get("quotes", [])}
    speakers: dict[str, dict] = {}
    spans: list[Span] = []
    quotes = []
    for i, q in enumerate(record.get("quotes") or []):
        sp = q.get("speaker") or {}
        link = links.get(sp.get("entity")) if sp.get("entity") else None
        key = f"e{link['entity_id']}" if link else f"n:{(sp.get('name') or '').casefold()}"
        if key not in speakers:
            speakers[key] = {"name": (link or {}).get("entity_name") or sp.get("name") or "unattributed",
                             "entity_id": link["entity_id"] if link else None, "type": sp.get("type"),
                             "colour": len(speakers) % PALETTE_SIZE, "n": 0}
        info = speakers[key]
        info["n"] += 1
        joined = qids.get(i) or {}
        cue = q.get("cue") or {}
        mention = sp.get("mention") or {}
        quotes.append({"idx": i, "text": q.get("text"), "kind": q.get("kind"), "speaker": info,
                       "descriptor": sp.get("descriptor"), "cue": cue.get("text"), "date": q.get("date"),
                       "quotation_id": joined.get("quotation_id"), "n_articles": joined.get("n_articles"),
                       "match": joined.get("match"), "confidence": q.get("confidence"),
                       "uncertain": uncertain(q.get("confidence"))})
        colour = f"c{info['colour']}"
        if _valid(q.get("start"), q.get("end"), n):
            classes = (colour, q.get("kind") or "direct") + (("uncertain",) if uncertain(q.get("confidence")) else ())
            spans.append(Span(q["start"], q["end"], "quote", classes=classes, attrs={
                "data-confidence": q.get("confidence"),
                "id": f"s{q['start']}", "data-idx": i, "data-speaker": info["name"], "data-speaker-key": key, "data-kind": q.get("kind"),
                "data-cue": cue.get("text"), "data-date": q.get("date"), "data-descriptor": sp.get("descriptor"),
                "data-quotation": joined.get("quotation_id"), "data-entity": info["entity_id"], "tabindex": "0"}))
        if _valid(mention.get("start"), mention.get("end"), n):
            spans.append(Span(mention["start"], mention["end"], "speaker", classes=(colour,),
                              attrs={"title": f"speaker: {info['name']}", "data-for": f"s{q.get('start')}"}))
        if _valid(cue.get("start"), cue.get("end"), n):
            spans.append(Span(cue["start"], cue["end"], "cue", classes=(colour,),
                              attrs={"title": "speech cue", "data-for": f"s{q.get('start')}"}))
    for t in record.get("timexes") or []:
        if _valid(t.get("start"), t.get("end"), n):
            label = t.get("value") or "?"
            if t.get("mod"):
                label += f" ({t['mod']})"
            spans.append(Span(t["start"], t["end"], "timex", classes=(str(t.get("type") or "DATE").lower(),),
                              attrs={"title": f"{t.get('type') or 'DATE'}: {label}", "data-value": label}))
    blocks = []
    paragraphs = record.get("paragraphs") or []
    if not paragraphs and text:
        paragraphs = [{"start": 0, "end": n, "role": "body"}]
    has_title = False
    for i, p in enumerate(paragraphs):
        start, end = p.get("start"), p.get("end")
        if not _valid(start, end, n):
            continue
        role = p.get("role") if p.get("role") in ("title", "heading", "caption", "body") else "body"
        has_title |= role == "title"
        blocks.append({"role": role, "index": i, "html": nest(text, start, end, spans)})
    return {"blocks": blocks, "has_title": has_title, "speakers": list(speakers.values()), "quotes": quotes}


# ------------------------------------------------------------------ timeline

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_day(value: Optional[str]) -> Optional[dt.date]:
    """The first day a TIMEX3-like value (2019, 2019-03, 2019-03-01, 2019-03-01T...) points to."""
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def _bins(days: list[dt.date]) -> tuple[str, dt.date, int]:
    """The bin unit (day, month, year), the first bin and the number of bins for these dates."""
    span = (days[-1] - days[0]).days
    if span <= 92:
        n = max(31, span + 1)
        return "day", days[0] - dt.timedelta(days=(n - span - 1) // 2), n
    first, last = days[0].replace(day=1), days[-1].replace(day=1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 120:
        return "month", first, months
    return "year", dt.date(days[0].year, 1, 1), days[-1].year - days[0].year + 1


def _bin_start(unit: str, first: dt.date, k: int) -> dt.date:
    if unit == "day":
        return first + dt.timedelta(days=k)
    if unit == "month":
        y, m = divmod(first.year * 12 + first.month - 1 + k, 12)
        return dt.date(y, m + 1, 1)
    return dt.date(first.year + k, 1, 1)


def _bin_of(unit: str, first: dt.date, d: dt.date) -> int:
    if unit == "day":
        return (d - first).days
    if unit == "month":
        return (d.year - first.year) * 12 + d.month - first.month
    return d.year - first.year


def timeline_svg(items: list[dict], *, width: int = 760, height: int = 160,
                 events: Optional[list[dict]] = None) -> Markup:
    """Statements over time as bars (by day, month or year, whichever fits the span), with a
    date axis; each bar has a tooltip. ``items`` are quotations with ``first_seen``.
    ``events`` (dicts with ``date``, ``type`` and ``role``: "did" or "done_to") are drawn on
    the same axis as markers above the bars: what the speaker did, and what was done to it."""
    events = events or []
    ev_days = [(parse_day(e.get("date")), e) for e in events]
    ev_days = [(d, e) for d, e in ev_days if d]
    days = sorted([d for d in (parse_day(i.get("first_seen")) for i in items) if d] + [d for d, _ in ev_days])
    pad_l, pad_r, pad_t, pad_b = 30, 12, 18, 28
    w, h = width - pad_l - pad_r, height - pad_t - pad_b
    head = (f'<svg class="timeline" role="img" viewBox="0 0 {width} {height}" '
            f'xmlns="http://www.w3.org/2000/svg" aria-label="statements over time">')
    if not days:
        return Markup(head + f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" class="empty">'
                             f'no dated statements</text></svg>')
    unit, first, n = _bins(days)
    counts: dict[int, int] = {}
    for d in (parse_day(i.get("first_seen")) for i in items):
        if d:
            k = _bin_of(unit, first, d)
            counts[k] = counts.get(k, 0) + 1
    top = max(counts.values()) if counts else 1
    bw = w / n
    base = pad_t + h
    parts = [head, f'<g class="meta" data-unit="{unit}" data-bins="{n}"></g>']
    for frac in (0.5, 1.0):
        y = base - frac * h
        parts.append(f'<line class="grid" x1="{pad_l}" y1="{y:.1f}" x2="{pad_l + w}" y2="{y:.1f}"/>')
        if (top * frac) == int(top * frac):
            parts.append(f'<text class="ylab" x="{pad_l - 6}" y="{y + 4:.1f}" text-anchor="end">'
                         f'{int(top * frac)}</text>')
    parts.append(f'<line class="axis" x1="{pad_l}" y1="{base}" x2="{pad_l + w}" y2="{base}"/>')
    fmt = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}[unit]
    for k, c in sorted(counts.items()):
        x = pad_l + k * bw
        bh = max(3.0, c / top * h)
        start = _bin_start(unit, first, k)
        label = f"{start:{fmt}}: {c} statement{'s' if c != 1 else ''}"
        key = {"day": f"{start:%Y-%m-%d}", "month": f"{start:%Y-%m}", "year": f"{start:%Y}"}[unit]
        bar_w = min(max(bw * 0.72, 2.0), 46.0)
        parts.append(f'<rect class="bar" x="{x + (bw - bar_w) / 2:.1f}" y="{base - bh:.1f}" width="{bar_w:.1f}" '
                     f'height="{bh:.1f}" rx="2" data-bin="{key}" data-month="{start:%Y-%m}" data-count="{c}">'
                     f'<title>{escape(label)}</title></rect>')
        if bw >= 14:
            parts.append(f'<text class="count" x="{x + bw / 2:.1f}" y="{base - bh - 4:.1f}" '
                         f'text-anchor="middle">{c}</text>')
    marks: dict[tuple[int, str], list[str]] = {}
    for d, e in ev_days:
        marks.setdefault((_bin_of(unit, first, d), e.get("role") or "did"), []).append(str(e.get("type") or ""))
    for (k, role), types in sorted(marks.items()):
        x = pad_l + k * bw + bw / 2
        y = pad_t - 9 if role == "did" else pad_t - 3
        start = _bin_start(unit, first, k)
        fmt = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}[unit]
        what = "did" if role == "did" else "was the target of"
        label = f"{start:{fmt}}: {what} {', '.join(sorted(set(types)))} ({len(types)} event{'s' if len(types) != 1 else ''})"
        parts.append(f'<circle class="event {"did" if role == "did" else "done-to"}" cx="{x:.1f}" cy="{y + 6:.1f}" '
                     f'r="{min(5.0, 2.5 + len(types) / 2):.1f}" data-count="{len(types)}"><title>{escape(label)}</title>'
                     f'</circle>')
    for k in range(n):
        start = _bin_start(unit, first, k)
        x = pad_l + k * bw
        major = (k == 0 or (unit == "day" and start.day == 1) or (unit == "month" and start.month == 1)
                 or (unit == "year" and start.year % 5 == 0))
        if major:
            text = {"day": f"{start:%b %Y}", "month": f"{start:%Y}", "year": f"{start:%Y}"}[unit]
            parts.append(f'<line class="tick" x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 6}"/>')
            parts.append(f'<text class="xlab" x="{x + 3:.1f}" y="{base + 19}">{text}</text>')
        elif unit == "day" and start.day % 7 == 1 and start.day < 28 and k > 2:
            parts.append(f'<text class="xlab minor" x="{x + bw / 2:.1f}" y="{base + 19}" '
                         f'text-anchor="middle">{start.day}</text>')
        elif unit == "month" and n <= 36 and k > 1 and k % max(1, n // 12) == 0:
            parts.append(f'<text class="xlab minor" x="{x + bw / 2:.1f}" y="{base + 19}" '
                         f'text-anchor="middle">{start:%b}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def safe_url(url: Optional[str]) -> Optional[str]:
    """An http(s) URL from untrusted metadata, or None (no javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    return u if re.match(r"^https?://[^\s<>\"']+$", u, re.I) else None
