"""Crashes and blow-ups that the hostile-input work found in code owned by others.

Each test states the exact input; each is ``xfail(strict=True)`` until the owner
fixes it (then it passes, the strict marker turns that into a failure, and the
marker is removed).
"""
from __future__ import annotations

import os
import tempfile

import pytest

from newsgraph.clean import clean_page_text
from newsgraph.ingest import RawDocument
from newsgraph.records import ArticleRecord

SUPERSCRIPT_DATE = "\u00b2 January 2024\n\nThe mayor said on Monday that the bridge would reopen in May.\n"


def test_superscript_digit_in_a_date_line():
    """Regression: clean.py parsed '\u00b2' as a day ('\u00b2'.isdigit() is True, int() refuses it);
    found by fuzz/fuzz_text_dump.py."""
    page = clean_page_text(SUPERSCRIPT_DATE)
    assert [b.text for b in page.blocks if b.role == "body"][-1].startswith("The mayor said on Monday")


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="quotes/extract.py is super-linear in a long sentence with many cues "
                                       "(_cut_nested, _trim's marks list, _split_that_clauses rescan the sentence "
                                       "per cue): 'He said \"hello ' * n spends 0.16 s (n=300), 1.9 s (1000), "
                                       "7.8 s (1500) in the quote stage; * 4000 nears the 60 s limit")
def test_quote_stage_scales_linearly_with_cues(nlp):
    from newsgraph.pipeline import Timings, process_document

    def quote_seconds(n: int) -> float:
        raw = RawDocument(id="cues", source="<test>", media_type="text", content='He said "hello ' * n)
        timings = Timings()
        rec = process_document(raw, nlp, timings=timings, timeout=30)
        assert isinstance(rec, ArticleRecord), rec
        return timings.seconds["quotes"]

    small, large = quote_seconds(300), quote_seconds(1200)
    assert large < 8 * max(small, 0.02), (small, large)   # 4x the text: ~4x the time when linear


def test_speaker_lookup_with_superscript_digit():
    """Regression: store/read.py get_speaker took '\u00b2' for an id (isdigit) and int() raised."""
    from newsgraph.errors import E
    from newsgraph.store import StoreError, get_speaker, open_store

    with tempfile.TemporaryDirectory() as d:
        store = open_store(os.path.join(d, "x.db"))
        try:
            with pytest.raises(StoreError) as info:  # a clear "no such speaker", not a ValueError
                get_speaker(store, "\u00b2")
            assert info.value.code == E.NO_MATCH
        finally:
            getattr(store, "close", lambda: None)()
