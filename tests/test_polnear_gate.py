"""Gate on polnear-train (span-level speakers): a fixed subset, to stay in the time budget.

The full 840 articles take minutes to parse; the gate runs the first 60 articles (by
id) of the check share, the part the confidence model and the thresholds were not
fitted on (the hashed split of scripts/quote_dev.py). Runs when ../shared is present.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsgraph.evaluate import confidence_report, gold_inputs, load_gold, score

from conftest import SHARED, need_shared

POLNEAR = SHARED / "eval" / "polnear-train"
MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())["polnear_subset"]
SUBSET = 60

pytestmark = [pytest.mark.gold, pytest.mark.slow]


def in_check_share(article_id: str) -> bool:
    """The check share of scripts/quote_dev.py: 240 of 840 articles, by a hash of the id."""
    return int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF >= 600 / 840


@pytest.fixture(scope="module")
def run():
    need_shared()
    if not POLNEAR.is_dir():
        pytest.skip("../shared/eval/polnear-train is not present")
    from newsgraph.pipeline import extract

    golds = load_gold(POLNEAR)
    ids = sorted(g for g in golds if in_check_share(g))[:SUBSET]
    golds = {g: golds[g] for g in ids}
    preds = {r.id: r.to_dict() for r in extract(gold_inputs(POLNEAR, golds)) if hasattr(r, "quotes")}
    return golds, preds


def test_polnear_subset_gate(run):
    golds, preds = run
    assert set(preds) == set(golds)
    summary = score(golds, preds)["summary"]
    failures = [f"{k}: {summary[k]} (gate {v})" for k, v in MINIMUMS.items() if k in summary and summary[k] < v]
    conf = confidence_report(golds, preds)
    if conf["right_at_0.9"] < MINIMUMS["right_at_0.9"]:
        failures.append(f"right_at_0.9: {conf['right_at_0.9']} (gate {MINIMUMS['right_at_0.9']})")
    assert not failures, "polnear gate: " + "; ".join(failures)
