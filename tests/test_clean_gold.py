"""Cleaning gate: the 494 pages of ../shared/eval/cleaning, as HTML and as whole-page text
dumps, scored with the shared scorer's own matching (score_cleaning.py). The figures may
only rise (minimums in gold_minimums.json, "cleaning_dump" and "cleaning_html"). The
cleaner alone runs (no NLP): one pass over each set per session."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import SHARED

CLEANING = SHARED / "eval" / "cleaning"
MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())
# counts of defects: maximums
MAXIMUMS = ("empty_pages", "error_pages")

pytestmark = [pytest.mark.gold]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_cleaning", SHARED / "eval" / "score_cleaning.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records(kind: str) -> dict:
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline import Timings, _guard, prepare
    from newsgraph.records import ErrorRecord

    out = {}
    for raw in read_inputs([str(CLEANING / kind)]):
        if isinstance(raw, ErrorRecord):
            out[raw.id] = raw.to_dict()
            continue
        r = _guard(raw, lambda: prepare(raw, Timings()), 60)
        if isinstance(r, ErrorRecord):
            out[raw.id] = r.to_dict()
        else:
            out[raw.id] = {"id": raw.id, "text": r.text,
                           "paragraphs": [{"start": p.start, "end": p.end, "role": p.role} for p in r.paragraphs]}
    return out


def _score(records: dict) -> dict:
    """The figures of score_cleaning.py, with its own matching and body."""
    sc = _scorer()
    snippets = json.loads((CLEANING / "snippets.json").read_text(encoding="utf-8"))
    tp = fn = fp = errors = empty = 0
    for pid, s in snippets.items():
        rec = records.get(pid, {})
        errors += "error" in rec
        b = sc.norm(sc.body(rec))
        empty += not b
        for w in s["with"]:
            if sc.norm(w) in b:
                tp += 1
            else:
                fn += 1
        fp += sum(1 for w in s["without"] if sc.norm(w) in b)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3),
            "error_pages": errors, "empty_pages": empty}


@pytest.fixture(scope="session")
def cleaning_figures():
    if not (CLEANING / "snippets.json").exists():
        pytest.skip("../shared/eval/cleaning is not present")
    return {"cleaning_dump": _score(_records("dump")), "cleaning_html": _score(_records("html"))}


@pytest.mark.parametrize("which", ["cleaning_dump", "cleaning_html"])
def test_cleaning_gate(cleaning_figures, which):
    figures, failures = cleaning_figures[which], []
    for key, bound in MINIMUMS[which].items():
        ok = figures[key] <= bound if key in MAXIMUMS else figures[key] >= bound
        if not ok:
            failures.append(f"{key}: {figures[key]} (gate {bound})")
    assert not failures, f"{which} gate: " + "; ".join(failures) + f"; all: {figures}"
