"""Server-side SVG charts of the Sources page: stacked bars whose segments link to the
quotations behind them. No script and no inline style (the CSP forbids both): colours
come from the stylesheet through classes; every segment has a tooltip and a link."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from markupsafe import Markup, escape

GENDER_ORDER = ("female", "male", "unknown")


def search_url(filters: dict) -> str:
    """The quotation search listing what a figure counts."""
    return "/search?" + urlencode({k: v for k, v in filters.items() if v not in (None, "")})


def stacked_bars_svg(rows: list[dict], segments: tuple[str, ...], *, label: str, width: int = 760,
                     css: str = "stack", unit: str = "people") -> Markup:
    """One horizontal bar per row, split into ``segments`` by share.

    ``rows``: ``{"label", "base", "parts": {segment: (count, share, href)}}``; ``base`` is
    the number the shares are of (shown at the right of the bar)."""
    pad_l, pad_r, bar_h, gap, top = 170, 110, 20, 10, 6
    height = top + len(rows) * (bar_h + gap) + 4
    w = width - pad_l - pad_r
    head = (f'<svg class="{css}" role="img" viewBox="0 0 {width} {max(height, 40)}" '
            f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(label)}">')
    if not rows:
        return Markup(head + f'<text x="{width // 2}" y="24" text-anchor="middle" class="empty">'
                             f'nothing to show</text></svg>')
    parts = [head]
    for i, row in enumerate(rows):
        y = top + i * (bar_h + gap)
        name = str(row["label"])
        short = name if len(name) <= 22 else name[:21] + "\u2026"
        parts.append(f'<text class="rlab" x="{pad_l - 8}" y="{y + bar_h * 0.72:.1f}" text-anchor="end">'
                     f'<title>{escape(name)}</title>{escape(short)}</text>')
        x = float(pad_l)
        base = row["base"] or 0
        for seg in segments:
            count, share, href = row["parts"].get(seg, (0, None, None))
            if not count or not base:
                continue
            seg_w = w * count / base
            tip = f"{name}: {seg.replace('_', ' ')} {count} of {base} {unit} ({share:g}%)"
            rect = (f'<rect class="seg seg-{escape(seg)}" x="{x:.1f}" y="{y}" width="{max(seg_w, 1.0):.1f}" '
                    f'height="{bar_h}" data-count="{count}" data-segment="{escape(seg)}">'
                    f'<title>{escape(tip)}</title></rect>')
            parts.append(f'<a href="{escape(href)}">{rect}</a>' if href else rect)
            if seg_w >= 34:
                parts.append(f'<text class="slab" x="{x + seg_w / 2:.1f}" y="{y + bar_h * 0.72:.1f}" '
                             f'text-anchor="middle">{share:.0f}%</text>')
            x += seg_w
        noun = unit if base != 1 else {"people": "person", "sources": "source"}.get(unit, unit)
        parts.append(f'<text class="base" x="{pad_l + w + 8}" y="{y + bar_h * 0.72:.1f}">'
                     f'of {base:,} {escape(noun)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def gender_rows(figures: list[dict], *, label_of=None) -> list[dict]:
    """Stacked-bar rows of gender shares from ``store.sources`` figures."""
    rows = []
    for f in figures:
        if not f["people"]:
            continue
        parts = {g: (f["gender"][g]["people"], f["gender"][g]["share"], search_url(f["gender"][g]["search"]))
                 for g in GENDER_ORDER}
        rows.append({"label": label_of(f) if label_of else f["group"], "base": f["people"], "parts": parts})
    return rows


def role_rows(total: dict) -> list[dict]:
    """One bar per role (its share of the people and anonymous sources quoted)."""
    rows = []
    for role, v in sorted(total["roles"].items(), key=lambda kv: (-kv[1]["people"], kv[0])):
        rows.append({"label": role.replace("_", " "), "base": total["sourced"],
                     "parts": {role: (v["people"], v["share"], search_url(v["search"]))}})
    return rows


def group_label(by: Optional[str]):
    def label(f: dict) -> str:
        if f["group"] is None:
            return {"outlet": "(no outlet)", "month": "(undated)", "section": "(no section)"}.get(by or "", "all")
        return str(f["group"])
    return label
