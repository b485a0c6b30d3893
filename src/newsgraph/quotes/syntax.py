"""Who the subject of a cue is, read from the parse.

The parse often hangs a cue where its subject is not a child of it: a conjunct
("..., and argued that"), a participle (", adding that"), a relative clause
("who said"), a cue hung under another cue. These functions walk the tree to the
token that names the speaker.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import verb_class


def subject_of(v: Token) -> Token | None:
    subs = [c for c in v.children if c.dep_ == "nsubj"]
    if subs:
        return min(subs, key=lambda c: abs(c.i - v.i))  # "The Latest: Trump urges"
    for c in v.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def inherited_subject(v: Token, depth: int = 0) -> Token | None:
    """Subject of a conjunct or participle from the verb it hangs on."""
    if depth > 4:
        return None
    subj = subject_of(v)
    if subj is not None:
        return subj
    if depth <= 1:
        # "Ms. Alvarez argued that ..., said that ...": the parse hangs the first
        # verb under the second; they share the subject
        for c in v.lefts:
            if c.dep_ in ("ccomp", "conj", "parataxis") and verb_class(c.text) and subject_of(c) is not None:
                return subject_of(c)
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
                return inherited_subject(r, depth + 1)
            h = r
    if v.dep_ in ("conj", "advcl", "xcomp", "ccomp", "dep", "pcomp") and v.head.i != v.i:
        if v.dep_ in ("advcl", "xcomp", "pcomp", "dep") and v.tag_ not in ("VBG", "VB", "VBN"):
            return None
        h = v.head
        if h.dep_ == "prep":  # "..., by saying"
            h = h.head
        return inherited_subject(h, depth + 1)
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    return None


EVENT_NOUNS = frozenset({"conference", "briefing", "interview", "speech", "rally", "hearing", "event",
                         "appearance", "remarks", "comment", "comments", "address", "testimony", "session"})


def antecedent(subj: Token, v: Token) -> Token:
    """'which'/'who' of a relative clause stands for the noun it hangs on."""
    # "she said at a news conference announcing that ...": who held the conference
    if subj.lower_ in EVENT_NOUNS and v.dep_ == "acl" and subj.dep_ == "pobj" and subj.head.dep_ == "prep":
        holder = subject_of(subj.head.head)
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


def is_under(tok: Token, anc: Token) -> bool:
    """True when ``anc`` is ``tok`` or one of its ancestors."""
    for _ in range(40):
        if tok.i == anc.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def path_child(tok: Token, anc: Token) -> Token | None:
    """The child of ``anc`` on the way up from ``tok``, or None when not under it."""
    prev = None
    for _ in range(40):
        if tok.i == anc.i:
            return prev
        if tok.head.i == tok.i:
            return None
        prev, tok = tok, tok.head
    return None
