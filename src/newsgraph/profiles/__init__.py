"""Who gets quoted: a profile for every speaker, each field with its evidence.

``speaker_profiles(doc, entities, quotes)`` is the pure function: it reads the parse,
the entities and the quotes and returns a :class:`~newsgraph.records.Profile` per
speaker entity id, and ``nominal_profile`` does the same for a speaker that is no
entity ("an official at Seoul's presidential Blue House", "U.S. officials").
``attach_profiles`` puts them on ``Entity.profile`` and ``Speaker.profile``; the spaCy
component ``newsgraph_profiles_v1`` calls it after the quotes.

- **gender**: text evidence first: honorifics (Mr., Ms.), gendered nouns in a
  descriptor or title (chairwoman, his sister), pronouns the quote stage linked to the
  speaker ("she said") and pronouns of the speaker's own clauses ("Kim said he ...",
  never inside a quotation, never past another person); then the given name in the
  ``gender-guesser`` data (Jörg Michael's name dictionary), used only when the name is
  unambiguous there. Conflicting text or an ambiguous name leaves ``unknown``.
- **role**: the head noun of a descriptor, title or nominal speaker through the role
  lexicon (``profiles/lexicon.py``); a generic head ("spokesman", "director") takes the
  role of the organisation it works for; organisations by the words of their names;
  countries speak for their government.
- **affiliation**: the organisation named in the descriptor, as an entity id;
  **country**: a demonym, a country name or a capital stated in the descriptor
  (``countryinfo`` data).

Pure: nothing here changes the doc; ``attach_profiles`` only sets the profile fields.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..entities import COUNTRY_ALIASES, norm_key
from .lexicon import (DESCRIPTOR_STOPS, FORMER, GENDERED_NOUNS, GENERIC_HEADS, HONORIFIC_GENDER,
                              ORG_WORDS, PRONOUN_GENDER, QUANTITY_HEADS, ROLE_NOUNS)
from ..records import Entity, Evidence, Profile, ProfileField, Quote, Speaker

for _name in ("ng_entities", "ng_quotes", "ng_profiles"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group",
                 "LOC": "country", "FAC": "organisation"}
SUBJECTS = ("nsubj", "nsubjpass")
QUOTE_CHARS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
# weights of the evidence kinds (a title outweighs a pronoun; the text outweighs a name)
WEIGHT = {"honorific": 3, "gendered_noun": 2, "pronoun": 1, "descriptor": 3, "title": 2,
          "modifier": 1, "name": 2, "type": 3, "organisation": 2}
OTHER_SHARE = 0.05          # a given name is clear when the other sex holds at most this share
CLEAR_MAJORITY = 2          # the winning gender needs this many times the other's weight
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019.\-]*|[,(\u2014\u2013]")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
                          "that", "one", "both", "some", "several", "many", "most", "two", "three"})


# ------------------------------------------------------------------ data packages


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, dict[str, str]]:
    """gender-guesser's parsed name dictionary: name -> {label: per-country frequencies}."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False).names


def given_name_gender(name: str) -> Optional[str]:
    """'male' or 'female' when the names data is unambiguous about a given name, else None.

    Unambiguous: the plain label of one sex ("male") outweighs its "mostly_male" label,
    and every other label (the other sex, "andy") holds at most OTHER_SHARE of the
    name's frequency over all countries (frequencies are the dictionary's logarithmic
    per-country scores). Kim, Jean, Andrea, Robin, Terry, Chris and names the data
    lacks give None.
    """
    entry = _names().get(name.lower())
    if not entry:
        return None

    def weight(values: str) -> int:
        return sum(2 ** int(c, 16) for c in values.upper() if c in "0123456789ABCDEF")
    w = {label: weight(values) for label, values in entry.items()}
    total = sum(w.values())
    for sex in ("male", "female"):
        plain, mostly = w.get(sex, 0), w.get(f"mostly_{sex}", 0)
        if plain and plain >= mostly and total - plain - mostly <= OTHER_SHARE * total:
            return sex
    return None


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Lower-case country names, other spellings, demonyms and capitals -> country name."""
    import importlib.resources
    import json

    entries: dict[str, tuple[int, str]] = {}   # word -> (population, country): "French" is France's
    capitals: dict[str, str] = {}

    def add(word: str, name: str, population: int) -> None:
        if word and (word not in entries or population > entries[word][0]):
            entries[word] = (population, name)
    for f in importlib.resources.files("countryinfo").joinpath("data").iterdir():
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        name = d.get("name")
        if not name:
            continue
        pop = d.get("population") if isinstance(d.get("population"), int) else 0
        add(name.lower(), name, 10 ** 12)        # a country's own name is never another's
        for alt in d.get("altSpellings") or []:
            if len(alt) > 3 and not alt.isupper():   # ISO codes ("IN", "IT") are words too
                add(alt.lower(), name, pop)
        if d.get("demonym"):
            add(d["demonym"].lower(), name, pop)
        caps = d.get("capital") or []
        for cap in [caps] if isinstance(caps, str) else caps:
            cap = cap.replace(" D.C.", "")
            if cap:
                capitals.setdefault(cap.lower(), name)
    index = {w: name for w, (_, name) in entries.items()}
    for alias, name in COUNTRY_ALIASES.items():
        if name.lower() in index:
            index.setdefault(alias, index[name.lower()])
    for cap, name in capitals.items():
        index.setdefault(cap, name)
    return index


def country_of(words: str) -> Optional[str]:
    """The country a name, demonym or capital means ("U.S.", "South Korean", "Seoul")."""
    key = norm_key(words).replace("'s", "").strip()
    idx = _countries()
    return idx.get(key) or idx.get(words.lower().strip())


# ------------------------------------------------------------------ descriptors


def _words(text: str) -> list[str]:
    return [w.rstrip(".").replace("\u2019", "'") for w in _WORD.findall(text or "")]


def descriptor_head(text: str) -> tuple[list[str], list[str]]:
    """(modifiers, rest) of a descriptor: the words before its first preposition or clause
    ("a former State Department diplomat" | "who focuses on Korea"), without determiners.
    The head noun is ``modifiers[-1]``."""
    words = _words(text)
    while words and (words[0] in (",", "(", "\u2014", "\u2013") or words[0].lower() in _DETERMINERS):
        words = words[1:]
    # "small groups of protesters", "one of the doctors": the people counted are the head
    for i in range(min(3, len(words) - 1)):
        if words[i + 1].lower() == "of" and words[i].lower() in QUANTITY_HEADS:
            return descriptor_head(" ".join(words[i + 2:]))
    for i, w in enumerate(words):
        if w.lower() in DESCRIPTOR_STOPS and i > 0:
            return words[:i], words[i:]
    return words, []


def org_role(name: str, *, bare_noun: bool = True) -> Optional[tuple[str, str]]:
    """(role, word) of an organisation from the words of its name, else None."""
    bare = re.sub(r"'s\b", "", norm_key(name)).strip()
    if bare in COUNTRY_ALIASES:     # a union of states ("European Union", "U.N.") speaks as a government
        return "government", bare
    if bare_noun and bare in ROLE_NOUNS:   # the noun alone: "the council", "the ministry"
        return ROLE_NOUNS[bare], bare
    key = " " + bare + " "
    for words, role in ORG_WORDS:
        if f" {words} " in key:
            return role, words
    return None


def role_of_phrase(text: str, *, org_names: Iterable[str] = ()) -> Optional[tuple[Optional[str], str, bool]]:
    """(role, head word, former) of a descriptor or nominal phrase, else None; the role is
    None for a generic head with no organisation ("a spokesman").

    "a North Korea specialist at ..." -> expert; "a spokesman for the union" -> union;
    "a former State Department diplomat" -> government, former. A generic head
    (spokesman, director, official) takes the role of an organisation named with it.
    """
    found = _role_of_phrase(text, org_names)
    return found[:3] if found else None


def _role_of_phrase(text: str, org_names: Iterable[str] = ()) -> Optional[tuple[Optional[str], str, bool, bool]]:
    """role_of_phrase, and whether the role is a generic head's default (an organisation
    named elsewhere decides)."""
    mods, rest = descriptor_head(text)
    if not mods:
        return None
    lower = [w.lower() for w in mods]
    former = any(w in FORMER or w.startswith("ex-") for w in lower)
    # the head: the last word the lexicon knows ("chief executive", "law professor")
    for i in range(len(lower) - 1, -1, -1):
        w = lower[i].removeprefix("ex-")
        two = " ".join(lower[i - 1:i + 1]) if i else ""
        if two in ROLE_NOUNS and two not in GENERIC_HEADS:
            return ROLE_NOUNS[two], two, former, False
        if two in GENERIC_HEADS:
            w, i = two, i - 1
        if w in GENERIC_HEADS:
            # a modifier ("union spokesman", "campaign aide") or the organisation after it
            mod_role = org_role(" ".join(mods[:i]), bare_noun=False) if i else None
            if mod_role:
                return mod_role[0], w, former, False
            tail = " ".join(rest)
            for org in org_names:
                if org and org in tail:
                    r = org_role(org)
                    if r:
                        return r[0], w, former, False
            r = org_role(tail, bare_noun=False) if tail else None
            if r:
                return r[0], w, former, False
            return GENERIC_HEADS[w], w, former, True    # the organisation's role decides, if known
        if w in ROLE_NOUNS:
            return ROLE_NOUNS[w], w, former, False
    return None


# ------------------------------------------------------------------ the article


class _Article:
    """Token lookups shared by every speaker of one document."""

    def __init__(self, doc: Doc, entities: list[Entity], quotes: list[Quote]):
        self.doc = doc
        self.entities = {e.id: e for e in entities}
        self.starts = [t.idx for t in doc]
        self.token_entity: dict[int, str] = {}
        for e in entities:
            for m in e.mentions:
                for i in self.tokens(m.start, m.end):
                    self.token_entity.setdefault(i, e.id)
        self.quoted = [(q.start, q.end) for q in quotes if q.kind in ("direct", "mixed")]

    def tokens(self, start: int, end: int) -> range:
        i = max(bisect_right(self.starts, start) - 1, 0)
        j = bisect_right(self.starts, end - 1)
        return range(i, j) if len(self.doc) else range(0)

    def in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)


def _person_noun(tok) -> bool:
    w = tok.lower_
    return tok.pos_ in ("NOUN", "PROPN") and (w in ROLE_NOUNS or w in GENERIC_HEADS or w in GENDERED_NOUNS)


def _clause_pronouns(art: _Article, eid: str) -> list[Evidence]:
    """he/she subjects and his/her determiners later in a sentence whose subject is the
    person, before any other person, person noun or quotation mark ("Kim said he ..."),
    and a he/she that opens the next sentence ("Cyril explained ... She gives credit")."""
    doc, out, seen = art.doc, [], set()
    ent = art.entities[eid]
    for m in ent.mentions:
        toks = list(art.tokens(m.start, m.end))
        if not toks:
            continue
        head = doc[toks[-1]]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i in toks:
            head = head.head
        if head.dep_ not in SUBJECTS or art.in_quote(head.idx):
            continue
        sent_end = head.sent.end
        nxt = doc[sent_end].sent if sent_end < len(doc) else None
        stop = min(nxt.end, nxt.start + 3) if nxt is not None else sent_end
        for t in doc[toks[-1] + 1:stop]:
            if t.text in QUOTE_CHARS or t.text in ("''", "``"):
                break
            other = art.token_entity.get(t.i)
            if other and other != eid and art.entities[other].type == "PERSON" or \
                    t.pos_ == "PROPN" and not other and t.text[:1].isupper():
                break
            w = t.lower_
            if t.i >= sent_end and t.dep_ not in SUBJECTS and t.pos_ not in ("CCONJ", "ADV", "PUNCT"):
                break   # the next sentence counts only when it opens with the pronoun
            if w in PRONOUN_GENDER and ((t.dep_ in SUBJECTS and w in ("he", "she"))
                                         or (t.dep_ == "poss" and w in ("his", "her") and t.i < sent_end)):
                if t.idx not in seen:
                    seen.add(t.idx)
                    out.append(Evidence("pronoun", t.text, PRONOUN_GENDER[w], t.idx, t.idx + len(t.text)))
                break
            if _person_noun(t) and t.i not in art.token_entity:
                break
    return out


def _title_phrases(art: _Article, ent: Entity) -> list[tuple[str, int, int]]:
    """The words in front of each mention that modify the name ("Tulsa police Chief",
    "Sen.", "Mr."), and titles inside the mention ("Mrs. Clinton"): (text, start, end)."""
    doc, out = art.doc, []
    for m in ent.mentions:
        toks = list(art.tokens(m.start, m.end))
        if not toks:
            continue
        last = toks[-1]
        j = toks[0] - 1
        while j >= 0 and toks[0] - j <= 5:
            t = doc[j]
            if t.text == "." and j > 0 and doc[j - 1].lower_ in _TITLE_WORDS:
                j -= 1                                 # "Sens ." tokenized apart
                continue
            modifies = j < t.head.i <= last            # inside the run of words before the name
            titled = t.lower_.rstrip(".") in _TITLE_WORDS
            if not (t.pos_ in ("PROPN", "NOUN", "ADJ") and modifies and not t.is_punct or titled):
                break
            other = art.token_entity.get(j)
            if other and art.entities[other].type == "PERSON":
                break
            j -= 1
        if j + 1 < toks[0]:
            out.append((doc[j + 1:toks[0]].text, doc[j + 1].idx, doc[toks[0] - 1].idx + len(doc[toks[0] - 1].text)))
        head = doc[last]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i in toks:
            head = head.head
        noun = head.head
        if head.dep_ == "appos" and noun.pos_ == "NOUN" and noun.i < toks[0]:
            # "The company's chairwoman, Pat Ellison": the noun the name stands beside
            lo = min(c.left_edge.i for c in [noun, *noun.lefts])
            out.append((doc[lo:noun.i + 1].text, doc[lo].idx, noun.idx + len(noun.text)))
        nxt = last + 1
        if nxt + 1 < len(doc) and doc[nxt].lower_ in ("of", "at") and art.token_entity.get(nxt + 1) and \
                art.entities[art.token_entity[nxt + 1]].type in ("ORG", "FAC"):
            # "Chairman Mary Okafor of Lakeside Bank": the organisation after the name
            org = art.entities[art.token_entity[nxt + 1]]
            out.append((f"{doc[nxt].text} {org.name}", doc[nxt].idx, doc[nxt].idx + len(doc[nxt].text)))
        for i in toks[:-1]:
            w = doc[i].lower_.rstrip(".")
            if w in HONORIFIC_GENDER or w in ROLE_NOUNS or w in GENERIC_HEADS:
                out.append((doc[i].text, doc[i].idx, doc[i].idx + len(doc[i].text)))
    return out


_TITLE_WORDS = frozenset(HONORIFIC_GENDER) | frozenset(ROLE_NOUNS) | frozenset(GENERIC_HEADS)


def _gendered_words(words: list[str]) -> list[Evidence]:
    """Honorifics and gendered nouns among the words of a title or descriptor head."""
    ev = []
    for k, w in enumerate(words):
        lw = w.lower().rstrip(".")
        if lw in HONORIFIC_GENDER and (lw in ("mr", "mrs", "ms", "miss", "mme", "mlle") or w[:1].isupper()):
            ev.append(Evidence("honorific", w, HONORIFIC_GENDER[lw]))
        elif lw in GENDERED_NOUNS and (lw not in ("man", "woman", "boy", "girl") or k == len(words) - 1):
            ev.append(Evidence("gendered_noun", w, GENDERED_NOUNS[lw]))
    return ev


def _decide_gender(ev: list[Evidence]) -> Optional[ProfileField]:
    votes = Counter()
    for e in ev:
        votes[e.value] += WEIGHT[e.kind]
    m, f = votes["male"], votes["female"]
    if not (m or f):
        return None
    if m >= CLEAR_MAJORITY * f:
        return ProfileField("male", evidence=ev)
    if f >= CLEAR_MAJORITY * m:
        return ProfileField("female", evidence=ev)
    return ProfileField("unknown", label="conflicting evidence", evidence=ev)


def _quote_pronouns(quotes: list[Quote], same) -> list[Evidence]:
    """he/she that the quote stage resolved to the speaker ("..., she said")."""
    ev, seen = [], set()
    for q in quotes:
        sp = q.speaker
        if sp and same(sp) and sp.mention and sp.mention.text.lower() in ("he", "she") \
                and sp.mention.start not in seen:
            seen.add(sp.mention.start)
            ev.append(Evidence("pronoun", sp.mention.text, PRONOUN_GENDER[sp.mention.text.lower()],
                               sp.mention.start, sp.mention.end))
    return ev


def _gender(art: _Article, ent: Entity, quotes: list[Quote]) -> ProfileField:
    ev: list[Evidence] = []
    for text, s, e in _title_phrases(art, ent):
        for x in _gendered_words(_words(text)):
            x.start, x.end = (s, e) if len(text.split()) == 1 else (None, None)
            ev.append(x)
    for d in ent.descriptors:
        ev.extend(_gendered_words(descriptor_head(d)[0]))
    ev.extend(_quote_pronouns(quotes, lambda sp: sp.entity == ent.id))
    seen = {x.start for x in ev if x.kind == "pronoun"}
    ev.extend(p for p in _clause_pronouns(art, ent.id) if p.start not in seen)
    decided = _decide_gender(ev)
    if decided:
        return decided
    given = given_name(ent.name)
    if given:
        g = given_name_gender(given)
        if g:
            return ProfileField(g, evidence=[Evidence("given_name", given, g)])
        return ProfileField("unknown", label=f"given name {given} ambiguous or not in the names data")
    return ProfileField("unknown")


def given_name(name: str) -> Optional[str]:
    """The given name of a full personal name ("Margaret Thatcher" -> Margaret); None
    for one word (a surname alone says nothing) or an initial."""
    parts = [p for p in name.replace("\u2019", "'").split() if p]
    while parts and parts[-1].lower().rstrip(".,") in ("jr", "sr", "ii", "iii", "iv"):
        parts.pop()
    if len(parts) < 2:
        return None
    first = parts[0]
    if len(first.rstrip(".")) < 2 or first.endswith(".") or not first[:1].isalpha() or not first[:1].isupper():
        return None
    return first


def _orgs_in(art: _Article, text: str, exclude: str) -> list[Entity]:
    """Organisations of the article named in a phrase, in the order they appear."""
    found = []
    for e in art.entities.values():
        if e.id == exclude or e.type not in ("ORG", "FAC"):
            continue
        names = {e.name, *e.aliases, *(m.text for m in e.mentions)}
        pos = [text.find(n) for n in names if n and len(n) > 1 and n in text]
        if pos:
            found.append((min(pos), e))
    return [e for _, e in sorted(found, key=lambda x: x[0])]


def _country_in(text: str, head_role: Optional[str]) -> Optional[tuple[str, str]]:
    """(country, words) stated in a phrase: a demonym ("North Korean leader"), a possessive
    place ("Seoul's Institute"), a country after of/from/in; a country name just before
    the head counts unless the head is an expert's ("a North Korea specialist": a topic)."""
    words = _words(text)
    mods, rest = descriptor_head(text)
    n_mods = len(mods)
    idx = _countries()
    i = 0
    cands: list[tuple[int, str, str]] = []
    while i < len(words):
        for span in (3, 2, 1):
            chunk = " ".join(words[i:i + span])
            key = norm_key(chunk)
            poss = chunk.endswith("'s")
            key = key.removesuffix(" s").removesuffix("'s")
            name = idx.get(key)
            if not name or not chunk[:1].isupper():
                continue
            demonym = key.endswith(("an", "ish", "ese", "ic", "i")) and key not in COUNTRY_ALIASES \
                and name.lower() != key
            in_head = i < n_mods
            after_prep = i > 0 and words[i - 1].lower() in ("of", "from", "in")
            if demonym or poss or after_prep or (in_head and head_role not in ("expert",)):
                cands.append((0 if demonym or poss else 1, name, chunk))
            i += span - 1
            break
        i += 1
    if not cands:
        return None
    best = min(cands, key=lambda c: c[0])
    return best[1], best[2]


def _role_and_affiliation(art: Optional[_Article], phrases: list[tuple[str, str]], exclude: str = ""
                          ) -> tuple[ProfileField, ProfileField, ProfileField]:
    """Role, affiliation and country from (kind, phrase) pairs: descriptors, titles, names.

    Each phrase votes for a role with its kind's weight; a generic head with no
    organisation of its own ("Chancellor", "executive vice president") takes the role of
    the affiliation, else its default, after every phrase has been read."""
    votes: Counter = Counter()
    ev: list[Evidence] = []
    former_of: dict[str, bool] = {}
    affiliation = ProfileField()
    country = ProfileField()
    deferred: list[tuple[str, str, Optional[str], bool]] = []   # kind, text, default role, former
    for kind, text in phrases:
        orgs = _orgs_in(art, text, exclude) if art else []
        if kind == "organisation":
            r = org_role(text)
            if r:
                votes[r[0]] += WEIGHT[kind]
                ev.append(Evidence("name", r[1], r[0]))
            continue
        names = [o.name for o in orgs] + [m.text for o in orgs for m in o.mentions]
        found = _role_of_phrase(text, names)
        if found:
            role, word, former, generic = found
            if generic:
                deferred.append((kind, text if kind == "descriptor" else word, role, former))
            else:
                votes[role] += WEIGHT[kind]
                former_of[role] = former_of.get(role, False) or former
                ev.append(Evidence(kind, text if kind == "descriptor" else word, role))
        if orgs and affiliation.value is None:
            o = orgs[0]
            affiliation = ProfileField(o.id, label=o.name, evidence=[Evidence(kind, text, o.id)])
        c = _country_in(text, found[0] if found else None)
        if c and country.value is None:
            country = ProfileField(c[0], evidence=[Evidence(kind, c[1], c[0])])
    org = org_role(affiliation.label) if affiliation.label else None
    for kind, text, default, former in deferred:
        role = org[0] if org else default
        if role:
            votes[role] += WEIGHT[kind]
            former_of[role] = former_of.get(role, False) or former
            ev.append(Evidence(kind, text, role))
    if not votes:
        return ProfileField("unknown", evidence=ev), affiliation, country
    role = max(votes, key=lambda r: (votes[r], -next(i for i, e in enumerate(ev) if e.value == r)))
    return ProfileField(role, label="former" if former_of.get(role) else None, evidence=ev), affiliation, country


def _entity_profile(art: _Article, ent: Entity, quotes: list[Quote]) -> Profile:
    kinds = Counter(q.speaker.type for q in quotes if q.speaker and q.speaker.entity == ent.id)
    kind = kinds.most_common(1)[0][0] if kinds else TYPE_OF_LABEL.get(ent.type, "organisation")
    if kind == "person" and ent.type != "PERSON":
        kind = TYPE_OF_LABEL.get(ent.type, "organisation")
    prof = Profile(kind=kind, gender=ProfileField(None))
    if kind == "person":
        prof.gender = _gender(art, ent, quotes)
        phrases = [("descriptor", d) for d in ent.descriptors]
        phrases += [("title", w) for w, _, _ in _title_phrases(art, ent)
                    if w.lower().rstrip(".") not in HONORIFIC_GENDER]
        phrases += [("descriptor", q.speaker.descriptor) for q in quotes
                    if q.speaker and q.speaker.entity == ent.id and q.speaker.descriptor
                    and q.speaker.descriptor not in ent.descriptors]
        # "the Republican nominee said": a description the quote stage resolved to the person
        names = {m.text for m in ent.mentions} | {ent.name, *ent.aliases}
        phrases += [("descriptor", t) for t in dict.fromkeys(
            q.speaker.mention.text for q in quotes if q.speaker and q.speaker.entity == ent.id
            and q.speaker.mention and q.speaker.mention.text not in names
            and q.speaker.mention.text.lower() not in PRONOUN_GENDER and len(q.speaker.mention.text.split()) > 1)]
        prof.role, prof.affiliation, prof.country = _role_and_affiliation(art, phrases, ent.id)
    elif kind == "country":
        name = ent.name
        prof.role = ProfileField("government", evidence=[Evidence("type", name, "government")])
        c = country_of(name)
        prof.country = ProfileField(c, evidence=[Evidence("name", name, c)]) if c else ProfileField()
    else:
        prof.role, _, prof.country = _role_and_affiliation(art, [("organisation", n) for n in [ent.name, *ent.aliases]])
        if prof.role.value == "unknown":
            prof.role = _role_and_affiliation(art, [("descriptor", d) for d in ent.descriptors], ent.id)[0]
    return prof


def nominal_profile(speaker: Speaker, doc: Optional[Doc] = None, entities: Iterable[Entity] = (),
                    quotes: Iterable[Quote] = ()) -> Profile:
    """The profile of a speaker that is no entity: a group ("U.S. officials"), an anonymous
    source ("an official at Seoul's presidential Blue House"), an organisation named by a
    phrase ("the Trump campaign")."""
    art = _Article(doc, list(entities), list(quotes)) if doc is not None else None
    kind = speaker.type
    prof = Profile(kind=kind, anonymous=kind == "anonymous",
                   gender=ProfileField("unknown" if kind == "anonymous" else None))
    if kind == "anonymous":
        ev = _gendered_words(descriptor_head(speaker.name)[0])
        ev += _quote_pronouns(list(quotes), lambda sp: sp.entity is None and sp.name == speaker.name)
        prof.gender = _decide_gender(ev) or ProfileField("unknown")
    phrase_kind = "organisation" if kind == "organisation" else "descriptor"
    phrases = [(phrase_kind, speaker.name)]
    if speaker.descriptor and speaker.descriptor != speaker.name:
        phrases.append(("descriptor", speaker.descriptor))
    prof.role, prof.affiliation, prof.country = _role_and_affiliation(art, phrases)
    if prof.role.value == "unknown" and kind == "organisation":
        prof.role = _role_and_affiliation(art, [("descriptor", speaker.name)])[0]
    if prof.affiliation.value is None and speaker.affiliation and art is not None:
        for e in art.entities.values():
            if e.name == speaker.affiliation and e.type in ("ORG", "FAC"):
                prof.affiliation = ProfileField(e.id, label=e.name,
                                                evidence=[Evidence("descriptor", speaker.name, e.id)])
                break
    if prof.country.value is None and speaker.affiliation:
        c = country_of(speaker.affiliation)
        if c:
            prof.country = ProfileField(c, evidence=[Evidence("descriptor", speaker.affiliation, c)])
    if prof.role.value == "unknown" and prof.affiliation.label:
        r = org_role(prof.affiliation.label)
        if r:
            prof.role = ProfileField(r[0], evidence=[Evidence("organisation", prof.affiliation.label, r[0])])
    return prof


def speaker_profiles(doc: Doc, entities: list[Entity], quotes: list[Quote]) -> dict[str, Profile]:
    """A profile for every entity that speaks in the article, by entity id."""
    art = _Article(doc, entities, quotes)
    speaking = [e for e in entities if any(q.speaker and q.speaker.entity == e.id for q in quotes)]
    return {e.id: _entity_profile(art, e, quotes) for e in speaking}


def attach_profiles(doc: Doc, entities: list[Entity], quotes: list[Quote]) -> dict[str, Profile]:
    """Set ``Entity.profile`` of every speaking entity and ``Speaker.profile`` of every
    speaker that is no entity; returns the entity profiles by id."""
    profiles = speaker_profiles(doc, entities, quotes)
    for e in entities:
        e.profile = profiles.get(e.id)
    art_entities = list(entities)
    cache: dict[tuple, Profile] = {}
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        if sp.entity and sp.entity in profiles:
            sp.profile = None
            continue
        key = (sp.name, sp.type, sp.descriptor, sp.affiliation)
        if key not in cache:
            cache[key] = nominal_profile(sp, doc, art_entities, quotes)
        sp.profile = cache[key]
    return profiles


PROFILES_COMPONENT = "newsgraph_profiles_v1"


@Language.component(PROFILES_COMPONENT, assigns=["doc._.ng_profiles"],
                    requires=["doc._.ng_entities", "doc._.ng_quotes"])
def profiles_component(doc: Doc) -> Doc:
    """spaCy component: profiles of the speakers of ``doc._.ng_quotes`` (after the quotes)."""
    entities, quotes = doc._.ng_entities, doc._.ng_quotes
    if entities is None or quotes is None:
        raise ValueError("newsgraph_profiles_v1 runs after newsgraph_entities_v1 and newsgraph_quotes_v1")
    doc._.ng_profiles = attach_profiles(doc, entities, quotes)
    return doc
