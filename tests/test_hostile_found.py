"""Crashes and blow-ups that the hostile-input work found in code owned by others.

Each test states the exact input; each is ``xfail(strict=True)`` until the owner
fixes it (then it passes, the strict marker turns that into a failure, and the
marker is removed).
"""
from __future__ import annotations

import os
import tempfile
import time

import pytest

from newsgraph.clean import clean_page_text
from newsgraph.ingest import RawDocument
from newsgraph.records import ArticleRecord

SUPERSCRIPT_DATE = "\u00b2 January 2024\n\nThe mayor said on Monday that the bridge would reopen in May.\n"


@pytest.mark.xfail(strict=True, raises=ValueError,
                   reason="clean.py _parse_date: '\u00b2'.isdigit() is True but int('\u00b2') raises "
                          "(found by fuzz/fuzz_text_dump.py); use t.isdecimal() or the \\d token")
def test_superscript_digit_in_a_date_line():
    clean_page_text(SUPERSCRIPT_DATE)


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="quotes/extract.py is quadratic in a long sentence with many cues: "
                                       "_cut_nested, _trim's marks list and _split_that_clauses rescan "
                                       "the sentence per cue ('He said \"hello ' * 600, 9,000 chars, "
                                       "takes seconds; * 4000 overruns the 60 s limit)")
def test_many_cues_in_one_sentence_is_fast(nlp):
    from newsgraph.pipeline import process_document

    raw = RawDocument(id="cues", source="<test>", media_type="text", content='He said "hello ' * 600)
    t = time.perf_counter()
    rec = process_document(raw, nlp, timeout=1.5)
    assert isinstance(rec, ArticleRecord), rec
    assert time.perf_counter() - t < 3


@pytest.mark.xfail(strict=True, raises=ValueError,
                   reason="store/read.py get_speaker: str.isdigit() accepts '\u00b2', int() refuses it; "
                          "use isdecimal()/isascii() as web/api.py does")
def test_speaker_lookup_with_superscript_digit():
    from newsgraph.store import get_speaker, open_store

    with tempfile.TemporaryDirectory() as d:
        store = open_store(os.path.join(d, "x.db"))
        try:
            get_speaker(store, "\u00b2")
        finally:
            getattr(store, "close", lambda: None)()
