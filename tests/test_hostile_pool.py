"""The process pool survives workers that die or hang, and loses nothing.

A test hook (``process_items(_worker_setup=...)``, a picklable function each
worker runs before loading the model) makes articles carrying a marker kill
their worker with SIGKILL, segfault it, stall in Python (the SIGALRM limit must
catch it) or stall with SIGALRM blocked (only the parent's hard deadline can).
"""
from __future__ import annotations

import os
import signal
import time

import pytest

from newsgraph import pipeline
from newsgraph.errors import E
from newsgraph.ingest import RawDocument
from newsgraph.options import Options
from newsgraph.records import ArticleRecord, ErrorInfo, ErrorRecord

pytestmark = pytest.mark.slow

BODY = ("The mayor of Springfield said on Monday that the bridge would reopen in May. "
        "\"We are doing everything we can,\" she told reporters at City Hall.")


def misbehave() -> None:
    """Runs in each worker: wrap ``prepare`` so marked articles misbehave."""
    real = pipeline.prepare

    def prepare(raw, timings):
        if "KILL-SIGKILL" in raw.content:
            os.kill(os.getpid(), signal.SIGKILL)
        if "KILL-SEGV" in raw.content:
            import ctypes
            ctypes.string_at(0)
        if "STALL-PYTHON" in raw.content:
            while True:
                time.sleep(0.01)
        if "STALL-C" in raw.content:  # the soft limit cannot fire: only the hard deadline helps
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        return real(raw, timings)

    pipeline.prepare = prepare


def doc(i: int, marker: str = "") -> RawDocument:
    return RawDocument(id=f"a{i}", source=f"a{i}.txt", media_type="text",
                       content=f"Story {i}\n\n{BODY} {marker}\n\nThe council met {i} times this year.")


def run(items, **kw):
    t = time.monotonic()
    out = list(pipeline.process_items(items, Options(**kw), _worker_setup=misbehave))
    return out, time.monotonic() - t


def ids(results):
    return [r.id for r in results]


def test_dead_and_stalled_workers_lose_nothing():
    """SIGKILL, segfault and a Python stall in one run of two workers."""
    marks = {2: "KILL-SIGKILL", 6: "STALL-PYTHON", 9: "KILL-SEGV"}
    items = [doc(i, marks.get(i, "")) for i in range(12)]
    items.insert(4, ErrorRecord(id="bad", source="bad.jsonl:1", error=ErrorInfo(code="E005", message="x")))
    out, took = run(items, workers=2, batch=3, timeout=1.0)
    assert ids(out) == ids(items)                       # every input once, in input order
    by_id = {r.id: r for r in out}
    assert by_id["a2"].error.code == E.WORKER_DIED.value and "SIGKILL" in by_id["a2"].error.message
    assert by_id["a9"].error.code == E.WORKER_DIED.value and "SIGSEGV" in by_id["a9"].error.message
    assert by_id["a6"].error.code == E.TIMEOUT.value    # the SIGALRM limit works in pool workers
    assert by_id["bad"].error.code == "E005"
    assert all(isinstance(r, ArticleRecord) for r in out if r.id not in ("a2", "a6", "a9", "bad"))
    assert took < 90


def test_hang_beyond_soft_limit_is_killed_by_hard_deadline(monkeypatch):
    monkeypatch.setattr(pipeline, "HARD_GRACE", 2.0)
    items = [doc(i, "STALL-C" if i == 1 else "") for i in range(3)]
    out, took = run(items, workers=2, batch=1, timeout=0.5)
    assert ids(out) == ids(items)
    assert out[1].error.code == E.TIMEOUT.value
    assert isinstance(out[0], ArticleRecord) and isinstance(out[2], ArticleRecord)
    assert took < 60


def broken_start() -> None:
    raise ImportError("simulated: the model cannot be loaded")


def test_workers_that_cannot_start_stop_the_run():
    """A worker that dies while loading the model is no article's fault: after a few
    fresh pools the run stops with a clear error instead of failing every article."""
    items = [doc(i) for i in range(6)]
    t = time.monotonic()
    with pytest.raises(RuntimeError, match="die while starting"):
        list(pipeline.process_items(items, Options(workers=2, batch=2, timeout=30), _worker_setup=broken_start))
    assert time.monotonic() - t < 60
