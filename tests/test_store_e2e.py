"""End to end: the real pipeline (spaCy) on two short articles, into the store. Slow."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXTS = {
    "seoul.txt": ("North Korea rejects talks\n\nSEOUL, March 4, 2019 - North Korean leader Kim Jong Un said on Monday "
                  "that his country would never give up its nuclear weapons.\n\n\"We will never give up our nuclear "
                  "weapons, whatever the sanctions say,\" Kim said in a speech in Pyongyang.\n\n"
                  "Analysts in Seoul said the remarks were aimed at Washington.\n"),
    "tokyo.txt": ("Kim vows to keep arsenal\n\nTOKYO, March 5, 2019 - Markets barely moved after the speech.\n\n"
                  "\"We will never give up our nuclear weapons,\" Kim Jong Un said, according to state media.\n\n"
                  "Japanese officials declined to comment on Tuesday.\n"),
}


def test_ingest_with_the_real_pipeline_then_again(tmp_path):
    pytest.importorskip("spacy")
    from newsgraph.corpus import ingest_paths
    from newsgraph.store import open_store, search_quotations, stats

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text)
    store = open_store(tmp_path / "news.db")
    report = ingest_paths(store, [str(folder)])
    assert report.stored + report.errors == 2
    assert report.stored == 2, report.error_codes
    first = stats(store)
    again = ingest_paths(store, [str(folder)])
    assert again.skipped == 2 and stats(store) == first
    found = search_quotations(store, search="nuclear weapons")
    assert found["total"] >= 1
