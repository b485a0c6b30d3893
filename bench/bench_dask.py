"""Process pool vs Dask LocalCluster, 2 workers each, on the same generated articles.

``run(n_articles)`` writes the articles as JSONL shards in a temporary folder, then:
- pool: ``newsgraph.pipeline.extract(..., workers=2)`` (spawned processes, model loaded
  by the pool initializer), records written as JSONL;
- dask: ``newsgraph.distributed.run_dask(..., n_workers=2)`` (LocalCluster, one thread per
  worker, model loaded by the per-process cache), records written as Parquet tables;
  the cross-article merge is timed apart.
Both timings include starting the workers and loading the model. Peak RSS per worker is
sampled (every 0.1 s) over the worker processes. Run alone: ``python bench/bench_dask.py``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402

WORKERS = 2
SHARD_ARTICLES = 50


class RssSampler:
    """Peak resident memory and CPU time of each worker process (spawned children of this process).

    CPU seconds (user + system, last value seen before the process ended) tell the
    engines' own cost apart from waiting on a machine shared with other work.
    """

    def __init__(self, interval: float = 0.1):
        import psutil

        self._psutil, self.interval = psutil, interval
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        me = self._psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    if "resource_tracker" in " ".join(child.cmdline()):
                        continue
                    rss = child.memory_info().rss
                    times = child.cpu_times()
                except self._psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)
                self.cpu[child.pid] = times.user + times.system
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def per_worker_mb(self) -> list[float]:
        """The largest peaks, one per worker (a restarted worker would add a pid)."""
        return sorted((round(v / 2**20, 1) for v in self.peaks.values()), reverse=True)[:WORKERS]

    def cpu_seconds(self) -> float:
        return round(sum(self.cpu.values()), 1)


def _write_shards(folder: Path, articles: list[dict]) -> None:
    for k in range(0, len(articles), SHARD_ARTICLES):
        with open(folder / f"shard{k // SHARD_ARTICLES:04d}.jsonl", "w", encoding="utf-8") as fh:
            for a in articles[k:k + SHARD_ARTICLES]:
                fh.write(json.dumps(a) + "\n")


def bench_pool(inputs: Path, out: Path) -> dict:
    from newsgraph.options import Options
    from newsgraph.pipeline import extract
    from newsgraph.records import ErrorRecord

    ok = err = 0
    with RssSampler() as rss:
        t = time.perf_counter()
        with open(out, "w", encoding="utf-8") as fh:
            for rec in extract([str(inputs)], Options(workers=WORKERS)):
                fh.write(rec.to_json() + "\n")
                if isinstance(rec, ErrorRecord):
                    err += 1
                else:
                    ok += 1
        seconds = time.perf_counter() - t
    return {"seconds": round(seconds, 2), "articles": ok, "errors": err, "rss_mb_per_worker": rss.per_worker_mb(),
            "cpu_seconds": rss.cpu_seconds()}


def bench_dask(inputs: Path, out: Path) -> dict:
    from newsgraph.distributed import merge_corpus, run_dask
    from newsgraph.options import Options

    with RssSampler() as rss:
        t = time.perf_counter()
        summary = run_dask([str(inputs)], str(out), Options(workers=WORKERS), merge=False)
        seconds = time.perf_counter() - t
    t = time.perf_counter()
    merged = merge_corpus(out)  # on Dask's local scheduler: the cluster is gone by now
    merge_seconds = time.perf_counter() - t
    return {"seconds": round(seconds, 2), "articles": summary["articles"], "errors": summary["errors"],
            "shards": summary["shards"], "rss_mb_per_worker": rss.per_worker_mb(), "cpu_seconds": rss.cpu_seconds(),
            "merge_seconds": round(merge_seconds, 2), "merge": merged}


def run(n_articles: int = 2000) -> dict:
    """Both engines on the same ``n_articles`` generated articles; figures as a flat dict."""
    articles = generate(n_articles)
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-dask-") as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        _write_shards(tmp / "in", articles)
        pool = bench_pool(tmp / "in", tmp / "pool.jsonl")
        dask = bench_dask(tmp / "in", tmp / "dask")
    n = n_articles
    return {
        "articles": n, "workers": WORKERS, "shard_articles": SHARD_ARTICLES,
        "pool_seconds": pool["seconds"], "dask_seconds": dask["seconds"],
        "dask_vs_pool": round(dask["seconds"] / pool["seconds"], 3),
        "pool_worker_cpu_seconds": pool["cpu_seconds"], "dask_worker_cpu_seconds": dask["cpu_seconds"],
        "dask_vs_pool_cpu": round(dask["cpu_seconds"] / max(pool["cpu_seconds"], 1e-9), 3),
        "pool_errors": pool["errors"], "dask_errors": dask["errors"],
        "pool_peak_rss_mb_per_worker": pool["rss_mb_per_worker"],
        "dask_peak_rss_mb_per_worker": dask["rss_mb_per_worker"],
        "pool_articles_per_day": int(n / pool["seconds"] * 86400),
        "dask_articles_per_day": int(n / dask["seconds"] * 86400),
        "dask_merge_seconds": dask["merge_seconds"], "dask_merge": dask["merge"],
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args(argv)
    figures = run(args.articles)
    for k, v in figures.items():
        print(f"  {k:<34} {v}")


if __name__ == "__main__":
    main()
