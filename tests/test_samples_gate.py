"""Evaluation gates on our own annotated articles: the sample corpus
(samples/annotations) and the held-out set (eval/heldout, for measuring only: never
tune the extractor on it). Run everywhere (no ../shared needed). The minimums only rise.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import evaluate_folder, score

from conftest import REPO
from test_gold_gate import _check

pytestmark = pytest.mark.slow
ALL_MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())
MINIMUMS = ALL_MINIMUMS["samples"]


def test_samples_gate(samples_run):
    golds, preds = samples_run   # the session's one run over samples/ (shared with the profile gate)
    report = score(golds, preds)
    assert report["summary"]["predicted_articles"] == report["summary"]["articles"]
    _check(report["summary"], MINIMUMS)


def test_heldout_gate():
    report = evaluate_folder(REPO / "eval" / "heldout")
    assert report["summary"]["predicted_articles"] == report["summary"]["articles"] == 6
    _check(report["summary"], ALL_MINIMUMS["heldout"])
