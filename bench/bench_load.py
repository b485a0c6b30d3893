"""A bounded load test of `newsgraph serve` on loopback while an ingest writes.

16 concurrent clients send a fixed number of requests mixing searches, article views
and speaker pages; another process ingests into the same database meanwhile (it is
stopped when the clients are done, if it has not finished).
Reports errors and latency percentiles. Traffic goes to 127.0.0.1 only, and every
loop is bounded in count and time.

    python bench/bench_load.py --articles 2000 --requests 200
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


def _paths(rng: random.Random, ids: list[str], speakers: list[int]) -> str:
    r = rng.random()
    if r < 0.4:
        return f"/api/quotations?search={quote(rng.choice(WORDS))}&limit=20"
    if r < 0.55:
        return f"/search?q={quote(rng.choice(WORDS))}"
    if r < 0.8:
        return f"/articles/{rng.choice(ids)}"
    return f"/speakers/{rng.choice(speakers)}"


def run(articles: int = 2000, requests: int = 200, clients: int = 16, ingest_articles: int = 20000) -> dict:
    """Figures: requests, errors, p50/p95/max latency in ms, requests/s, ingest still writing."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-load-") as tmp:
        db = os.path.join(tmp, "load.db")
        fill(db, articles, seed=3)
        from newsgraph.store import open_store, top_speakers

        store = open_store(db)
        conn = store.reader()
        ids = [r[0] for r in conn.execute("SELECT id FROM articles LIMIT 500")]
        speakers = [s["id"] for s in top_speakers(store, limit=50)["items"]]
        port = free_port()
        server = _server(db, port)
        writer = _writer(db, ingest_articles, seed=99)   # writes while the clients read
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + DEADLINE_S

        def client(k: int) -> None:
            rng = random.Random(k)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(requests):
                if time.monotonic() > stop_at:
                    break
                path = _paths(rng, ids, speakers)
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
                    if not ok:
                        errors.append(detail)
            conn.close()

        start = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
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
            "ingest_was_writing": writer_running,
            "ingest_failed": not writer_running and writer.returncode != 0}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--requests", type=int, default=200, help="per client")
    ap.add_argument("--clients", type=int, default=16)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.articles, args.requests, args.clients), indent=2))


if __name__ == "__main__":
    main()
