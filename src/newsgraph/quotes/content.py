"""What a cue reports: the token range of its content.

``content_tokens`` reads the clause, infinitive, object or prepositional object
of a reporting verb by its lexicon class; the other functions bound a range:
``trim`` (edge punctuation, dangling conjunctions, a dateline), ``extend_right``
(words the parser cut off from the clause), ``cut_nested`` (a cue of its own
inside: ", warning of", "... and said"), ``drop_asides`` (the writer's framing),
``cut_dash`` (an aside after a dash).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..clean.dates import dateline_prefix
from .lexicon import CHANNELS, OBJECT_WITH_PREP, PHRASAL, STATEMENT_NOUNS, lemma_of, verb_class
from .syntax import is_under, path_child

# speech verbs that need a clause or quotation, never just an object
NO_OBJECT_CONTENT = frozenset({"say", "tell", "ask", "write", "post", "add", "continue",
                               "respond", "reply", "answer", "inform", "notify",
                               "remind", "advise", "agree",
                               "comment", "remark", "observe", "reason", "go on",
                               "joke", "concur", "object", "protest", "indicate",
                               "signal", "mention", "suggest", "plead",
                               "beg", "confess", "muse", "elaborate", "specify", "clarify",
                               "maintain", "challenge", "disclose",
                               # performatives: "declare an emergency", "rule the country"
                               "declare", "rule", "order", "find"})
# (report, note, explain, repeat, state, tweet, testify: their object is what they
# report, "reported a 2.8 percent jobless rate", "explained her support for the deal")
# nouns that make the object of a say-verb its content: "told the story of ...", "said the same of"
TOLD_NOUNS = frozenset({"story", "stories", "tale", "tales", "anecdote", "anecdotes", "joke", "jokes", "same"})

# verbs that are statements only when they name something: "called the plan a
# blank check" is, "called a strike" is not
NAMING_ONLY = frozenset({"call", "dub", "label", "brand"})


def skip_dateline(doc: Doc, lo: int, hi: int) -> int:
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


def trim(doc: Doc, lo: int, hi: int, min_len: int = 2) -> tuple[int, int] | None:
    """Token range [lo, hi) without edge punctuation or dangling conjunctions."""
    if lo < hi:
        lo = skip_dateline(doc, lo, hi)
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


def extend_right(v: Token, hi: int, end: int) -> int:
    """Carry a clause on over words the parser cut off from it (quotation
    marks often split the tree), up to a coordinated verb of the cue, an
    "according to" phrase or the end of the sentence."""
    doc = v.doc
    j = hi
    while j < end:
        t = doc[j]
        if t.lower_ == "according" or t.text in (";",):
            break
        child = path_child(t, v)
        if child is None and (is_under(v, t) or (verb_class(t.text) and t.tag_.startswith("VB"))):
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


def cut_nested(v: Token, lo: int, hi: int) -> tuple[int, int]:
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


def drop_asides(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
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


def cut_dash(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """An object runs to a dash at most: what follows is the writer's aside."""
    for j in range(lo + 2, hi):
        if doc[j].text in ("\u2014", "--", "\u2013") and not any(doc[k].text in ("\u2014", "--", "\u2013") for k in range(j + 1, hi)):
            return lo, j
    return lo, hi


def content_tokens(v: Token, klass: str, lemma: str, sent_end: int | None = None) -> tuple[int, int] | None:
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
            hi = extend_right(v, hi, sent_end if sent_end is not None else v.sent.end)
        return cut_nested(v, lo, hi)
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
                return cut_dash(doc, *cut_nested(v, lo, hi))
        if c.dep_ == "prt" and c.lower_ in phrasal:
            rest = [x for x in v.rights if x.i > c.i and x.dep_ in ("dobj", "ccomp", "xcomp", "prep", "pobj")]
            if rest:
                return rest[0].left_edge.i, rest[-1].right_edge.i + 1
    xcomp = [c for c in v.children if c.dep_ == "xcomp" and c.i > v.i]
    dobj = [c for c in v.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > v.i]
    if xcomp and (klass in ("urge", "speech") or lemma in ("promise", "vow", "threaten", "pledge", "call")):
        urging = klass == "urge" or lemma in ("ask", "tell", "warn", "remind", "advise", "beg", "request")
        lo = dobj[0].left_edge.i if (dobj and urging and dobj[0].i < xcomp[0].i) else xcomp[0].left_edge.i
        return cut_dash(doc, *cut_nested(v, lo, xcomp[-1].right_edge.i + 1))
    if dobj and klass == "speech" and lemma in NO_OBJECT_CONTENT and (dobj[0].lower_ in TOLD_NOUNS
            or misparsed_clause(v, dobj[0], sent_end if sent_end is not None else v.sent.end)):
        # "Stone says the increase in polarization that X decries also makes ...": the
        # parse read the clause's subject as an object and its verb as a relative clause
        hi = max([dobj[0].right_edge.i] + [c.right_edge.i for c in v.rights if c.i > dobj[0].i and not c.is_punct
                                           and c.dep_ in ("ccomp", "xcomp", "conj", "advcl", "oprd", "prep")])
        return cut_nested(v, dobj[0].left_edge.i, hi + 1)
    if dobj and (klass in ("object", "urge") or lemma not in NO_OBJECT_CONTENT):
        lo = dobj[0].left_edge.i
        hi = dobj[0].right_edge.i + 1
        if lemma in NAMING_ONLY and hi - lo <= 3 and not any(c.i >= hi and c.dep_ in ("oprd", "xcomp", "ccomp") for c in v.rights) \
                and not any(doc[j].text in ('"', "\u201c") for j in range(v.i + 1, min(len(doc), hi + 2))):
            return None   # "called a strike", "called an election": no naming, no statement
        for c in v.rights:
            if c.i >= hi and c.dep_ in ("oprd", "xcomp", "ccomp") or (
                    c.i >= hi and c.dep_ == "prep" and c.lower_ in ("as", "of", "for", "to")):
                hi = c.right_edge.i + 1
        return cut_dash(doc, *cut_nested(v, lo, hi))
    if klass == "object":
        # "called for", "described as"
        for c in v.children:
            if c.dep_ == "prep" and c.i > v.i and c.lower_ in ("as", "for", "on", "of") \
                    and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children):
                return c.i + 1, c.right_edge.i + 1
    return None


_FINITE = ("VBZ", "VBD", "VBP", "MD")
# say-verbs whose object is the person addressed ("told reporters"), never a broken clause
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "notify", "remind", "advise", "answer", "beg", "challenge"})


def misparsed_clause(v: Token, obj: Token, sent_end: int) -> bool:
    """True when the "object" of a say-verb is the subject of a clause the parse
    broke up ("Stone says the increase in polarization that X decries also makes
    his election less likely": "increase" an object, "makes" a relative clause):
    a finite verb inside the object's phrase, which runs to the end of the sentence."""
    if lemma_of(v.text) in ADDRESSEE_VERBS:
        return False
    if any(not doc_t.is_punct and not doc_t.is_space for doc_t in v.doc[obj.right_edge.i + 1:sent_end]):
        # "say they would be satisfied": the clause's verb hangs on the cue after its subject
        after = [c for c in v.rights if c.i > obj.i and c.dep_ in ("ccomp", "xcomp", "conj", "advcl")]
        return obj.i == obj.right_edge.i and obj.pos_ in ("PRON", "PROPN", "NOUN") and bool(after) \
            and after[0].tag_ in _FINITE + ("VB",) and after[0].i == obj.i + 1 + sum(
                1 for t in v.doc[obj.i + 1:after[0].i] if t.dep_ in ("aux", "neg", "advmod"))
    return any(t.tag_ in _FINITE and t.i > obj.i for t in obj.subtree)


def channel_of(v: Token) -> str | None:
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
