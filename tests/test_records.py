"""ArticleRecord JSON form: a round trip keeps every field (property test)."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.records import (About, ArticleRecord, Cue, Entity, ErrorInfo, ErrorRecord, Evidence, Mention,
                               Paragraph, Profile, ProfileField, Quote, SCHEMA_VERSION, Speaker, Timex)

text_st = st.text(max_size=40)
small = st.integers(min_value=0, max_value=10_000)
mention_st = st.builds(Mention, text=text_st, start=small, end=small)
evidence_st = st.builds(Evidence, kind=st.sampled_from(["pronoun", "honorific", "given_name"]), text=text_st,
                        value=text_st, start=st.none() | small, end=st.none() | small)
field_st = st.builds(ProfileField, value=st.none() | text_st, label=st.none() | text_st,
                     evidence=st.lists(evidence_st, max_size=2))
profile_st = st.builds(Profile, kind=st.sampled_from(["person", "anonymous", "group"]), gender=field_st, role=field_st,
                       affiliation=field_st, country=field_st, anonymous=st.booleans())
speaker_st = st.builds(Speaker, name=text_st, type=st.sampled_from(["person", "group", "anonymous"]),
                       entity=st.none() | text_st, mention=st.none() | mention_st,
                       descriptor=st.none() | text_st, affiliation=st.none() | text_st,
                       profile=st.none() | profile_st)
quote_st = st.builds(Quote, text=text_st, kind=st.sampled_from(["direct", "indirect", "mixed"]),
                     start=small, end=small, paragraph=small, speaker=st.none() | speaker_st,
                     cue=st.none() | st.builds(Cue, text=text_st, start=small, end=small),
                     channel=st.none() | text_st,
                     about=st.lists(st.builds(About, entity=text_st, name=text_st), max_size=3),
                     date=st.none() | text_st, date_source=st.none() | st.just("text"))
record_st = st.builds(
    ArticleRecord, id=text_st, source=text_st, text=st.text(max_size=200), title=st.none() | text_st,
    published=st.none() | st.dates().map(lambda d: d.isoformat()),
    published_source=st.none() | st.sampled_from(["supplied", "inferred"]),
    paragraphs=st.lists(st.builds(Paragraph, start=small, end=small,
                                  role=st.sampled_from(["title", "body", "heading", "caption"])), max_size=4),
    captions=st.lists(text_st, max_size=2),
    metadata=st.dictionaries(st.sampled_from(["author", "site", "url"]), text_st, max_size=3),
    quotes=st.lists(quote_st, max_size=3),
    entities=st.lists(st.builds(Entity, id=text_st, name=text_st, type=st.sampled_from(["PERSON", "ORG"]),
                                mentions=st.lists(mention_st, max_size=2),
                                aliases=st.lists(text_st, max_size=2),
                                descriptors=st.lists(text_st, max_size=2),
                                profile=st.none() | profile_st), max_size=3),
    timexes=st.lists(st.builds(Timex, text=text_st, start=small, end=small,
                               type=st.sampled_from(["DATE", "DURATION"]), value=text_st,
                               mod=st.none() | st.just("END")), max_size=3),
)


@given(record_st)
@settings(max_examples=150, deadline=None)
def test_article_record_round_trip(rec):
    line = rec.to_json()
    assert "\n" not in line
    back = ArticleRecord.from_json(line)
    assert back == rec
    assert json.loads(line)["schema_version"] == SCHEMA_VERSION


def test_scorer_fields_present():
    d = ArticleRecord(id="a", source="a.txt", text="x").to_dict()
    for key in ("id", "title", "published", "text", "quotes", "entities", "timexes",
                "paragraphs", "captions", "source", "metadata", "schema_version"):
        assert key in d


def test_error_record_shape():
    d = ErrorRecord(id="x", source="x.txt", error=ErrorInfo(code="E001", message="empty")).to_dict()
    assert d == {"id": "x", "source": "x.txt", "error": {"code": "E001", "message": "empty"}}


def test_unknown_keys_ignored():
    rec = ArticleRecord.from_dict({"id": "a", "source": "s", "text": "t", "future_field": 1})
    assert rec.id == "a" and rec.text == "t"
