"""`make bench`: newsgraph speed as ratios against baselines run in the same process.

Prints a table and saves it as JSON under bench/results/. Texts are generated from
templates (bench/corpus.py), nothing is stored.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_pipeline(n: int, rounds: int = 3) -> dict:
    from newsgraph.ingest import RawDocument
    from newsgraph.nlp import STAGE_NAMES, load_model
    from newsgraph.options import Options
    from newsgraph.pipeline import Timings, assemble, clean, process_batch

    nlp = load_model()
    arts = generate(n)
    raws = [RawDocument(id=a["id"], source="bench", media_type="text", content=a["text"],
                        title=a["title"], published=a["published"]) for a in arts]
    # the same clean texts the pipeline parses
    texts = []
    for raw in raws:
        page = clean(raw)
        texts.append(assemble(page.title or raw.title, page.blocks)[0])
    list(nlp.pipe(texts[:20], disable=STAGE_NAMES))  # warm up; bare spaCy: the model without our stages
    # Alternate the two runs and keep each one's best round: the machine's noise
    # (other processes, frequency changes) then hits both alike.
    bare = full = float("inf")
    timings = Timings()
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, disable=STAGE_NAMES):
            pass
        bare = min(bare, time.perf_counter() - t)
        round_timings = Timings()
        t = time.perf_counter()
        out = []
        for i in range(0, n, 32):
            out.extend(process_batch(raws[i:i + 32], nlp, options=Options(batch=32), timings=round_timings))
        elapsed = time.perf_counter() - t
        if elapsed < full:
            full, timings = elapsed, round_timings
    errors = sum(1 for r in out if not hasattr(r, "quotes"))
    parse = timings.seconds["parse"]
    return {
        "articles": n, "rounds": rounds, "errors": errors,
        "bare_spacy_articles_per_s": round(n / bare, 1),
        "pipeline_articles_per_s": round(n / full, 1),
        "pipeline_vs_bare_spacy": round(bare / full, 3),
        "stage_share": {k: round(v / full, 3) for k, v in sorted(timings.seconds.items())},
        "quotes_and_speakers_vs_parse": round((timings.seconds["quotes"] + timings.seconds["entities"]) / parse, 3),
        "time_expressions_vs_parse": round(timings.seconds["time"] / parse, 3),
        "events_vs_parse": round(timings.seconds["events"] / parse, 3),
        "events_share_of_pipeline": round(timings.seconds["events"] / full, 3),
        "articles_per_day_one_process": int(n / full * 86400),
        "peak_rss_mb": round(rss_mb(), 1),
    }


def bench_language(n: int) -> dict:
    """What language detection costs: load time and memory once per process, then per article
    (the same generated articles as the pipeline bench), against the parse of those articles."""
    import gc

    from newsgraph.language import _identifier, detect
    from newsgraph.nlp import STAGE_NAMES, load_model

    import subprocess

    texts = [a["title"] + "\n\n" + a["text"] for a in generate(n)]
    nlp = load_model()
    gc.collect()
    # loading, in a fresh process (this one has it loaded already)
    probe = ("import time\nfrom pathlib import Path\n"
             "def rss():\n    return int([l for l in Path('/proc/self/status').read_text().splitlines() "
             "if l.startswith('VmRSS:')][0].split()[1]) / 1024\n"
             "import newsgraph.language as L\nb, t = rss(), time.perf_counter()\nL.load()\n"
             "print(time.perf_counter() - t, rss() - b)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300).stdout.split()
    load_s, load_mb = (float(out[0]), float(out[1])) if len(out) == 2 else (None, None)
    _identifier()
    t = time.perf_counter()
    codes = [detect(x).code for x in texts]
    detect_s = time.perf_counter() - t
    t = time.perf_counter()
    for _ in nlp.pipe(texts[:100], disable=STAGE_NAMES):
        pass
    parse_s = (time.perf_counter() - t) / min(100, len(texts)) * len(texts)
    return {"articles": n, "load_s": load_s and round(load_s, 2), "load_mb": load_mb and round(load_mb, 1),
            "ms_per_article": round(detect_s / n * 1000, 2), "vs_parse": round(detect_s / parse_s, 4),
            "english": sum(c == "en" for c in codes)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=400, help="articles for the pipeline bench")
    ap.add_argument("--store-articles", type=int, default=20000, help="articles for the store bench")
    ap.add_argument("--engine-articles", type=int, default=2000,
                    help="articles for the process pool vs Dask comparison")
    ap.add_argument("--skip", action="append", default=[], choices=["store", "engines", "load", "worst", "language"],
                    help="leave a section out (repeatable)")
    args = ap.parse_args(argv)
    results = {"pipeline": bench_pipeline(args.articles)}
    if "engines" not in args.skip:
        import bench_dask

        results["engines"] = bench_dask.run(args.engine_articles)
    if "store" not in args.skip:
        import bench_store

        results["store"] = bench_store.run(args.store_articles)
    if "load" not in args.skip:
        import bench_load

        results["serve_under_load"] = bench_load.run()
    if "worst" not in args.skip:
        import bench_worst

        results["worst_inputs"] = bench_worst.run()
    if "language" not in args.skip:
        results["language"] = bench_language(args.articles)
    for section, figures in results.items():
        print(f"== {section}")
        for k, v in figures.items():
            print(f"  {k:<34} {v}")
    out = HERE / "results" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    out.write_text(json.dumps(results, indent=2))
    print(f"saved {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
