"""The tense of the clause around a token: weekdays and months resolve by it."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .grammar import _sent, _State


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_MODAL_AUX = {"would", "could", "should", "might", "may", "must", "can", "ca"}


def _tense(st: _State, i: int) -> Optional[str]:
    """"past", "future", "present" or None for the clause of token ``i``."""
    if i in st.tense_cache:
        return st.tense_cache[i]
    t = st.toks[i]
    v = t
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") and v.dep_ not in ("amod", "compound"):
            break
        if v.head is v:
            break
        v = v.head
    res = None
    if v.pos_ in ("VERB", "AUX"):
        res = _verb_tense(v, at=i)
        if res is None and v.dep_ in ("xcomp", "conj") and v.tag_ in ("VB", "VBG") \
                and not any(c.dep_ in ("aux", "auxpass") for c in v.children) and v.head is not v:
            res = _verb_tense(v.head, at=i)  # "will begin withdrawing troops on Friday"
    if res != "past" and _modifies_noun(t):
        res = None  # "Wednesday's ruling", "a June agreement": the nearest unless the clause is past
    st.tense_cache[i] = res
    return res


_TIME_HEADS = {"morning", "afternoon", "evening", "night", "day", "week", "month", "year",
               "weekend", "quarter", "season", "period", "time", "date", "deadline"}


def _modifies_noun(t: Token) -> bool:
    """Is ``t`` (a time expression's word) a modifier of an ordinary noun ("Wednesday's ruling",
    "a June agreement"), not of a time word ("Saturday morning")?"""
    return t.dep_ in ("poss", "compound", "nmod", "amod") and t.head.pos_ in ("NOUN", "PROPN") \
        and t.head.lower_ not in _TIME_HEADS and t.head.i > t.i


# verbs whose complement is later than the verb itself, whatever its tense:
# "planned a rally on Saturday", "has scheduled a news conference Thursday", "postponed until Tuesday"
_PLAN_FORMS = {"planned", "scheduled", "slated", "intended", "postponed", "delayed", "adjourned",
              "deferred", "rescheduled"}
_PLAN_WORDS = {"scheduled", "expected", "planned", "slated", "due", "set", "poised", "planning",
               "plans", "plan", "intends", "hopes", "aims"}


def _verb_tense(v: Token, depth: int = 0, at: int = -1) -> Optional[str]:
    """The tense of verb ``v``'s clause; ``at`` is the time expression's token, when it matters
    which side of the verb it stands ("planned a rally on Saturday" / "On Friday, they planned")."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.lower_ in _FUTURE_AUX:
            return "future"
        if a.lower_ in _MODAL_AUX:
            if any(b.lower_ in ("have", "'ve") for b in auxes):
                return "past"  # "would have won", "could have been": a past possibility
            return None  # "could", "would": no tense of their own
    if any(a.lower_ == "to" or a.tag_ == "TO" for a in auxes):
        gov = _governor(v)
        if (v.dep_ == "advcl" or v.dep_ in ("acl", "relcl") and v.head.pos_ not in ("NOUN", "PROPN")) \
                and gov is not None and depth < 3:
            # a purpose infinitive takes the tense of its clause: "staged celebrations to mark
            # the entry on Friday", "the first to accede on Friday were"; a noun's stays ahead
            # ("an agreement to acquire it in January")
            return _verb_tense(gov, depth + 1)
        if gov is not None and any(c.lower_ == "had" for c in gov.children if c.dep_ in ("aux", "auxpass")):
            return "past"  # "had been due to expire Friday": a plan that is over
        return "future"  # infinitive: "plans to meet Tuesday", "expected to join in April"
    if v.lower_ in _PLAN_FORMS and v.tag_ in ("VBD", "VBN") and at > v.i \
            and "had" not in [a.lower_ for a in auxes]:
        return "future"
    tags = [v.tag_] + [a.tag_ for a in auxes]
    if "VBD" in tags:
        return "past"
    if any(a.lower_ in ("has", "have", "'ve", "had") for a in auxes):
        return "past"  # perfect
    if v.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'re", "'s", "am") for a in auxes):
        return "future"
    if v.lower_ in _PLAN_WORDS and not (v.lower_ in ("set", "due") and v.tag_ == "VBN"
                                         and not any(c.lower_ in ("for", "to") for c in v.children)):
        return "future"  # "is scheduled for Wednesday" (but "its record high set on Aug. 6": past)  # "is scheduled for Wednesday", "are expected Friday"
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if v.tag_ == "VBN" and v.dep_ in ("acl", "relcl"):
        return "past"
    return None


def _governor(v: Token) -> Optional[Token]:
    """The verb of the clause ``v`` depends on (through a noun: "offers to acquire")."""
    h = v.head
    for _ in range(6):
        if h is h.head and h.pos_ not in ("VERB", "AUX"):
            return None
        if h.pos_ in ("VERB", "AUX") and h.dep_ not in ("amod", "compound"):
            return h
        if h is h.head:
            return None
        h = h.head
    return None


_DEADLINE_WORDS = {"until", "till", "til"}


def _day_tense(st: _State, start: int, i: int) -> Optional[str]:
    """The tense a day expression starting at token ``start`` (its word at ``i``) resolves by:
    its clause's, except that a deadline ("extended the offer until Tuesday") is the nearest
    such day even in a past-tense clause, as it is set ahead of the telling."""
    t = _tense(st, i)
    if t == "past" and start > 0 and st.toks[start - 1].lower_ in _DEADLINE_WORDS:
        return None
    return t


def _story_tense(st: _State, i: int) -> Optional[str]:
    """The tense of token ``i``'s clause, or, when the parse gives its clause none (a fragment,
    a misparse), that of the sentence's verbs: a future auxiliary, else a past form."""
    t = _tense(st, i)
    if t is not None:
        return t
    sent = _sent(st, i)
    words = [w for w in sent if w.pos_ in ("VERB", "AUX")]
    if any(w.lower_ in _FUTURE_AUX for w in words):
        return "future"
    if any(w.tag_ == "VBD" for w in words):
        return "past"
    return None
