"""The quote passes one function at a time: the cue filters and the parts of a
cue (subject, cue words, content), each on sentences written for these tests.

The full ``text -> [(speaker, cue, content)]`` tables are in test_quotes.py and
test_quotes_unseen.py; here each named step says what it decides on its own.
"""
from __future__ import annotations

import pytest

from newsgraph.entities import extract_entities
from newsgraph.quotes import cues
from newsgraph.quotes.document import QuoteDoc
from newsgraph.quotes.lexicon import lemma_of, verb_class
from newsgraph.records import Paragraph

pytestmark = pytest.mark.slow


def qdoc(nlp, text: str, role: str = "body") -> QuoteDoc:
    doc = nlp(text)
    return QuoteDoc(doc, extract_entities(doc), [Paragraph(0, len(text), role)])


def verb(qd: QuoteDoc, word: str):
    return next(t for t in qd.doc if t.text == word)


FILTERS = [
    ("He was told the plant would close.", "told", "passive_without_agent"),
    ("The leak was first reported by the Boston Globe.", "reported", None),   # the agent names the speaker
    ("The so-called deal collapsed on Friday.", "called", "modifier_participle"),
    ("Asked by a reporter, the mayor smiled.", "Asked", "modifier_participle"),
    ("She continued to call for calm.", "continued", "defers_to_inner_cue"),
    ("She continued to call for calm.", "call", None),
    ("Ana Ruiz asked the council to declare an emergency.", "asked", None),  # an object, then the request
    ("The officer, who asked not to be named, said the road was closed.", "asked", "anonymity_formula"),
    ("The officer, who asked not to be named, said the road was closed.", "said", None),
    ("Maria Lopez said the bridge would reopen in May.", "said", None),
]


@pytest.mark.parametrize("text, word, expected", FILTERS, ids=[f"{c[1]}: {c[0][:30]}" for c in FILTERS])
def test_cue_filters(nlp, text, word, expected):
    v = verb(qdoc(nlp, text), word)
    assert cues.rejected_cue(v, verb_class(v.text)) == expected


def test_every_filter_is_named_and_ordered():
    assert [f.__name__ for f in cues.CUE_FILTERS] == [
        "passive_without_agent", "modifier_participle", "defers_to_inner_cue", "anonymity_formula"]


def test_colon_quotation_follows(nlp):
    qd = qdoc(nlp, 'Tanaka said: "I expect a hard winter."')
    assert cues.colon_quotation_follows(qd, verb(qd, "said"))
    qd = qdoc(nlp, "Tanaka said the winter would be hard.")
    assert not cues.colon_quotation_follows(qd, verb(qd, "said"))


def test_passive_subject_content(nlp):
    qd = qdoc(nlp, "The leak was first reported by the Boston Globe.")
    lo, hi = cues.passive_subject_content(verb(qd, "reported"))
    assert qd.doc[lo:hi].text == "The leak"
    qd = qdoc(nlp, "The Boston Globe reported the leak.")
    assert cues.passive_subject_content(verb(qd, "reported")) is None


SUBJECTS = [
    ("Maria Lopez said the bridge would reopen in May.", "said", "Lopez"),
    ("The minister, who said the law was fair, left early.", "said", "minister"),   # "who" is the minister
    ("The leak was first reported by the Boston Globe.", "reported", "Globe"),      # the agent
    ("She continued to call for calm.", "call", "She"),                            # shared with "continued"
    ("He was told the plant would close.", "told", None),
]


@pytest.mark.parametrize("text, word, expected", SUBJECTS, ids=[c[0][:40] for c in SUBJECTS])
def test_cue_subject(nlp, text, word, expected):
    qd = qdoc(nlp, text)
    subj = cues.cue_subject(qd, verb(qd, word))
    assert (subj.text if subj is not None else None) == expected


def test_proper_noun_before(nlp):
    qd = qdoc(nlp, "Maria Lopez said the bridge would reopen in May.")
    assert cues.proper_noun_before(qd, verb(qd, "said")).text == "Lopez"
    qd = qdoc(nlp, "The mayor said the bridge would reopen in May.")
    assert cues.proper_noun_before(qd, verb(qd, "said")) is None


@pytest.mark.parametrize("text, word, expected", [
    ("Helen Ortega called on the mayor to resign.", "called", ["called", "on"]),
    ("Omar Reyes pointed out that the bridge was old.", "pointed", ["pointed", "out"]),
    ("Maria Lopez said the bridge would reopen in May.", "said", ["said"]),
])
def test_cue_tokens(nlp, text, word, expected):
    qd = qdoc(nlp, text)
    v = verb(qd, word)
    assert [t.text for t in cues.cue_tokens(v, lemma_of(v.text))] == expected


def test_headline_content_runs_to_the_end_of_the_title(nlp):
    qd = qdoc(nlp, "Walker says budget 'a disgrace' in rebuking council", role="title")
    v = verb(qd, "says")
    lo, hi = cues.headline_content(qd, v, (v.i + 1, v.i + 3))
    assert qd.doc[lo:hi].text == "budget 'a disgrace' in rebuking council"


def test_bound_content_leaves_out_subject_and_cue(nlp):
    # a range over the whole sentence starts after the cue when the subject is before it
    qd = qdoc(nlp, "Maria Lopez said the bridge would reopen in May.")
    v = verb(qd, "said")
    lo, hi = cues.bound_content(qd, v, cues.cue_subject(qd, v), (0, len(qd.doc)), 2)
    assert qd.doc[lo:hi].text == "the bridge would reopen in May."
    # and ends before a subject that follows the cue
    qd = qdoc(nlp, "The bridge will reopen in May, said Maria Lopez.")
    v = verb(qd, "said")
    lo, hi = cues.bound_content(qd, v, cues.cue_subject(qd, v), (0, len(qd.doc)), 2)
    assert qd.doc[lo:hi].text == "The bridge will reopen in May"


def test_coordinated_that_clauses(nlp):
    qd = qdoc(nlp, "Lena Marsh predicted that prices would rise over time, but that wages would rise faster.")
    v = verb(qd, "predicted")
    assert [qd.doc[a:b].text for a, b in cues.coordinated_that_clauses(qd, v, v.i)] == ["that wages would rise faster"]
    qd = qdoc(nlp, "Lena Marsh predicted that prices would rise over time.")
    assert cues.coordinated_that_clauses(qd, verb(qd, "predicted"), 0) == []
