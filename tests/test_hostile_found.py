"""Crashes and blow-ups that the hostile-input work found, kept as regression tests.

Each test states the exact input. A new finding is added as ``xfail(strict=True)``
until it is fixed; then the marker goes and the test stays.
"""
from __future__ import annotations

import os
import tempfile

import pytest

from newsgraph.clean import clean_page_text
from newsgraph.ingest import RawDocument
from newsgraph.options import Options
from newsgraph.records import ArticleRecord

SUPERSCRIPT_DATE = "\u00b2 January 2024\n\nThe mayor said on Monday that the bridge would reopen in May.\n"


def test_superscript_digit_in_a_date_line():
    """Regression: clean.py parsed '\u00b2' as a day ('\u00b2'.isdigit() is True, int() refuses it);
    found by fuzz/fuzz_text_dump.py."""
    page = clean_page_text(SUPERSCRIPT_DATE)
    assert [b.text for b in page.blocks if b.role == "body"][-1].startswith("The mayor said on Monday")


@pytest.mark.slow
def test_quote_stage_scales_linearly_with_cues(nlp):
    """Regression: one long sentence with many cues made the quote stage quadratic
    ('He said "hello ' * n: 0.16 s at n=300, 7.8 s at 1500, ~30 s at 3000); reported
    content is now capped (quotes.content.MAX_CONTENT_TOKENS), so the work per cue is
    bounded. n=3000 must finish well inside a 20 s limit (it takes ~4 s in all now)."""
    from newsgraph.pipeline import process_document
    from newsgraph.quotes.content import MAX_CONTENT_TOKENS

    raw = RawDocument(id="cues", source="<test>", media_type="text", content='He said "hello ' * 3000)
    rec = process_document(raw, nlp, options=Options(timeout=20))
    assert isinstance(rec, ArticleRecord), rec
    assert all(len(q.text.split()) <= MAX_CONTENT_TOKENS for q in rec.quotes)


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
