"""clean_html: hand-written HTML pages -> headline, blocks, captions, date, metadata."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

from newsgraph.clean import CleanedPage  # noqa: E402
from newsgraph.errors import E, NewsgraphError  # noqa: E402
from newsgraph.ingest.html import clean_html  # noqa: E402

PAGES = Path(__file__).resolve().parent / "pages"
HTML_FILES = sorted(p for p in PAGES.glob("*.html") if p.with_name(p.stem + ".expected.json").exists())


def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


def test_there_are_html_fixtures():
    assert len(HTML_FILES) >= 3


@pytest.mark.parametrize("path", HTML_FILES, ids=[p.stem for p in HTML_FILES])
def test_html_page(path):
    exp = expected(path)
    page = clean_html(path.read_text(encoding="utf-8"))
    assert isinstance(page, CleanedPage)
    assert page.title == exp["title"]
    assert [[b.role, b.text] for b in page.blocks] == exp["blocks"]
    assert page.metadata.get("published") == exp["published"]
    for key, value in exp.get("metadata", {}).items():
        assert page.metadata.get(key) == value, key
    assert isinstance(page.metadata["dropped"], dict)


@pytest.mark.parametrize("path", HTML_FILES, ids=[p.stem for p in HTML_FILES])
def test_captions_kept_once_and_blocks_clean(path):
    page = clean_html(path.read_text(encoding="utf-8"))
    texts = [b.text for b in page.blocks]
    assert len(texts) == len(set(texts))
    for b in page.blocks:
        assert b.text and "\n" not in b.text and b.text == " ".join(b.text.split())
        assert b.role in ("body", "heading", "caption")
    assert page.title not in texts


def _tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def word_f1(predicted: str, reference: str) -> float:
    p, r = _tokens(predicted), _tokens(reference)
    common = sum((p & r).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(r.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("path", HTML_FILES, ids=[p.stem for p in HTML_FILES])
def test_body_word_f1_at_least_trafilatura(path):
    """Our body and headings against the expected ones, beside trafilatura's own
    plain-text extraction of the same page (default settings)."""
    import trafilatura

    html = path.read_text(encoding="utf-8")
    reference = " ".join(text for role, text in expected(path)["blocks"] if role != "caption")
    ours = " ".join(b.text for b in clean_html(html).blocks if b.role != "caption")
    theirs = trafilatura.extract(html) or ""
    assert word_f1(ours, reference) >= word_f1(theirs, reference)
    assert word_f1(ours, reference) >= 0.95


def test_url_is_kept_in_metadata():
    page = clean_html((PAGES / "blog_post.html").read_text(encoding="utf-8"),
                      url="https://spoke.example/2021/11/06/old-bicycle")
    assert page.metadata["url"] == "https://spoke.example/2021/11/06/old-bicycle"


@pytest.mark.parametrize("html", [
    "",
    "   ",
    (PAGES / "no_article.html").read_text(encoding="utf-8"),
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
])
def test_no_article(html):
    with pytest.raises(NewsgraphError) as info:
        clean_html(html)
    assert info.value.code == E.NO_ARTICLE


def test_bytes_are_accepted():
    raw = (PAGES / "wire_story.html").read_bytes()
    assert clean_html(raw).title == expected(PAGES / "wire_story.html")["title"]
