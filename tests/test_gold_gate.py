"""Evaluation gate: the gold figures may only rise (minimums in gold_minimums.json).

Runs when ../shared/eval/gold is present; skips cleanly otherwise.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import score

from conftest import GOLD

MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())
REFERENCE_ID = "000_1c9d02aa7d9a6008"

pytestmark = [pytest.mark.gold, pytest.mark.slow]


@pytest.fixture(scope="module")
def run(gold_run):
    """The session's one pipeline run over the gold articles (shared with the profile gate)."""
    return gold_run


def _check(summary: dict, minimums: dict):
    failures = []
    for key, bound in minimums.items():
        value = summary[key]
        if isinstance(bound, str):  # "n/m": at least n right
            got, need = int(str(value).split("/")[0]), int(bound.split("/")[0])
            ok = got >= need
        elif key in ("spurious_persons", "boilerplate_left", "captions_repeated", "timex_false"):
            ok = value <= bound  # counts of defects: maximums
        else:
            ok = value >= bound
        if not ok:
            failures.append(f"{key}: {value} (gate {bound})")
    assert not failures, "gold gate: " + "; ".join(failures)


def test_every_gold_article_processed(run):
    golds, preds, records = run
    errors = [r for r in records if "error" in r]
    assert not errors, errors
    assert set(preds) == set(golds)


def test_reference_article_gate(run):
    golds, preds, _ = run
    report = score({REFERENCE_ID: golds[REFERENCE_ID]}, preds)
    _check(report["summary"], MINIMUMS["reference"])


def test_real_articles_gate(run):
    golds, preds, _ = run
    real = {k: v for k, v in golds.items() if k != REFERENCE_ID}
    report = score(real, preds)
    _check(report["summary"], MINIMUMS["real"])


def test_eval_matches_shared_scorer(run, tmp_path):
    """`newsgraph eval` prints the same figures as ../shared/eval/score.py."""
    import subprocess
    import sys

    golds, preds, records = run
    out = tmp_path / "pred.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records))
    shared = subprocess.run([sys.executable, str(GOLD.parent / "score.py"), str(GOLD), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    assert json.loads(shared.stdout) == score(golds, preds)["summary"]
