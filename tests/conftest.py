from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "eval" / "gold"
REFERENCE = GOLD / "000_1c9d02aa7d9a6008.txt"


def need_shared():
    if not GOLD.is_dir():
        pytest.skip("../shared/eval is not present")


@pytest.fixture(scope="session")
def gold_run():
    """The pipeline over the 25 gold articles, once per test session: (golds, preds, records)."""
    need_shared()
    from newsgraph.evaluate import gold_inputs, load_gold
    from newsgraph.pipeline import extract

    golds = load_gold(GOLD)
    records = [r.to_dict() for r in extract(gold_inputs(GOLD, golds))]
    preds = {r["id"]: r for r in records if "error" not in r}
    return golds, preds, records


@pytest.fixture(scope="session")
def samples_run():
    """The pipeline over the sample corpus, once per test session: (golds, preds)."""
    from newsgraph.evaluate import add_prediction, load_gold
    from newsgraph.pipeline import extract

    golds = load_gold(REPO / "samples" / "annotations")
    preds: dict = {}
    for d in (r.to_dict() for r in extract([str(REPO / "samples")])):
        if "error" not in d:
            add_prediction(preds, d)     # samples/text/x.txt has the id text/x: matched by its name
    return golds, preds


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_model

    return load_model()


def run_quotes(nlp, text: str, roles: list[str] | None = None):
    """The whole pipeline on a text whose paragraphs are split on blank lines: (quotes, entities)."""
    from newsgraph.paragraphs import paragraph_spans
    from newsgraph.records import Paragraph

    blocks = paragraph_spans(text)
    roles = roles or ["body"] * len(blocks)
    doc = nlp.make_doc(text)
    doc._.ng_paragraphs = [Paragraph(s, e, r) for (s, e), r in zip(blocks, roles)]
    doc = nlp(doc)
    return doc._.ng_quotes, doc._.ng_entities


def quote_table(quotes) -> list[tuple]:
    """Quotes as (speaker, cue, content) rows."""
    return [(q.speaker.name if q.speaker else None, q.cue.text if q.cue else None, q.text) for q in quotes]
