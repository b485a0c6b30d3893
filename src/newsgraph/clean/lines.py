"""Lines and their kinds: one unit per line, judged by its shape (prose, sentence, link,
byline, date line, caption, label, section header)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .model import normalise_space
from .vocab import (
    _ADDRESSED, _ADVERT, _AGENCY, _AUTHOR_SPLIT, _BARE_BY, _BREADCRUMB, _BYLINE, _CAPTION_INSIDE,
    _CAPTION_START, _CHROME_EXACT, _CLICK, _CLOSERS, _COOKIE, _COOKIE_CONTEXT, _COPYRIGHT, _CREDITS,
    _CREDIT_FILLER, _DATE_ANCHOR_NUM, _DATE_WORDS, _END_HEADER, _FOLLOW, _FOOTER, _IMPERATIVE,
    _INLINE_LINK, _ISO_DATETIME, _LIST_HEADER, _META_SPLIT, _MONTHS, _NAME_GLUE, _NAME_PARTICLES,
    _NAME_TOKEN, _QUOTES, _READING_TIME, _RELATIVE_TIME, _ROLE_MODIFIERS, _ROLE_WORDS, _SOCIAL,
    _SPEECH, _STOP, _SUBSCRIBE, _TIME_ZONE, _TOKEN, _VERBISH, _WEEKDAYS, _WORD,
)

# --------------------------------------------------------------------------- units

@dataclass
class _Unit:
    text: str
    words: int
    kind: str = "link"          # prose | sentence | link | time | caption | drop | end | list
    reason: Optional[str] = None  # why a "drop" unit goes
    meta: Optional[tuple] = None  # ("author", value) / ("dateline", value) ...


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in ".!?…:"


# Scripts written without spaces between words (Chinese, Japanese kana and kanji): a run of
# them is many words, not one, or a CJK page would have "no words" and be dropped whole.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def _words(text: str) -> list[str]:
    words = _WORD.findall(text)
    if not _UNSPACED.search(text):
        return words
    out: list[str] = []   # each ideograph or kana counts as a word; Latin words stay whole
    for w in words:
        if _UNSPACED.search(w):
            out.extend(_UNSPACED.findall(w))
            rest = _UNSPACED.sub(" ", w).split()
            out.extend(rest)
        else:
            out.append(w)
    return out


def _norm_key(text: str) -> str:
    """Lower case, outer punctuation and spaces stripped, inner spaces single."""
    return " ".join(text.lower().split()).strip(" .,:;!?|·•-–—()[]<>»«\"'“”’‘*#")


def _is_separator(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def _is_label(text: str, words: list[str]) -> bool:
    """An all-capitals database label such as "ABSTRACT." or "FULL TEXT:"."""
    return (1 <= len(words) <= 3 and text.rstrip()[-1:] in ".:" and text.upper() == text
            and any(ch.isalpha() for ch in text) and len(text) <= 30)


def _date_line(text: str) -> Optional[str]:
    """'date' for a line that is only a date (with an optional prefix), 'time' for a
    bare clock time ("7 p.m.", a live-blog entry), else None."""
    if len(text) > 80:
        return None
    if _ISO_DATETIME.fullmatch(text.strip()):
        return "date"
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
            continue
        if not tok[0].isalpha():
            if tok in ":,/.-–—|·•()[]'’+":
                if tok == ":":
                    clock = True
                continue
            return None
        bare = low.rstrip(".")
        if bare in _MONTHS:
            anchor = True
        elif bare in _WEEKDAYS or bare in ("yesterday", "today", "ago", "now"):
            anchor = True
        elif low in _DATE_WORDS or bare in _DATE_WORDS:
            if bare in ("am", "pm", "a.m", "p.m", "a", "p", "m"):
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


def _parse_date(text: str) -> Optional[str]:
    """YYYY-MM-DD from an absolute date line, else None."""
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        tokens = [t.lower().rstrip(".") for t in _TOKEN.findall(text)]
        month = next((i for i, t in enumerate(tokens) if t in _MONTHS), None)
        year = next((int(t) for t in tokens if t.isascii() and t.isdigit() and len(t) == 4 and 1900 <= int(t) <= 2100), None)
        day = None
        if month is not None:
            for j in (month + 1, month - 1):
                if 0 <= j < len(tokens) and tokens[j].isascii() and tokens[j].isdigit() and 1 <= int(tokens[j]) <= 31:
                    day = int(tokens[j])
                    break
            mo = _MONTHS[tokens[month]]
        else:
            m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
            if not m:
                return None
            mo, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year is None or day is None:
            return None
        y, d = year, day
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


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
    return names and len(words) <= 5 and any(w in ("getty", "reuters", "afp", "ap", "epa", "shutterstock",
                                                  "alamy", "xinhua", "images", "photo") for w in low)


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


def _meta_line(text: str) -> Optional[tuple]:
    """("author", name, "dateline", date) for a line made only of a byline, a date
    line and contact details (split on | · - separators), or of a place and a date."""
    place = _PLACE_BEFORE_DATE.fullmatch(text.strip())
    if place and _date_line(place.group("date")) == "date":
        return ("dateline", normalise_space(place.group("date")))
    parts = [p.strip() for p in _META_SPLIT.split(text) if p.strip()]
    if not 1 < len(parts) <= 4:
        return None
    author = date = None
    for part in parts:
        if author is None and _byline(part):
            author = _byline(part)
        elif date is None and _date_line(part) == "date":
            date = normalise_space(part)
        elif not _CONTACT.fullmatch(part):
            return None
    out: tuple = ()
    if author:
        out += ("author", author)
    if date:
        out += ("dateline", date)
    return out or None


def line_kind(text: str) -> _Unit:
    """The kind of one line, from its shape alone (no context)."""
    words = _words(text)
    n = len(words)
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
    if n <= 8 and _LIST_HEADER.fullmatch(key):
        unit.kind = "list"
        return unit
    if key in _CHROME_EXACT:
        return drop("chrome")
    if n <= 10 and _ADVERT.fullmatch(key):
        return drop("advertisement")
    if n <= 16 and _INLINE_LINK.match(text) and not any(q in text for q in _QUOTES):
        return drop("link")
    if n <= 20 and (_BREADCRUMB.search(text) or _CLICK.search(text)) and not any(q in text for q in _QUOTES):
        return drop("link")
    if _CREDITS.fullmatch(text.strip()) or key in _BARE_BY:
        return drop("byline")
    author = _byline(text)
    if author:
        return drop("byline", ("author", author))
    # bylines, dates and contact details on one line, in any order:
    # "By Jane Doe | April 13, 2019", "Posted Monday, June 8 | By Jane Doe | jdoe@site.example"
    meta = _meta_line(text)
    if meta:
        return drop("byline" if meta[0] == "author" else "dateline", meta)
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
        if n <= 6 and _SOCIAL.search(text) and not _ends_sentence(text):
            return drop("social")
        if n <= 25 and _FOLLOW.search(text):
            return drop("social")
    if caption:
        unit.kind = "caption"
        return unit
    stops = sum(1 for w in words if w.lower() in _STOP)
    ratio = stops / n if n else 0.0
    if n >= 12 and ratio >= 0.15 and (_ends_sentence(text) or n >= 30):
        unit.kind = "prose"
    elif n >= 25 and ratio >= 0.2:
        unit.kind = "prose"
    elif _ends_sentence(text) and n and not _headline_case(words, text):
        unit.kind = "sentence"
    else:
        unit.kind = "link"
    return unit


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

    def flush():
        if pending:
            units.append(line_kind(normalise_space(" ".join(pending))))
            pending.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or not normalise_space(stripped):
            flush()
            prev_blank = True
            continue
        if pending and not prev_blank and _continues(pending[-1], stripped):
            pending.append(stripped)
        else:
            flush()
            pending.append(stripped)
        prev_blank = False
    flush()
    return units


def _continues(prev: str, line: str) -> bool:
    """True when ``line`` is the wrapped rest of ``prev`` (no end mark, lower-case start)."""
    if _ends_sentence(prev) or prev[-1:] in ";,|":
        return prev[-1:] == "," and line[:1].islower() and len(prev) >= 50
    return line[:1].islower() and len(prev.split()) >= 4


def _title_like(u: _Unit) -> bool:
    if u.kind not in ("link", "sentence", "prose") or not (2 <= u.words <= 30) or len(u.text) > 250:
        return False
    if u.text.upper() == u.text and u.words <= 3:
        return False
    return u.text[-1:] not in ":,"
