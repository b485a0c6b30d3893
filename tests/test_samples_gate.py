"""Evaluation gate on our own annotated sample corpus (samples/annotations).

Runs everywhere (no ../shared needed). The minimums only rise.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import evaluate_folder

from conftest import REPO
from test_gold_gate import _check

pytestmark = pytest.mark.slow
MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())["samples"]


def test_samples_gate():
    report = evaluate_folder(REPO / "samples" / "annotations", inputs=[str(REPO / "samples")])
    assert report["summary"]["predicted_articles"] == report["summary"]["articles"]
    _check(report["summary"], MINIMUMS)
