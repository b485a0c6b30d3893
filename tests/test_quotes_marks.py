"""Quotation-mark pairing and the reporting-verb lexicon: no model needed.

Every text here was written for these tests.
"""
from __future__ import annotations

import pytest

from newsgraph.paragraphs import paragraph_spans
from newsgraph.quotes.lexicon import FORMS, NOT_STATEMENTS, REPORTING_VERBS, inflections, lemma_of, verb_class
from newsgraph.quotes.marks import find_quote_spans


def spans(text: str) -> list[tuple[str, int, bool, bool]]:
    """(quoted words, paragraph, continues, continued) for each span."""
    return [(text[s.start:s.end], s.paragraph, s.continues, s.continued)
            for s in find_quote_spans(text, paragraph_spans(text))]


@pytest.mark.parametrize("text, expected", [
    # straight marks
    ('She said "we are done" and left.', [("we are done", 0, False, False)]),
    # curly marks
    ("He called it \u201ca fair deal\u201d on Monday.", [("a fair deal", 0, False, False)]),
    # doubled apostrophes, as some archives write them
    ("He said ''not today'' twice.", [("not today", 0, False, False)]),
    # two quotations in one sentence
    ('"Yes," she said, "we will."', [("Yes,", 0, False, False), ("we will.", 0, False, False)]),
    # nested single quotes stay inside
    ("\u201cThey told me \u2018no way\u2019 at once,\u201d he said.",
     [("They told me \u2018no way\u2019 at once,", 0, False, False)]),
    # no marks at all
    ("Nothing is quoted in this sentence.", []),
])
def test_pairs(text, expected):
    assert spans(text) == expected


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    text = 'He called it "a mess and left the room.\n\nThe next paragraph is plain.'
    assert spans(text) == [("a mess and left the room.", 0, False, False)]


def test_stray_closing_mark_is_ignored():
    text = "The word \u201d stands alone here.\n\nAnd \u201cthis one\u201d is fine."
    assert spans(text) == [("this one", 1, False, False)]


def test_quotation_running_over_paragraphs():
    text = ('\u201cThe first part runs on here.\n\n'
            '\u201cAnd the second part ends it,\u201d the mayor said.')
    assert spans(text) == [("The first part runs on here.", 0, False, True),
                           ("And the second part ends it,", 1, True, False)]


def test_odd_number_of_marks_never_raises():
    text = '"One "two" three "four\n\n"five'
    out = find_quote_spans(text, paragraph_spans(text))
    assert all(0 <= s.start <= s.end <= len(text) for s in out)


# ---------------------------------------------------------------- lexicon

def test_lexicon_is_a_real_table():
    assert len(REPORTING_VERBS) >= 100
    for verb in ("say", "tell", "insist", "warn", "concede", "add", "promise", "deny",
                 "claim", "argue", "note", "acknowledge", "threaten"):
        assert verb in REPORTING_VERBS


@pytest.mark.parametrize("form, lemma", [
    ("said", "say"), ("says", "say"), ("told", "tell"), ("insisted", "insist"),
    ("conceded", "concede"), ("denies", "deny"), ("admitted", "admit"), ("warning", "warn"),
    ("tweeted", "tweet"), ("replied", "reply"), ("written", "write"),
])
def test_inflected_forms(form, lemma):
    assert lemma_of(form) == lemma
    assert form in inflections(lemma)


@pytest.mark.parametrize("word", ["thinks", "believed", "views", "hopes", "feared", "wants", "knew"])
def test_beliefs_are_not_statements(word):
    assert verb_class(word) is None
    assert lemma_of(word) in NOT_STATEMENTS


def test_forms_are_lower_case():
    assert all(f == f.lower() for f in FORMS)
