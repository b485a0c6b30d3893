"""Event gates on ../shared/eval (skipped when absent): the PLOVER gold-standard sentences
(gsr-dev), the reference article's events, and a fixed sample of the synthetic stories.
One pipeline run per set; the minimums are in gold_minimums.json (they only rise)."""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from conftest import GOLD, need_shared

MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())
EVENTS = GOLD.parent / "events"
NGEC_SAMPLE = 250          # the first stories of the synthetic set (the whole set takes minutes)

pytestmark = [pytest.mark.gold, pytest.mark.slow]


def scorer():
    spec = importlib.util.spec_from_file_location("score_events", GOLD.parent / "score_events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(items):
    from newsgraph.ingest import RawDocument
    from newsgraph.pipeline import process_items

    raws = [RawDocument(id=d["id"], source=d["id"], media_type="text", content=d["text"], title=d.get("title"),
                        published=d.get("published")) for d in items]
    return {r.id: r.to_dict() for r in process_items(raws) if hasattr(r, "events")}


def check(figures: dict, minimums: dict):
    low = [f"{k}: {figures[k]} (gate {v})" for k, v in minimums.items()
           if (int(str(figures[k]).split("/")[0]) < int(v.split("/")[0]) if isinstance(v, str) else figures[k] < v)]
    assert not low, "event gate: " + "; ".join(low)


def test_gsr_dev_gate():
    need_shared()
    gold = [json.loads(line) for line in (EVENTS / "gsr-dev.jsonl").open()]
    figures, _ = scorer().score_sentences(gold, run(gold))
    check(figures, MINIMUMS["events_gsr"])


def test_reference_article_events_gate():
    need_shared()
    ref = GOLD / "000_1c9d02aa7d9a6008"
    item = {"id": ref.name, "text": ref.with_suffix(".txt").read_text(encoding="utf-8")}
    preds = run([item])
    figures, _ = scorer().score_articles(GOLD, preds)
    check({"found": f'{figures["found"]}/{figures["gold_events"]}'}, MINIMUMS["events_reference"])
    rec = preds[ref.name]
    coded = {i for i, p in enumerate(rec["paragraphs"]) if p["role"] in ("title", "body")}
    for e in rec["events"]:      # nothing from captions, headings or page chrome
        para = next(i for i, p in enumerate(rec["paragraphs"]) if p["start"] <= e["start"] < p["end"])
        assert para in coded, e


def test_synthetic_stories_sample_gate():
    need_shared()
    with gzip.open(EVENTS / "ngec-synthetic.jsonl.gz", "rt", encoding="utf-8") as f:
        gold = [json.loads(line) for _, line in zip(range(NGEC_SAMPLE), f)]
    preds = run(gold)
    figures, _ = scorer().score_documents([g for g in gold if g["id"] in preds], preds)
    check(figures, MINIMUMS["events_ngec_sample"])
