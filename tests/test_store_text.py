"""Pure helpers of the store: name keys, quotation matching, MinHash, safe FTS queries."""
from __future__ import annotations

import re

import pytest

from newsgraph.store import text as T


@pytest.mark.parametrize("name, key", [
    ("Kim Jong Un", "kim jong un"), ("Kim Jong-un", "kim jong un"), ("KIM JONG UN", "kim jong un"),
    ("President Donald J. Trump", "donald trump"), ("Mr. Moon's", "moon"), ("José Müller Jr.", "jose muller"),
    ("Dong-Yub Kim", "dong yub kim"), ("", ""),
])
def test_name_key(name, key):
    assert T.name_key(name) == key


@pytest.mark.parametrize("a, b, match", [
    ("We will never give up, whatever they say.", "we will never give up whatever they say", "exact"),
    ("We will never give up our weapons, whatever they say", "We will never give up our weapons", "trimmed"),
    ("whatever they say we will never give up our weapons", "we will never give up our weapons", "trimmed"),
    ("We will never give up our weapons at all", "We will never give up our arms at all", "near"),
    ("We will give up our nuclear weapons next year", "We will not give up our nuclear weapons next year", None),
    ("Prices rose 3 percent in March this year", "Prices rose 4 percent in March this year", None),
    ("No.", "Yes.", None),
    ("The talks are over", "The talks are over for now and for ever and ever more", None),  # too short a part
])
def test_quote_match(a, b, match):
    assert T.quote_match(T.quote_norm(a), T.quote_norm(b)) == match


def test_quote_anchors_meet_for_trimmed_quotes_of_one_speaker():
    full = T.quote_norm("We will never give up our nuclear weapons, whatever the sanctions say.")
    cut = T.quote_norm("We will never give up our nuclear weapons")
    assert set(T.quote_anchors(full, "e:1")) & set(T.quote_anchors(cut, "e:1"))
    assert not set(T.quote_anchors(full, "e:1")) & set(T.quote_anchors(cut, "e:2"))


def _shingles(text):
    words = [w for w in re.split(r"[^\w]+", T.fold(text)) if w]
    return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}


def test_minhash_estimates_jaccard():
    base = " ".join(f"word{i}" for i in range(300))
    copy = "(AP) - " + base + " Copyright 2019."
    other = " ".join(f"term{i}" for i in range(300))
    half = " ".join(f"word{i}" for i in range(150)) + " " + " ".join(f"term{i}" for i in range(150))
    assert T.similarity(T.minhash(base), T.minhash(copy)) > 0.9
    assert T.similarity(T.minhash(base), T.minhash(other)) < 0.1
    exact = len(_shingles(base) & _shingles(half)) / len(_shingles(base) | _shingles(half))
    assert abs(T.similarity(T.minhash(base), T.minhash(half)) - exact) < 0.15
    sig = T.minhash(base)
    assert (T.blob_to_sig(T.sig_to_blob(sig)) == sig).all()
    assert T.lsh_bands(T.minhash(base)) == T.lsh_bands(T.minhash(base))


@pytest.mark.parametrize("text, query", [
    ("sanctions", '"sanctions"'),
    ("nuclear sanctions", '"nuclear" "sanctions"'),
    ('"never give up" sanctions', '"never give up" "sanctions"'),
    ("sanc*", '"sanc"*'),
    ("talks OR summit", '"talks" OR "summit"'),
    ("OR talks OR", '"talks"'),
    ("'; DROP TABLE quotations; --", '"DROP" "TABLE" "quotations"'),
    ('NEAR(a b) "unbalanced', '"NEAR a" "b" "unbalanced"'),  # punctuation joins a phrase
    ("Jong-un", '"Jong un"'),
    ("((( *** )))", None),
    ("", None),
])
def test_plain_query(text, query):
    assert T.plain_query(text) == query
