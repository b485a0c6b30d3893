"""HTML built from offsets: nested, escaped, exact; the timeline SVG; URL and date helpers."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")

from newsgraph.web.filters import nice_date, query  # noqa: E402
from newsgraph.web.render import Span, article_view, nest, parse_day, safe_url, timeline_svg  # noqa: E402
from test_web_fixtures import articles  # noqa: E402


class Checker(HTMLParser):
    """Collects text and checks that every tag we open is closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check(markup: str) -> Checker:
    c = Checker()
    c.feed(markup)
    c.close()
    assert not c.stack
    return c


def test_nest_splits_crossing_spans_and_keeps_text():
    text = "He said <b>&'\" today, loudly."
    spans = [Span(0, 15, "quote"), Span(3, 7, "cue"), Span(11, 25, "timex"), Span(0, 2, "speaker")]
    out = str(nest(text, 0, len(text), spans))
    c = check(out)
    assert "".join(c.text) == text
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert out.startswith('<span class="quote"><span class="speaker">He</span>')


def test_nest_clips_to_range_and_ignores_empty():
    text = "abcdefghij"
    out = str(nest(text, 2, 6, [Span(0, 4, "quote"), Span(5, 9, "timex"), Span(3, 3, "cue"), Span(8, 9, "cue")]))
    c = check(out)
    assert "".join(c.text) == "cdef"
    assert [t for t, _ in c.tags] == ["span", "span"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'/=\n") + ["é", "\u202e"]), max_size=40),
       raw=st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45),
                              st.sampled_from(["quote", "speaker", "cue", "timex"])), max_size=8))
def test_nest_is_always_well_formed_and_escaped(text, raw):
    spans = [Span(a, b, kind, attrs={"data-x": text}) for a, b, kind in raw]
    out = str(nest(text, 0, len(text), spans))
    c = check(out)
    assert "".join(c.text) == text
    assert all(tag == "span" for tag, _ in c.tags)
    assert all(attrs.get("data-x") == text for _, attrs in c.tags)
    stripped = re.sub(r"<[^>]*>", "", out)
    assert html.unescape(stripped) == text and "<" not in stripped and ">" not in stripped


def test_article_view_of_every_fixture():
    for rec in articles():
        d = rec.to_dict()
        view = article_view(d, {"entities": [], "quotes": []})
        joined = "".join(str(b["html"]) for b in view["blocks"])
        c = check(joined)
        assert "".join(c.text) == "".join(d["text"][p["start"]:p["end"]] for p in d["paragraphs"])
        quotes = [a for t, a in c.tags if "quote" in a.get("class", "").split()]
        assert len({q["id"] for q in quotes}) == len(rec.quotes)
        assert {b["role"] for b in view["blocks"]} <= {"title", "body", "heading", "caption"}


def test_article_view_survives_bad_offsets():
    d = articles()[0].to_dict()
    d["quotes"][0]["start"], d["quotes"][0]["end"] = 10_000, 10_010       # outside the text
    d["quotes"][1]["start"] = None
    d["timexes"][0]["end"] = -1
    d["paragraphs"].append({"start": 5, "end": 99999, "role": "body"})
    view = article_view(d, {})
    check("".join(str(b["html"]) for b in view["blocks"]))


def test_speaker_colours_follow_first_appearance():
    d = articles()[0].to_dict()
    view = article_view(d, {"entities": [], "quotes": []})
    assert [s["name"] for s in view["speakers"]] == ["Anna Dekker", "Port Authority", "Tomas Brink"]
    assert [s["colour"] for s in view["speakers"]] == [0, 1, 2]
    assert [s["n"] for s in view["speakers"]] == [3, 1, 1]


def test_timeline_svg():
    items = [{"first_seen": d} for d in ("2026-03-03", "2026-03-20", "2026-05", "2027-01-02", "junk", None)]
    svg = str(timeline_svg(items))
    check(svg)
    assert svg.count('class="bar"') == 3
    assert 'data-month="2026-03" data-count="2"' in svg
    assert ">2027<" in svg
    empty = str(timeline_svg([]))
    assert "no dated statements" in empty and "bar" not in empty
    one = str(timeline_svg([{"first_seen": "2019"}]))
    assert one.count('class="bar"') == 1
    days = str(timeline_svg([{"first_seen": d} for d in ("2026-11-09", "2026-11-09", "2026-11-10")]))
    assert 'data-unit="day"' in days and 'data-bin="2026-11-09" data-month="2026-11" data-count="2"' in days
    years = str(timeline_svg([{"first_seen": d} for d in ("1990-01-01", "2019-05-05")]))
    assert 'data-unit="year"' in years and years.count('class="bar"') == 2
    check(days) and check(years)


def test_helpers():
    assert parse_day("2019-03-01T10:00") .isoformat() == "2019-03-01"
    assert parse_day("2019-02-30") is None and parse_day("PRESENT_REF") is None
    assert nice_date("2019-03-01") == "1 Mar 2019" and nice_date("2019-03") == "Mar 2019" and nice_date("2019") == "2019"
    assert nice_date("P3D") == "P3D" and nice_date(None) == ""
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil", "http://a b", None, 3):
        assert safe_url(bad) is None
    assert query({"q": "a&b", "kind": "", "fts": False}, offset=20) == "q=a%26b&offset=20"
