"""Speaker confidence: the shipped model, its calibration, and where users meet it."""
from __future__ import annotations

import json

import pytest

from newsgraph.evaluate import prediction_labels, reliability
from newsgraph.quotes import confidence as C
from newsgraph.records import ArticleRecord, Quote, Speaker, drop_below_confidence


def test_the_model_ships_with_the_package_and_loads_offline():
    model = C.load_model()
    assert model is not None and model["weights"] and model["calibration"]
    uppers = [u for u, _ in model["calibration"]]
    values = [v for _, v in model["calibration"]]
    assert uppers == sorted(uppers) and uppers[-1] == 1.0
    assert values == sorted(values)                 # isotonic: never falls as the raw score rises
    assert all(0.0 <= v <= 1.0 for v in values)


def feats(**kw):
    base = dict(via="verb", subject=None, speaker=Speaker("Ana Ruiz", "person", entity="E1"), kind="indirect",
                cue_text="said", n_words=12, role="body", mentions=5)
    base.update(kw)
    return C.features(**base)


def test_features_name_how_the_speaker_was_found():
    f = feats()
    assert "via=verb" in f and "type=person" in f and "named=entity" in f and "cue=say" in f
    assert "cue=according" in feats(cue_text="according to")
    assert "type=none" in feats(speaker=None)


def test_a_named_speaker_scores_above_no_speaker():
    named = C.score(feats())
    nobody = C.score(feats(speaker=None, via="context", cue_text=None))
    assert 0.0 <= nobody < named <= 1.0


def test_calibrate_is_a_step_function():
    table = [[0.2, 0.1], [0.6, 0.5], [1.0, 0.9]]
    assert [C.calibrate(p, table) for p in (0.0, 0.2, 0.21, 0.6, 0.99)] == [0.1, 0.1, 0.5, 0.5, 0.9]


def test_no_model_no_score():
    assert C.score(["via=verb"], model=None) is not None    # the shipped one is used
    assert C.calibrate(0.3, []) == 0.3


def test_drop_below_confidence_records_how_many():
    rec = ArticleRecord(id="a", source="s", text="x", quotes=[
        Quote("one", "direct", 0, 3, 0, confidence=0.95), Quote("two", "direct", 0, 3, 0, confidence=0.3),
        Quote("three", "direct", 0, 3, 0)])
    assert drop_below_confidence(rec, 0.5) == 2
    assert [q.text for q in rec.quotes] == ["one"] and rec.metadata["quotes_below_confidence"] == 2
    assert drop_below_confidence(rec, None) == 0


def test_prediction_labels_and_reliability():
    gold = {"quotes": [{"text": "the bridge will reopen in May", "speaker": "Ana Ruiz", "accept": ["Ana Ruiz"]},
                       {"text": "prices may rise", "speaker": "x", "accept": ["x"], "optional": True}]}
    pred = {"quotes": [{"text": "the bridge will reopen in May", "speaker": {"name": "Ana Ruiz"}, "confidence": 0.95},
                       {"text": "the bridge will reopen in May", "speaker": {"name": "Tom"}, "confidence": 0.55},
                       {"text": "prices may rise", "speaker": {"name": "x"}, "confidence": 0.9},
                       {"text": "nothing like any gold words here", "confidence": 0.2}]}
    assert prediction_labels(gold, pred) == [(0.95, 1), (0.55, 0), (0.2, 0)]
    table = reliability([0.95, 0.55, 0.2], [1, 0, 0])
    assert table[0].split() == ["confidence", "quotes", "mean", "right"]
    assert table[-1].split() == [">=", "0.9", "1", "1.000"]
    assert any(line.startswith("0.5-0.6") for line in table)


def test_uncertain_attributions_are_marked_in_the_article_view():
    from newsgraph.web.render import article_view

    text = "Ana Ruiz said the bridge would reopen. Tom said it would not."
    rec = {"text": text, "paragraphs": [{"start": 0, "end": len(text), "role": "body"}], "quotes": [
        {"text": "the bridge would reopen", "kind": "indirect", "start": 14, "end": 37, "confidence": 0.93,
         "speaker": {"name": "Ana Ruiz", "type": "person"}},
        {"text": "it would not", "kind": "indirect", "start": 48, "end": 60, "confidence": 0.31,
         "speaker": {"name": "Tom", "type": "person"}}]}
    view = article_view(rec, {})
    assert [q["uncertain"] for q in view["quotes"]] == [False, True]
    html = "".join(b["html"] if isinstance(b, dict) else str(b) for b in view["blocks"])
    assert html.count("uncertain") == 1 and 'data-confidence="0.31"' in html


@pytest.mark.slow
def test_every_extracted_quote_carries_a_confidence(nlp):
    from conftest import run_quotes

    quotes, _ = run_quotes(nlp, "Maria Lopez said the bridge would reopen in May.\n\n"
                                '"We will keep talking," said an official at the foreign ministry.')
    assert len(quotes) == 2 and all(0.0 <= q.confidence <= 1.0 for q in quotes)
    assert json.loads(json.dumps([q.confidence for q in quotes])) == [q.confidence for q in quotes]
