"""In-document entity clusters and canonical names.

``extract_entities(doc)`` reads spaCy's named entities and groups every
mention of one person, organisation or place into one :class:`Entity`:

- people: the full name, the bare surname or given name, title + surname
  ("President Trump", "Mr. Obama"), possessives; a bare name shared by two
  people ("Kim" for Kim Jong Un and Dong-Yub Kim) goes to the person it was
  first established for, unless a gendered title says otherwise;
- places and organisations: aliases ("U.S." = "United States"), acronyms
  ("FBI" = "Federal Bureau of Investigation"), a possessive place in front of
  an organisation ("Seoul's Institute ..."), a parent organisation inside a
  sub-unit's name ("Central Committee of the Workers' Party of Korea");
- names the model leaves unlabelled or mislabels: facilities ("the Sofitel
  Legend Metropole hotel"), an honorific + name ("Ms Kearney"), a person
  tagged as an organisation ("Keith Lamont Scott", "DuVernay"), a name run on
  into title-case words ("President Obama Speech", "Clinton Breaks");
- a bare name guessed before anyone of that name is named in full (a
  headline) goes to whoever the name turns out to mean;
- the canonical name is the fullest proper name, without titles;
- descriptors come from appositions and role words in front of a name.

Pure: the function only reads the parse and returns records.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .keys import SUFFIXES as NAME_SUFFIXES, TITLES
from .records import Entity, Mention

if not Doc.has_extension("ng_entities"):
    Doc.set_extension("ng_entities", default=None)

KEPT_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT")

MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"})
# surnames that begin with a particle: "Mr. Van Voorhis" is Chandler Van Voorhis
NAME_PARTICLES = frozenset({"van", "von", "de", "del", "della", "di", "da", "la", "le", "du",
                            "mac", "st", "st.", "bin", "ibn", "al", "el", "ben", "ter", "ten"})

# A small table of given names, for pronoun agreement; unknown and unisex names
# (Terry, Jordan, Kelly ...) stay neutral and are settled by the pronouns that follow.
MALE_NAMES = frozenset("""
aaron adam alan albert alexander andrew anthony antonio arthur barack ben benjamin
bernie bill billy bob bobby brad brian bruce carl charles charlie christopher chuck
craig dan daniel dante david dennis donald doug douglas ed eddie edward eric frank gary
george gerald greg gregory harold harry henry howard ian jack jacob james jason jeb jeff
jeffrey jerry jim jimmy joe joel john johnny jon jonathan joseph josh
juan justin keith ken kevin kyle larry lawrence leonard luis marc marco mark martin
matt matthew michael mike mitch mitt nathan newt nicholas nick paul pete peter phil
philip ralph randy raymond reince rex richard rick robert roger ron ronald roy rudy russell
ryan samuel scott sean sherrod stephen steve steven ted thomas tim timothy tom
tony vladimir walter wayne william patrick sergei dmitri boris emmanuel francois
""".split())
FEMALE_NAMES = frozenset("""
alicia amanda amy angela ann anna anne ashley ava barbara betty beth betsy carly carol
caroline catherine charlotte cheryl christine claire cynthia debbie deborah diane donna
dorothy elizabeth ellen emily emma evelyn frances gloria hannah heather helen hillary
huma ivanka jane janet jennifer jessica jill joan joanne judy julia julie karen kate
katherine kathleen kathy kellyanne kimberly laura lauren linda lisa loretta lori
louise margaret maria marie martha mary megyn melania melissa michelle
nancy nicole nikki olive pamela patricia paula rachel rebecca rose ruth samantha sandra
sarah sharon shirley stephanie susan susana teresa theresa tulsi valerie
virginia wendy kamala condoleezza sheryl debra
""".split())

COUNTRY_ALIASES = {
    "us": "United States", "u s": "United States", "usa": "United States",
    "u s a": "United States", "united states": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "u k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "dprk": "North Korea", "north korea": "North Korea",
    "rok": "South Korea", "south korea": "South Korea",
    "un": "United Nations", "u n": "United Nations", "united nations": "United Nations",
    "eu": "European Union", "e u": "European Union", "european union": "European Union",
    "ussr": "Soviet Union", "prc": "China",
}
# parts of an organisation's name that make it a sub-unit of the organisation after "of"
SUBUNIT_HEADS = frozenset({
    "committee", "council", "board", "department", "bureau", "office", "division",
    "branch", "wing", "chapter", "center", "centre", "school", "faculty", "institute",
    "subcommittee", "commission", "politburo", "presidium", "secretariat", "cabinet",
})
FACILITY_NOUNS = frozenset({
    "hotel", "airport", "stadium", "arena", "hospital", "museum", "palace", "bridge",
    "tower", "square", "park", "station", "church", "cathedral", "mosque", "temple",
    "prison", "base", "hall", "theater", "theatre", "building", "plaza",
})
_POSS = ("'s", "\u2019s", "'", "\u2019")


_NOT_KEY = re.compile(r"(?:[^\w']|_)+")


def norm_key(name: str) -> str:
    """A comparison key: lower case, accents off, no dots, other punctuation as
    spaces; letters of every script kept ("Στην Ευρώπη" has a key too)."""
    name = name.lower().replace("\u2019", "'")
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = re.sub(r"[.]", "", name)
    name = _NOT_KEY.sub(" ", name).strip()
    return re.sub(r"^(the|an|a) ", "", name)


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", norm_key(name)) if t]


@dataclass
class _Cluster:
    label: str
    names: list[str] = field(default_factory=list)      # proper names seen (no titles)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    gender: str | None = None
    first: int = 0
    _words: tuple | None = None   # cache of the name words, keyed by len(names)

    def best_name(self) -> str:
        def score(n: str) -> tuple:
            toks = n.split()
            # a name that starts with a given name beats one with a stray word in
            # front ("Alicia Machado", not "Universe Alicia Machado")
            given = self.label == "PERSON" and len(toks) > 1 and toks[0].lower() in MALE_NAMES | FEMALE_NAMES
            return (given, len([t for t in toks if t[:1].isupper() or t[:1].isdigit()]), len(n))
        if self.label == "GPE" or self.label == "ORG":
            for n in self.names:
                alias = COUNTRY_ALIASES.get(norm_key(n))
                if alias:
                    return alias
        return max(self.names, key=score) if self.names else ""


def _strip_span(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, list[str]]:
    """Token bounds without leading determiners/titles and trailing possessives.

    Returns (start, end, titles) where titles are the lower-case title words
    found just before or at the beginning of a person's name.
    """
    titles: list[str] = []
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in _POSS or doc[end - 1].is_punct):
        end -= 1
    if label == "PERSON":
        while start < end - 1 and doc[start].lower_.rstrip(".") in TITLES:
            titles.append(doc[start].lower_.rstrip("."))
            start += 1
        # titles just outside the entity ("President Trump", "Mr. Obama")
        j = start - 1
        while j >= 0 and j >= start - 3 and doc[j].lower_.rstrip(".") in TITLES:
            titles.append(doc[j].lower_.rstrip("."))
            j -= 1
    return start, end, titles


def _person_parts(text: str) -> list[str]:
    toks = [t for t in text.replace("\u2019", "'").split() if t]
    while toks and toks[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        toks = toks[:-1]
    return toks


def _gender_of(names: list[str], titles: list[str]) -> str | None:
    for t in titles:
        if t in MALE_TITLES:
            return "m"
        if t in FEMALE_TITLES:
            return "f"
    for n in names:
        parts = _person_parts(n)
        if len(parts) >= 2:
            first = parts[0].lower()
            if first in MALE_NAMES:
                return "m"
            if first in FEMALE_NAMES:
                return "f"
    return None


def _descriptor(doc: Doc, start: int, end: int) -> list[str]:
    """Appositions and role words attached to the mention doc[start:end]."""
    out = []
    span = doc[start:end]
    head = span.root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end:
            sub = doc[child.left_edge.i:child.right_edge.i + 1]
            # stop at a comma that closes the apposition
            toks = [t for t in sub]
            while toks and toks[-1].is_punct:
                toks.pop()
            if toks and any(t.pos_ == "NOUN" for t in toks):
                out.append(doc[toks[0].i:toks[-1].i + 1].text)
    # role words in front: "North Korean leader Kim Jong Un", "spokeswoman Jessica Ditto"
    left = [c for c in head.lefts if c.i < start and c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "det")]
    if left:
        lo = min(c.left_edge.i for c in left)
        words = doc[lo:start]
        while len(words) and words[0].lower_ in ("the", "a", "an"):
            words = words[1:]
        while len(words) and (words[0].is_punct or words[0].lower_ == "file"):
            words = words[1:]
        if any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLES for t in words) and \
                not all(t.lower_.rstrip(".") in MALE_TITLES | FEMALE_TITLES | {"mr", "mrs", "ms", "dr"} for t in words):
            out.append(words.text)
    return out


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov"})


def _extra_spans(doc: Doc, covered: set[int]) -> list[tuple[int, int, str]]:
    """Names the model leaves unlabelled: proper nouns + a facility noun ("the
    Sofitel Legend Metropole hotel"), an honorific + proper nouns ("Ms Kearney")."""
    out = []
    i = 0
    n = len(doc)
    while i < n:
        if doc[i].pos_ == "PROPN" and i not in covered and doc[i].text[:1].isupper():
            j = i
            while j < n and doc[j].pos_ == "PROPN" and j not in covered:
                j += 1
            if j < n and doc[j].lower_ in FACILITY_NOUNS and j - i >= 2:
                out.append((i, j + 1, "FAC"))
            elif i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFICS and doc[i - 1].text[:1].isupper() \
                    and i - 1 not in covered and j - i <= 3:
                out.append((i, j, "PERSON"))
            elif doc[i].lower_.rstrip(".") in HONORIFICS and 2 <= j - i <= 4:
                out.append((i, j, "PERSON"))   # "Ms Kearney said", the honorific tagged as a name too
            elif doc[i].lower_.rstrip(".") in TITLES and 3 <= j - i <= 4 \
                    and not any(t.lower_ in ORG_WORDS or t.lower_ in CORP_SUFFIXES for t in doc[i + 1:j]):
                out.append((i, j, "PERSON"))   # "Councilor Priya Raman": a title and a full name
            i = j + 1
        else:
            i += 1
    return out


def _split_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities, with compound names split into their parts."""
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        s, e, label = ent.start, ent.end, ent.label_
        # "Seoul's Institute for Far Eastern Studies": a possessive place, then the name
        poss = [t.i for t in ent if t.text in ("'s", "\u2019s") and s < t.i < e - 1]
        if poss and label in ("ORG", "FAC"):
            p = poss[0]
            out.append((s, p, "GPE"))
            s = p + 1
        # "Central Committee of the Workers' Party of Korea": the parent organisation
        if label == "ORG":
            for t in doc[s:e]:
                if t.lower_ == "of" and t.i > s and doc[t.i - 1].lower_ in SUBUNIT_HEADS:
                    k = t.i + 1
                    if k < e and doc[k].lower_ == "the":
                        k += 1
                    if e - k >= 2:
                        out.append((k, e, "ORG"))
                    break
        # "Trump-Kim": two names joined by a hyphen
        if label == "PERSON" and re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", ent.text):
            out.append((s, e, "PERSON_PAIR"))
            continue
        out.append((s, e, label))
    return out


ORG_WORDS = frozenset("""
party university college school institute center centre council committee commission
department bureau agency office association foundation fund bank group company corp
inc co ltd news times post journal network league union church club team house senate
congress court army navy force police coalition alliance organization organisation
society campaign media press tv radio state city county hotel airport
""".split())


def _title_case(doc: Doc, i: int) -> bool:
    """True when the sentence around token i is written in Title Case (a
    headline, a video caption), where the model's names run over their end."""
    words = [t for t in doc[i].sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def _relabel(doc: Doc, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Fix labels the small model gets wrong, from evidence inside the article.

    - "Keith Lamont Scott" tagged ORG: a known given name and no organisation
      word make a person;
    - "DuVernay" tagged ORG where "Ava DuVernay" is a person: a person's word;
    - "Clinton Breaks" in a title-case headline, where the body knows Hillary
      Clinton and never says "Clinton Breaks": the surname alone.
    """
    title_end = doc.text.find("\n\n")
    title_end = len(doc.text) if title_end < 0 else title_end
    out = []
    for s, e, label in raw:
        words = [t for t in doc[s:e] if not t.is_punct]
        if label in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") and 2 <= len(words) <= 4 \
                and all(t.text[:1].isupper() and t.is_alpha for t in words) \
                and (words[0].lower_ in MALE_NAMES or words[0].lower_ in FEMALE_NAMES) \
                and not any(t.lower_ in ORG_WORDS for t in words):
            label = "PERSON"
        if label in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") and len(words) >= 2 \
                and words[0].lower_.rstrip(".") in HONORIFICS and words[0].text[:1].isupper():
            label = "PERSON"   # "Ms Kearney" tagged as an organisation
        if label in ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT") and 3 <= len(words) <= 4 \
                and words[0].lower_.rstrip(".") in TITLES and words[0].text[:1].isupper() \
                and all(t.text[:1].isupper() for t in words) and not any(t.lower_ in ORG_WORDS | CORP_SUFFIXES for t in words[1:]):
            label = "PERSON"   # "Councilor Priya Raman" tagged as an organisation
        out.append((s, e, label))
    full_words: set[str] = set()
    body_names: set[str] = set()
    full_names: set[str] = set()
    for s, e, label in out:
        if label == "PERSON":
            parts = _person_parts(doc[s:e].text)
            if len(parts) >= 2:
                full_words.update(norm_key(p) for p in parts)
                full_names.add(norm_key(" ".join(parts)))
                if doc[s].idx > title_end:
                    body_names.add(norm_key(" ".join(parts)))
                    body_names.add(norm_key(parts[-1]))
    bare_words: set[str] = set()
    last_words: dict[str, int] = {}
    for s, e, label in out:
        if label == "PERSON":
            s2 = _strip_span(doc, s, e, label)[0]
            parts = _person_parts(doc[s2:e].text if s2 < e else "")
            if len(parts) == 1:
                bare_words.add(norm_key(parts[0]))
            elif len(parts) >= 2:
                last_words[norm_key(parts[-1])] = last_words.get(norm_key(parts[-1]), 0) + 1
    result = []
    for s, e, label in out:
        if label == "PERSON":
            # "President Obama Speech": a bare surname followed by a word that
            # is never a name anywhere else
            s2 = _strip_span(doc, s, e, label)[0]
            toks = [t for t in doc[s2:e] if not t.is_punct]
            keys = [norm_key(t.text) for t in toks]
            quoted_title = s > 0 and doc[s - 1].text in ('"', "\u201c", "''") and e < len(doc) and \
                doc[e].text in ('"', "\u201d", "''", ",")
            for p in (range(len(toks) - 1, 0, -1) if _title_case(doc, s) or quoted_title else ()):
                if keys[p - 1] in bare_words and not any(k in bare_words for k in keys[p:]) \
                        and last_words.get(keys[-1], 0) <= 1:
                    e = toks[p - 1].i + 1  # "Barack Obama Election Day" -> "Barack Obama"
                    break
        text = doc[s:e].text
        if label in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "FAC") and e - s >= 2 \
                and norm_key(text) in full_names:
            label = "PERSON"   # a person's full name the model tagged otherwise once
        if label in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC") and e - s == 1 \
                and norm_key(text) in full_words and text[:1].isupper() and norm_key(text) not in COUNTRY_ALIASES:
            label = "PERSON"
        if label == "PERSON" and doc[s].idx < title_end and e - s >= 2:
            parts = _person_parts(text)
            if len(parts) >= 2 and norm_key(" ".join(parts)) not in body_names \
                    and norm_key(parts[0]) in body_names and norm_key(parts[-1]) not in full_words:
                e = s + 1
        result.append((s, e, label))
    return result


# a photo or image credit: "(Photo/Andes Business Daily)", "AP Photo/Jane Doe"
_CREDIT_RE = re.compile(r"(?i)\b(?:photos?|images?|pictures?|credit|illustration|graphic|video)\s*/\s*$")
# the last word of a name that makes it an event, an institution or a building
EVENT_HEADS = frozenset({"fire", "fires", "complex", "storm", "hurricane", "typhoon", "cyclone",
                         "flood", "floods", "earthquake", "quake", "war", "games", "cup", "open",
                         "festival", "summit", "protests", "riots", "outbreak", "pandemic"})
APPOSED_ORG_NOUNS = frozenset({"airline", "carrier", "company", "firm", "bank", "lender", "insurer",
                               "retailer", "startup", "start-up", "maker", "manufacturer", "operator",
                               "group", "giant", "conglomerate", "broadcaster", "publisher", "newspaper",
                               "club", "agency", "charity", "brand", "chain", "platform", "app"})
CORP_SUFFIXES = frozenset({"systems", "inc", "corp", "corporation", "co", "ltd", "llc", "plc",
                           "group", "holdings", "industries", "technologies", "labs", "ag", "sa",
                           "gmbh", "nv", "bv", "company", "international", "partners"})


def _not_a_person(doc: Doc, s: int, e: int, lower_words: set[str]) -> str | None:
    """The label a PERSON span really has, when its words say it is no
    person: an event ("Sulphur Fire"), an institution ("House", "Senate"), a
    building ("Harmon Hall"), or a capitalised common word ("Measles" at the
    start of a sentence, "measles" everywhere else): "" means no entity."""
    toks = [t for t in doc[s:e] if not t.is_punct]
    if not toks:
        return None
    last = toks[-1].lower_
    # a name is read as a thing only where things stand: "the Sulphur Fire",
    # "in Harmon Hall", "the House"; "said Min-Jun Park" stays a person
    place = s > 0 and doc[s - 1].lower_ in ("the", "in", "at", "inside", "outside", "near", "from", "into", "to", "of")
    given = toks[0].lower_ in MALE_NAMES or toks[0].lower_ in FEMALE_NAMES or not place
    if last in EVENT_HEADS and len(toks) >= 2 and not given:
        return "EVENT"
    if last in ORG_WORDS and not given and (len(toks) >= 2 or toks[0].text[:1].isupper()):
        return "ORG"
    if last in FACILITY_NOUNS and len(toks) >= 2 and not given:
        return "FAC"
    if len(toks) == 1 and toks[0].lower_ in lower_words and toks[0].lower_ not in MALE_NAMES \
            and toks[0].lower_ not in FEMALE_NAMES:
        return ""
    return None


def _dateline_spans(doc: Doc, covered: set[int]) -> list[tuple[int, int, str]]:
    """The place of a dateline the model leaves untagged: capitals at the start of
    a paragraph, then a comma or a dash ("LAS CRUCES, N.M. \u2014", "NAIROBI, Nov 19")."""
    out = []
    for i, t in enumerate(doc):
        if not (t.is_alpha and t.text.isupper() and len(t.text) >= 3):
            continue
        if i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_):
            continue
        j = i
        while j < len(doc) and j - i < 4 and doc[j].is_alpha and doc[j].text.isupper():
            j += 1
        if j < len(doc) and doc[j].text in (",", "(", "\u2014", "\u2013", "-", "--") and j > i:
            if not any(x in covered for x in range(i, j)):
                out.append((i, j, "GPE"))   # (a tagged one is relabelled in _filter_spans)
            # "NAIROBI, Nov 19 (Meridian Wire) -": the wire service in brackets
            for k in range(j, min(len(doc), j + 8)):
                if doc[k].text in ("\u2014", "\u2013", "-", "--"):
                    break
                if doc[k].text == "(":
                    m = k + 1
                    while m < len(doc) and m - k < 5 and doc[m].text[:1].isupper() and doc[m].is_alpha:
                        m += 1
                    if m < len(doc) and doc[m].text == ")" and m > k + 1 and not any(x in covered for x in range(k + 1, m)):
                        out.append((k + 1, m, "ORG"))
                    break
    return out


_DATELINE_WIRE_RE = re.compile(r"^[A-Z][A-Z.' -]+(?:,[^()\n]{0,30})?\($")


def is_credit(text: str, start: int) -> bool:
    """True when the name at ``start`` is a photo credit ("(Photo/Andes Business Daily)")
    or the wire service of a dateline ("NAIROBI, Nov 19 (Meridian Wire) -")."""
    if _CREDIT_RE.search(text[max(0, start - 20):start]):
        return True
    line = text[text.rfind("\n", 0, start) + 1:start]
    return len(line) < 60 and bool(_DATELINE_WIRE_RE.match(line))


def _filter_spans(doc: Doc, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Photo credits as organisations ("Photo/X" -> X), datelines as places, and
    non-people out of PERSON."""
    text = doc.text
    lower_words = {t.text for t in doc if t.is_alpha and t.text.islower()}
    # "the Spanish airline Iberomar": a one-word "person" named after an organisation noun
    org_named = {doc[s:e].text for s, e, label in raw if label == "PERSON" and e - s <= 3 and s > 0
                 and doc[s - 1].lower_ in APPOSED_ORG_NOUNS and doc[s].lower_ not in MALE_NAMES
                 and doc[s].lower_ not in FEMALE_NAMES}
    out = []
    for s, e, label in raw:
        a = doc[s].idx
        span_text = doc[s:e].text
        if "/" in span_text and _CREDIT_RE.search(span_text.split("/")[0] + "/"):
            # "Photo/Andes Business Daily" as one span: the agency after the slash
            k = s
            while k < e and "/" not in doc[k].text:
                k += 1
            if doc[k].text.endswith("/"):
                k += 1
            if e - k < 1 or not doc[k].text[:1].isupper():
                continue
            s, label = k, "ORG"
            a = doc[s].idx
        if _CREDIT_RE.search(text[max(0, a - 20):a]):
            label = "ORG"   # a credit names the agency or photographer's outlet
        line_start = text.rfind("\n", 0, a) + 1
        words = [t for t in doc[s:e] if t.is_alpha]
        if words and all(t.text.isupper() for t in words) and not text[line_start:a].strip() \
                and e < len(doc) and doc[e].text in (",", "(", "\u2014", "-", "\u2013") and label in ("ORG", "PERSON", "NORP", "GPE", "LOC", "FAC"):
            out.append((s, e, "GPE"))   # "LAS CRUCES, N.M. \u2014": a dateline
            continue
        if label == "PERSON" and doc[s:e].text in org_named:
            label = "ORG"
        if label == "PERSON":
            new = _not_a_person(doc, s, e, lower_words)
            if new == "":
                continue
            if new:
                label = new
        out.append((s, e, label))
    return out


# ---------------------------------------------------------------- the passes
#
# extract_entities runs these in order; each takes what the one before returns.
#   candidate_spans      the parse's names, repaired: (start token, end token, label)
#   collect_mentions     one cluster per exact full name and per other name; bare names apart
#   merge_full_names     "Paul D. Ryan" = "Paul Ryan", "Alicia Machado" = "Universe Alicia Machado"
#   attach_bare_names    "Ryan", "Mr. Ryan" -> the person that word means here
#   attach_name_pairs    "Trump-Kim" -> a mention of each
#   fold_* (others)      one-word organisations and places that stand for a longer name
#   to_entities          clusters -> Entity records in text order


@dataclass
class _Bare:
    """A one-word person mention ("Ryan", "Mr. Ryan"), waiting for its person."""
    start: int                  # character offsets of the mention, titles included
    end: int
    key: str                    # norm_key of the word
    titles: list[str]
    text: str                   # the word as written
    descriptors: list[str]
    last: int                   # token index of the word


@dataclass
class _Mentions:
    """What ``collect_mentions`` finds, before any merging."""
    people: list[_Cluster] = field(default_factory=list)       # one per exact full name
    bare: list[_Bare] = field(default_factory=list)
    others: dict[str, _Cluster] = field(default_factory=dict)  # "LABEL:key" -> cluster, first-seen order
    pairs: list[tuple[int, int]] = field(default_factory=list)  # "Trump-Kim" token spans


def candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Every name of the article as (start token, end token, label): spaCy's
    entities split into their parts, the names the model leaves unlabelled
    (facilities, honorific + name, datelines), labels repaired from the rest of
    the article, credits and non-people filtered."""
    raw = _split_ents(doc)
    covered = {i for s, e, _ in raw for i in range(s, e)}
    raw.extend(_extra_spans(doc, covered))
    raw.extend(_dateline_spans(doc, covered))
    return _filter_spans(doc, _relabel(doc, sorted(raw)))


def _add_other(doc: Doc, others: dict[str, _Cluster], label: str, s: int, e: int, name: str) -> None:
    """A mention of an organisation, place ...: into the cluster of its key (aliases folded)."""
    key = norm_key(name)
    if not key:
        return
    alias = COUNTRY_ALIASES.get(key)
    if alias:
        key = norm_key(alias)
        if label == "ORG" and alias != "United Nations" and alias != "European Union":
            label = "GPE"
    key = f"{label}:{key}"
    cl = others.get(key)
    if cl is None:
        cl = others[key] = _Cluster(label, first=doc[s].idx)
    cl.names.append(name)
    cl.mentions.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))


def collect_mentions(doc: Doc, spans: list[tuple[int, int, str]]) -> _Mentions:
    """Each span as a mention: a person's full name into the cluster of that exact
    name (its titles off, its descriptors and gender kept), a one-word person name
    aside for later, anything else into the cluster of its name's key."""
    found = _Mentions()
    full_index: dict[str, _Cluster] = {}
    for s, e, label in spans:
        if label == "PERSON_PAIR":
            found.pairs.append((s, e))
            continue
        s2, e2, titles = _strip_span(doc, s, e, label)
        if s2 >= e2:
            continue
        name = doc[s2:e2].text
        if label != "PERSON":
            _add_other(doc, found.others, label, s2, e2, name)
            continue
        parts = _person_parts(name)
        if not parts or not any(p[:1].isupper() for p in parts):
            continue
        t0 = s
        while t0 > 0 and t0 > s - 3 and doc[t0 - 1].lower_.rstrip(".") in TITLES and doc[t0 - 1].text[:1].isupper():
            t0 -= 1
        ms, me = doc[t0].idx, doc[e2 - 1].idx + len(doc[e2 - 1].text)
        if len(parts) >= 2:
            key = " ".join(name_tokens(" ".join(parts)))
            cl = full_index.get(key)
            if cl is None:
                cl = full_index[key] = _Cluster("PERSON", first=ms)
                found.people.append(cl)
            cl.names.append(" ".join(parts))
            cl.mentions.append((ms, me))
            cl.descriptors.extend(_descriptor(doc, s, e))
            g = _gender_of([name], titles)
            if g and not cl.gender:
                cl.gender = g
        else:
            found.bare.append(_Bare(ms, me, norm_key(parts[0]), titles, parts[0], _descriptor(doc, s, e), e2 - 1))
    return found


def _extends(name: str, other: str) -> bool:
    """True when the full name ``name`` and the earlier ``other`` name one person:
    the same first and last word with one's words inside the other's ("Paul D.
    Ryan" / "Paul Ryan"), or one ends with the other and that other begins with a
    given name or a particle ("Universe Alicia Machado" / "Alicia Machado")."""
    first_last, mfl = name_tokens(name), name_tokens(other)
    if not first_last or not mfl:
        return False   # a name with no word to compare merges with nothing
    toks, mt = set(first_last), set(mfl)
    n, n2 = len(first_last), len(mfl)
    head_word = name.split()[0].lower()
    suffix = n >= 2 and n2 > n and mfl[-n:] == first_last and (
        head_word in NAME_PARTICLES or (name.split()[0][:1].isupper() and (
            head_word in MALE_NAMES or head_word in FEMALE_NAMES)))
    # and the other way round: "Universe Alicia Machado" after "Alicia Machado"
    suffix = suffix or (n2 >= 2 and n > n2 and first_last[-n2:] == mfl and
                        (mfl[0] in MALE_NAMES or mfl[0] in FEMALE_NAMES or mfl[0] in NAME_PARTICLES))
    return ((toks <= mt or mt <= toks) and first_last[0] == mfl[0] and first_last[-1] == mfl[-1]) or suffix


def merge_full_names(people: list[_Cluster]) -> list[_Cluster]:
    """Full-name clusters that name one person merged into the first of them
    (see ``_extends``), in order of first mention."""
    merged: list[_Cluster] = []
    for cl in sorted(people, key=lambda c: c.first):
        host = next((m for m in merged if _extends(cl.names[0], m.names[0])), None)
        if host is None:
            merged.append(cl)
        else:
            host.names.extend(cl.names)
            host.mentions.extend(cl.mentions)
            host.descriptors.extend(cl.descriptors)
            host.gender = host.gender or cl.gender
    return merged


@dataclass
class _BareLinks:
    """What ``attach_bare_names`` decided, for the passes after it."""
    established: dict[str, _Cluster]     # word -> the person it was first used for
    singles: dict[str, _Cluster]         # word -> a person known only by that word
    forward: list[tuple]                 # (start, end, key, descriptors, guess): before any full name
    votes: dict[str, dict[int, int]]     # word -> id(cluster) -> uses


def attach_bare_names(doc: Doc, people: list[_Cluster], bare: list[_Bare]) -> _BareLinks:
    """Each one-word mention to a person, in text order: a gendered title or the
    pronoun that follows picks among namesakes; once a word is used for someone it
    stays theirs; else the person most recently named in full; in a headline before
    any full name, the first one named (a forward guess, settled later); a word no
    full name has becomes a person of its own (appended to ``people``)."""
    links = _BareLinks({}, {}, [], {})
    established, singles, forward, votes = links.established, links.singles, links.forward, links.votes
    for b in sorted(bare, key=lambda b: b.start):
        ms, tok = b.start, b.key
        gender = _gender_of([], b.titles)
        cands = [c for c in people if tok in _name_word_set(c)]
        if gender is None and len({c.gender for c in cands}) > 1:
            # "Alvarez, speaking to reporters, said she ...": the pronoun tells which
            said = _following_pronoun(doc, b.last)
            if said and any(c.gender == said for c in cands):
                cands = [c for c in cands if c.gender == said]
        if gender:
            agreeing = [c for c in cands if c.gender in (None, gender)]
            cands = agreeing or cands
        target = established.get(tok)
        if target is not None and target not in cands:
            target = None
        if target is None and cands:
            before = [c for c in cands if c.first <= ms]
            if before:
                # the person most recently named in full ...
                target = max(before, key=lambda c: max(m[0] for m in c.mentions if m[0] <= ms))
            else:
                # ... or, in a headline before any full name, the first one named
                target = min(cands, key=lambda c: c.first)
                forward.append((ms, b.end, tok, b.descriptors, target))
            # once a bare name is used for someone it stays theirs ("Kim" stays
            # Kim Jong Un after Dong-Yub Kim appears)
            established[tok] = target
        if target is None:
            target = singles.get(tok)
            if target is None:
                target = singles[tok] = _Cluster("PERSON", first=ms)
                people.append(target)
            target.names.append(b.text)
        target.mentions.append((ms, b.end))
        target.descriptors.extend(b.descriptors)
        if gender and not target.gender:
            target.gender = gender
        if not forward or forward[-1][0] != ms:
            v = votes.setdefault(tok, {})
            v[id(target)] = v.get(id(target), 0) + 1
    return links


def settle_forward_guesses(people: list[_Cluster], links: _BareLinks) -> None:
    """A forward guess yields to the person the word turned out to mean
    ("President Obama" in a first line, then "Mr. Obama" throughout)."""
    by_id = {id(c): c for c in people}
    for ms, me, tok, desc, guess in links.forward:
        v = links.votes.get(tok)
        if not v:
            continue
        best = by_id.get(max(v, key=v.get))
        if best is not None and best is not guess and v[id(best)] > v.get(id(guess), 0):
            guess.mentions.remove((ms, me))
            for d in desc:
                if d in guess.descriptors:
                    guess.descriptors.remove(d)
            best.mentions.append((ms, me))
            best.descriptors.extend(desc)


def attach_name_pairs(doc: Doc, pairs: list[tuple[int, int]], people: list[_Cluster], links: _BareLinks) -> None:
    """"Trump-Kim": a mention of each person when both are known; otherwise the
    hyphenated name of one person ("Jo-Ann"), a person of its own."""
    for s, e in pairs:
        span = doc[s:e]
        a, b = span.text.split("-")
        pos = span.start_char
        found = []
        for part, off in ((a, 0), (b, len(a) + 1)):
            key = norm_key(part)
            target = links.established.get(key) or next((c for c in people if key in _name_word_set(c)), None)
            found.append((target, pos + off, pos + off + len(part)))
        if all(t is not None for t, _, _ in found):
            for target, a0, b0 in found:
                target.mentions.append((a0, b0))
        else:
            key = norm_key(span.text)
            cl = links.singles.get(key) or _Cluster("PERSON", first=pos)
            if key not in links.singles:
                links.singles[key] = cl
                people.append(cl)
            cl.names.append(span.text)
            cl.mentions.append((pos, span.end_char))


def _only(hosts, cl=None):
    """The single host cluster in ``hosts`` (not ``cl`` itself), else None."""
    return hosts[0] if hosts and len(hosts) == 1 and hosts[0] is not cl else None


def _fold_into_hosts(others: dict[str, _Cluster], host_of, *, with_names: bool) -> None:
    """Merge every cluster for which ``host_of(label, key, cluster)`` names a host into
    that host: its mentions always, its names too with ``with_names``."""
    for key in list(others):
        cl = others[key]
        label, k = key.split(":", 1)
        host = host_of(label, k, cl)
        if host is None:
            continue
        if with_names:
            host.names.extend(cl.names)
        host.mentions.extend(cl.mentions)
        del others[key]


def fold_person_words(others: dict[str, _Cluster], person_words: dict[str, _Cluster]) -> None:
    """A one-word organisation or place that is a person's name word ("with
    Trump" tagged ORG): a mention of that person."""
    _fold_into_hosts(others, lambda label, k, cl: person_words.get(k) if (
        label in ("ORG", "NORP", "GPE", "PRODUCT", "WORK_OF_ART")
        and all(" " not in norm_key(n) for n in cl.names)) else None, with_names=False)


def fold_compass_words(others: dict[str, _Cluster]) -> None:
    """"the North" = North Korea, when one place of the article starts with that word."""
    by_first: dict[str, list[_Cluster]] = {}
    for cl in others.values():
        if cl.label == "GPE":
            words = norm_key(cl.best_name()).split()
            if len(words) >= 2:
                by_first.setdefault(words[0], []).append(cl)
    _fold_into_hosts(others, lambda label, k, cl: _only(by_first.get(k)) if (
        label in ("LOC", "GPE") and k in ("north", "south", "east", "west")) else None, with_names=False)


def fold_last_words(others: dict[str, _Cluster]) -> None:
    """A last word standing for the whole name: "the Times" = "The New York Times",
    when one organisation of the article ends with it."""
    by_last: dict[str, list[_Cluster]] = {}
    for cl in others.values():
        if cl.label == "ORG":
            words = norm_key(cl.names[0]).split()
            if len(words) >= 2 and cl.names[0].split()[-1][:1].isupper():
                by_last.setdefault(words[-1], []).append(cl)
    _fold_into_hosts(others, lambda label, k, cl: _only(by_last.get(k), cl) if (
        label == "ORG" and " " not in k) else None, with_names=True)


def fold_company_stems(others: dict[str, _Cluster]) -> None:
    """A company's short name: "Quillon" = "Quillon Systems" (the rest a corporate suffix)."""
    by_stem: dict[str, list[_Cluster]] = {}
    for cl in others.values():
        if cl.label == "ORG":
            words = norm_key(cl.names[0]).split()
            if len(words) >= 2 and all(w in CORP_SUFFIXES for w in words[1:]):
                by_stem.setdefault(words[0], []).append(cl)
    _fold_into_hosts(others, lambda label, k, cl: _only(by_stem.get(k), cl) if (
        label in ("ORG", "PRODUCT", "GPE", "NORP") and " " not in k) else None, with_names=True)


def fold_acronyms(others: dict[str, _Cluster]) -> None:
    """"FBI" = "Federal Bureau of Investigation": a one-word organisation made of
    the initials of a longer organisation or place of the article."""
    by_initials: dict[str, _Cluster] = {}
    for cl in others.values():
        if cl.label in ("ORG", "GPE"):
            words = [w for w in re.split(r"[\s-]+", cl.names[0]) if w[:1].isupper()]
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words).lower(), cl)
    _fold_into_hosts(others, lambda label, k, cl: by_initials[k] if (
        label == "ORG" and " " not in k and k in by_initials and by_initials[k] is not cl) else None,
        with_names=True)


def to_entities(text: str, clusters: list[_Cluster]) -> list[Entity]:
    """Clusters as Entity records, in order of first mention: the canonical name,
    the other names as aliases, mentions once each."""
    clusters = sorted(clusters, key=lambda c: min(m[0] for m in c.mentions))
    entities = []
    for n, cl in enumerate(clusters, 1):
        name = cl.best_name()
        entities.append(Entity(id=f"E{n}", name=name, type=cl.label,
                               mentions=[Mention(text[a:b], a, b) for a, b in sorted(set(cl.mentions))],
                               aliases=sorted({x for x in cl.names if x != name}),
                               descriptors=list(dict.fromkeys(d for d in cl.descriptors if d))))
    return entities


def extract_entities(doc: Doc) -> list[Entity]:
    """Every named entity of the article once, with its mentions and canonical name."""
    found = collect_mentions(doc, candidate_spans(doc))
    people = merge_full_names(found.people)
    links = attach_bare_names(doc, people, found.bare)
    settle_forward_guesses(people, links)
    attach_name_pairs(doc, found.pairs, people, links)
    others = found.others
    fold_person_words(others, dict(links.established))
    fold_compass_words(others)
    fold_last_words(others)
    fold_company_stems(others)
    fold_acronyms(others)
    return to_entities(doc.text, [c for c in people if c.mentions] + list(others.values()))


def entity_gender(entity: Entity) -> str | None:
    """'m', 'f' or None for a person, from titles and given names in its mentions."""
    titles: list[str] = []
    for m in entity.mentions:
        words = m.text.replace(".", "").lower().split()
        titles.extend(w for w in words if w in TITLES)
    return _gender_of([entity.name, *entity.aliases], titles)


def _following_pronoun(doc: Doc, i: int) -> str | None:
    """'m'/'f' from the first he/she later in the sentence of token i, if no
    other name comes first."""
    for t in doc[i + 1:min(len(doc), i + 40)]:
        if t.is_sent_start:
            return None
        if t.ent_type_ == "PERSON":
            return None
        if t.lower_ == "he" and t.dep_ in ("nsubj", "nsubjpass"):
            return "m"
        if t.lower_ == "she" and t.dep_ in ("nsubj", "nsubjpass"):
            return "f"
    return None


def _name_word_set(cl: _Cluster) -> set[str]:
    if cl._words is not None and cl._words[0] == len(cl.names):
        return cl._words[1]
    words: set[str] = set()
    for n in cl.names:
        toks = name_tokens(" ".join(_person_parts(n)))
        words.update(toks)
        for t in n.split():
            words.add(norm_key(t))
    cl._words = (len(cl.names), words)
    return words


@Language.component("newsgraph_entities_v1", assigns=["doc._.ng_entities"], requires=["doc.ents"])
def entities_component(doc: Doc) -> Doc:
    """spaCy component: ``doc._.ng_entities = extract_entities(doc)``."""
    doc._.ng_entities = extract_entities(doc)
    return doc
