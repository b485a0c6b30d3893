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


def test_headline_from_first_heading_when_no_title_tag():
    html = ("<html><body><div><h2>Night Buses Return To The Old Town</h2>"
            "<p>Night buses will run through the old town again from next month, the transport office said on "
            "Monday, after a two-year pause caused by roadworks on the main bridge.</p>"
            "<p>The buses will leave the central station every half hour between midnight and five in the "
            "morning, and tickets bought for the day service will be valid on them.</p></div></body></html>")
    page = clean_html(html)
    assert page.title == "Night Buses Return To The Old Town"
    assert [b.role for b in page.blocks] == ["body", "body"]


def test_caption_by_class_name():
    html = ("<html><head><title>Old Mill Reopens As Bakery</title></head><body><article>"
            "<h1>Old Mill Reopens As Bakery</h1>"
            "<p>The old water mill on the edge of town reopened on Saturday as a bakery, grinding its own flour "
            "for the first time since the 1950s, its new owners said.</p>"
            "<div class='wp-caption'><img src='mill.jpg'><p class='wp-caption-text'>The restored wheel of the old "
            "mill turns again after seventy years.</p></div>"
            "<p>The owners spent two years repairing the wheel and the millstones with help from volunteers "
            "and a grant from the regional heritage fund.</p></article>"
            "<aside><p class='caption'>A stall at the weekend market.</p></aside></body></html>")
    page = clean_html(html)
    assert [b.role for b in page.blocks] == ["body", "caption", "body"]
    assert page.blocks[1].text == "The restored wheel of the old mill turns again after seventy years."


# ---------------------------------------------------------------- tables, titles, what closes an article

P1 = ("The regional weather office published the spring rainfall totals for the three valley towns on Friday, "
      "showing a wetter season than the thirty-year average in each of them.")
P2 = ("Farmers in the upper valley said the wet fields had delayed sowing by about two weeks, although the "
      "reservoirs are now fuller than at any time since 2016.")
P3 = ("Forecasters expect a drier May, but they warned that short and heavy showers remain likely in the hills "
      "for the rest of the spring.")


def _page(inner: str, title: str = "Spring rainfall above average | Valley Weekly") -> str:
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='Valley Weekly'></head>"
            f"<body><article><h1>Spring rainfall above average</h1>{inner}</article></body></html>")


def test_a_data_table_is_kept_as_rows_of_role_table():
    table = ("<table><tr><th>Town</th><th>March</th><th>April</th></tr>"
             "<tr><td>Orsa</td><td>81 mm</td><td>64 mm</td></tr>"
             "<tr><td>Belden</td><td>77 mm</td><td>59 mm</td></tr></table>")
    page = clean_html(_page(f"<p>{P1}</p>{table}<p>{P2}</p><p>{P3}</p>"))
    assert [(b.role, b.text) for b in page.blocks] == [
        ("body", P1), ("table", "Town | March | April"), ("table", "Orsa | 81 mm | 64 mm"),
        ("table", "Belden | 77 mm | 59 mm"), ("body", P2), ("body", P3)]


def test_a_layout_table_gives_its_paragraphs():
    table = f"<table><tr><td><p>{P2}</p></td><td><p>{P3}</p></td></tr></table>"
    page = clean_html(_page(f"<p>{P1}</p>{table}"))
    assert [(b.role, b.text) for b in page.blocks] == [("body", P1), ("body", P2), ("body", P3)]


@pytest.mark.parametrize("title, headline", [
    ("Spring rainfall above average | Valley Weekly", "Spring rainfall above average"),
    ("Valley Weekly - Spring rainfall above average", "Spring rainfall above average"),
])
def test_the_sites_name_leaves_the_title(title, headline):
    page = clean_html(_page(f"<p>{P1}</p><p>{P2}</p>", title=title))
    assert page.title == headline


def test_a_sign_up_box_inside_the_article_does_not_end_it():
    box = ("<h3>Sign up for the Valley Weekly newsletter</h3>"
           "<p>Never miss the latest news by signing up to our newsletter today!</p>")
    page = clean_html(_page(f"<p>{P1}</p>{box}<p>{P2}</p><p>{P3}</p>"))
    assert [b.text for b in page.blocks] == [P1, P2, P3]


def test_a_closing_header_still_ends_the_article():
    tail = "<h3>Comments</h3><p>Great article, thanks.</p><p>See you at the market!</p>"
    page = clean_html(_page(f"<p>{P1}</p><p>{P2}</p>{tail}"))
    assert [b.text for b in page.blocks] == [P1, P2]


def test_calls_to_the_reader_and_author_notes_after_the_article_go():
    tail = ("<p>Jane Doe is a reporter at the paper and writes about farming and the weather.</p>"
            "<p>Want more from us? Get the latest news straight to your phone with our app!</p>"
            "<h4>Most read</h4>")
    page = clean_html(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>{tail}"))
    assert [b.text for b in page.blocks] == [P1, P2, P3]
    assert page.metadata["dropped"]["promotion"] == 1 and page.metadata["dropped"]["author"] == 1


def test_page_text_renders_what_a_browser_shows():
    from trafilatura.utils import load_html

    from newsgraph.ingest.html import page_text

    html = ("<html><head><title>Harbour news</title><style>p {color: red}</style></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li>\n<li>Sport</li></ul></nav>"
            "<h1>Ferry fares rise</h1><p>The harbour authority raised\nfares on <b>Friday</b>.</p>"
            "<p>Commuters were not pleased.<br>Nor were the unions.</p>"
            "<table><tr><td>Route</td><td>Fare</td></tr><tr><td>North</td><td>3 euros</td></tr></table>"
            "<p><ruby>港<rt>みなと</rt></ruby>の船</p><script>var x = 1;</script></body></html>")
    assert page_text(load_html(html)) == (
        "Harbour news\n\nHome\nSport\nFerry fares rise\n\nThe harbour authority raised fares on Friday.\n\n"
        "Commuters were not pleased.\nNor were the unions.\n\nRoute\tFare\nNorth\t3 euros\n\n港の船")


def test_when_trafilatura_keeps_almost_nothing_the_pages_own_text_is_cleaned():
    from trafilatura.utils import load_html

    from newsgraph.ingest.html import _from_page_text

    page = _from_page_text(load_html(_page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>")), None)
    assert page.title == "Spring rainfall above average"
    assert [b.text for b in page.blocks] == [P1, P2, P3]
    assert page.metadata["dropped"]["page_text"] == 1
    assert _from_page_text(load_html("<html><body><nav>Home</nav></body></html>"), None) is None
