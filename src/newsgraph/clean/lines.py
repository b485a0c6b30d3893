"""Lines and their kinds: one unit per line, judged by its shape (prose, sentence, link,
byline, date line, caption, label, section header)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .dates import _ENGLISH_MONTHS as _MONTHS, _ENGLISH_WEEKDAYS as _WEEKDAYS, date_line, parse_date
from .furniture import BYLINE_LEAD as _F_BYLINE_LEAD
from .model import normalise_space
from .vocab import (
    _ADDRESSED, _ADVERT, _AGENCY, _AGENCY_ALONE, _AUTHOR_SPLIT, _BARE_BY, _BREADCRUMB, _BYLINE, _CAPTION_INSIDE,
    _CAPTION_START, _CHROME_EXACT, _CLICK, _CLOSERS, _COOKIE, _COOKIE_CONTEXT, _COPYRIGHT, _CREDITS,
    _CREDIT_FILLER, _END_HEADER, _FOLLOW, _FOOTER, _IMPERATIVE,
    _INLINE_LINK, _LIST_HEADER, _META_SPLIT, _NAME_GLUE, _NAME_PARTICLES,
    _NAME_TOKEN, _QUOTES, _READING_TIME, _ROLE_MODIFIERS, _ROLE_WORDS, _SOCIAL,
    _SPEECH, _STOP, _SUBSCRIBE, _VERBISH, _WORD, _CJK, _UNSPACED,
    _SENTENCE_END, _COMMENT_FORM, _COMMENT_WORD, _COMMENT_RULES, _WE, _DISCLOSURE, _THIS_SITE,
)

# --------------------------------------------------------------------------- units

@dataclass
class _Unit:
    text: str
    words: int
    kind: str = "link"          # prose | sentence | link | item | table | time | caption | drop | end | list
    reason: Optional[str] = None  # why a "drop" unit goes
    meta: Optional[tuple] = None  # ("author", value) / ("dateline", value) ...
    block: int = 0              # lines between the same two blank lines share a block


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _SENTENCE_END


def _words(text: str) -> list[str]:
    """Word tokens; a run of Chinese or Japanese characters is one token here, and
    ``_size`` counts the length of such text from its characters (CJK pages have words)."""
    return _WORD.findall(text)


def _size(text: str, words: list[str]) -> int:
    """The length of a line in words; in scripts written without spaces (Chinese,
    Japanese, Thai) counted from its characters (two Han or kana, four Thai to a word)."""
    cjk = len(_CJK.findall(text))
    other = len(_UNSPACED.findall(text))
    if not cjk and not other:
        return len(words)
    spaced = sum(1 for w in words if not _CJK.search(w) and not _UNSPACED.search(w))
    return spaced + (cjk + 1) // 2 + (other + 3) // 4


def _running(words: list[str]) -> Optional[float]:
    """The share of words in lower case: high in running text in any cased script
    (German capitalises its nouns and still writes most words small), low in menus,
    lists of names and Title Case headlines; None in a script without case."""
    cased = [w for w in words if w[0].isupper() or w[0].islower()]
    if len(cased) < max(1, len(words) // 2):
        return None
    return sum(1 for w in cased if w[0].islower()) / len(cased)


def _norm_key(text: str) -> str:
    """Lower case, outer punctuation and spaces stripped, inner spaces single."""
    return " ".join(text.lower().split()).strip(" .,:;!?|·•-–—()[]<>»«\"'“”’‘*#")


def _is_separator(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def _is_label(text: str, words: list[str]) -> bool:
    """An all-capitals database label such as "ABSTRACT." or "FULL TEXT:"."""
    return (1 <= len(words) <= 3 and text.rstrip()[-1:] in ".:" and text.upper() == text
            and any(ch.isalpha() for ch in text) and len(text) <= 30)


_date_line = date_line
_parse_date = parse_date


def _byline(text: str) -> Optional[str]:
    """The author's name when the line is a lone byline ("By Jane Doe, Reuters")."""
    m = _BYLINE.fullmatch(text.strip())
    if not m:
        return None
    name = m.group("name").strip()
    if _ends_sentence(name) and not re.search(r"\b[A-Z]\.$", name):
        return None
    tokens = re.findall(r"[^\s,|]+|[,|]", name)
    if not tokens or len(tokens) > 14:
        return None
    content = [t for t in tokens if t.lower() not in _NAME_GLUE]
    if not content:
        return None
    caps = sum(1 for t in content if t[0].isupper() or t[0] == "@")
    if caps / len(content) < 0.75:
        return None
    return _META_SPLIT.split(name)[0].split(",")[0].strip() or None


def _credit_line(text: str, words: list[str]) -> bool:
    """A photo credit on its own ("REUTERS/Jane Doe", "Getty Images", "AFP via Getty")."""
    if len(words) > 10 or _ends_sentence(text.rstrip(".")):
        return False
    low = [w.lower() for w in words]
    agency = sum(1 for w in low if w in _AGENCY)
    if not agency:
        return False
    if "/" in text or "|" in text:
        return True
    names = all(w[0].isupper() or w.lower() in _AGENCY or w.lower() in _CREDIT_FILLER for w in words)
    return names and len(words) <= 5 and any(w in _AGENCY_ALONE for w in low)


def _role_phrase(tokens: list[str]) -> bool:
    """ "Health Correspondent", "Senior policy reporter", "Staff": ends with a job title."""
    return (1 <= len(tokens) <= 5 and tokens[-1].lower().rstrip(".") in _ROLE_WORDS
            and all(t.lower() not in _STOP or t.lower() in ("and", "of") for t in tokens)
            and all(t.isalpha() for t in tokens))


def _person_name(tokens: list[str]) -> bool:
    """Two to four capitalised words (particles and initials aside), no function words."""
    core = [t for t in tokens if t.lower() not in _NAME_PARTICLES]
    if not (2 <= len(core) <= 4) or len(tokens) > 6:
        return False
    for t in tokens:
        low = t.lower().rstrip(".")
        if t.lower() in _NAME_PARTICLES and t != tokens[0]:
            continue
        if not _NAME_TOKEN.fullmatch(t) or low in _STOP or low in _MONTHS or low in _WEEKDAYS \
                or low in _ROLE_WORDS or len(t) > 20:
            return False
    return True


def author_line(text: str) -> Optional[tuple[Optional[str], bool]]:
    """(name, has_role) for a line that is only a person's name, optionally with a job
    title ("Jane Doe", "Jane Doe Health Correspondent", "Jane Doe, Staff Writer"), or
    (None, True) for a job title or desk alone ("Brussels Bureau"); None for anything else."""
    if len(text) > 90 or any(ch.isdigit() or ch in "?!:;\"“”()[]@#/&" for ch in text):
        return None
    parts = [p for p in _AUTHOR_SPLIT.split(text.strip().rstrip(".")) if p]
    if not 1 <= len(parts) <= 3:
        return None
    tokens = parts[0].split()
    k = len(tokens)   # the job title at the end of the first part
    while k > 0 and (tokens[k - 1].lower() in _ROLE_MODIFIERS or tokens[k - 1].lower() in _ROLE_WORDS
                     or tokens[k - 1].islower()):
        k -= 1
    if k < len(tokens) and k > 3 and _role_phrase(tokens[2:]):
        k = 2   # "Jane Doe Rural Affairs Reporter": a job title in Title Case
    role = k < len(tokens) and _role_phrase(tokens[k:])
    if not role:
        k = len(tokens)
    rest = [p.split() for p in parts[1:]]
    if any(not (_role_phrase(r) or (len(r) <= 4 and all(w[:1].isupper() for w in r))) for r in rest):
        return None
    role = role or any(_role_phrase(r) for r in rest)
    name = tokens[:k]
    if _person_name(name):
        return " ".join(name), bool(role)
    if role and len(name) <= 2 and all(w[:1].isupper() for w in name) and len(parts) == 1:
        return None, True   # "Brussels Bureau", "Staff Writer"
    return None


def _mark_bylines(units: list[_Unit], limit: int, site: Optional[str]) -> None:
    """Author lines without "By" in the page head (before ``limit``), judged with their
    neighbours: a job title or desk alone, a name with a job title, a name after a lone
    "By", or a bare name beside the date or byline lines under a longer headline."""
    site_key = _norm_key(site) if site else None
    counts = Counter(_norm_key(u.text) for u in units if u.words <= 6)
    limit = min(limit, len(units))
    shapes = {i: author_line(units[i].text) for i in range(limit) if units[i].kind == "link"}

    def beside(j: int) -> bool:   # lines that may sit inside a byline block
        u = units[j]
        return (u.kind == "drop" and u.reason in ("chrome", "social", "separator", "reading_time")) \
            or shapes.get(j) is not None or _affiliation(u, site_key, counts)

    def meta(j: int) -> bool:
        return units[j].kind == "drop" and units[j].reason in ("byline", "dateline")

    def near_meta(i: int) -> bool:
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(units) and abs(j - i) <= 8 and not meta(j) and beside(j):
                j += step
            if 0 <= j < len(units) and meta(j):
                return True
        return False

    for i, shape in shapes.items():
        if shape is None:
            continue
        name, role = shape
        u = units[i]
        after_by = i > 0 and units[i - 1].kind == "drop" and _norm_key(units[i - 1].text) in _BARE_BY
        if name is None or role or after_by:
            u.kind, u.reason, u.meta = "drop", "byline", (("author", name) if name else None)
            continue
        if not near_meta(i):
            continue
        above = next((units[j] for j in range(i - 1, max(-1, i - 13), -1)
                      if not (units[j].kind in ("drop", "caption") or beside(j))), None)
        if above is not None and _title_like(above) and above.words > u.words:
            u.kind, u.reason, u.meta = "drop", "byline", ("author", name)


def _affiliation(u: _Unit, site_key: Optional[str], counts: Counter) -> bool:
    """The site's name, or a one- or two-word line the page repeats (a section label)."""
    if u.kind != "link" or u.words > 6:
        return False
    key = _norm_key(u.text)
    return (site_key is not None and key == site_key) or (u.words <= 2 and counts[key] >= 2)


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{1,30}|(?:https?://|www\.)\S+")
# a place in capitals before a date: "OSLO, July 10, 2026"
_PLACE_BEFORE_DATE = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}, (?P<date>[^,].{4,60})")


# the words that join a byline and its date: "By Jane Doe on May 3, 2021", "von X am 3. Mai"
_JOINERS = frozenset("on at am um le el il em op den vom de du à a dnia - – — | · • , :".split())
_COUNT = re.compile(r"\d+\s+\w+")   # "5 Comments", "3 Kommentare"
_BYLINE_LEAD = re.compile(r"(?i:by|" + _F_BYLINE_LEAD + r")")


def _meta_line(text: str) -> Optional[tuple]:
    """("author", name, "dateline", date) for a line made only of a byline, a date
    line (a second one, "Updated ...", may follow) and contact details or a comment
    count (split on | · - separators), of a byline and a date side by side ("By Jane
    Doe on May 3, 2021", "July 24, 2019 by Jane Doe"), or of a place and a date."""
    if len(text) > 160:
        return None
    place = _PLACE_BEFORE_DATE.fullmatch(text.strip())
    if place and _date_line(place.group("date")) == "date":
        return ("dateline", normalise_space(place.group("date")))
    parts = [p.strip() for p in _META_SPLIT.split(text) if p.strip()]
    if 1 < len(parts) <= 4:
        author = date = None
        for part in parts:
            both = None
            if author is None and _byline(part):
                author = _byline(part)
            elif _date_line(part) == "date":
                date = date or normalise_space(part)
            elif author is None and date is None and (both := _byline_and_date(part)):
                author, date = both[1], both[3]
            elif not (_CONTACT.fullmatch(part) or _COUNT.fullmatch(part.rstrip("."))):
                break
        else:
            out: tuple = ()
            if author:
                out += ("author", author)
            if date:
                out += ("dateline", date)
            if out:
                return out
    return _byline_and_date(text)


def _byline_and_date(text: str) -> Optional[tuple]:
    """A byline and a date on one line without a separator, in either order: the
    byline starts at its lead word ("By", "von", "par"), the date is the rest."""
    words = text.split()
    if not 3 <= len(words) <= 16 or not any(ch.isdigit() for ch in text):
        return None
    leads = [k for k, w in enumerate(words) if _BYLINE_LEAD.fullmatch(w)]
    splits = [(words[:k], words[k:]) for k in leads if k > 0]          # "July 24, 2019 by Jane Doe"
    if leads and leads[0] == 0:                                        # "By Jane Doe on July 24, 2019"
        splits += [(words[j:], words[:j]) for j in range(2, len(words))]
    for date, rest in splits:
        if not any(ch.isdigit() for w in date for ch in w) or _date_line(" ".join(date)) != "date":
            continue
        while rest and rest[-1].lower() in _JOINERS:
            rest = rest[:-1]
        if rest and _COUNT.fullmatch(" ".join(rest[-2:]).rstrip(".")):
            rest = rest[:-2]   # "by Jane Doe 5 Comments"
        name = _byline(" ".join(rest)) if rest else None
        if name:
            return ("author", name, "dateline", normalise_space(" ".join(date)))
    return None


def line_kind(text: str) -> _Unit:
    """The kind of one line, from its shape alone (no context)."""
    words = _words(text)
    n = _size(text, words)
    unit = _Unit(text=text, words=n)
    key = _norm_key(text)

    def drop(reason: str, meta: Optional[tuple] = None) -> _Unit:
        unit.kind, unit.reason, unit.meta = "drop", reason, meta
        return unit

    if _is_separator(text):
        return drop("separator")
    if n <= 6 and _READING_TIME.fullmatch(key):
        return drop("reading_time")
    if n <= 8 and (_END_HEADER.fullmatch(key) or _END_HEADER.fullmatch(text.strip(" .:").lower())):
        unit.kind = "end"
        return unit
    if n <= 30 and _COMMENT_FORM.search(text):
        unit.kind = "end"   # the comment form: the article is over
        return unit
    if n <= 8 and _LIST_HEADER.fullmatch(key):
        unit.kind = "list"
        return unit
    if key in _CHROME_EXACT:
        return drop("chrome")
    if n <= 10 and _ADVERT.fullmatch(key):
        return drop("advertisement")
    inline = _INLINE_LINK.match(text)   # "Read more: ...", "Lesen Sie auch » ..." (» a separator, no quote)
    if inline and n <= 25 and not any(q in text[inline.end():] for q in _QUOTES):
        return drop("link")
    if n <= 20 and (_BREADCRUMB.search(text) or _CLICK.search(text)) and not any(q in text for q in _QUOTES):
        return drop("link")
    if _CREDITS.fullmatch(text.strip()) or key in _BARE_BY:
        return drop("byline")
    # bylines, dates and contact details on one line, in any order:
    # "By Jane Doe | April 13, 2019", "Posted Monday, June 8 | By Jane Doe | jdoe@site.example"
    meta = _meta_line(text)
    if meta:
        return drop("byline" if meta[0] == "author" else "dateline", meta)
    author = _byline(text)
    if author:
        return drop("byline", ("author", author))
    when = _date_line(text)
    if when == "date":
        return drop("dateline", ("dateline", normalise_space(text)))
    if when == "time":
        unit.kind = "time"
        return unit
    if _is_label(text, words):
        return drop("label")
    caption = bool(_CAPTION_START.match(text) or _CAPTION_INSIDE.search(text) or _credit_line(text, words))
    quoted = any(q in text for q in _QUOTES) or _SPEECH.search(text)
    if not quoted and not _CAPTION_START.match(text):
        if _COPYRIGHT.search(text) and n <= 40 and not _ends_sentence_with_verb(words):
            return drop("footer")
        if n <= 40 and _FOOTER.search(text) and (n <= 12 or text.count("|") >= 2):
            return drop("footer")
        if _COOKIE.search(text) and n <= 80 and _COOKIE_CONTEXT.search(text) and _ADDRESSED.search(text):
            return drop("cookie")
        if _SUBSCRIBE.search(text) and n <= 40 and (n <= 6 or _ADDRESSED.search(text) or _IMPERATIVE.match(text)):
            return drop("subscription")
        if n <= 40 and _COMMENT_WORD.search(text) and (_ADDRESSED.search(text) or _WE.search(text)) \
                and _COMMENT_RULES.search(text):
            return drop("comment_policy")
        if _DISCLOSURE.search(text) and ((n <= 50 and _WE.search(text)) or (n <= 120 and _THIS_SITE.search(text))):
            return drop("advertisement")   # "We may receive compensation for links ..."
        if n <= 6 and _SOCIAL.search(text) and not _ends_sentence(text):
            return drop("social")
        if n <= 25 and _FOLLOW.search(text):
            return drop("social")
    if caption:
        unit.kind = "caption"
        return unit
    if _prose(text, words, n):
        unit.kind = "prose"
    elif _ends_sentence(text) and n and not _headline_case(words, text):
        unit.kind = "sentence"
    else:
        unit.kind = "link"
    return unit


def _prose(text: str, words: list[str], n: int) -> bool:
    """Running text: long, sentence-shaped, mostly small words (in a script with case),
    or dense in English function words; in a script without case, long with sentence
    punctuation inside."""
    if n < 12:
        return False
    ends = _ends_sentence(text)
    stops = sum(1 for w in words if w.lower() in _STOP) / len(words) if words else 0.0
    running = _running(words)
    if running is None:
        inner = sum(1 for ch in text[:-1] if ch in _SENTENCE_END or ch in ",，、;；")
        return (ends or n >= 30) and inner >= 1
    if ends or n >= 30:
        if stops >= 0.15 or running >= 0.35:
            return True
    return n >= 25 and (stops >= 0.2 or running >= 0.45)


def _ends_sentence_with_verb(words: list[str]) -> bool:
    """A real sentence (many small words), not a notice like "© 2024 Site. All rights reserved." """
    return len(words) >= 10 and sum(1 for w in words if w.lower() in _VERBISH) >= 2


def _headline_case(words: list[str], text: str) -> bool:
    """Title Case With A Period: a headline or a link, not a sentence."""
    if len(words) < 3 or any(q in text for q in _QUOTES) or text.rstrip(_CLOSERS)[-1:] in "?!:":
        return False
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 2 and sum(1 for w in long if w[0].isupper()) / len(long) >= 0.8


def _lines_to_units(text: str) -> list[_Unit]:
    """One unit per line; a line that continues the one before (hard wrap) is joined."""
    units: list[_Unit] = []
    pending: list[str] = []
    prev_blank = True
    block = 0

    def flush():
        if pending:
            unit = line_kind(normalise_space(" ".join(pending)))
            unit.block = block
            units.append(unit)
            pending.clear()

    def table_row(line: str) -> Optional[_Unit]:
        cells = [normalise_space(c) for c in line.split("\t")]
        text = " | ".join(c for c in cells if c)
        return _Unit(text=text, words=len(_words(text)), kind="table", block=block)

    lines = text.splitlines()
    rows = _table_rows(lines)

    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or not normalise_space(stripped):
            flush()
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        if n in rows:
            flush()
            units.append(table_row(stripped))
        elif pending and not prev_blank and _continues(pending[-1], stripped):
            pending.append(stripped)
        else:
            flush()
            pending.append(stripped)
        prev_blank = False
    flush()
    return units


def _table_rows(lines: list[str]) -> set[int]:
    """Lines that are rows of a table as a browser copies one: two or more cells
    separated by tabs, beside another such line with as many cells."""
    width = [sum(1 for c in line.split("\t") if c.strip()) if "\t" in line.strip() else 0 for line in lines]
    return {i for i, w in enumerate(width) if w >= 2 and (
        (i > 0 and width[i - 1] == w) or (i + 1 < len(width) and width[i + 1] == w))}


def _continues(prev: str, line: str) -> bool:
    """True when ``line`` is the wrapped rest of ``prev`` (no end mark, lower-case start)."""
    if _ends_sentence(prev) or prev[-1:] in ";,|":
        return prev[-1:] == "," and line[:1].islower() and len(prev) >= 50
    return line[:1].islower() and len(prev.split()) >= 4


def _title_like(u: _Unit) -> bool:
    if u.kind not in ("link", "sentence", "prose") or not (2 <= u.words <= 30) or len(u.text) > 250:
        return False
    if u.text.upper() == u.text != u.text.lower() and u.words <= 3:
        return False   # a short label in capitals (a script without case has none)
    return u.text[-1:] not in ":,"
