"""Statements of an article: direct, indirect and mixed quotes with their cues.

Three passes over the parsed document:

1. reporting verbs of the lexicon (``lexicon.py``) outside quotation marks,
   with their subject (or the subject they inherit as a conjunct or a
   participle: "..., adding that"), and their content: a complement clause,
   an infinitive, an object, or a prepositional object ("warning of");
   "according to X" and its clause; a parenthetical cue ("This year, she
   says, was ...") reports the rest of its sentence; interview turns ("A: ...",
   "NAME: ...") are direct quotations of the interviewee with no cue;
2. quotations not yet covered: the cue in their own sentence ("...," said X;
   X said: "..."), else the speaker of the quotation before them in the
   paragraph, else the paragraph before (a lead-in sentence such as
   "X responded via Twitter." or an earlier quote by the same speaker); a
   lead-in ending with a colon takes the unmarked paragraph after it;
3. speakers resolved (a he/she right after an anonymous source, with no
   named person between, is that source), ``about`` filled, and everything turned into records.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..clean.dates import dateline_prefix
from ..records import About, Cue, Entity, Mention, Paragraph, Quote, Speaker
from .lexicon import CHANNELS, FORMS, OBJECT_WITH_PREP, PHRASAL, STATEMENT_NOUNS, lemma_of, verb_class
from .marks import QuoteSpan, find_quote_spans
from .speakers import FEMALE, MALE, PERSON_NOUNS, ROLE_NOUNS, SpeakerResolver

NO_STATEMENT_ROLES = ("caption", "heading", "table", "comments")
# speech verbs that need a clause or quotation, never just an object
_NO_OBJECT_CONTENT = frozenset({"say", "tell", "ask", "write", "post", "add", "continue",
                                "respond", "reply", "answer", "explain", "inform", "notify",
                                "remind", "advise", "tweet", "report", "note", "agree",
                                "comment", "remark", "observe", "state", "reason", "go on",
                                "testify", "joke", "concur", "object", "protest", "indicate",
                                "signal", "mention", "suggest", "continue", "post", "plead",
                                "beg", "confess", "muse", "elaborate", "specify", "clarify",
                                "maintain", "challenge", "disclose", "repeat",
                                # performatives: "declare an emergency", "rule the country"
                                "declare", "rule", "order", "find"})

@dataclass
class _Statement:
    cue: list[Token]
    subject: Token | None
    spans: list[tuple[int, int]]           # character ranges of the content
    paragraph: int
    kind: str = "indirect"
    speaker: Speaker | None = None
    channel: str | None = None
    inherit: "_Statement | None" = None     # takes the speaker of another statement
    from_quote: bool = False
    quote_ids: list[int] = field(default_factory=list)
    turn: bool = False                     # an interview answer: the speaker is fixed


# verbs that are statements only when they name something: "called the plan a
# blank check" is, "called a strike" is not
_NAMING_ONLY = frozenset({"call", "dub", "label", "brand"})


def _skip_dateline(doc: Doc, lo: int, hi: int) -> int:
    """Past a dateline at the start of a paragraph ("LAS CRUCES, N.M. \u2014",
    "BRUSSELS, Nov 17 (Reuters) -"): the place is no part of what was said. The one
    definition of a dateline is the cleaner's (``clean.dates.dateline_prefix``)."""
    if lo > 0 and "\n" not in doc[lo - 1].whitespace_ and not doc[lo - 1].is_space:
        return lo
    m = dateline_prefix(doc.text[doc[lo].idx:doc[lo].idx + 200])
    end = doc[lo].idx + m.end() if m else -1
    while lo < hi and doc[lo].idx < end:
        lo += 1
    return lo


def _trim(doc: Doc, lo: int, hi: int, min_len: int = 2) -> tuple[int, int] | None:
    """Token range [lo, hi) without edge punctuation or dangling conjunctions."""
    if lo < hi:
        lo = _skip_dateline(doc, lo, hi)
    while lo < hi and (doc[lo].is_punct and doc[lo].text not in ("\u201c", '"', "''", "$") or doc[lo].is_space
                       or (doc[lo].dep_ == "cc" and doc[lo].head.i < lo)):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in ("\u201d", '"', "''", ".", "?", "!", ")")
                       or doc[hi - 1].is_space or doc[hi - 1].lower_ in ("and", "but", "or")):
        hi -= 1
    marks = [j for j in range(lo, hi) if doc[j].text in ('"', "\u201c", "\u201d", "''")]
    if len(marks) % 2 and marks[0] == lo:
        lo += 1  # an opening mark whose quotation began in an earlier paragraph
    elif len(marks) % 2 and marks[-1] == hi - 1:
        hi -= 1
    if hi - lo < min_len:
        return None
    return lo, hi


def _subject(v: Token) -> Token | None:
    subs = [c for c in v.children if c.dep_ == "nsubj"]
    if subs:
        return min(subs, key=lambda c: abs(c.i - v.i))  # "The Latest: Trump urges"
    for c in v.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _inherited_subject(v: Token, depth: int = 0) -> Token | None:
    """Subject of a conjunct or participle from the verb it hangs on."""
    if depth > 4:
        return None
    subj = _subject(v)
    if subj is not None:
        return subj
    if depth <= 1:
        # "Ms. Alvarez argued that ..., said that ...": the parse hangs the first
        # verb under the second; they share the subject
        for c in v.lefts:
            if c.dep_ in ("ccomp", "conj", "parataxis") and verb_class(c.text) and _subject(c) is not None:
                return _subject(c)
    if v.dep_ == "conj" and verb_class(v.text) and any(c.dep_ in ("ccomp", "prep", "dobj", "xcomp", "oprd") for c in v.children):
        # "said the ruling would hurt families and argued that ...", "said the department
        # had not explained how it used the money and called the plan ...": the parse
        # hangs the next cue on the first one's clause; it shares the first cue's subject
        h = v.head
        for _ in range(3):
            if h.dep_ != "ccomp" or h.head.i == h.i:
                break
            r = h.head
            if verb_class(r.text) and r.tag_ == v.tag_:
                return _inherited_subject(r, depth + 1)
            h = r
    if v.dep_ in ("conj", "advcl", "xcomp", "ccomp", "dep", "pcomp") and v.head.i != v.i:
        if v.dep_ in ("advcl", "xcomp", "pcomp", "dep") and v.tag_ not in ("VBG", "VB", "VBN"):
            return None
        h = v.head
        if h.dep_ == "prep":  # "..., by saying"
            h = h.head
        return _inherited_subject(h, depth + 1)
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    return None


EVENT_NOUNS = frozenset({"conference", "briefing", "interview", "speech", "rally", "hearing", "event",
                         "appearance", "remarks", "comment", "comments", "address", "testimony", "session"})


def _antecedent(subj: Token, v: Token) -> Token:
    """'which'/'who' of a relative clause stands for the noun it hangs on."""
    # "she said at a news conference announcing that ...": who held the conference
    if subj.lower_ in EVENT_NOUNS and v.dep_ == "acl" and subj.dep_ == "pobj" and subj.head.dep_ == "prep":
        holder = _subject(subj.head.head)
        if holder is not None:
            return holder
    # "most of whom", "many of which": the noun the relative clause hangs on
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("whom", "which") for p in c.children):
            if v.dep_ == "relcl":
                return v.head
            j = subj.i - 1
            while j >= 0 and (subj.doc[j].is_punct or subj.doc[j].is_space):
                j -= 1
            if j >= 0 and subj.doc[j].pos_ in ("NOUN", "PROPN"):
                t = subj.doc[j]
                for _ in range(3):  # "family members of 9/11 victims, many of whom"
                    if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
                        t = t.head
                    elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
                        t = t.head.head
                    else:
                        break
                return t
    if subj.lower_ in ("who", "which", "that"):
        if v.dep_ == "relcl":
            return v.head
        j = subj.i - 1
        while j >= 0 and subj.doc[j].is_punct:
            j -= 1
        if j >= 0 and subj.doc[j].pos_ in ("NOUN", "PROPN"):
            return subj.doc[j]
    return subj


def _is_under(tok: Token, anc: Token) -> bool:
    """True when ``anc`` is ``tok`` or one of its ancestors."""
    for _ in range(40):
        if tok.i == anc.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _path_child(tok: Token, anc: Token) -> Token | None:
    """The child of ``anc`` on the way up from ``tok``, or None when not under it."""
    prev = None
    for _ in range(40):
        if tok.i == anc.i:
            return prev
        if tok.head.i == tok.i:
            return None
        prev, tok = tok, tok.head
    return None


def _extend_right(v: Token, hi: int, end: int) -> int:
    """Carry a clause on over words the parser cut off from it (quotation
    marks often split the tree), up to a coordinated verb of the cue, an
    "according to" phrase or the end of the sentence."""
    doc = v.doc
    j = hi
    while j < end:
        t = doc[j]
        if t.lower_ == "according" or t.text in (";",):
            break
        child = _path_child(t, v)
        if child is None and (_is_under(v, t) or (verb_class(t.text) and t.tag_.startswith("VB"))):
            break  # back in the clause that governs the cue, or another cue
        if t.i == v.i or (child is not None and (child.dep_ in ("conj", "cc", "nsubj", "advcl", "prep", "npadvmod", "advmod", "dobj", "dative")
                                                 or verb_class(child.text))):
            break
        j += 1
    return j if j > hi and j - hi < 60 else hi


# Reported content never runs longer than this many tokens. Capping it keeps the
# work per cue bounded, so a pathological sentence with thousands of cues costs
# time linear in its length (no real indirect statement comes near the cap).
MAX_CONTENT_TOKENS = 150


def _cut_nested(v: Token, lo: int, hi: int) -> tuple[int, int]:
    """End the content before a cue of its own: a participle (", warning of
    ...", ", even suggesting ...") or a coordinated reporting verb ("...
    promised X and said Y")."""
    doc = v.doc
    hi = min(hi, lo + MAX_CONTENT_TOKENS)
    for j in range(lo + 1, hi):
        t = doc[j]
        if t.i == v.i:
            continue
        if t.lower_ == "according" and j + 1 < hi and doc[j + 1].lower_ == "to" and j - lo >= 2:
            cut = j
            while cut > lo and doc[cut - 1].is_punct:
                cut -= 1
            return lo, cut  # "according to" names a source, not content
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.left_edge.i > lo + 3 and doc[t.left_edge.i - 1].text == "," \
                and t.head.i != v.i and not verb_class(t.text) and v.i < lo:
            # a free adjunct of the writer's: ", implicitly putting his name on the line"
            # (a cue at the end of the sentence reports everything before it)
            return lo, t.left_edge.i - 1
        if not verb_class(t.text):
            continue
        if (t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp")
                and (t.head.i == v.i or doc[t.left_edge.i - 1].is_punct)) or (
                t.tag_ == "VBG" and t.dep_ == "advcl" and doc[t.left_edge.i - 1].text == ",") or (t.dep_ == "conj" and t.tag_.startswith("VB")
                                                                             and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            cut = t.left_edge.i if t.left_edge.i > lo else j
            while cut > lo and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            if cut - lo >= 2:
                return lo, cut
    return lo, hi


def _drop_asides(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Content without the writer's framing: a leading "on Thursday" or "in a
    statement" before the clause's subject, and a trailing ", as ..." that
    explains the news rather than reports what was said."""
    p = doc[lo]
    if p.dep_ == "prep" and p.lower_ in ("on", "in", "at", "during", "via", "through", "late", "early") \
            and p.right_edge.i + 1 < hi - 2:
        objs = [c for c in p.children if c.dep_ == "pobj"]
        if objs and (objs[0].ent_type_ in ("DATE", "TIME") or objs[0].lower_ in STATEMENT_NOUNS
                     or objs[0].lower_ in CHANNELS):
            nxt = p.right_edge.i + 1
            if doc[nxt].text == ",":
                nxt += 1
            if doc[nxt].dep_ in ("nsubj", "nsubjpass", "det", "mark") or doc[nxt].pos_ in ("PRON", "PROPN"):
                lo = nxt
    for j in range(lo + 4, hi - 1):
        if doc[j].text != ",":
            continue
        w = doc[j + 1]
        if w.lower_ == "as" and w.dep_ == "mark" and w.head.dep_ == "advcl":
            return lo, j
    return lo, hi


def _cut_dash(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """An object runs to a dash at most: what follows is the writer's aside."""
    for j in range(lo + 2, hi):
        if doc[j].text in ("\u2014", "--", "\u2013") and not any(doc[k].text in ("\u2014", "--", "\u2013") for k in range(j + 1, hi)):
            return lo, j
    return lo, hi


def _content_tokens(v: Token, klass: str, lemma: str, sent_end: int | None = None) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports, or None."""
    doc = v.doc
    ccomp = [c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX") or c.dep_ == "ccomp"]
    if not ccomp and klass == "speech":
        # "tweeted in the early hours that Machado was ...": a that-clause the parse
        # hung on the verb as an adverbial
        ccomp = [c for c in v.children if c.dep_ in ("advcl", "dep", "xcomp") and c.i > v.i
                 and c.left_edge.lower_ == "that" and c.left_edge.i > v.i]
    if not ccomp and klass == "speech":
        # "said in a statement that ...": the parse hangs the clause on the noun
        for c in v.children:
            if c.dep_ == "prep" and c.i > v.i:
                for p in c.children:
                    if p.dep_ == "pobj" and (p.lower_ in STATEMENT_NOUNS or p.lower_ in CHANNELS):
                        ccomp = [x for x in p.children if x.dep_ in ("acl", "relcl", "ccomp") and x.i > p.i
                                 and x.left_edge.lower_ == "that" and x.left_edge.dep_ == "mark"]
                        if ccomp:
                            break
            if ccomp:
                break
    if len(ccomp) > 1:
        # a clause that is itself a cue ("X argued ..., said ...") is not the content
        ccomp = [c for c in ccomp if not (c.i < v.i and verb_class(c.text))] or ccomp
    if ccomp:
        c = ccomp[0]
        lo, hi = c.left_edge.i, c.right_edge.i + 1
        if c.i > v.i:
            hi = _extend_right(v, hi, sent_end if sent_end is not None else v.sent.end)
        return _cut_nested(v, lo, hi)
    phrasal = PHRASAL.get(lemma, frozenset())
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in phrasal:
            objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME")]
            if objs:   # ("called on Monday": a date, no phrasal cue)
                lo = c.i + 1
                hi = c.right_edge.i + 1
                first = [d for d in v.children if d.dep_ == "dobj" and v.i < d.i < c.i]
                if first and c.lower_ in OBJECT_WITH_PREP.get(lemma, ()):
                    lo = first[0].left_edge.i   # "blamed the decline partly on ..."
                for x in v.rights:  # "called on Trump to stop attacking ..."
                    if x.i > c.i and x.dep_ in ("xcomp", "ccomp"):
                        hi = max(hi, x.right_edge.i + 1)
                for x in v.rights:  # "warning of consequences if Washington does not ..."
                    if x.i > c.i and x.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in x.children):
                        hi = max(hi, x.right_edge.i + 1)
                return _cut_dash(doc, *_cut_nested(v, lo, hi))
        if c.dep_ == "prt" and c.lower_ in phrasal:
            rest = [x for x in v.rights if x.i > c.i and x.dep_ in ("dobj", "ccomp", "xcomp", "prep", "pobj")]
            if rest:
                return rest[0].left_edge.i, rest[-1].right_edge.i + 1
    xcomp = [c for c in v.children if c.dep_ == "xcomp" and c.i > v.i]
    dobj = [c for c in v.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > v.i]
    if xcomp and (klass in ("urge", "speech") or lemma in ("promise", "vow", "threaten", "pledge", "call")):
        urging = klass == "urge" or lemma in ("ask", "tell", "warn", "remind", "advise", "beg", "request")
        lo = dobj[0].left_edge.i if (dobj and urging and dobj[0].i < xcomp[0].i) else xcomp[0].left_edge.i
        return _cut_dash(doc, *_cut_nested(v, lo, xcomp[-1].right_edge.i + 1))
    if dobj and (klass in ("object", "urge") or lemma not in _NO_OBJECT_CONTENT):
        lo = dobj[0].left_edge.i
        hi = dobj[0].right_edge.i + 1
        if lemma in _NAMING_ONLY and hi - lo <= 3 and not any(c.i >= hi and c.dep_ in ("oprd", "xcomp", "ccomp") for c in v.rights) \
                and not any(doc[j].text in ('"', "\u201c") for j in range(v.i + 1, min(len(doc), hi + 2))):
            return None   # "called a strike", "called an election": no naming, no statement
        for c in v.rights:
            if c.i >= hi and c.dep_ in ("oprd", "xcomp", "ccomp") or (
                    c.i >= hi and c.dep_ == "prep" and c.lower_ in ("as", "of", "for", "to")):
                hi = c.right_edge.i + 1
        return _cut_dash(doc, *_cut_nested(v, lo, hi))
    if klass == "object":
        # "called for", "described as"
        for c in v.children:
            if c.dep_ == "prep" and c.i > v.i and c.lower_ in ("as", "for", "on", "of") \
                    and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children):
                return c.i + 1, c.right_edge.i + 1
    return None


def _channel(v: Token) -> str | None:
    """'Twitter', 'statement', 'interview' ... from the cue's own modifiers."""
    for c in v.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "on", "via", "through", "during", "to", "by"):
            for p in c.subtree:
                ch = CHANNELS.get(p.lower_)
                if ch:
                    return ch
            # "in a news conference"
            text = " ".join(t.lower_ for t in c.subtree)
            for k, ch in CHANNELS.items():
                if " " in k and k in text:
                    return ch
    if v.lower_.startswith("tweet"):
        return "Twitter"
    return None


_HASHES: dict[tuple[int, str], frozenset[int]] = {}


def _hashes(strings, name: str, words) -> frozenset[int]:
    """Hashes of a word list in a vocabulary's string store, computed once."""
    key = (id(strings), name)
    if key not in _HASHES:
        _HASHES[key] = frozenset(strings[w] for w in words)
    return _HASHES[key]


# A sentence mended from the parser's pieces never grows past this many tokens: text without
# final punctuation (a list of words, a page of tags) would otherwise become one sentence
# as long as the page, and the stage quadratic in it (issue 13: 100 KB took minutes).
MAX_MENDED = 250
_CLOSERS = ('"', "\u201d", "''", "'", ")", "\u2019")


def _last_word(doc: Doc, a: int, b: int):
    """The last token of doc[a:b] that is neither space nor a closing quote (None if none);
    walks back from the end, so mending sentences stays linear."""
    for i in range(b - 1, a - 1, -1):
        tok = doc[i]
        if not tok.is_space and tok.text not in _CLOSERS:
            return tok
    return None


class _Extractor:
    def __init__(self, doc: Doc, entities: list[Entity], paragraphs: list[Paragraph]):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs
        self.pstarts = [p.start for p in paragraphs]
        self.quotes = find_quote_spans(doc.text, [(p.start, p.end) for p in paragraphs])
        arr = doc.to_array(["LOWER", "IDX"]).tolist()
        self.tok_starts = [row[1] for row in arr]
        # tokens worth a look, found by hash without building Token objects
        strings = doc.vocab.strings
        verb_hashes = _hashes(strings, "verbs", FORMS)
        noun_hashes = _hashes(strings, "nouns", STATEMENT_NOUNS)
        according = strings["according"]
        self.verb_ids = [i for i, row in enumerate(arr) if row[0] in verb_hashes]
        self.noun_ids = [i for i, row in enumerate(arr) if row[0] in noun_hashes]
        self.according_ids = [i for i, row in enumerate(arr) if row[0] == according]
        # token -> quote index (or -1)
        self.in_quote = [-1] * len(doc)
        for qi, q in enumerate(self.quotes):
            i = bisect_right(self.tok_starts, q.start - 1)
            while i < len(doc) and doc[i].idx < q.end:
                if doc[i].idx >= q.start:
                    self.in_quote[i] = qi
                i += 1
        self.resolver = SpeakerResolver(doc, entities, {i for i, q in enumerate(self.in_quote) if q >= 0},
                                        starts=self.tok_starts, lowers=[row[0] for row in arr])
        self.statements: list[_Statement] = []
        self.turn_spans: list[tuple[int, int]] = []
        # sentences, with the parser's breaks inside quotations mended: a break
        # that follows no final punctuation is not a sentence end
        self.sent_id = [0] * len(doc)
        self.sents: list[tuple[int, int]] = []
        for sent in doc.sents:
            last = any(not t.is_space for t in sent)
            if self.sents:
                a, b = self.sents[-1]
                prev = _last_word(doc, a, b)
                gap = doc[b - 1].is_space and "\n" in doc[b - 1].text or "\n\n" in doc[b - 1].whitespace_
                if (prev is not None and prev.text not in (".", "?", "!", ":", "...", "\u2026") and not gap and last
                        and sent.end - a <= MAX_MENDED):
                    self.sents[-1] = (a, sent.end)
                    continue
            self.sents.append((sent.start, sent.end))
        for k, (a, b) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_id[i] = k

    def _split_that_clauses(self, t: tuple[int, int]) -> list[tuple[int, int]]:
        """[lo, hi) cut before each coordinated "and that ..." clause."""
        doc = self.doc
        lo, hi = t
        cuts = [j for j in range(lo + 3, hi - 2)
                if doc[j].lower_ == "that" and doc[j].dep_ == "mark" and doc[j - 1].lower_ in ("and", "but")
                and doc[j].head.dep_ == "conj" and self.in_quote[j] < 0]
        if not cuts:
            return [t]
        parts, start = [], lo
        for j in cuts:
            part = _trim(doc, start, j - 1)
            if part:
                parts.append(part)
            start = j
        part = _trim(doc, start, hi)
        if part:
            parts.append(part)
        return parts or [t]

    def _snap(self, t: tuple[int, int], v: Token) -> tuple[int, int]:
        """Widen content to whole quotations it cuts into (the parse often ends a
        clause inside the marks: "(check out ...) Alicia M", "obsolete. ... NATO")."""
        lo, hi = t
        qs = {self.in_quote[i] for i in range(lo, hi) if self.in_quote[i] >= 0}
        for qi in qs:
            q = self.quotes[qi]
            a = bisect_right(self.tok_starts, q.start) - 1
            b = bisect_right(self.tok_starts, q.end - 1)
            if a < lo and (a > v.i or b <= v.i):
                lo = a
            if b > hi and (v.i < lo or v.i >= b):
                hi = b
        return lo, hi

    def _nearby_name(self, v: Token) -> Token | None:
        """A named person just before a cue that the parse left without a
        subject ("Flynn, a top Trump surrogate, said ... on “Fox and Friends.”")."""
        a = self.sent_bounds(v.i)[0]
        for j in range(v.i - 1, max(a, v.i - 15) - 1, -1):
            t = self.doc[j]
            if self.in_quote[j] >= 0:
                break
            eid = self.resolver.entity_of(t)
            if eid and self.resolver.entities[eid].type == "PERSON" and t.dep_ in ("appos", "nsubj", "dep", "npadvmod", "ROOT", "conj"):
                return t
        return None

    def sent_bounds(self, i: int) -> tuple[int, int]:
        return self.sents[self.sent_id[i]]

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.pstarts, char) - 1)

    def role_of(self, pi: int) -> str:
        return self.paragraphs[pi].role if 0 <= pi < len(self.paragraphs) else "body"

    def char_range(self, lo: int, hi: int) -> tuple[int, int]:
        doc = self.doc
        return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)

    # -- pass 1 ----------------------------------------------------------
    def verbs(self) -> None:
        doc = self.doc
        for vi in self.verb_ids:
            v = doc[vi]
            klass = verb_class(v.text)
            if klass is None or self.in_quote[v.i] >= 0:
                continue
            if v.pos_ not in ("VERB", "AUX") and not (v.tag_.startswith("VB")):
                self._noun_tagged_cue(v, klass)
                continue
            lemma = lemma_of(v.text)
            pi = self.para_of(v.idx)
            if self.role_of(pi) in NO_STATEMENT_ROLES:
                continue
            if any(c.dep_ == "auxpass" for c in v.children) and not any(c.dep_ == "agent" for c in v.children):
                continue  # "he was told", "it was reported": no speaker named
            if v.dep_ == "amod" or (v.dep_ in ("acl", "advcl") and v.tag_ == "VBN"
                                     and not any(c.dep_ in ("aux", "nsubj") for c in v.children)):
                continue  # "the so-called deal", "a plan announced", "Asked by a reporter, ..."
            if any(c.dep_ == "xcomp" and verb_class(c.text) for c in v.children) \
                    and not (klass in ("speech", "urge") and any(c.dep_ in ("dobj", "dative") for c in v.children)):
                continue  # "continued to call for": the inner verb is the cue (not "asked X to declare")
            if any(c.dep_ == "xcomp" and any(x.lower_ in ("named", "identified", "quoted") for x in c.subtree)
                   for c in v.children):
                continue  # "asked not to be named": the anonymity formula, not a statement
            rng = _content_tokens(v, klass, lemma, self.sent_bounds(v.i)[1])
            if rng is not None and rng[1] - rng[0] > MAX_CONTENT_TOKENS:
                rng = (rng[0], rng[0] + MAX_CONTENT_TOKENS)
            passive = [c for c in v.children if c.dep_ == "nsubjpass"]
            if passive and any(c.dep_ == "agent" for c in v.children) and rng is None:
                # "The story was first reported by the Post": the subject is the content
                rng = (passive[0].left_edge.i, passive[0].right_edge.i + 1)
            if v.i + 2 < len(doc) and doc[v.i + 1].text == ":" and self.in_quote[v.i + 2] >= 0 or (
                    v.i + 3 < len(doc) and doc[v.i + 1].text == ":" and self.in_quote[v.i + 3] >= 0):
                rng = None  # 'X said: "..."': the quotation is the content, not a clause before
            tail = None
            if rng is None and klass == "speech":
                rng, tail = self._parenthetical(v)
            elif rng is not None and klass == "speech" and rng[1] <= v.i:
                # "A, she said, and B.": the parse gives A as the clause; B follows
                left, tail = self._parenthetical(v, own_clause=True)
                if left is None or tail is None:
                    tail = None
            min_len = 1 if klass == "object" and rng is not None and rng[1] - rng[0] == 1 \
                and doc[rng[0]].pos_ == "PROPN" else 2
            subj = _subject(v) or _inherited_subject(v)
            if subj is None and v.i > 0 and doc[v.i - 1].pos_ == "PROPN" and doc[v.i - 1].dep_ not in ("compound",):
                subj = doc[v.i - 1]  # "... the Washington Post Trump said that": a misparse
            if subj is None or self.in_quote[subj.i] >= 0:
                subj = self._nearby_name(v) or (None if subj is None or self.in_quote[subj.i] >= 0 else subj)
            if subj is not None and subj.dep_ == "csubj":
                subj = None
            if subj is not None:
                subj = _antecedent(subj, v)
            cue = [v] + [c for c in v.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in PHRASAL.get(lemma, ()))
                         and c.i == v.i + 1]
            if self.role_of(pi) == "title" and klass == "speech" and subj is not None and subj.i < v.i:
                # headline grammar: "Flynn says Trump 'absolutely right' in saying ..."
                end = self.sent_bounds(v.i)[1]
                if rng is None or rng[1] - rng[0] < end - v.i - 2:
                    rng = (v.i + 1, end)
            st = _Statement(cue=cue, subject=subj, spans=[], paragraph=pi, channel=_channel(v))
            if rng is not None:
                t = _trim(doc, *rng, min_len=min_len)
                if t is None:
                    continue
                lo, hi = t
                # content never includes the subject or the cue itself
                if subj is not None and lo <= subj.i < hi:
                    if subj.i < v.i:
                        lo = max(lo, v.i + 1)
                    else:
                        hi = min(hi, subj.left_edge.i)
                if lo <= v.i < hi:
                    if v.i - lo < hi - v.i - 1:
                        lo = v.i + 1
                    else:
                        hi = v.i
                t = _trim(doc, lo, hi, min_len=min_len)
                if t is None:
                    continue
                t = _trim(doc, *_drop_asides(doc, *t), min_len=min_len) or t
                t = self._snap(t, v)
                parts = self._split_that_clauses(t)
                for k, part in enumerate(parts[1:]):
                    # "said that X and that Y": one statement per clause
                    extra = _Statement(cue=cue, subject=subj, spans=[self.char_range(*part)], paragraph=pi,
                                       channel=st.channel)
                    extra.quote_ids = sorted({self.in_quote[i] for i in range(*part) if self.in_quote[i] >= 0})
                    self.statements.append(extra)
                t = parts[0]
                for c in v.children:
                    # "said X but that Y": a that-clause coordinated with the cue itself
                    if c.dep_ == "conj" and c.i > t[1] and not verb_class(c.text) and not _subject(c) is None \
                            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        extra_t = _trim(doc, c.left_edge.i, c.right_edge.i + 1)
                        if extra_t is not None:
                            extra = _Statement(cue=cue, subject=subj, spans=[self.char_range(*extra_t)],
                                               paragraph=pi, channel=st.channel)
                            extra.quote_ids = sorted({self.in_quote[i] for i in range(*extra_t) if self.in_quote[i] >= 0})
                            self.statements.append(extra)
                if tail is not None:
                    t2 = _trim(doc, *tail)
                    if t2 is not None:
                        self.statements.append(_Statement(cue=cue, subject=subj, spans=[self.char_range(*t2)],
                                                          paragraph=pi, channel=st.channel))
                st.spans = [self.char_range(*t)]
                st.quote_ids = sorted({self.in_quote[i] for i in range(*t) if self.in_quote[i] >= 0})
            self.statements.append(st)
        # "Trump's claim that ...", "the senator's warning that ..."
        for ni in self.noun_ids:
            n = doc[ni]
            if n.lower_ not in STATEMENT_NOUNS or self.in_quote[n.i] >= 0 or n.pos_ != "NOUN":
                continue
            poss = [c for c in n.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "my", "our", "your")]
            clause = [c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            if not poss or not clause:
                continue
            pi = self.para_of(n.idx)
            if self.role_of(pi) in NO_STATEMENT_ROLES:
                continue
            c = clause[0]
            t = _trim(doc, c.left_edge.i, _extend_right(n, c.right_edge.i + 1, self.sent_bounds(n.i)[1]))
            if t is None:
                continue
            st = _Statement(cue=[n], subject=poss[0], spans=[self.char_range(*t)], paragraph=pi)
            st.quote_ids = sorted({self.in_quote[i] for i in range(*t) if self.in_quote[i] >= 0})
            self.statements.append(st)
        # "according to X", "X's statement that ..."
        for ti in self.according_ids:
            tok = doc[ti]
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" \
                    and self.in_quote[tok.i] < 0:
                pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
                if not pobj:
                    continue
                pi = self.para_of(tok.idx)
                if self.role_of(pi) in NO_STATEMENT_ROLES:
                    continue
                sent = doc[slice(*self.sent_bounds(tok.i))]
                skip = set(range(tok.left_edge.i, tok.right_edge.i + 1)) | {tok.i, tok.i + 1}
                skip |= {i for i in range(pobj[0].left_edge.i, pobj[0].right_edge.i + 1)}
                # the clause: the sentence minus the "according to" phrase
                toks = [i for i in range(sent.start, sent.end) if i not in skip]
                if tok.i > sent.start + 2:
                    toks = [i for i in toks if i < tok.i]
                else:
                    toks = [i for i in toks if i > pobj[0].right_edge.i]
                if not toks:
                    continue
                t = _trim(doc, toks[0], toks[-1] + 1)
                if t is None:
                    continue
                # a sentence with its own speaker: "according to" names the channel
                own = [x for x in self.statements if x.spans and x.cue and self.sent_id[x.cue[0].i] == self.sent_id[tok.i]
                       and x.subject is not None]
                if own:
                    src = doc[pobj[0].left_edge.i:pobj[0].right_edge.i + 1].text.lower()
                    channel = next((ch for k, ch in CHANNELS.items() if k in src.split() or (" " in k and k in src)), None)
                    for x in own:
                        x.channel = x.channel or channel or src
                    continue
                st = _Statement(cue=[tok, doc[tok.i + 1]], subject=pobj[0], spans=[self.char_range(*t)],
                                paragraph=pi)
                st.quote_ids = sorted({self.in_quote[i] for i in range(*t) if self.in_quote[i] >= 0})
                self.statements.append(st)

    def _noun_tagged_cue(self, v: Token, klass: str) -> None:
        """'Lind charges that ...', 'Park claims that ...': a reporting verb the
        tagger read as a plural noun, right after a name or pronoun and right
        before "that". The parse around it is wrong, so the words decide."""
        doc = self.doc
        if klass != "speech" or v.tag_ not in ("NNS", "NN") or not v.lower_.endswith("s"):
            return
        if v.i < 1 or v.i + 3 >= len(doc) or doc[v.i + 1].lower_ != "that" or self.in_quote[v.i] >= 0:
            return
        subj = doc[v.i - 1]
        s0, s1 = self.sent_bounds(v.i)
        known = subj.lower_ in MALE | FEMALE or self.resolver.entity_of(subj) or subj.text in self.resolver.name_words
        if not known or subj.i not in (s0, s0 + 1):
            return
        pi = self.para_of(v.idx)
        if self.role_of(pi) in NO_STATEMENT_ROLES:
            return
        t = _trim(doc, v.i + 1, s1)
        if t is None:
            return
        st = _Statement(cue=[v], subject=subj, spans=[self.char_range(*t)], paragraph=pi)
        st.quote_ids = sorted({self.in_quote[i] for i in range(*t) if self.in_quote[i] >= 0})
        self.statements.append(st)

    def _parenthetical(self, v: Token, own_clause: bool = False) -> tuple:
        """'This year, she says, was the first ...': a cue set off by commas in a
        sentence with no quotation reports the rest of the sentence (the longer
        side of it; both sides when the second opens with "and"/"but").
        Returns (content, second content or None)."""
        doc = self.doc
        if own_clause:
            subj = _subject(v)
            if subj is None or subj.i > v.i:
                return None, None
            a, b = subj.left_edge.i, v.i   # just "she said"
        else:
            kids = [c for c in v.subtree if not c.is_punct]
            a, b = kids[0].i, kids[-1].i
        if a < 1 or b + 1 >= len(doc) or doc[a - 1].text != "," or doc[b + 1].text not in (",", "\u2014"):
            return None, None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") and (not own_clause or c.i > v.i) for c in v.children):
            return None, None
        s0, s1 = self.sent_bounds(v.i)
        if any(self.in_quote[i] >= 0 or doc[i].text in ('"', "\u201c", "\u201d") for i in range(s0, s1)):
            return None, None
        left, right = (s0, a - 1), (b + 2, s1)
        if right[0] < s1 and doc[right[0]].lower_ in ("and", "but") and left[1] - left[0] >= 3 \
                and right[1] - right[0] >= 4:
            # "A, she said, and B.": two statements around one cue
            return left, (right[0] + 1, right[1])
        best = max(left, right, key=lambda r: r[1] - r[0])
        return (best, None) if best[1] - best[0] >= 4 else (None, None)

    _TURN = ("A:", "A.", "Answer:")
    _QUESTION = ("Q:", "Q.", "Question:")

    def turns(self) -> None:
        """Interviews in question-and-answer form: each answer ("A: ...") is a
        direct quotation of the interviewee, with no cue; "NAME: ..." paragraphs
        are turns of the person named. What the answers report inside them
        belongs to the answer."""
        res = self.resolver
        text = self.text
        spans: list[tuple[int, int]] = []
        interviewee = None
        for pi, p in enumerate(self.paragraphs):
            if p.role in NO_STATEMENT_ROLES or p.role == "title":
                continue
            para = text[p.start:p.end]
            body = para.lstrip()
            lead = len(para) - len(body)
            label = next((x for x in self._TURN if body.startswith(x + " ")), None)
            speaker = None
            if label is None:
                head, colon, rest = body.partition(": ")
                words = head.split()
                if colon and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                    i = bisect_right(self.tok_starts, p.start + lead) - 1
                    eid = res.entity_of(self.doc[i]) if i >= 0 else None
                    if eid is None and words[-1] in res.name_words:
                        eid = res.name_words[words[-1]]
                    if eid and res.entities[eid].type == "PERSON":
                        speaker = res.speaker_for_entity(eid)
                        label = head + ":"
                if label is None:
                    continue
            else:
                if interviewee is None:
                    interviewee = res.main
                if interviewee is None:
                    continue
                speaker = res.speaker_for_entity(interviewee)
                speaker.mention = None
            a = p.start + lead + len(label)
            b = p.end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if len(text[a:b].split()) < 1:
                continue
            st = _Statement(cue=[], subject=None, spans=[(a, b)], paragraph=pi, kind="direct",
                            speaker=speaker, channel="interview", from_quote=True, turn=True)
            self.statements.append(st)
            spans.append((a, b))
        if spans:
            # cues inside an answer are the interviewee's words, not statements
            self.statements = [st for st in self.statements if st.turn or not st.cue
                               or not any(a <= st.cue[0].idx < b for a, b in spans)]
            self.turn_spans = spans

    # -- pass 2 ----------------------------------------------------------
    def quotations(self) -> None:
        doc = self.doc
        covered: set[int] = set()
        for st in self.statements:
            if st.spans:
                s, e = st.spans[0]
                for qi in st.quote_ids:
                    q = self.quotes[qi]
                    if min(e, q.end) - max(s, q.start) >= 0.8 * (q.end - q.start):
                        covered.add(qi)
        # bare cues: reporting verbs with no content, by sentence
        bare_by_sent: dict[int, list[_Statement]] = {}
        for st in self.statements:
            if not st.spans:
                bare_by_sent.setdefault(self.sent_id[st.cue[0].i], []).append(st)
        used_bare: set[int] = set()
        pending: list[tuple[int, _Statement]] = []
        for qi, q in enumerate(self.quotes):
            if qi in covered or any(a <= q.start < b for a, b in self.turn_spans):
                continue
            pi = q.paragraph
            if self.role_of(pi) in NO_STATEMENT_ROLES:
                continue
            i0 = bisect_right(self.tok_starts, q.start) - 1
            i1 = bisect_right(self.tok_starts, q.end - 1) - 1
            if i0 < 0 or i1 < i0:
                continue
            words = [t for t in doc[i0:i1 + 1] if not t.is_punct and not t.is_space]
            k0, k1 = self.sent_id[i0], self.sent_id[i1]
            sent_words = [t for t in doc[self.sents[k0][0]:self.sents[k1][1]] if not t.is_punct and not t.is_space]
            outside = [t for t in sent_words if self.in_quote[t.i] != qi]
            # a cue in the quotation's own sentences
            cands = []
            for k in {k0, k1}:
                cands.extend(st for st in bare_by_sent.get(k, []) if id(st) not in used_bare)
            cue_st = None
            if cands:
                cue_st = min(cands, key=lambda st: min(abs(st.cue[0].idx - q.start), abs(st.cue[0].idx - q.end)))
            fragment = len(words) < 3 or (len(outside) > 4 and len(words) < 6 and cue_st is None)
            if fragment:
                continue
            content_toks = [i for i in range(i0, i1 + 1)]
            t = _trim(doc, content_toks[0], content_toks[-1] + 1)
            if t is None:
                continue
            span = (q.start, q.end)
            if cue_st is not None:
                used_bare.add(id(cue_st))
                cue_st.spans = [span]
                cue_st.kind = "direct"
                cue_st.from_quote = True
                cue_st.quote_ids = [qi]
                continue
            # the second half of a quotation broken by its cue ("A," he said, "B.")
            halves = [st for st in self.statements if st.spans and st.quote_ids and st.cue
                      and self.sent_id[st.cue[0].i] in (k0, k1) and qi not in st.quote_ids
                      and len(words) >= 4]
            if halves:
                src = min(halves, key=lambda st: abs(st.cue[0].idx - q.start))
                self.statements.append(_Statement(cue=[], subject=None, spans=[span], paragraph=pi, kind="direct",
                                                  from_quote=True, quote_ids=[qi], inherit=src))
                continue
            # no cue here: a scare quote inside a longer sentence is not a statement
            if len(outside) > max(6, len(words)):
                continue
            st = _Statement(cue=[], subject=None, spans=[span], paragraph=pi, kind="direct",
                            from_quote=True, quote_ids=[qi])
            st.inherit = self._context_for(q, st)
            if st.inherit is None and q.continued:
                pending.append((qi, st))  # "...<paragraph break> "... ," she said.
                continue
            if st.inherit is None and not q.continues:
                continue
            self.statements.append(st)
        for qi, st in pending:
            nxt = [x for x in self.statements if qi + 1 in x.quote_ids and x is not st]
            if nxt:
                st.inherit = nxt[0]
                self.statements.append(st)
        self._lead_ins()

    def _lead_ins(self) -> None:
        """'The weather service posted a warning on X:' and then a paragraph with
        no quotation marks (an embedded post, a block quotation): that paragraph
        is what the cue reports."""
        text = self.text
        taken = {st.paragraph for st in self.statements if st.spans}
        for st in list(self.statements):
            if st.spans or not st.cue or st.subject is None:
                continue
            pi = st.paragraph
            para = self.paragraphs[pi]
            if not text[para.start:para.end].rstrip().endswith(":"):
                continue
            if self.sent_id[st.cue[0].i] != self.sent_id[self.tok_at(para.end - 1)]:
                continue   # the cue must be in the sentence that ends with the colon
            k = pi + 1
            if k >= len(self.paragraphs) or k in taken or self.role_of(k) in NO_STATEMENT_ROLES or self.role_of(k) == "title":
                continue
            nxt = self.paragraphs[k]
            body = text[nxt.start:nxt.end].strip()
            if not body or body[0] in ('"', "\u201c", "\u2018", "'") or len(body.split()) < 4:
                continue
            st.spans = [(nxt.start, nxt.start + len(text[nxt.start:nxt.end].rstrip()))]
            st.kind = "direct"
            st.from_quote = True
            taken.add(k)

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.tok_starts, char) - 1)

    def _context_for(self, q: QuoteSpan, st: _Statement) -> _Statement | None:
        """The statement whose speaker a cue-less quotation continues."""
        pi = q.paragraph
        same = [s for s in self.statements if s.paragraph == pi and s is not st and (s.spans or s.subject is not None)]
        before = [s for s in same if (s.spans[0][0] if s.spans else s.cue[0].idx) < q.start]
        if before:
            return max(before, key=lambda s: s.spans[0][0] if s.spans else s.cue[0].idx)
        after = [s for s in same if s.kind == "direct" and s.subject is not None]
        if after and q.start == self.paragraphs[pi].start or after and self.text[self.paragraphs[pi].start:q.start].strip() in ("", '"', "\u201c", "''"):
            return min(after, key=lambda s: s.spans[0][0] if s.spans else s.cue[0].idx)
        # the paragraph before: a lead-in or an earlier quotation
        k = pi - 1
        while k >= 0 and self.role_of(k) in NO_STATEMENT_ROLES:
            k -= 1
        if k < 0:
            return None
        # only a quotation that fills its paragraph continues the paragraph before
        para = self.paragraphs[pi]
        lead = self.text[para.start:q.start].strip(" \"\u201c'")
        if lead:
            return None
        prev = [s for s in self.statements if s.paragraph == k and s is not st and (s.subject is not None or s.inherit or s.turn)]
        if not prev:
            return None
        last = max(prev, key=lambda s: s.cue[0].idx if s.cue else s.spans[0][0])
        prev_text = self.text[self.paragraphs[k].start:self.paragraphs[k].end].rstrip()
        if q.continues or prev_text.endswith(":") or not last.spans or last.kind == "direct" \
                or prev_text.endswith(("\u201d", '"')):
            return last
        return None

    # -- pass 3 ----------------------------------------------------------
    def records(self) -> list[Quote]:
        out: list[Quote] = []
        res = self.resolver
        stmts = sorted([s for s in self.statements if s.spans], key=lambda s: s.spans[0][0])
        # speakers in text order, so pronouns see the previous speaker
        anon: tuple | None = None   # the last anonymous speaker, where
        for st in stmts:
            if st.inherit is not None or st.turn:
                continue
            sp = None
            if st.subject is not None:
                if anon is not None and st.subject.lower_ in MALE | FEMALE and self._anonymous_antecedent(anon, st):
                    # "A police officer, who asked not to be named, said ... 'X,' he said."
                    subj = st.subject
                    sp = replace(anon[0], mention=Mention(subj.text, subj.idx, subj.idx + len(subj.text)))
                else:
                    sp = res.resolve(st.subject)
            st.speaker = sp
            if sp is not None and sp.type == "anonymous" and st.subject is not None \
                    and st.subject.lower_ in PERSON_NOUNS | ROLE_NOUNS:
                anon = (sp, st.subject.i, st.paragraph, st.spans[0])
            elif sp is not None and sp.type != "anonymous" and not (
                    anon is not None and st.cue and anon[3][0] <= st.cue[0].idx < anon[3][1]):
                anon = None   # someone else spoke (a cue inside the anonymous report does not count)
            if sp is not None and sp.entity:
                res.last_speaker = sp.entity
                res.last_speaker_at = st.cue[0].i if st.cue else None
        for st in stmts:
            if st.inherit is not None:
                src = st.inherit
                depth = 0
                while src.inherit is not None and depth < 5:
                    src = src.inherit
                    depth += 1
                if src.speaker is None and src.subject is not None and not src.turn:
                    src.speaker = res.resolve(src.subject)
                st.speaker = src.speaker
                st.channel = st.channel or src.channel or self._sentence_channel(src)
                if not st.cue and src.spans == [] or (src.cue and not src.spans):
                    st.cue = src.cue
        # reported speech with nobody saying it is not a statement we can use; nor is
        # one whose subject is a thing that cannot speak ("brain cancer confirmed")
        stmts = [st for st in stmts if st.inherit is not None or st.from_quote or (
            st.subject is not None and (st.speaker is not None or st.subject.pos_ != "NOUN"))]
        # "Lynch said X, though she noted Y": the same speaker's second statement
        # inside the first one's clause ends the first one
        for inner in stmts:
            if not inner.cue or inner.speaker is None or inner.inherit is not None or inner.from_quote:
                continue
            if inner.cue[0].dep_ not in ("advcl", "conj", "ccomp", "parataxis"):
                continue  # "to agree", "in saying": part of the clause, not a new one
            c = inner.cue[0]
            for outer in stmts:
                if outer is inner or not outer.cue or outer.speaker is None or outer.from_quote:
                    continue
                a, b = outer.spans[0]
                if a < c.idx < b and outer.speaker.entity and outer.speaker.entity == inner.speaker.entity:
                    clause = c
                    while clause.dep_ in ("conj", "xcomp") and clause.head.idx > a:
                        clause = clause.head
                    cut = self.doc[clause.left_edge.i].idx if clause.left_edge.idx > a else c.idx
                    j = bisect_right(self.tok_starts, cut - 1) - 1
                    while j >= 0 and self.doc[j].idx > a and (self.doc[j].is_punct or self.doc[j].is_space):
                        j -= 1
                    if j >= 0 and self.doc[j].idx > a:
                        outer.spans = [(a, self.doc[j].idx + len(self.doc[j].text))]
        # a cue inside what someone else reports belongs to the report ("Trump
        # said that Clinton once described the deal as ..."): not a statement of its own
        ranges = [st.spans[0] for st in stmts if st.cue]
        keep = []
        for st in stmts:
            if st.cue and st.inherit is None:
                c = st.cue[0].idx
                a0, b0 = st.spans[0]
                if any(a <= c < b and a <= a0 and b0 <= b for a, b in ranges if (a, b) != st.spans[0]):
                    continue
            keep.append(st)
        stmts = keep
        seen: set[tuple[int, int]] = set()
        for st in stmts:
            s, e = st.spans[0]
            if (s, e) in seen:
                continue
            seen.add((s, e))
            kind = st.kind
            if kind != "direct" and st.quote_ids:
                kind = "direct" if self._only_quoted(s, e) else "mixed"
            cue = None
            if st.cue:
                a = st.cue[0].idx
                b = max(t.idx + len(t.text) for t in st.cue)
                cue = Cue(self.text[a:b], a, b)
            about = self._about(s, e, st.speaker, kind == "direct")
            out.append(Quote(text=self.text[s:e], kind=kind, start=s, end=e, paragraph=self.para_of(s),
                             speaker=st.speaker, cue=cue, channel=st.channel, about=about))
        out.sort(key=lambda q: q.start)
        return out

    def _anonymous_antecedent(self, anon: tuple, st: _Statement) -> bool:
        """A he/she that can only mean the anonymous speaker just quoted: in the
        same or the next paragraph, with no named person in between."""
        _, at, para, _ = anon
        pron = st.subject
        if st.paragraph - para > 1 or pron.i <= at:
            return False
        res = self.resolver
        for k in range(bisect_right(res._pm_index, at), bisect_right(res._pm_index, pron.i - 1)):
            i = res.person_mentions[k][0]
            if self.doc[i].lower_ not in MALE | FEMALE:
                return False
        return True

    def _only_quoted(self, s: int, e: int) -> bool:
        """True when every word of text[s:e] lies inside quotation marks."""
        i0 = bisect_right(self.tok_starts, s) - 1
        i1 = bisect_right(self.tok_starts, e - 1)
        return all(self.in_quote[i] >= 0 for i in range(max(0, i0), i1)
                   if not self.doc[i].is_punct and not self.doc[i].is_space and self.doc[i].idx >= s)

    def _sentence_channel(self, st: _Statement) -> str | None:
        if not st.cue:
            return None
        for t in self.doc[slice(*self.sent_bounds(st.cue[0].i))]:
            ch = CHANNELS.get(t.lower_)
            if ch and ch not in ("speech", "rally", "letter"):
                return ch
        return None

    def _about(self, s: int, e: int, speaker: Speaker | None, direct: bool) -> list[About]:
        """Entities a statement mentions, pronouns resolved; never the speaker.

        Inside a direct quotation "he" is someone other than the speaker; in
        reported speech it is often the speaker ("Kim said he would"), so the
        speaker stays a candidate there and is then left out."""
        res = self.resolver
        doc = self.doc
        i0 = bisect_right(self.tok_starts, s) - 1
        i1 = bisect_right(self.tok_starts, e - 1)
        out: dict[str, About] = {}
        spk = speaker.entity if speaker else None
        for i in range(max(0, i0), i1):
            tok = doc[i]
            eid = res.entity_of(tok)
            if eid is None and tok.text[:1].isupper() and tok.text in res.name_words:
                eid = res.name_words[tok.text]
            if eid is None and tok.lower_ in MALE | FEMALE:
                eid = res.resolve_pronoun(tok, exclude=spk if direct else None)
            if eid and eid != spk and eid not in out:
                out[eid] = About(entity=eid, name=res.entities[eid].name)
        return list(out.values())


def extract_quotes(doc: Doc, entities: list[Entity], paragraphs: list[Paragraph]) -> list[Quote]:
    """Every statement the article reports, in text order.

    ``paragraphs`` are the blocks of ``doc.text`` with their roles; statements
    are not looked for in captions and headings. Offsets point into ``doc.text``.
    """
    if not len(doc) or not doc.has_annotation("DEP"):
        return []  # statements are read from the parse; an unparsed doc has none
    if not paragraphs:
        paragraphs = [Paragraph(0, len(doc.text), "body")]
    ex = _Extractor(doc, entities, paragraphs)
    ex.verbs()
    ex.turns()
    ex.quotations()
    return ex.records()
