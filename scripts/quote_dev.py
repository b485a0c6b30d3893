#!/usr/bin/env python
"""Development loop for the entity and quote stages on an annotated folder.

Parsing is most of the pipeline's time, and the quote work never changes the parse,
so the parsed articles are cached once (spaCy DocBin + the prepared paragraphs) and
the entity and quote stages are re-run on the cache in seconds:

    python scripts/quote_dev.py cache GOLD_DIR CACHE_DIR [-i INPUTS...]   # parse once (minutes)
    python scripts/quote_dev.py score GOLD_DIR CACHE_DIR [--split fit|check] [--misses]
    python scripts/quote_dev.py dump  GOLD_DIR CACHE_DIR OUT.jsonl

The cache and anything derived from the annotated data stay outside the repository
(``out/`` is ignored). ``--split`` takes a fixed, seeded share of the articles
(``fit``: 600 of 840 on polnear-train; ``check``: the other 240), so thresholds fitted
on one part can be checked on the other.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

FIT_SHARE = 600 / 840


def split_of(article_id: str) -> str:
    """'fit' or 'check', fixed per article id (a hash, so it never moves)."""
    h = int(hashlib.sha1(article_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "fit" if h < FIT_SHARE else "check"


def cmd_cache(gold_dir: Path, cache: Path, inputs: list[str] | None = None) -> None:
    from spacy.tokens import DocBin

    from newsgraph.evaluate import gold_inputs, load_gold
    from newsgraph.ingest import RawDocument, read_inputs
    from newsgraph.nlp import load_model
    from newsgraph.pipeline import Timings, prepare
    from newsgraph.records import to_dict

    cache.mkdir(parents=True, exist_ok=True)
    golds = load_gold(gold_dir)
    nlp = load_model()
    preps = []
    for raw in read_inputs(inputs or gold_inputs(gold_dir, golds)):
        if isinstance(raw, RawDocument):
            try:
                preps.append(prepare(raw, Timings()))
            except Exception as exc:  # noqa: BLE001 - the dev loop reports and goes on
                print(f"{raw.id}: {exc}", file=sys.stderr)
    db = DocBin(store_user_data=False)
    meta = []
    t = time.perf_counter()
    for prep, doc in zip(preps, nlp.pipe([p.text for p in preps], batch_size=32), strict=True):
        db.add(doc)
        meta.append({"id": prep.raw.id, "source": prep.raw.source, "title": prep.title,
                     "published": prep.published.isoformat() if prep.published else None,
                     "paragraphs": [to_dict(p) for p in prep.paragraphs]})
    (cache / "docs.spacy").write_bytes(db.to_bytes())
    (cache / "meta.json").write_text(json.dumps(meta))
    print(f"{len(meta)} articles parsed in {time.perf_counter() - t:.0f} s -> {cache}")


def load_cache(cache: Path, only: str | None = None):
    from spacy.tokens import DocBin

    from newsgraph.nlp import load_model
    from newsgraph.records import Paragraph

    nlp = load_model()
    meta = json.loads((cache / "meta.json").read_text())
    docs = DocBin().from_bytes((cache / "docs.spacy").read_bytes()).get_docs(nlp.vocab)
    for m, doc in zip(meta, docs, strict=True):
        if only and split_of(m["id"]) != only:
            continue
        m["paragraphs"] = [Paragraph(**p) for p in m["paragraphs"]]
        yield m, doc


def predictions(cache: Path, only: str | None = None) -> list[dict]:
    """Entity and quote records of every cached article, as the scorer reads them."""
    from newsgraph.entities import extract_entities
    from newsgraph.quotes import extract_quotes
    from newsgraph.records import to_dict

    out = []
    for m, doc in load_cache(cache, only):
        doc._.ng_paragraphs = m["paragraphs"]
        entities = extract_entities(doc)
        quotes = extract_quotes(doc, entities, m["paragraphs"])
        out.append({"id": m["id"], "title": m["title"], "published": m["published"], "text": doc.text,
                    "paragraphs": [to_dict(p) for p in m["paragraphs"]],
                    "quotes": [to_dict(q) for q in quotes], "entities": [to_dict(e) for e in entities]})
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=("cache", "score", "dump"))
    ap.add_argument("gold", type=Path)
    ap.add_argument("cache", type=Path)
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--split", choices=("fit", "check"))
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("-i", "--inputs", nargs="+", help="cache: the articles, when not beside the annotations")
    a = ap.parse_args(argv)
    if a.command == "cache":
        return cmd_cache(a.gold, a.cache, a.inputs)
    from newsgraph.evaluate import format_report, load_gold, score

    t = time.perf_counter()
    preds = predictions(a.cache, a.split)
    took = time.perf_counter() - t
    if a.command == "dump":
        with open(a.out, "w", encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    golds = load_gold(a.gold)
    golds = {k: v for k, v in golds.items() if any(p["id"] == k for p in preds)}
    report = score(golds, {p["id"]: p for p in preds})
    if not a.misses:
        report["notes"] = []
    print(format_report(report))
    print(f"({len(preds)} articles, entities + quotes in {took:.1f} s)")


if __name__ == "__main__":
    main()
