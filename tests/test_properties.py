"""Property tests (hypothesis) on the cleaning, quote and time stages, through the
public functions ``clean.clean_page_text`` and ``pipeline.process_text``.

Whatever the text: no exception; every offset inside ``text`` and equal to what it
claims to cover; paragraphs in order, separated by one blank line; quotes inside
their paragraphs; time values valid TIMEX3. The spaCy model is loaded once per
process (``nlp.load_model`` is cached); examples are few and derandomized so the
run is short and repeatable.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_page_text
from newsgraph.errors import E
from newsgraph.pipeline import process_text
from newsgraph.records import PARAGRAPH_ROLES, QUOTE_KINDS, TIMEX_TYPES, ArticleRecord, ErrorRecord

try:
    from newsgraph.timex import validate_value
except ImportError:  # pragma: no cover - the time stage is being reorganised
    validate_value = None

CODES = {e.value for e in E}

FRAGMENTS = [
    "The mayor said on Monday that the bridge would reopen in May.",
    "\u201cWe will not give up,\u201d she told reporters.",
    "\"It is a disgrace,\" said John Smith, a spokesman for the council.",
    "According to officials, the talks will resume next week.",
    "Smith added that the deal was signed on March 3, 2019.",
    "She said: \u2018No comment.\u2019", "He said \"we will win.", "\u201d\u201d\u201c", "''", "\u00ab Non \u00bb, a dit le maire.",
    "By Jane Doe", "Advertisement", "Share this article", "Read more: Bridge closed",
    "Photo: Reuters", "10:30 a.m.", "2019-04-13", "last Tuesday", "two weeks ago", "every Monday",
    "Updated 3 hours ago", "WASHINGTON (Reuters) -", "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "zero\u200bwidth\u200djoin\u2060er\ufeff", "\u202eoverride\u202c", "...", "\u2014", "|", "\t", "Mr. Smith", "U.S.",
]
piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(alphabet=" \"'\u201c\u201d\u2018\u2019.,:;-\n", max_size=20),
)
line = st.lists(piece, min_size=1, max_size=6).map(" ".join)
page = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\n\n"])), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts))

# NEWSGRAPH_PROPERTY_EXAMPLES=2000 explores (random seeds) instead of the short repeatable run.
EXPLORE = int(os.environ.get("NEWSGRAPH_PROPERTY_EXAMPLES", "0"))
FAST = settings(max_examples=EXPLORE or 200, deadline=None, derandomize=not EXPLORE,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=EXPLORE or 60, deadline=None, derandomize=not EXPLORE,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(page)
def test_clean_page_text_never_fails(text):
    page = clean_page_text(text)
    assert page.title is None or (isinstance(page.title, str) and "\n" not in page.title)
    for b in page.blocks:
        assert b.role in PARAGRAPH_ROLES
        assert b.text and b.text == b.text.strip()
        assert "\n" not in b.text   # a block is one paragraph: no line break inside


def _inside(text: str, start: int, end: int, claimed: str | None = None) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    if claimed is not None:
        assert text[start:end] == claimed, (text[start:end], claimed)


def check_record(rec) -> None:
    assert isinstance(rec, (ArticleRecord, ErrorRecord))
    if isinstance(rec, ErrorRecord):
        assert rec.error.code in CODES
        assert rec.error.code not in (E.INTERNAL.value, E.TIMEOUT.value), rec.error.message
        return
    text = rec.text
    paras = rec.paragraphs
    assert paras, "a record has at least one paragraph"
    assert paras[0].start == 0 and paras[-1].end == len(text)
    for a, b in zip(paras, paras[1:]):
        assert text[a.end:b.start] == "\n\n"
    for p in paras:
        assert p.role in PARAGRAPH_ROLES + ("title",)
        assert p.start < p.end and "\n\n" not in text[p.start:p.end]
    for e in rec.entities:
        for m in e.mentions:
            _inside(text, m.start, m.end, m.text)
    for q in rec.quotes:
        assert q.kind in QUOTE_KINDS
        _inside(text, q.start, q.end)
        assert 0 <= q.paragraph < len(paras)
        p = paras[q.paragraph]
        assert p.start <= q.start and q.end <= p.end, ("quote outside its paragraph", q, p)
        if q.cue:
            _inside(text, q.cue.start, q.cue.end, q.cue.text)
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            _inside(text, m.start, m.end, m.text)
        if q.date and validate_value:
            assert validate_value(q.date), q.date
    for t in rec.timexes:
        _inside(text, t.start, t.end, t.text)
        assert t.type in TIMEX_TYPES
        assert t.value and not any(ch.isspace() for ch in t.value), t.value
        if validate_value:
            assert validate_value(t.value), t.value
    assert ArticleRecord.from_json(rec.to_json()) == rec


@pytest.mark.slow
@SLOW
@given(page, st.one_of(st.none(), line), st.sampled_from([None, "2019-04-13", "not a date", "2019-02-30"]))
def test_process_text_holds_its_invariants(text, title, published):
    check_record(process_text(text, title=title, published=published))


@pytest.mark.slow
@SLOW
@given(st.lists(st.sampled_from(FRAGMENTS[:6] + ["\"", "\u201c", "\u201d", "said", "told", "\n\n"]),
                min_size=5, max_size=40).map(" ".join))
def test_quotes_and_times_in_news_like_text(text):
    check_record(process_text("Bridge to reopen\n\n" + text))
