"""Pure helpers of the store: MinHash, safe FTS queries (name and quotation keys: test_keys.py)."""
from __future__ import annotations

import re

import pytest

from newsgraph.store import text as T


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
