"""A bounded load test of `newsgraph serve` on loopback while an ingest writes.

16 concurrent clients send a fixed number of requests mixing searches, article views,
speaker pages, the home page and the speaker list; another process ingests into the
same database meanwhile (it is stopped when the clients are done, if it has not
finished). Reports errors, latency percentiles (overall and per kind of request) and
the server's resident memory sampled through the run (after the first tenth of the
requests, at the end, the peak), so a leak shows as growth. Traffic goes to
127.0.0.1 only, and every loop is bounded in count and time.

    python bench/bench_load.py --articles 20000 --requests 625     # 16 x 625 = 10,000 requests
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

WORDS = ["sanctions", "budget", "talks", "election", "\"trade deal\"", "strike*", "minister", "ports"]
DEADLINE_S = 600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill(db: str, articles: int, seed: int) -> None:
    """Ingest ``articles`` synthetic articles; ids carry the seed, so a second fill adds
    new articles instead of rewriting the first fill's (which would retire speakers
    that readers are asking for)."""
    from newsgraph.store import ingest_records, open_store
    from newsgraph.store.synthetic import corpus

    def renamed():
        for rec in corpus(articles, seed=seed):
            rec.id = f"s{seed}-{rec.id}"
            yield rec

    ingest_records(open_store(db), renamed(), batch_size=200, wait=True)


def _writer(db: str, articles: int, seed: int) -> subprocess.Popen:
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_load; "
            f"bench_load.fill({db!r}, {articles}, {seed})")
    return subprocess.Popen([sys.executable, "-c", code])


def _server(db: str, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("newsgraph")
    proc = subprocess.Popen([str(exe), "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90  # a loaded machine imports slowly
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start within 90 s")


MIX = (  # (share, kind): what a reader of the site does
    (0.30, "api_search"), (0.10, "search_page"), (0.20, "article"), (0.15, "speaker_page"),
    (0.10, "home"), (0.10, "api_speakers"), (0.05, "api_quotation"))


def _paths(rng: random.Random, ids: list[str], speakers: list[int], quotations: list[int]) -> tuple[str, str]:
    r, kind = rng.random(), MIX[-1][1]
    for share, k in MIX:
        if r < share:
            kind = k
            break
        r -= share
    return kind, {
        "api_search": lambda: f"/api/quotations?q={quote(rng.choice(WORDS))}&limit=20",
        "search_page": lambda: f"/search?q={quote(rng.choice(WORDS))}",
        "article": lambda: f"/articles/{rng.choice(ids)}",
        "speaker_page": lambda: f"/speakers/{rng.choice(speakers)}",
        "home": lambda: "/",
        "api_speakers": lambda: f"/api/speakers?limit=20&offset={rng.choice([0, 0, 0, 20, 40])}",
        "api_quotation": lambda: f"/api/quotations/{rng.choice(quotations)}",
    }[kind]()


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (0 where there is none)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _ms(values: list[float]) -> dict:
    if len(values) < 2:
        return {"n": len(values)}
    q = statistics.quantiles(values, n=100)
    return {"n": len(values), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1)}


def run(articles: int = 20000, requests: int = 625, clients: int = 16, ingest_articles: int = 20000,
        from_db: str | None = None) -> dict:
    """Figures: requests, errors, p50/p95/max latency in ms (overall and per kind), requests/s,
    the server's memory (MB) after a tenth of the requests, at the end and at its peak, and
    whether the ingest was still writing when the clients finished."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-load-") as tmp:
        db = os.path.join(tmp, "load.db")
        if from_db:   # a store filled before (``fill``), copied: saves the fill when comparing runs
            import shutil
            import sqlite3

            sqlite3.connect(from_db).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
            shutil.copy(from_db, db)
            articles = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        else:
            fill(db, articles, seed=3)
        from newsgraph.store import open_store, top_speakers

        store = open_store(db)
        conn = store.reader()
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 500")]
        speakers = [s["id"] for s in top_speakers(store, limit=50)["items"]]
        quotations = [r[0] for r in conn.execute("SELECT id FROM quotations ORDER BY random() LIMIT 500")]
        store.close()
        port = free_port()
        server = _server(db, port)
        writer = _writer(db, ingest_articles, seed=99)   # writes while the clients read
        latencies: list[float] = []
        by_kind: dict[str, list[float]] = {}
        errors: list[str] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + DEADLINE_S
        total = requests * clients
        memory = {"start_mb": rss_mb(server.pid), "after_tenth_mb": 0.0, "after_half_mb": 0.0, "peak_mb": 0.0}
        done = threading.Event()

        def sample() -> None:   # the server's memory through the run
            while not done.wait(0.25):
                mb = rss_mb(server.pid)
                memory["peak_mb"] = max(memory["peak_mb"], mb)
                if not memory["after_tenth_mb"] and len(latencies) >= total // 10:
                    memory["after_tenth_mb"] = mb
                if not memory["after_half_mb"] and len(latencies) >= total // 2:
                    memory["after_half_mb"] = mb

        def client(k: int) -> None:
            rng = random.Random(k)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(requests):
                if time.monotonic() > stop_at:
                    break
                kind, path = _paths(rng, ids, speakers, quotations)
                t = time.perf_counter()
                try:
                    conn.request("GET", path, headers={"Host": "127.0.0.1"})
                    resp = conn.getresponse()
                    resp.read()
                    ok = resp.status == 200
                    detail = f"{resp.status} {path}"
                except (OSError, http.client.HTTPException) as exc:
                    ok, detail = False, f"{type(exc).__name__} {path}"
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                dt = time.perf_counter() - t
                with lock:
                    latencies.append(dt)
                    by_kind.setdefault(kind, []).append(dt)
                    if not ok:
                        errors.append(detail)
            conn.close()

        start = time.perf_counter()
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        memory["end_mb"] = rss_mb(server.pid)
        memory = {k: round(v, 1) for k, v in memory.items()}
        memory["growth_after_tenth"] = (round(memory["end_mb"] / memory["after_tenth_mb"], 3)
                                        if memory["after_tenth_mb"] else None)
        writer_running = writer.poll() is None
        if writer_running:  # enough: the readers ran while it wrote (a stopped ingest resumes later)
            writer.terminate()
        writer.wait(timeout=DEADLINE_S)
        server.terminate()
        server.wait(timeout=30)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"clients": clients, "requests": len(latencies), "errors": len(errors), "error_sample": errors[:5],
            "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
            "max_ms": round(max(latencies) * 1000, 1), "requests_per_s": round(len(latencies) / wall, 1),
            "store_articles": articles, "by_kind": {k: _ms(v) for k, v in sorted(by_kind.items())},
            "server_memory": memory, "ingest_was_writing": writer_running,
            "ingest_failed": not writer_running and writer.returncode != 0}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20000, help="articles in the store before the clients start")
    ap.add_argument("--requests", type=int, default=625, help="per client (16 x 625 = 10,000)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--from-db", help="copy this store (filled by an earlier run) instead of filling one")
    args = ap.parse_args(argv)
    print(json.dumps(run(args.articles, args.requests, args.clients, from_db=args.from_db), indent=2))


if __name__ == "__main__":
    main()
