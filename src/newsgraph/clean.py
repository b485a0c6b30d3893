"""Page-dump text cleaning: headline, body paragraphs, headings, captions.

A scraper saved a page's visible text, one element per line. ``clean_page_text``
keeps the article and drops the page around it (menus, share bars, related
headlines, comments, footers), counting every dropped line under its reason in
``metadata["dropped"]``. It never raises: odd input gives an empty page, and the
pipeline decides what "no body" means.

How it works (linear in the input, pure Python):

1. Lines become *units* (one per line; hard-wrapped lines are joined again).
2. Each unit gets a *kind* from its shape alone (``line_kind``): ``prose`` (long,
   sentence-shaped, dense in stop words), ``sentence`` (short, ends like a
   sentence), ``link`` (no final punctuation, or Title Case: a menu item, a
   headline, a heading), ``time`` (a bare clock time, a live-blog entry),
   ``caption``, a section header that ends the article (``end``: comments, most
   read, footer) or opens a list of links (``list``: related stories), or ``drop``
   with its reason (chrome, byline, dateline, cookie, subscription, footer...).
3. The article is the run of units with the highest score, a maximum-sum
   subarray: prose scores, link-like and chrome lines cost; a box of links with
   prose on both sides costs little, so the article runs across it.
4. The run ends earlier at an ``end`` header, before a teaser list (headline +
   summary pairs) or before a tail that breaks into one-paragraph fragments
   between link-like lines (a comment section without a header).
   Before the run is taken, lines that speak for the site beside a sign-up box (a
   newsletter pitch, its call to action) go; after it, author lines in the page
   head are judged with their neighbours (``_mark_bylines``): a job title or desk
   alone, a name with a job title, a name after a lone "By", or a bare name
   (two to four capitalised words) beside the date/byline lines under a longer
   headline. A short paragraph that speaks for the publication after the last
   body paragraph (a republishing notice, "sign up for ...") ends the article.
5. The headline: walking up from the article (from its byline block when there is
   one) over chrome, bylines, dates, captions, share buttons and the site's name,
   the first title-like line; a longer sentence-case line right under a headline
   is its deck, one-word lines above it are section labels. When that walk meets
   a paragraph or a live-blog entry, the older rule decides: the last Title Case
   line after the leading menu, else the first title-like line. A headline inside
   the run with its own byline (a gallery's captions above it) wins.
6. Inside the article, link lists go, repeated lines keep one copy (a
   description shown twice in a row is a caption; a lone credit line and the
   short description under it are captions), short lines become headings, a deck
   between the headline and the article stays body. A dateline opening the first
   paragraph ("BRUSSELS, Nov 17 (Agency) -") stays in the text and is recorded
   in ``metadata["dateline"]``; it gives ``published`` only when it has a year.

A small list of very common exact chrome strings supplements the shapes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

__all__ = ["Block", "CleanedPage", "clean_page_text", "normalise_space", "line_kind", "paragraph_dateline", "author_line"]

@dataclass
class Block:
    """One paragraph of the clean text and its role."""
    text: str          # whitespace normalised to single spaces, characters untouched
    role: str = "body"  # "body" | "heading" | "caption"


@dataclass
class CleanedPage:
    title: Optional[str]
    blocks: list[Block] = field(default_factory=list)   # reading order, title not included
    metadata: dict = field(default_factory=dict)         # author, dateline, site, published, dropped...


def normalise_space(text: str) -> str:
    """Every run of white space (newlines, tabs, no-break spaces) as one space."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- vocabulary

_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my no nor not now of off on once only or other our ours out
over own same she should so some such than that the their theirs them then there these they
this those through to too under until up very was we were what when where which while who
whom why will with would you your yours said says say told tells according since still
""".split())

# words that make a short line a sentence rather than a heading
_VERBISH = frozenset("""
i he she it we they you is are was were be been am has have had do does did will would can
could should may might must said says say told tells not no this that there here
""".split())

# Very common exact chrome strings (lower case, outer punctuation stripped): a supplement
# to the shape rules, never the main mechanism.
_CHROME_EXACT = frozenset("""
accessibility links|breaking news|skip to main content|skip to content|skip navigation|
skip to navigation|jump to content|main menu|menu|navigation|search|close|open|home|
share|share this|share this article|share this story|share on facebook|share on twitter|
share via email|tweet|email|print|print this page|print this article|save|save article|
copy link|link copied|facebook|twitter|whatsapp|linkedin|reddit|pinterest|instagram|
comment|comments|reply|like|follow|follow us|log in|login|sign in|sign up|register|
subscribe|subscribe now|subscribe today|newsletter|newsletters|advertisement|
advertising|sponsored|ad|story continues below|story continues below advertisement|
advertisement - story continues below|article continues below|continue reading|
continue reading below|read more|read full article|load more|show more|see more|
back to top|top|next|previous|next article|previous article|listen|listen to this article|
watch|play video|video|audio|photos|gallery|view gallery|image|enlarge|expand|
toggle caption|hide caption|close caption|loading|loading...|terms of use|terms of service|
privacy policy|privacy|cookie policy|cookies|cookie settings|manage cookies|
accept|accept all|reject all|ok|got it|contact us|about us|site map|sitemap|help|faq|
all rights reserved|more|less|live|updated|opinion|analysis|trending|latest
""".replace("\n", "").split("|"))

# Section headers (the whole line) after which the article is over.
_END_HEADER = re.compile(
    r"(?:\d+\s+)?(?:comments?|reader comments|show comments|view comments|post a comment|"
    r"add a comment|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"discussion|conversation|most (?:popular|read|viewed|shared|commented)|"
    r"trending(?: now| stories)?|popular(?: now| stories)?|around the web|"
    r"(?:you )?(?:may|might) also (?:like|enjoy)|recommended(?: for you| stories| reading)?|"
    r"sponsored (?:content|stories|links)|promoted (?:content|stories)|from our partners|"
    r"more from [\w .'&-]+|about the authors?|about us|contact us|follow us(?: on [\w ]+)?|"
    r"connect with us|sections|site map|sitemap|footer|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the)? ?[\w ]*newsletters?)"
    r"(?:\s*\(\d+\))?",
    re.I)

# Section headers that open a list of links (dropped with the list, the article goes on).
_LIST_HEADER = re.compile(
    r"(?:related(?: stories| articles| coverage| content| links| topics| news| reading)?|"
    r"read (?:more|next|also)|see also|also read|also on [\w .'-]+|more on (?:this|these) (?:story|stories|topics?)|"
    r"more (?:stories|news|coverage|headlines)|top stories|latest (?:news|stories|headlines)|"
    r"tags|topics|filed under|in this article|what to read next|keep reading|"
    r"editors'? picks|editor'?s picks|watch next|up next)",
    re.I)

_BREADCRUMB = re.compile(r"^[^>›»/]{1,30}(?:\s[>›»/]\s[^>›»/]{1,80}){2,}$")
_READING_TIME = re.compile(r"(?:reading time:? )?\d+\s*(?:min|mins|minutes?)\.?(?: read(?:ing time)?)?", re.I)
_FOLLOW = re.compile(r"\bfollow (?:her|him|them|us|me) (?:on|at)\b", re.I)
_CLICK = re.compile(r"\b(?:click|tap) here\b", re.I)
_INLINE_LINK = re.compile(r"(?:related|read more|read also|see also|also read|more|watch|listen)\s*[:>|»-]\s+\S", re.I)

_CAPTION_START = re.compile(
    r"(?:file\s*(?:photo)?\s*[-–—:]|file photo\b|photo\s*(?:credit)?\s*[:|]|photograph\s*:|"
    r"picture\s*:|image\s*(?:credit|copyright|caption|source)?\s*[:|]|image copyright\b|"
    r"image caption\b|credit\s*:|caption\s*:|pictured\s*:|video\s*:|\[video:|\[photo:|\[image:)",
    re.I)
_AGENCIES = r"(?:AP|AFP|EPA|Getty Images|Getty|Reuters|REUTERS|Shutterstock|Alamy|Xinhua|Bloomberg|Pool|POOL)"
_CAPTION_INSIDE = re.compile(
    r"\((?i:ap|afp|reuters|getty|epa|ap photo|photo|photograph|image|picture|credit|pool)\b[^()]{0,80}\)\s*\.?$|"
    r"\b" + _AGENCIES + r" ?/ ?[A-Z][\w.'’ -]{0,40}$|"
    r"\b[A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){0,3}\s?/\s?" + _AGENCIES + r"(?: via [A-Z][\w ]{0,30})?\s*\.?$|"
    r"[.!?] (?i:photo|photograph|image|picture|credit)s? ?(?:by\b|:|\|) ?[A-Z][^.!?]{0,60}$|"
    # a credit after the description: "... in Oslo, May 2, 2024. Some Wire/Jane Doe"
    r"[.!?] [A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,3}"
    r" ?/ ?[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,3}$",
)
_CREDITS = re.compile(r"\((?:additional )?(?:reporting|writing|editing|compiled|edited|research|"
                      r"graphics|translation|produced)\b[^()]*\)", re.I)
_AGENCY = frozenset("ap afp reuters getty epa shutterstock alamy xinhua bloomberg pool "
                    "associated press photo photograph handout".split())
_CREDIT_FILLER = frozenset("images via courtesy of for the staff file photos and".split())

_BYLINE = re.compile(r"(?:by|written by|words by|posted by|story by|reporting by|report by)\s+(?P<name>\S.*)", re.I)
# job titles and desks: the end of "Jane Doe, Health Correspondent", "Brussels Bureau"
_ROLE_WORDS = frozenset("""
correspondent correspondents reporter reporters editor editors writer writers columnist columnists
contributor contributors journalist journalists staff bureau desk producer photographer critic
analyst intern stringer presenter commentator
""".split())
# words that may stand before a job title without being part of a name
_ROLE_MODIFIERS = frozenset("""
senior chief deputy associate assistant special foreign political managing executive contributing
investigative national international local regional sports health science business economics
economy technology tech education environment environmental climate legal culture arts world news
data digital features opinion city global diplomatic security defence defense energy markets
finance financial crime court courts transport travel food fashion music film books staff
""".split())
_NAME_PARTICLES = frozenset("de da di del della dos das du van von der den la le bin al el y st mc".split())
_PRONOUNS = frozenset("i he she it we they you this that these those there his her their our its".split())
_BARE_BY = frozenset(("by", "written by", "words by", "story by", "reporting by", "posted by"))
# (?<!\s): a match starts right after a word, so a run of spaces is not retried at every offset
_AUTHOR_SPLIT = re.compile(r"(?<!\s)\s*[,|·•—–]\s*|(?<!\s)\s+-\s+")
_NAME_TOKEN = re.compile(r"(?:[A-Z][a-zà-ÿ'’]*\.?|[A-Z]\.|[A-Z][\w'’-]*[a-zà-ÿ][\w'’-]*)", re.U)
_NAME_GLUE = frozenset("and & of the in for at de da van von der le la di y , | - — –".split())
_META_SPLIT = re.compile(r"(?<!\s)\s+[|·•—–]\s+|(?<!\s)\s+-\s+")

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
for _m, _i in list(_MONTHS.items()):
    _MONTHS[_m[:3]] = _i
_MONTHS["sept"] = 9
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday "
                      "mon tue tues wed thu thur thurs fri sat sun".split())
_DATE_WORDS = frozenset("""
updated published posted last first modified created date on at am pm a.m p.m a m p edt est
et pt pdt pst cdt cst mdt mst gmt utc bst cet cest ist jst ago hour hours minute minutes min
mins second seconds day days week weeks month months year years yesterday today just now
noon midnight st nd rd th of the time read and
""".split())
_TIME_ZONE = re.compile(r"[A-Z]{0,3}[SD]?T")
_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+|\S", re.U)
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_DATE_ANCHOR_NUM = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.U)
_CLOSERS = "\"'”’»)]*"
_QUOTES = "\"“”«»"
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\)|\d{4})|\ball rights reserved\b", re.I)
_SITE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*,?\s*"
                   r"([A-Z][^.|]{1,60}?)(?:\.|\||$| all rights)", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(?:site|website|browser|browsing|experience|consent|polic(?:y|ies)|settings|"
                             r"preferences|personali[sz]e|analytics|third[- ]party|advertising|ads|traffic)\b", re.I)
_ADDRESSED = re.compile(r"\b(?:you|your|you're|you’re)\b", re.I)
_IMPERATIVE = re.compile(r"(?:subscribe|sign|log|register|get|join|already|support|become|unlock|enter|create|want|"
                         r"don't|don’t|enjoy|try|start|continue|read|keep|receive|never miss)\b", re.I)
_SUBSCRIBE = re.compile(r"\b(?:subscrib\w*|sign up|sign in|log in|newsletters?|paywall|free articles?|"
                        r"inbox|email address|"
                        r"premium|unlock|membership|register)\b", re.I)
_SOCIAL = re.compile(r"\b(?:share|tweet|follow us|like us|facebook|twitter|whatsapp|instagram)\b", re.I)
_FOOTER = re.compile(r"\b(?:all rights reserved|terms of (?:use|service)|privacy (?:policy|notice)|"
                     r"cookie policy|do not sell my|contact us|about us)\b", re.I)
_ADVERT = re.compile(
    r"(?:advertisement|advert|ad|sponsored(?: content| post| links?| stories)?|paid (?:content|post|partnership|links?))"
    r"(?:\s*[-–—:|]?\s*(?:(?:the )?(?:story|article|content) continues below(?: (?:this )?advertisement)?|"
    r"continue reading(?: below)?|feedback|\d+ of \d+))?", re.I)
_RELATIVE_TIME = re.compile(r"(?<!\d)\d+\s*(?:min|mins|minutes?|hours?|hrs?|h|days?|d)\s+ago\b", re.I)
_PROMO = re.compile(r"\b(?:our|ours|us|you|your|we)\b|\bevery (?:day|morning|evening|week|weekday|month|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                    r"\b(?:weekly|daily|newsletters?|republish\w*|donate|donations?|sign up|subscribe)\b", re.I)
# a call to the reader ("you ... sign up"), or the publication speaking of its own work
_CALL = re.compile(r"\b(?:sign(?:ing)? up|subscrib\w*|newsletters?|inbox|donat\w*|republish\w*|"
                   r"every (?:day|morning|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_SELF = re.compile(r"\bour (?:\w+ ){0,2}(?:articles|stories|journalism|reporting|newsroom|content|coverage|"
                   r"newsletters?)\b|\brepublish\w*|\bcreative commons\b", re.I)
# the tone of a sign-up box's pitch: to the reader, or of the publication's own output
_BOX_TONE = re.compile(r"\b(?:you|your|our)\b|\bevery (?:day|morning|evening|week|weekday|month|monday|tuesday|"
                       r"wednesday|thursday|friday|saturday|sunday)\b|\b(?:weekly|daily|newsletters?)\b", re.I)
_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
# "BRUSSELS, Nov 17 (Agency) -", "LAS CRUCES, N.M. —", "WASHINGTON (AP) —" opening a paragraph
_PLACE_DATELINE = re.compile(
    r"(?P<line>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3}){0,2}"
    r"(?:,? (?:(?:" + _MONTH_NAMES + r")\.? \d{1,2}(?:, \d{4})?|\d{1,2} (?:" + _MONTH_NAMES + r")\.?(?: \d{4})?))?"
    r"(?: \([^()]{1,40}\))?)\s?[-–—]+\s")
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|asked|added|according)\b", re.I)


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


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


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
    # a byline and a date on one line: "By Jane Doe | April 13, 2019"
    parts = _META_SPLIT.split(text)
    if 1 < len(parts) <= 3 and _byline(parts[0]) and all(_date_line(p) == "date" for p in parts[1:]):
        return drop("byline", ("author", _byline(parts[0]), "dateline", " ".join(parts[1:])))
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


# --------------------------------------------------------------------------- scoring

def _score(u: _Unit) -> float:
    if u.kind == "prose":
        return 1.0 + min(u.words, 75) / 25
    if u.kind == "sentence":
        return 0.5 if u.words >= 5 else 0.3 if u.words == 4 else 0.0
    if u.kind in ("caption", "time"):
        return 0.0
    if u.kind == "link":
        return -1.0 if u.words <= 4 else -0.8
    if u.kind == "end":
        return -4.0
    if u.kind == "list":
        return -1.0
    if u.reason in ("separator", "label", "advertisement", "dateline", "byline", "chrome", "reading_time"):
        return -0.2
    return -0.8


def _paragraph(u: _Unit) -> bool:
    """Prose, or a short sentence of five words or more."""
    return u.kind == "prose" or (u.kind == "sentence" and u.words >= 5)


def _best_run(units: list[_Unit]) -> tuple[int, int]:
    """The maximum-sum run of unit scores (Kadane); (0, -1) when nothing scores.

    A stretch of costly lines between two prose paragraphs (a related-stories box
    inside the article) costs at most 1.5 in all, so the article runs across it; a
    menu before the article or a footer after it has prose on one side only.
    """
    scores = [_score(u) for u in units]
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
                and total < -1.5 and not any(u.kind == "end" for u in units[i:j])):
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
        u.kind == "drop" and u.reason not in ("separator", "advertisement", "label"))


def _cut_tail(units: list[_Unit], start: int, end: int) -> int:
    """Where the article ends inside the run: at a closing section header, before a
    teaser list, or before a tail that breaks into one-paragraph fragments between
    link-like lines (comments, related lists, footers)."""
    seen_prose = False
    for i in range(start, end + 1):
        if units[i].kind == "prose":
            seen_prose = True
        elif units[i].kind == "end" and seen_prose:
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
        segments.append((gap_start, i, sum(1 for k in range(i, j) if _paragraph(units[k]))))
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

def _title_like(u: _Unit) -> bool:
    if u.kind not in ("link", "sentence", "prose") or not (2 <= u.words <= 30) or len(u.text) > 250:
        return False
    if u.text.upper() == u.text and u.words <= 3:
        return False
    return u.text[-1:] not in ":,"


def _find_title(units: list[_Unit], start: int, site: Optional[str] = None) -> Optional[int]:
    """The headline's index: the title-like line closest above the article, past its
    byline block, captions and share bar (``_title_above``); else by the menu's shape."""
    t = _title_above(units, start, site)
    return t if t is not None else _title_after_menu(units, start, site)


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
    j, others = limit - 1, 0
    while j >= 0 and others <= 2:
        u = units[j]
        if u.kind == "drop" and u.reason in ("byline", "dateline"):
            t = _title_walk(units, j, skip)
            if t is not None:
                return t
            break
        if not skip(j):
            if u.kind != "link" or u.words > 4:
                break
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
            and c.words > p.words and not _headline_case(_words(c.text), c.text) and not menu_item(p):
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
    m = _PLACE_DATELINE.match(text)
    if not m or sum(1 for ch in m.group("line") if ch.isupper()) < 3:
        return None
    return m.group("line").strip()


def _promo(u: _Unit) -> bool:
    """A short line that speaks for the publication or to the reader (a newsletter
    pitch, a republishing notice), not a quotation."""
    return (u.kind in ("sentence", "prose", "link") and 3 <= u.words <= 40
            and not any(q in u.text for q in _QUOTES) and not _SPEECH.search(u.text)
            and bool(_PROMO.search(u.text)))


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


def _promo_tail(units: list[_Unit], start: int, end: int) -> int:
    """The article ends before a last short paragraph that speaks for the publication,
    set off from the article by two or more link or chrome lines."""
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
        if not (_pitch(units[last]) and last - 1 - gap >= 2 and gap >= start
                and units[last].text.rstrip(_CLOSERS)[-1:] in ".!"):
            return end
        end = gap
    return end


def _pitch(u: _Unit) -> bool:
    """A promotional line: a call to the reader ("you" and "sign up", "every Friday"),
    or the publication speaking of its own work ("republish our articles")."""
    return _promo(u) and u.words <= 30 and (
        bool(_ADDRESSED.search(u.text) and _CALL.search(u.text)) or bool(_SELF.search(u.text)))


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
    return out


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
    start, end = _best_run(units)
    if end >= start:   # author lines in the page head, then the run again
        _mark_bylines(units, start, metadata.get("site"))
        start, end = _best_run(units)
    if end < start:   # nothing scores: keep every unit that is not chrome
        start, end = 0, len(units) - 1
    end = _promo_tail(units, start, _cut_tail(units, start, end))

    # author and date line: the first byline / date line up to the article's end
    # (a comment section's "Posted by" and dates come later)
    for u in units[:end + 1]:
        if u.meta:
            for key, value in zip(u.meta[::2], u.meta[1::2]):
                if value and key not in metadata:
                    metadata[key] = value
    if "dateline" in metadata:
        published = _parse_date(metadata["dateline"])
        if published:
            metadata["published"] = published

    t = _headline_in_run(units, start, end)
    if t is None:
        t = _find_title(units, start, metadata.get("site"))
    title = units[t].text if t is not None else None
    if t is not None and t >= start:
        start = t + 1
    first = (t + 1) if t is not None else start
    keep_from = min(first, start)

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
            subheading = (u.kind == "link" and i + 1 == start and units[start].kind == "prose"
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
        if key in seen:
            j = seen[key]
            near = len(blocks) - j <= 3 and all(b.role == "caption" for b in blocks[j + 1:])
            if near and u.words >= 5 and not any(q in u.text for q in _QUOTES):
                blocks[j].role = "caption"   # a photo description shown twice (alt text, caption)
            dropped["duplicate"] += 1
            continue
        if u.kind == "caption" or i in credits:
            role = "caption"
        elif i < start and u.kind == "link" and u.words >= 7:
            role = "body"   # a deck (standfirst) between the headline and the article
        elif _is_heading(units, i):
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
        published = _parse_date(place)   # only with a year: "Nov 17" alone is no date
        if published:
            metadata["published"] = published
    metadata["dropped"] = dict(dropped)
    return CleanedPage(title, blocks, metadata)


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
