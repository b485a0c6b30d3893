"""The article in a page: the best-scoring run of units, the headline, roles, and
``clean_page_text`` itself."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .dates import dateline_prefix, numeric_order, parse_date, updated_line
from .furniture import PHOTO_WORDS as _PHOTO_WORDS
from .model import Block, CleanedPage
from .vocab import (
    _ADDRESSED, _BOX_TONE, _CALL, _CLOSERS, _IMPERATIVE, _PROMO, _PRONOUNS,
    _QUOTES, _SELF, _SITE, _SPEECH, _STOP, _VERBISH, _WE,
)
from .lines import (
    _Unit, _title_like, _affiliation, author_line, line_kind, _headline_case, _lines_to_units, _mark_bylines, _norm_key,
    _words,
)

# --------------------------------------------------------------------------- scoring

def _score(u: _Unit) -> float:
    if u.kind == "prose":
        return 1.0 + min(u.words, 75) / 25
    if u.kind == "sentence":
        return 0.5 if u.words >= 5 else 0.3 if u.words == 4 else 0.0
    if u.kind in ("caption", "time"):
        return 0.0
    if u.kind in ("item", "table"):
        return 0.2
    if u.kind == "link" or u.reason == "repeated":
        return -1.0 if u.words <= 4 else -0.8
    if u.kind == "end":
        return -4.0
    if u.kind == "list":
        return -1.0
    if u.reason in ("separator", "label", "advertisement", "dateline", "byline", "chrome", "reading_time",
                    "template"):
        return -0.2
    return -0.8


def _paragraph(u: _Unit) -> bool:
    """Prose, or a short sentence of five words or more."""
    return u.kind == "prose" or (u.kind == "sentence" and u.words >= 5)


_BRIDGE = 12   # the most lines a box inside the article may hold
_LONG = 40     # a paragraph this long is no comment or teaser: it counts twice in a tail


def _best_run(units: list[_Unit], bonus: Optional[dict] = None) -> tuple[int, int]:
    """The maximum-sum run of unit scores (Kadane); (0, -1) when nothing scores.

    A stretch of costly lines between two prose paragraphs (a related-stories box
    inside the article) costs at most 1.5 in all, so the article runs across it; a
    menu before the article or a footer after it has prose on one side only.
    """
    scores = [_score(u) for u in units]
    for k, b in (bonus or {}).items():
        scores[k] += b
    i, n = 0, len(units)
    while i < n:
        if scores[i] >= 0:
            i += 1
            continue
        j = i
        while j < n and scores[j] < 0:
            j += 1
        total = sum(scores[i:j])
        if (0 < i and j < n and _paragraph(units[i - 1]) and _paragraph(units[j])
                and total < -1.5 and j - i <= _BRIDGE and not any(u.kind == "end" for u in units[i:j])):
            scale = -1.5 / total
            for k in range(i, j):
                scores[k] *= scale
        i = j
    best, best_span = 0.0, (0, -1)
    cur, start = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, start = s, i
        else:
            cur += s
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _junk(u: _Unit) -> bool:
    """Lines that mark a page region: menus, link lists, chrome, metadata."""
    return u.kind in ("link", "list", "end") or (
        u.kind == "drop" and u.reason not in ("separator", "advertisement", "label", "template"))


def _cut_tail(units: list[_Unit], start: int, end: int) -> int:
    """Where the article ends inside the run: at a closing section header, before a
    teaser list, or before a tail that breaks into one-paragraph fragments between
    link-like lines (comments, related lists, footers)."""
    seen = 0   # words of prose so far: a "Comments" link in the share bar under the byline ends nothing
    for i in range(start, end + 1):
        if units[i].kind == "prose":
            seen += units[i].words
        elif units[i].kind == "end" and seen >= 40:
            return i - 1
    # a teaser list at the end: three or more pairs of a headline and a short paragraph
    k, pairs = end, 0
    while k - 1 >= start and units[k].kind in ("prose", "sentence") and units[k].words <= 40 \
            and units[k - 1].kind == "link" and units[k - 1].words >= 3 \
            and _headline_case(_words(units[k - 1].text), units[k - 1].text):
        pairs += 1
        k -= 2
    if pairs >= 3 and any(units[j].kind == "prose" for j in range(start, k + 1)):
        end = k
    # segments of the run between gaps of two or more junk lines
    segments: list[tuple[int, int, int]] = []   # (gap start, segment start, paragraphs)
    i, gap_start = start, start
    while i <= end:
        if _junk(units[i]) and i + 1 <= end and _junk(units[i + 1]):
            gap_start = i
            while i <= end and _junk(units[i]):
                i += 1
            continue
        j = i
        while j <= end and not (_junk(units[j]) and j + 1 <= end and _junk(units[j + 1])):
            j += 1
        segments.append((gap_start, i, sum(2 if units[k].words >= _LONG else 1 for k in range(i, j) if _paragraph(units[k]))))
        i = j
    # the article ends before the first gap after which the page only breaks into
    # fragments: several segments of about one paragraph each (comments, teasers)
    paragraphs_after = 0
    cut = None
    for s in range(len(segments) - 1, 0, -1):   # suffix sums, from the end
        paragraphs_after += segments[s][2]
        rest = len(segments) - s
        if rest >= 2 and paragraphs_after / rest < 1.5:
            cut = segments[s][0] - 1
    return end if cut is None else cut


# --------------------------------------------------------------------------- headline

def _find_title(units: list[_Unit], start: int, site: Optional[str] = None) -> Optional[int]:
    """The headline's index: the title-like line closest above the article, past its
    byline block, captions and share bar (``_title_above``); else by the menu's shape."""
    t = _title_above(units, start, site)
    return t if t is not None else _title_after_menu(units, start, site)


# a caption's marks: a photo credit ("Ledger photo by ...", "Photo: ...", "Gazette photo / ...")
# or a closing parenthesis naming the source ("... in a 2024 file photo. (Tessera)")
_PHOTO_LINE = re.compile(r"\b(?:photo|photograph|image|picture|file)s?\b|\([^()]{2,60}\)\s*$", re.I)


def _title_above(units: list[_Unit], start: int, site: Optional[str]) -> Optional[int]:
    """Walking up from the article's first paragraph over chrome, byline and date lines,
    captions, share buttons and the site's name, the first title-like line; a deck (a
    longer line in sentence case) sits under its headline, a section label above it."""
    limit = min(start, len(units))
    site_key = _norm_key(site) if site else None
    counts = Counter(_norm_key(u.text) for u in units if u.words <= 2)

    def skip(j: int) -> bool:
        u = units[j]
        return (u.kind in ("drop", "caption", "time") or (u.kind in ("end", "list") and u.words <= 2)
                or _affiliation(u, site_key, counts))

    # the byline block between the headline and the article: a short tool line or two
    # ("Gift this article") may sit under it, never a headline-sized line
    # One longer line may sit between that block and the article: the lead photo's
    # caption (or a deck). The headline is above the byline block, not that line.
    j, others, between = limit - 1, 0, None
    while j >= 0 and others <= 2:
        u = units[j]
        if u.kind == "drop" and u.reason in ("byline", "dateline"):
            t = _title_walk(units, j, skip)
            if t is not None:
                if between is not None and _PHOTO_LINE.search(units[between].text):
                    units[between].kind = "caption"
                return t
            break
        if not skip(j):
            if u.kind != "link" or u.words > 4:
                if between is not None or not _title_like(u) and u.kind not in ("prose", "sentence"):
                    break
                between = j
            else:
                others += 1
        j -= 1
    return _title_walk(units, limit, skip)


def _title_walk(units: list[_Unit], limit: int, skip) -> Optional[int]:
    """The first title-like line above ``limit`` past the lines ``skip`` accepts."""
    i, single = limit - 1, 0
    while i >= 0:
        if units[i].kind == "link" and units[i].words <= 1:
            single += 1   # a share button or a section label; three in a row are a menu
            if single > 2:
                return None
        elif not skip(i):
            break
        else:
            single = 0
        i -= 1
    if i < 0:
        return None
    c = units[i]
    above = i - 1
    while above >= 0 and units[above].kind == "drop" and units[above].reason == "separator":
        above -= 1
    p = units[above] if above >= 0 else None
    if not _title_like(c) or c.words < 2:
        return None
    if i + 1 < len(units) and units[i + 1].kind == "time":
        return None   # a live-blog entry's heading: the article began higher up
    menu_item = lambda u: u is not None and u.kind in ("link", "end", "list") and u.words <= 4  # noqa: E731
    if p is not None and p.kind in ("link", "sentence") and _title_like(p) and p.words >= 3 \
            and c.words > p.words and not _headline_case(_words(c.text), c.text) \
            and not (menu_item(p) and above > 0 and menu_item(units[above - 1])):   # p is no menu's last item
        before = next((units[j] for j in range(above - 1, -1, -1) if units[j].kind != "drop"), None)
        if not (before is not None and before.kind == "link" and before.words >= 5):
            return above   # c is the deck under the headline p
    if p is not None and _paragraph(p):
        return None   # c is a subheading or a caption: the article began higher up
    if c.kind == "link" and c.words <= 4 and menu_item(p):
        # a short headline right under the menu: longer than the menu's items
        sizes, j = [], above
        while j >= 0 and (units[j].kind == "drop" or menu_item(units[j])):
            if units[j].kind != "drop":
                sizes.append(units[j].words)
            j -= 1
        sizes.sort()
        if c.words <= 2 or c.words <= sizes[len(sizes) // 2]:
            return None
    return i


def _title_after_menu(units: list[_Unit], start: int, site: Optional[str] = None) -> Optional[int]:
    """The headline's index: the first title-like unit after the leading menu."""
    limit = min(start, len(units))
    live = [i for i in range(limit) if units[i].kind != "drop"]   # chrome is transparent
    short = [(units[i].kind == "link" and units[i].words <= 4) or units[i].kind in ("end", "list")
             for i in live]
    nav_end = -1   # last line of the leading menu: short lines with short neighbours
    nav_items: list[int] = []
    for p, i in enumerate(live):
        after_chrome = i > 0 and units[i - 1].kind == "drop" and units[i - 1].reason not in ("dateline", "byline")
        bridged = p >= 2 and short[p - 2] and units[live[p - 1]].kind == "link" and units[live[p - 1]].words <= 6
        if short[p] and ((p >= 1 and short[p - 1]) or bridged or after_chrome):
            nav_end = i
            nav_items.append(i)
    site_key = _norm_key(site) if site else None
    found = [i for i in range(nav_end + 1, limit) if _title_like(units[i])
             and not (site_key and _norm_key(units[i].text) == site_key)]
    # a headline sits right above its byline or date line
    for i in reversed(found):
        nxt = next((units[j] for j in range(i + 1, len(units))
                    if not (units[j].kind == "drop" and units[j].reason in ("chrome", "social", "separator"))), None)
        if nxt is not None and nxt.kind == "drop" and nxt.reason in ("byline", "dateline") and units[i].words >= 3:
            return i
    # the last headline-shaped line before the article (a site name, a gallery or a
    # section label may come first); else the first title-like line
    headlines = [i for i in found if units[i].kind == "link" and units[i].words >= 3
                 and _headline_case(_words(units[i].text), units[i].text)]
    if headlines:
        return headlines[-1]
    for i in found:
        u = units[i]
        if u.words < 3:
            continue
        nxt = next((j for j in range(i + 1, limit) if units[j].kind != "drop"), None)
        if (u.kind == "link" and u.words <= 4 and nxt is not None and nxt in found
                and units[nxt].kind == "link" and units[nxt].words > u.words):
            continue   # a site or section name above the headline
        return i
    if found:
        return found[0]
    if nav_end >= 0 and units[nav_end].kind == "link" and units[nav_end].words >= 3:
        # the headline is short and sits right under the menu: longer than the menu items
        sizes = sorted(units[i].words for i in nav_items[:-1]) or [0]
        if units[nav_end].words > sizes[len(sizes) // 2]:
            return nav_end
    if start < len(units) and _title_like(units[start]) and units[start].words <= 25 \
            and start + 1 < len(units):
        return start
    return None


# --------------------------------------------------------------------------- roles

def paragraph_dateline(text: str) -> Optional[str]:
    """The dateline opening a paragraph ("BRUSSELS, Nov 17 (Agency)"), or None. It stays
    in the text; a caller records it and takes a date from it only when it has a year."""
    m = dateline_prefix(text)
    return m.group("line").strip() if m else None


def _promo(u: _Unit) -> bool:
    """A short line that speaks for the publication or to the reader (a newsletter
    pitch, a republishing notice), not a quotation."""
    return (u.kind in ("sentence", "prose", "link") and 3 <= u.words <= 40
            and not any(q in u.text for q in _QUOTES) and not _SPEECH.search(u.text)
            and bool(_PROMO.search(u.text) or _ADDRESSED.search(u.text) or _WE.search(u.text)))


def _mark_promos(units: list[_Unit]) -> None:
    """A promotional line beside a sign-up box goes with it."""
    for i, u in enumerate(units):
        if u.kind == "drop" or not _promo(u) or u.words > 20 or not _BOX_TONE.search(u.text):
            continue
        near = [units[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if any(v.kind == "drop" and v.reason == "subscription" for v in near):
            u.kind, u.reason = "drop", "subscription"
    for i, u in enumerate(units[:-1]):   # the box's own call to action: "GET THE WEEKLY"
        nxt = units[i + 1]
        if u.kind == "link" and u.words <= 8 and _IMPERATIVE.match(u.text.lower()) \
                and nxt.kind == "drop" and nxt.reason == "subscription":
            u.kind, u.reason = "drop", "subscription"


_DIGITS = re.compile(r"\d+")
# what separates a headline from the site's name in a page title: "Headline | Site"
_TITLE_SPLIT = re.compile(r"(?<!\s)\s*\|\s*|(?<!\s)\s+[–—·•»:/-]\s+")
_HEAD_BONUS = 6


def _title_keys(text: str) -> dict[str, tuple[int, str]]:
    """The keys of a line's runs of parts between separators ("Headline | Section |
    Site"), each with a rank and its text: rank 0 the whole line, 1 a run without the
    last part (the site's name usually ends a page title), 2 a run ending with it."""
    cuts = [(m.start(), m.end()) for m in _TITLE_SPLIT.finditer(text)][:6]
    starts = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [len(text)]
    keys: dict[str, tuple[int, str]] = {}
    for i in range(len(starts)):
        for j in range(i, len(ends)):
            part = text[starts[i]:ends[j]].strip()
            key = _norm_key(part)
            rank = 0 if (i == 0 and j == len(ends) - 1) else 1 if j < len(ends) - 1 else 2
            if len(key) >= 6 and rank < keys.get(key, (3, ""))[0]:
                keys[key] = (rank, part)
    return keys


def _title_repeats(units: list[_Unit]) -> dict[int, str]:
    """Lines that repeat the page's own title when the dump opens with it (a browser's
    text of a page starts with its <title>, "Headline | Site"): the headline, whole or
    without the site's name, or a date, on either side; each with the part that is the
    headline. Matches of the whole title or its leading parts win over those of its
    last part (the site's name)."""
    if len(units) < 3 or units[0].kind not in ("link", "sentence", "prose") or not 2 <= units[0].words <= 40:
        return {}
    heads = _title_keys(units[0].text)
    least = 0.3 * len(_norm_key(units[0].text))
    found: list[tuple[int, int, str]] = []
    for i in range(1, len(units)):
        u = units[i]
        if u.kind not in ("link", "sentence", "prose") or u.words < 2 or len(u.text) > 3 * len(units[0].text):
            continue
        mine = _title_keys(u.text)
        hits = sorted((heads[k][0], -len(k), mine[k][1]) for k in mine if k in heads and len(k) >= least)
        if hits:
            found.append((i, hits[0][0], hits[0][2]))
    best = min((r for _, r, _ in found), default=None)
    return {i: part for i, r, part in found if r == best}


def _mark_repeats(units: list[_Unit], times: int = 3, keep: frozenset = frozenset()) -> None:
    """Short lines the page repeats (digits aside) three times or more are its
    template: "Show image", "Photo: X", "3 of 17", "Read more". They go. Those
    framing the paragraphs of a gallery or a list of steps (a paragraph close on each
    side) cost little, so the text they interleave stays one run; elsewhere (a menu
    shown twice, teasers' "more" links) they cost what a link does. Paragraphs repeated
    away from other paragraphs (a consent box's per-service notes) go too."""
    keys = [_DIGITS.sub("#", _norm_key(u.text)) if u.kind in ("link", "sentence", "caption")
            and u.words <= 8 else None for u in units]
    # and paragraphs the page repeats, whole or with small changes ("Legal basis: Service
    # X transfers your data ...", once per service of a consent box): their six first words
    openings = [" ".join(_norm_key(u.text).split()[:6]) if u.kind in ("prose", "sentence") and u.words >= 12
                else None for u in units]
    # paragraphs alike one after another are the page's text (a list of entries), no box
    openings = [None if o and ((i > 0 and openings[i - 1] == o) or (i + 1 < len(units) and openings[i + 1] == o))
                else o for i, o in enumerate(openings)]
    counts = Counter(k for k in keys + openings if k)
    marked = [i not in keep and bool((k and counts[k] >= times) or (o and counts[o] >= times))
              for i, (k, o) in enumerate(zip(keys, openings))]

    def paragraph_near(i: int, step: int) -> bool:
        j, seen = i + step, 0
        while 0 <= j < len(units) and seen < 2:
            if not marked[j]:
                if _paragraph(units[j]):
                    return True
                seen += 1
            j += step
        return False

    framed = [m and paragraph_near(i, -1) and paragraph_near(i, 1) for i, m in enumerate(marked)]
    for u, m, f, o in zip(units, marked, framed, openings):
        if m and o and f:
            continue   # a paragraph repeated between other paragraphs (a FAQ per section): text
        if m:
            u.kind, u.reason = "drop", "template" if f else "repeated"


def _item_like(u: _Unit) -> bool:
    """A line of a list that is content, not a menu: a quantity ("350 g sugar"), a
    fact ("Deadline: 3 November"), a phrase with its punctuation, a short sentence."""
    text = u.text
    if u.kind == "sentence":
        return True
    small = any(w[:1].islower() for w in _words(text))
    digit = any(ch.isdigit() for ch in text)
    punct = any(ch in ",;:()" for ch in text[:-1]) or text.rstrip()[-1:] in ".:;!?"
    return small and (digit or punct)


def _mark_items(units: list[_Unit]) -> None:
    """A block of short lines (no blank line between them) of which three or more are
    link-shaped but most read as list content rather than links (quantities, facts,
    phrases with their punctuation) is a list of the text (ingredients, specifications,
    steps): its link-shaped lines become items, kept where the article runs over them."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].block == units[i].block:
            j += 1
        lines = [u for u in units[i:j] if u.kind != "drop"]
        header = None
        if len(lines) >= 4 and lines[0].kind == "link" and not _item_like(lines[0]) and lines[0].words <= 3:
            header, lines = lines[0], lines[1:]   # the list's own header: "Ingredients"
        links = [u for u in lines if u.kind == "link"]
        if len(links) >= 3 and all(u.kind in ("link", "sentence") and u.words <= 15 for u in lines) \
                and sum(map(_item_like, lines)) >= 0.6 * len(lines):
            for u in links:
                u.kind = "item"
            if header is not None:
                header.kind, header.reason = "item", "header"
        i = j


def _promo_tail(units: list[_Unit], start: int, end: int, author: Optional[str] = None) -> int:
    """The article ends before a last short paragraph that speaks for the publication,
    set off from the article by two or more link or chrome lines, and before a note
    about the author set off by one or more."""
    while end > start:
        last = end
        while last > start and _junk(units[last]):
            last -= 1
        gap = last - 1
        while gap >= start and _junk(units[gap]):
            gap -= 1
        if _pitch(units[last]) and last > start and _paragraph(units[last - 1]):
            end = last - 1   # "Like this story? Sign up for ...": right after the article
            continue
        if gap >= start and last - 1 - gap >= 1 and _bio(units[last], author):
            end = gap
            continue
        if not (_pitch(units[last]) and last - 1 - gap >= 2 and gap >= start
                and units[last].text.rstrip(_CLOSERS)[-1:] in ".!?"):
            return end
        end = gap
    return end


def _pitch(u: _Unit) -> bool:
    """A promotional line: a call to the reader ("you" and "sign up", "every Friday"),
    or the publication speaking of its own work ("republish our articles")."""
    return _promo(u) and u.words <= 30 and (
        bool(_ADDRESSED.search(u.text) and _CALL.search(u.text)) or bool(_SELF.search(u.text))
        # a call ending in "?" or "!": "Want more from us?", "Liked it? Share it!"
        or (u.words <= 20 and u.text.rstrip(_CLOSERS)[-1:] in "?!"))


_COPULA = frozenset("is ist est es è é jest är er on".split())
_FIRST_PERSON = re.compile(r"(?:hi|hallo|hello)?[!,. ]*(?:i am|i'm|ich bin|je suis|soy|sono|sou|ik ben|jestem|jag är)\s+[A-Z]",
                           re.I)


def _bio(u: _Unit, author: Optional[str]) -> bool:
    """A note about the author: opening with their name (or a name and "is ...":
    "Jane Doe is a professor of ...") or in the first person ("I am Jane, ...")."""
    if not _paragraph(u) or u.words > 120 or any(q in u.text for q in _QUOTES):
        return False
    if author and u.text.startswith(author):
        return True
    if _FIRST_PERSON.match(u.text):
        return True
    words = u.text.split()
    for k in (2, 3, 4):
        if len(words) > k and words[k].lower().strip(",") in _COPULA and author_line(" ".join(words[:k])):
            return True
    return False


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def strip_site(title: str, *names: Optional[str]) -> str:
    """A page title without the site's name at either end ("Headline | Reuters",
    "IGN - Headline"): a part between separators that matches one of ``names`` (the
    site's name, its host name with or without "www." and the domain ending)."""
    keys = set()
    for name in names:
        if name:
            key = _alnum(name.removeprefix("www."))
            keys.add(key)
            if "." in name:
                keys.add(_alnum(name.removeprefix("www.").rsplit(".", 1)[0]))
    keys.discard("")
    if not keys:
        return title
    cuts = [(m.start(), m.end()) for m in _TITLE_SPLIT.finditer(title)]
    if not cuts:
        return title
    start, end = 0, len(title)
    for a, b in reversed(cuts):   # trailing parts: "Headline - Section | Site"
        if _alnum(title[b:end]) in keys:
            end = a
        else:
            break
    for a, b in cuts:             # leading parts: "Site | Headline"
        if a >= end:
            break
        if _alnum(title[start:a]) in keys:
            start = b
        else:
            break
    out = title[start:end].strip()
    return out if len(out) >= 3 else title


def closing_matter(text: str, author: Optional[str] = None) -> Optional[str]:
    """Why a paragraph that closes an article is no part of it: "promotion" (a call
    to the reader, the site speaking of itself), "author" (a note about the author),
    or None. For cleaners of other inputs (HTML) that end on such paragraphs."""
    u = line_kind(text)
    if _pitch(u) or (u.kind == "drop" and u.reason in ("subscription", "social", "comment_policy", "advertisement")):
        return "promotion"
    if _bio(u, author):
        return "author"
    return None


def _credit_captions(units: list[_Unit], first: int, end: int) -> set[int]:
    """A photo credit alone on a line ("Netflix.", "Jane Doe."), one to three capitalised
    words, and the short one-sentence description under it: captions."""
    out: set[int] = set()
    for i in range(max(first, 0), end):
        u = units[i]
        words = _words(u.text)
        if u.kind != "sentence" or not 1 <= len(words) <= 3 or not u.text.endswith(".") \
                or not all(w[:1].isupper() for w in words) or any(w.lower() in _VERBISH for w in words):
            continue
        j = next((k for k in range(i + 1, end + 1) if units[k].kind != "drop"), None)
        if j is None:
            continue
        v = units[j]
        lead = _words(v.text)[:1]
        if lead and lead[0].lower() in _PRONOUNS:
            continue
        if v.kind in ("sentence", "prose") and 4 <= v.words <= 20 and v.text[:1] not in _QUOTES \
                and not _SPEECH.search(v.text) and not re.search(r"[.!?][\"”’]?\s+[A-Z\"“]", v.text):
            out.update((i, j))
    # a photo credit on its own line ("Photo: Jane Doe", "Foto: Stadtarchiv") right under
    # a one-sentence description: the two are one caption
    for i in range(max(first, 0) + 1, end + 1):
        u, v = units[i], units[i - 1]
        if u.kind == "caption" and u.words <= 6 and u.block == v.block and v.kind in ("sentence", "prose") \
                and v.words <= 25 and _CREDIT_LEAD.match(u.text) and not any(q in v.text for q in _QUOTES):
            out.add(i - 1)
    return out


_CREDIT_LEAD = re.compile(r"\(?(?i:photos?|photograph|image|picture|credit|" + _PHOTO_WORDS + r")\s*[:|©]")


def _headline_in_run(units: list[_Unit], start: int, end: int) -> Optional[int]:
    """A headline inside the run's first lines, right above its byline or date line, when
    only short pieces (a photo gallery's captions) come before it."""
    for h in range(start, min(end, start + 12) + 1):
        u = units[h]
        if u.kind in ("prose", "sentence") and u.words > 30:
            return None
        if u.kind != "link" or u.words < 3 or not _title_like(u) or h == start:
            continue
        block = []   # the byline block under it
        for j in range(h + 1, end + 1):
            if units[j].kind != "drop":
                break
            block.append(units[j])
        if any(v.reason == "byline" and v.meta for v in block):
            return h
    return None


def _heads_text(units: list[_Unit], i: int, end: int) -> bool:
    """A heading has text under it: a paragraph, a list or a sentence follows it (past
    captions and dropped lines) before the article ends."""
    for j in range(i + 1, min(end, i + 6) + 1):
        v = units[j]
        if v.kind in ("drop", "caption", "time"):
            continue
        return _paragraph(v) or v.kind in ("item", "sentence")
    return False


def _is_heading(units: list[_Unit], i: int) -> bool:
    u = units[i]
    if u.kind == "time":
        return True
    if u.kind == "link":
        return u.words <= 14 and not any(q in u.text for q in _QUOTES)
    if u.kind != "sentence" or u.words > 5 or u.text.rstrip(_CLOSERS)[-1:] not in ".?!":
        return False
    if any(q in u.text for q in _QUOTES) or "," in u.text:
        return False
    if any(w.lower() in _VERBISH for w in _words(u.text)):
        return False
    nxt = next((v for v in units[i + 1:i + 3] if v.kind != "drop"), None)
    return nxt is not None and nxt.kind == "prose"


def _link_lists(units: list[_Unit], start: int, end: int) -> set[int]:
    """Indices inside the article that belong to link lists: a list header and the
    short lines after it, or three or more link-like lines in a row."""
    out: set[int] = set()
    i = start
    while i <= end:
        u = units[i]
        if u.kind in ("list", "end"):
            j = i + 1
            while j <= end and (units[j].kind in ("link", "sentence", "caption", "time")
                                and units[j].words <= 20 or units[j].kind == "drop"):
                j += 1
            out.update(range(i, j))
            i = j
            continue
        if u.kind == "link":
            j = i
            while j <= end and (units[j].kind == "link" or (units[j].kind == "drop" and j > i)):
                j += 1
            if sum(1 for k in range(i, j) if units[k].kind == "link") >= 3:
                out.update(range(i, j))
            i = max(j, i + 1)
            continue
        i += 1
    return out


# --------------------------------------------------------------------------- main

def clean_page_text(text: str) -> CleanedPage:
    """A page dump (the visible text of a news page) -> headline, blocks, metadata."""
    dropped: Counter = Counter()
    metadata: dict = {"dropped": {}}
    if not isinstance(text, str) or not text.strip():
        return CleanedPage(None, [], metadata)
    units = _lines_to_units(text)
    if not units:
        return CleanedPage(None, [], metadata)

    for u in units:   # the site's name, from a copyright line anywhere
        if u.kind == "drop" and u.reason == "footer":
            m = _SITE.search(u.text)
            if m and m.group(1).strip():
                metadata["site"] = m.group(1).strip().rstrip(",")
                break

    _mark_promos(units)
    heads = _title_repeats(units)
    _mark_repeats(units, keep=frozenset(heads))
    _mark_items(units)
    bonus = {}   # the first paragraph under a headline the title names: the article starts there
    for h in heads:
        p = next((k for k in range(h + 1, min(len(units), h + 26)) if _paragraph(units[k])), None)
        if p is not None:
            bonus[p] = _HEAD_BONUS
    start, end = _best_run(units, bonus)
    if end >= start:   # author lines in the page head, then the run again
        _mark_bylines(units, start, metadata.get("site"))
        start, end = _best_run(units, bonus)
    if end < start:   # nothing scores: keep every unit that is not chrome
        start, end = 0, len(units) - 1
    author = next((u.meta[1] for u in units[:end + 1] if u.meta and u.meta[0] == "author" and u.meta[1]), None)
    end = _promo_tail(units, start, _cut_tail(units, start, end), author)

    # the author: the first byline up to the article's end (a comment section's
    # "Posted by" comes later)
    for u in units[:end + 1]:
        if u.meta:
            for key, value in zip(u.meta[::2], u.meta[1::2]):
                if value and key == "author" and key not in metadata:
                    metadata[key] = value

    t = next((h for h in reversed(heads) if start - 25 <= h <= start + 3 and h <= end), None)
    title = heads[t] if t is not None else None
    if t is None:
        t = _headline_in_run(units, start, end)
    if t is None:
        t = _find_title(units, start, metadata.get("site"))
    if title is None and t is not None:
        title = strip_site(units[t].text, metadata.get("site"))
    if t is not None and t >= start:
        start = t + 1
    first = (t + 1) if t is not None else start
    keep_from = min(first, start)
    metadata.update(_publication_date(units, t, start, end))

    lists = _link_lists(units, first, end)
    credits = _credit_captions(units, first, end)
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    title_key = _norm_key(title) if title else None
    for i, u in enumerate(units):
        if i == t:
            continue
        if u.kind == "drop":
            dropped[u.reason] += 1
            continue
        if i < keep_from:
            dropped["leading"] += 1
            continue
        if i > end:
            dropped["end" if u.kind == "end" else "trailing"] += 1
            continue
        if i < start:   # between the headline and the article run: decks, captions
            subheading = (u.kind == "link" and u.words >= 2 and i + 1 == start and units[start].kind == "prose"
                          and any(_paragraph(units[k]) for k in range(first, i)))
            if u.kind in ("link", "list", "end") and u.words <= 4 and not subheading:
                dropped["navigation"] += 1
                continue
        elif i in lists:
            dropped["link_list"] += 1
            continue
        if u.kind in ("end", "list"):
            dropped["navigation"] += 1
            continue
        key = _norm_key(u.text)
        if key == title_key:
            dropped["duplicate"] += 1
            continue
        if key in seen and u.kind != "table":   # a table may repeat a row; a page repeats text
            j = seen[key]
            near = len(blocks) - j <= 3 and all(b.role == "caption" for b in blocks[j + 1:])
            if near and u.words >= 5 and not any(q in u.text for q in _QUOTES):
                blocks[j].role = "caption"   # a photo description shown twice (alt text, caption)
            dropped["duplicate"] += 1
            continue
        if u.kind == "table":
            role = "table"
        elif u.kind == "item" and u.reason == "header":
            role = "heading"
        elif u.kind == "caption" or i in credits:
            role = "caption"
        elif i < start and u.kind == "link" and u.words >= 7:
            role = "body"   # a deck (standfirst) between the headline and the article
        elif _is_heading(units, i):
            if u.kind == "link" and not _heads_text(units, i, end):
                dropped["label"] += 1   # "Share this:", "Order the book": a heading of nothing
                continue
            role = "heading"
        else:
            role = "body"
        seen[key] = len(blocks)
        blocks.append(Block(u.text, role))

    _drop_contained_captions(blocks, dropped)
    lead = next((b.text for b in blocks if b.role == "body"), None)
    place = paragraph_dateline(lead) if lead else None
    if place and "dateline" not in metadata:
        metadata["dateline"] = place
        published = parse_date(place)   # only with a year: "Nov 17" alone is no date
        if published:
            metadata["published"], metadata["published_source"] = published, "dateline"
    metadata["dropped"] = dict(dropped)
    return CleanedPage(title, blocks, metadata)


def _publication_date(units: list[_Unit], t: Optional[int], start: int, end: int) -> dict:
    """The page's own date: from the lines around the headline and the article's top
    (a date line, a byline with its date, "Updated ..." only when nothing else), then
    from date lines inside the article, then from the page title; never from the
    teasers, sidebars and comments around it. Returns dateline, published and
    published_source ("dateline", "byline", "updated", "title")."""
    head = t if t is not None else start
    header = range(max(0, head - 3), min(len(units), max(start, head + 1) + 4))
    found: list[tuple[int, int, str, str]] = []   # (rank, position, line, source)
    for i in header:
        u = units[i]
        value = _meta_date(u)
        if value:
            source = "updated" if updated_line(value) else u.reason
            found.append((2 if source == "updated" else 0, i, value, source))
        elif i != t and u.kind == "link" and u.words <= 14 and parse_date(u.text):
            # a date inside a short header line: "von Jane Doe am 14. Mai 2014", "28.01.22 / 3 comments"
            updated = updated_line(u.text)
            found.append((2 if updated else 1, i, u.text, "updated" if updated else "byline"))
    for i in range(start, end + 1):
        value = _meta_date(units[i])
        if value and not updated_line(value):
            found.append((1, i, value, units[i].reason))
    if units and units[0].kind != "drop" and t != 0 and parse_date(units[0].text):
        found.append((3, 0, units[0].text, "title"))
    order = numeric_order(u.text for u in units if u.words <= 40) if found else None
    if order is None and found:   # no date on the page tells: day first unless the page is in English
        order = not _english(units[start:end + 1])
    for rank, i, line, source in sorted(found):
        published = parse_date(line, day_first=bool(order))
        if published:
            return {"dateline": line, "published": published, "published_source": source}
    return {}


def _english(units: list[_Unit]) -> bool:
    """Most of the article's words are English function words' company (a page in
    English writes 10/19/2019; most of the world writes 19/10/2019)."""
    words = [w.lower() for u in units if u.kind == "prose" for w in _words(u.text)]
    return bool(words) and sum(1 for w in words if w in _STOP) >= 0.25 * len(words)


def _meta_date(u: _Unit) -> Optional[str]:
    """The date a byline, date or place-and-date line gives."""
    if u.kind != "drop" or not u.meta:
        return None
    return next((v for k, v in zip(u.meta[::2], u.meta[1::2]) if k == "dateline" and v), None)


def _drop_contained_captions(blocks: list[Block], dropped: Counter) -> None:
    """A caption repeated inside a nearby longer one (with a credit added) keeps one copy."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        gone = False
        if b.role == "caption" or len(b.text.split()) >= 5:
            for j in range(max(0, i - 3), min(len(blocks), i + 4)):
                o = blocks[j]
                if j != i and len(o.text) > len(b.text) and b.text in o.text and \
                        (b.role == "caption" or o.role == "caption"):
                    o.role = "caption"
                    del blocks[i]
                    dropped["duplicate"] += 1
                    gone = True
                    break
        if not gone:
            i += 1
