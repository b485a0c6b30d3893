"""Store benchmark: ingest a synthetic corpus, then time mixed searches.

    .venv/bin/python bench/bench_store.py [--articles 20000] [--queries 100] [--db PATH] [--json]

The corpus is generated from templates at run time (newsgraph.store.synthetic),
not stored. Reports ingest articles/s and p50/p95 latency of the queries; the
target is p95 < 50 ms. ``run()`` returns the figures as a dict for ``make bench``.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.store import (get_quotation, get_speaker, ingest_records, open_store, search_quotations, stats,
                             top_speakers)
from newsgraph.store.synthetic import DAYS, OPENERS, PLACES, SITES, TOPICS, corpus

TARGET_P95_MS = 50.0


def queries(store, n: int, seed: int = 11) -> list:
    """``n`` mixed read calls: search words and phrases, filters, pages, one speaker, one quotation."""
    rng = random.Random(seed)
    speakers = [s["name"] for s in top_speakers(store, limit=200)["items"]]
    max_q = stats(store)["quotations"]
    words = [t.split()[-1] for t in TOPICS] + [o.split()[-1] for o in OPENERS] + [d.lower() for d in DAYS]
    calls = []
    for i in range(n):
        kind = i % 10
        if kind == 0:
            calls.append(lambda w=rng.choice(words): search_quotations(store, search=w))
        elif kind == 1:
            calls.append(lambda p=rng.choice(OPENERS): search_quotations(store, search=f'"{p}"'))
        elif kind == 2:
            calls.append(lambda s=rng.choice(speakers), w=rng.choice(words):
                         search_quotations(store, speaker=s, search=w, since="2019-01-01"))
        elif kind == 3:
            calls.append(lambda s=rng.choice(speakers), p=rng.choice(PLACES):
                         search_quotations(store, speaker=s, about=p))
        elif kind == 4:
            calls.append(lambda p=rng.choice(PLACES), y=rng.randrange(2017, 2023):
                         search_quotations(store, about=p, since=f"{y}-01-01", until=f"{y}-06-30"))
        elif kind == 5:
            calls.append(lambda s=rng.choice(SITES), w=rng.choice(words):
                         search_quotations(store, source=s, search=w, kind="direct", date_field="published"))
        elif kind == 6:
            calls.append(lambda o=rng.randrange(0, 2000): search_quotations(store, limit=20, offset=o))
        elif kind == 7:
            calls.append(lambda w=rng.choice(words): search_quotations(store, search=w + "*", order="occurrences",
                                                                       speaker_type="person"))
        elif kind == 8:
            calls.append(lambda s=rng.choice(speakers): get_speaker(store, s))
        else:
            calls.append(lambda q=rng.randrange(1, max_q + 1): _quotation(store, q))
    return calls


def _quotation(store, qid: int):
    try:
        return get_quotation(store, qid)
    except Exception:  # a quotation id freed by a merge
        return None


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def _load() -> float | None:
    try:
        import os

        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def run(articles: int = 20_000, n_queries: int = 100, db: str | None = None, seed: int = 7) -> dict:
    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = str(Path(tmp.name) / "bench.db")
    try:
        store = open_store(db)
        t = time.perf_counter()
        records = corpus(articles, seed=seed)
        report = ingest_records(store, records, batch_size=200)
        ingest_s = time.perf_counter() - t
        counts = stats(store)
        calls = queries(store, n_queries)
        for call in calls[:10]:  # warm the page cache
            call()
        times, cpu = [], []
        for call in calls:
            t, c = time.perf_counter(), time.process_time()
            call()
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        store.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    p95 = percentile(times, 95)
    return {
        "articles": articles, "ingest_seconds": round(ingest_s, 1),
        "ingest_articles_per_s": round(articles / ingest_s, 1),
        "stored": report.stored, "counts": counts, "queries": len(times),
        "query_ms_p50": round(statistics.median(times), 2), "query_ms_p95": round(p95, 2),
        "query_ms_max": round(max(times), 2), "query_cpu_ms_p50": round(statistics.median(cpu), 2),
        "query_cpu_ms_p95": round(percentile(cpu, 95), 2), "load_average": _load(), "target_p95_ms": TARGET_P95_MS, "ok": p95 < TARGET_P95_MS,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--db", help="keep the database here (default: a temporary file)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.articles, args.queries, args.db)
    if args.json:
        print(json.dumps(res))
    else:
        c = res["counts"]
        print(f"store ingest: {res['articles']} synthetic articles in {res['ingest_seconds']} s = "
              f"{res['ingest_articles_per_s']} articles/s ({c['quotations']} quotations, {c['occurrences']} "
              f"occurrences, {c['near_duplicates']} near-duplicates, {c['entities']} entities)")
        print(f"store search: {res['queries']} mixed queries, p50 {res['query_ms_p50']} ms, "
              f"p95 {res['query_ms_p95']} ms (target < {TARGET_P95_MS} ms: {'ok' if res['ok'] else 'MISSED'}), "
              f"max {res['query_ms_max']} ms; CPU p50 {res['query_cpu_ms_p50']} ms, p95 {res['query_cpu_ms_p95']} ms "
              f"(load average {res['load_average']})")
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
