"""The tense of the clause around a token: weekdays and months resolve by it."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .grammar import _State


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
        res = _verb_tense(v)
    st.tense_cache[i] = res
    return res


_PLAN_WORDS = {"scheduled", "expected", "planned", "slated", "due", "set", "poised", "planning",
               "plans", "plan", "intends", "hopes", "aims"}


def _verb_tense(v: Token) -> Optional[str]:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.lower_ in _FUTURE_AUX:
            return "future"
        if a.lower_ in _MODAL_AUX:
            return None  # "could", "would": no tense of their own
    if any(a.lower_ == "to" or a.tag_ == "TO" for a in auxes):
        return "future"  # infinitive: "plans to meet Tuesday", "expected to join in April"
    tags = [v.tag_] + [a.tag_ for a in auxes]
    if "VBD" in tags:
        return "past"
    if any(a.lower_ in ("has", "have", "'ve", "had") for a in auxes):
        return "past"  # perfect
    if v.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'re", "'s", "am") for a in auxes):
        return "future"
    if v.lower_ in _PLAN_WORDS:
        return "future"  # "is scheduled for Wednesday", "are expected Friday"
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if v.tag_ == "VBN" and v.dep_ in ("acl", "relcl"):
        return "past"
    return None
