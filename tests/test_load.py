"""Load (reduced size): 16 concurrent clients against `newsgraph serve` on loopback while an
ingest writes to the same database: no request fails. `make bench` runs the full size."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

pytestmark = pytest.mark.slow


def test_concurrent_readers_while_ingest_writes():
    import bench_load

    figures = bench_load.run(articles=300, requests=12, clients=16, ingest_articles=5000)
    assert figures["requests"] == 16 * 12
    assert figures["errors"] == 0, figures["error_sample"]
    assert figures["ingest_was_writing"] and not figures["ingest_failed"]
