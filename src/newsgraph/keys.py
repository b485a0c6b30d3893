"""Identity keys: when two names are one speaker and two wordings one quotation.

One module, at the bottom of the import flow beside ``records`` and ``errors``
(pure Python: no spaCy, no SQLite), so that extraction, the store and the Dask
runner decide identity by the same rules:

- name folding (case, accents, typographic quotes and dashes) and name keys
  (no titles, possessives, initials or suffixes), partial keys of a full name;
- the word lists that go with them: titles, name suffixes;
- the type maps: spaCy label -> identity type, spaCy label -> ``Speaker.type``,
  ``Speaker.type`` -> identity type;
- speaker keys: a quote's speaker identity across articles;
- quotation normalisation and the near-duplicate rule for quotations, and the
  order-independent grouping built on it (``quotation_groups``): both the store
  (``store/writer.py``) and ``distributed.merge_corpus`` apply it, so the same
  records give the same quotations whatever the engine or the ingest order;
- stable hashes (the same in every process: no salted ``hash()``), because keys
  are stored.

Word lists hold language (titles of address and office), never particular names.
"""
from __future__ import annotations

import functools
import hashlib
import heapq
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from typing import Iterable, Optional

# ------------------------------------------------------------------ word lists

# Words of a title written before a person's name ("President", "Mr.", "Chief Justice",
# "former"). Entity extraction uses it to find and strip titles in the parse; name keys
# strip the same words from the front of a person's name.
TITLES = frozenset("""
mr mrs ms miss mx dr prof professor president vice sen senator rep representative
gov governor mayor gen general col colonel lt lieutenant sgt sergeant capt captain
adm admiral maj major cmdr chairman chairwoman chair secretary judge justice rev
reverend sir dame lord lady king queen prince princess pope sheikh ambassador
minister premier chancellor speaker leader chief attorney commissioner coach
officer detective sheriff former first then-president deputy pastor father sister
councilor councillor councilman councilwoman alderman assemblyman assemblywoman
superintendent trustee mp mep congressman congresswoman spokesman spokeswoman
brother rabbi imam cardinal bishop archbishop emir ayatollah supreme
""".split())
# A second set for name keys only, and why it differs: "prime" never stands alone
# before a name ("Prime Minister Theresa May"), so in the parse it must not count as
# a title (entity extraction would strip it from spans it does not begin); in a key
# it is stripped with the "minister" after it. A leading "the" goes from every key
# ("The Rev. ...", "the Foreign Ministry"); "a" and "an" do not ("A.C. Milan"). "St" is
# not stripped: it begins surnames ("St Clair").
KEY_PREFIXES = TITLES | {"prime"}
ARTICLES = frozenset({"the"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# ------------------------------------------------------------------ type maps

# spaCy label -> the type used for cross-article identity (other labels: upper-cased)
ENTITY_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE", "LOC": "GPE",
    "NORP": "NORP",
    "FAC": "FAC",
}
# spaCy label of a speaker's entity -> Speaker.type (records.SPEAKER_TYPES)
TYPE_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "country",
                 "NORP": "group", "LOC": "country", "FAC": "organisation"}
# Speaker.type -> identity type; an anonymous speaker ("officials") is no one in particular
SPEAKER_ENTITY_TYPES = {"person": "PERSON", "organisation": "ORG", "country": "GPE", "group": "NORP"}
SPEAKER_TYPE_OF_ENTITY = {v: k for k, v in SPEAKER_ENTITY_TYPES.items()}


def entity_type(label: Optional[str]) -> str:
    """The identity type of a spaCy-style label: "LOC" and "GPE" are one, "PER" is "PERSON"."""
    return ENTITY_TYPES.get((label or "").upper(), (label or "MISC").upper())


# ------------------------------------------------------------------ folding and names

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                        "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: Optional[str]) -> str:
    """Casefolded, accents removed, typographic quotes and dashes made plain."""
    text = (text or "").translate(_PLAIN)
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words_of(text: Optional[str]) -> list[str]:
    """The folded words of a text, apostrophes dropped ("O'Neill" -> "oneill")."""
    return [w for w in _NON_WORD.split(fold(text).replace("'", "")) if w]


def name_tokens(name: Optional[str], *, person: bool = True) -> list[str]:
    """Words of a name for matching: no leading article; for a person also no titles,
    possessives, initials or suffixes (a name made only of those keeps its words)."""
    words = words_of(re.sub(r"'s\b", "", fold(name)))
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    if person:
        while len(words) > 1 and words[0] in KEY_PREFIXES:
            words = words[1:]
        words = [w for w in words if len(w) > 1 and w not in SUFFIXES] or words
    return words


def name_key(name: Optional[str], type_: str = "PERSON") -> str:
    """The canonical key of a name: "Kim Jong-un" and "kim jong un" share one."""
    return " ".join(name_tokens(name, person=type_ == "PERSON"))


def partial_keys(key: str) -> list[str]:
    """Single-word keys under which a full person name may be mentioned alone:
    the last word (Western order) and the first (family name first, as in Korean)."""
    words = key.split()
    if len(words) < 2:
        return []
    out = [words[-1]]
    if words[0] != words[-1]:
        out.append(words[0])
    return out


def speaker_key(name: Optional[str], type_: Optional[str]) -> str:
    """A quote's speaker identity across articles.

    "PERSON:kim jong un" for a person (identity type, then the name key), the same
    for organisations ("ORG:..."), countries ("GPE:...") and groups ("NORP:...").
    An anonymous speaker has a key of its own kind ("anonymous:officials"): the same
    words from "officials" in two articles are one quotation, but "officials" is
    nobody's identity (``is_identity`` is false). No name, or no word in it: "".
    """
    if not isinstance(name, str) or not name.strip():
        return ""
    etype = SPEAKER_ENTITY_TYPES.get(type_ or "")
    key = name_key(name, etype or "ORG")
    if not key:
        return ""
    return f"{etype}:{key}" if etype else f"{(type_ or 'unknown').lower()}:{key}"


def is_identity(key: Optional[str]) -> bool:
    """Whether a speaker key names someone: a person, organisation, country or group."""
    return bool(key) and key.split(":", 1)[0] in SPEAKER_TYPE_OF_ENTITY


def preferred_name(names: Iterable[Optional[str]]) -> Optional[str]:
    """The form a speaker is most often given in; ties go to the first in code-point
    order (so the answer never depends on the order the names come in)."""
    counts = Counter(n for n in names if isinstance(n, str) and n)
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], n))


# ------------------------------------------------------------------ hashes

def stable_hash(text: str) -> int:
    """A signed 64-bit hash that is the same in every process."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def stable_id(*parts: str) -> str:
    """A 16-hex-digit identifier of some strings, the same in every process."""
    return hashlib.blake2b("\0".join(parts).encode("utf-8"), digest_size=8).hexdigest()


# ------------------------------------------------------------------ quotations

@functools.lru_cache(maxsize=1 << 16)
def quote_norm(text: Optional[str]) -> str:
    """Quotation text for comparison: case, accents and punctuation removed."""
    return " ".join(words_of(text))


ANCHOR_N, ANCHOR_BOTTOM = 3, 4


@functools.lru_cache(maxsize=1 << 16)   # the store and the Dask merge ask again for the same wordings
def anchor_grams(norm: str) -> frozenset[str]:
    """The word 3-grams under which near-identical wordings meet: the first and last
    (a trimmed clause keeps one of them) and the four with the lowest stable hash (a
    MinHash sample of the rest). A wording of three words or fewer is its own."""
    words = norm.split()
    if not words:
        return frozenset()
    n = ANCHOR_N
    if len(words) <= n:
        return frozenset({norm})
    grams = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    bottom_grams = heapq.nsmallest(ANCHOR_BOTTOM, set(grams), key=stable_hash)
    return frozenset({grams[0], grams[-1], *bottom_grams})


def quote_anchors(norm: str, speaker_key: str) -> list[int]:
    """The index keys under which the store finds a wording's related wordings:
    ``anchor_grams`` hashed with the speaker key; without a speaker, the whole wording
    (only the same words are related, see ``same_quotation``)."""
    return list(_quote_anchors(norm, speaker_key))


@functools.lru_cache(maxsize=1 << 16)
def _quote_anchors(norm: str, speaker_key: str) -> tuple[int, ...]:
    if not norm:
        return ()
    grams = anchor_grams(norm) if speaker_key else (norm,)
    return tuple(sorted({stable_hash(f"{speaker_key}|{g}") for g in grams}))


_NEGATIONS = {"not", "no", "never", "nor", "none", "nobody", "nothing", "cannot", "cant", "dont", "doesnt",
              "didnt", "wont", "wouldnt", "isnt", "arent", "wasnt", "werent", "shouldnt", "couldnt"}


def _meaning_changes(wa: list[str], wb: list[str]) -> bool:
    """Words whose presence in only one wording changes what was said: a negation or a number."""
    diff = set(wa) ^ set(wb)
    return any(w in _NEGATIONS or w.isdigit() for w in diff)


def quote_match(a: str, b: str, *, min_words: int = 5, ratio: float = 0.88) -> Optional[str]:
    """How two normalised quotations match: "exact", "trimmed", "near" or None.

    "trimmed": one is a run of words inside the other (a clause cut off), the
    shorter at least ``min_words`` words and half the longer. "near": a few words
    differ (word-level similarity >= ``ratio``), none of them a negation or a number.
    """
    if a == b:
        return "exact"
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= min_words and len(short) * 2 >= len(long_):
        if f" {' '.join(short)} " in f" {' '.join(long_)} ":
            return "trimmed"
    if min(len(wa), len(wb)) >= min_words and 2 * len(short) >= ratio * (len(wa) + len(wb)):
        sa, sb = set(wa), set(wb)
        if 2 * len(sa & sb) < ratio * (len(sa) + len(sb)) - 2:   # too few shared words to be near
            return None
        sm = SequenceMatcher(None, wa, wb, autojunk=False)
        if sm.quick_ratio() >= ratio and sm.ratio() >= ratio and not _meaning_changes(wa, wb):
            return "near"
    return None


MATCH_RANK = {"exact": 0, "trimmed": 1, "near": 2}


def same_quotation(a: str, b: str, speaker_key: str) -> Optional[str]:
    """THE near-duplicate relation: how two normalised wordings of one speaker are one
    quotation ("exact", "trimmed", "near"), or None.

    Two wordings are related when they share an anchor gram and ``quote_match``
    says so (taken in code-point order, so the relation is symmetric). Without a
    speaker (key "") only the same words are one quotation: nothing but the words
    says that two speaker-less reports are one statement, and the relation must
    stay cheap on a corpus's mass of unattributed quotes.
    """
    if a == b:
        return "exact" if a else None
    if not speaker_key or not a or not b:
        return None
    if not anchor_grams(a) & anchor_grams(b):
        return None
    lo, hi = (a, b) if a < b else (b, a)
    return quote_match(lo, hi)


def quotation_groups(norms: Iterable[str], speaker_key: str) -> list[list[str]]:
    """The quotations of one speaker: connected components of ``same_quotation``
    among the distinct normalised wordings (each component sorted, components in
    the order of their first wording). The result depends on the set of wordings
    only, never on their order, so the store (one article at a time, in any order)
    and the Dask merge (one speaker at a time) agree.
    """
    distinct = sorted({n for n in norms if n})
    if not speaker_key:
        return [[n] for n in distinct]
    parent = list(range(len(distinct)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[str, list[int]] = {}
    for i, norm in enumerate(distinct):
        for g in anchor_grams(norm):
            buckets.setdefault(g, []).append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                ri, rj = find(i), find(j)
                if ri != rj and quote_match(distinct[i], distinct[j]):   # i < j: code-point order
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[str]] = {}
    for i, norm in enumerate(distinct):
        groups.setdefault(find(i), []).append(norm)
    return [groups[r] for r in sorted(groups)]


def quotation_id(speaker_key: str, group: list[str]) -> str:
    """A quotation's identifier from its speaker and wordings (their first in code-point order)."""
    return stable_id(speaker_key, min(group))


def wording_rank(norm: str, published: Optional[str], article_id: str, index: int) -> tuple:
    """Sort key of a quotation's occurrences; the smallest gives its text: the fullest
    wording (most words), then the first published, then article id and quote index."""
    return (-len(norm.split()), published is None, published or "", article_id, index)
