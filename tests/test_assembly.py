"""The spaCy pipeline is the only assembly: a spaCy user who adds our stages by name gets the
record ``newsgraph extract`` writes, and the stages say so when they are placed wrongly."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsgraph.ingest import RawDocument, read_inputs
from newsgraph.nlp import MODEL, PARAGRAPHS, STAGE_NAMES, add_stages
from newsgraph.options import Options
from newsgraph.pipeline import Timings, extract, prepare, record_from_doc

pytestmark = pytest.mark.slow
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def user_nlp():
    """A spaCy user's pipeline, built by name in the documented order (no newsgraph loader)."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsgraph_paragraph_breaks_v1", before="parser")
    for name in ("newsgraph_timex_v1", "newsgraph_entities_v1", "newsgraph_quotes_v1",
                 "newsgraph_statement_dates_v1", "newsgraph_events_v1", "newsgraph_profiles_v1"):
        nlp.add_pipe(name)
    return nlp


def test_the_documented_order_is_the_loader_order(user_nlp, nlp):
    assert user_nlp.pipe_names == nlp.pipe_names
    assert [n for n in nlp.pipe_names if n.startswith("newsgraph_")] == [PARAGRAPHS, *STAGE_NAMES]


def test_a_users_pipeline_gives_the_records_of_newsgraph_extract(user_nlp):
    """Every sample article (text, HTML, feed) through the user's pipeline, record by record."""
    ours = {r.id: r.to_dict() for r in extract([str(SAMPLES)], Options(workers=1))}
    raws = [r for r in read_inputs([str(SAMPLES)]) if isinstance(r, RawDocument)]
    assert len(raws) == len(ours) >= 15
    for raw in raws:
        prep = prepare(raw, Timings())
        doc = user_nlp.make_doc(prep.text)
        doc._.ng_paragraphs, doc._.ng_published = prep.paragraphs, prep.published
        record = record_from_doc(user_nlp(doc), prep)
        assert record.to_dict() == ours[raw.id], raw.id
        assert record.quotes, raw.id  # the samples all quote someone: the comparison is not vacuous


def test_add_stages_on_a_loaded_model_matches_the_loader():
    nlp = add_stages(spacy.load(MODEL, exclude=["lemmatizer"]))
    assert nlp.pipe_names[-len(STAGE_NAMES):] == list(STAGE_NAMES)
    assert add_stages(nlp).pipe_names == nlp.pipe_names  # adding twice adds nothing


def test_add_stages_refuses_a_pipeline_without_parser_or_ner():
    with pytest.raises(ValueError, match="need a pipeline with a 'parser' and an 'ner'"):
        add_stages(spacy.blank("en"))


def test_paragraph_breaks_after_the_parser_says_where_it_belongs():
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsgraph_paragraph_breaks_v1")  # at the end: too late to set sentence starts
    with pytest.raises(ValueError, match="before='parser'"):
        nlp("One paragraph.\n\nAnother one.")


def test_statement_dates_before_the_quotes_says_what_it_needs():
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsgraph_statement_dates_v1")
    with pytest.raises(ValueError, match="add it after newsgraph_quotes_v1"):
        nlp("The mayor said on Monday that the bridge would reopen.")


def test_events_before_the_quotes_says_what_it_needs():
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    nlp.add_pipe("newsgraph_events_v1")
    with pytest.raises(ValueError, match="add it after newsgraph_statement_dates_v1"):
        nlp("Canada imposed sanctions on Belarus on Monday.")


@pytest.mark.parametrize("published,anchor,source", [
    ("2024-03-08", "2024-03-08", None),          # stated: used as it is
    (None, "2024-03-07", "inferred"),            # unstated: inferred from the text
])
def test_time_anchoring_reads_the_stated_date_or_infers_one(nlp, published, anchor, source):
    doc = nlp.make_doc("Talks resume\n\nDelegates met in Geneva on March 5, 2024.\n\nThe minister said on "
                       "Thursday that talks would resume on Monday.")
    doc._.ng_published = published
    doc = nlp(doc)
    assert (str(doc._.ng_anchor), doc._.ng_published_source) == (anchor, source)
    said = [q for q in doc._.ng_quotes if q.cue and q.cue.text == "said"]
    assert said and said[0].date == "2024-03-07"


def test_an_undated_text_with_nothing_to_infer_from_has_no_published_source():
    """Regression: published_source said "inferred" when no date was inferred at all."""
    from newsgraph.pipeline import process_text

    rec = process_text("Ferry Talks\n\nThe ferry operator said fares would rise, a spokesman told reporters.")
    assert (rec.published, rec.published_source) == (None, None)
    rec = process_text("Ferry Talks\n\nThe operator met unions on March 4, 2021.\n\nThe operator said on "
                       "Friday that fares would rise.")
    assert (rec.published, rec.published_source) == ("2021-03-05", "inferred")
