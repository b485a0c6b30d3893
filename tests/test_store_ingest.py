"""Ingest from paths: resume after SIGKILL, a second run changes nothing.

The pipeline is replaced by a fast fake (file text -> hand-built record) so the
tests exercise the real readers, ingest log and transactions without spaCy.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.corpus import ingest_paths
from newsgraph.store import open_store, stats

FAKE = '''
import time
from newsgraph.records import ErrorRecord
from newsgraph.store.synthetic import article

def fake_process_items(items, options=None, *, delay=0.0):
    for item in items:
        if isinstance(item, ErrorRecord):
            yield item
            continue
        time.sleep(delay)
        speaker, quote, body = item.content.strip().split("|")
        yield article(item.id, [(speaker, quote)], body=[body], site=speaker.split()[-1].lower() + ".com")
'''


def write_corpus(folder: Path, n: int = 30) -> None:
    folder.mkdir()
    speakers = ["Kim Jong Un", "Moon Jae-in", "Donald Trump"]
    for i in range(n):
        sp = speakers[(i % 10) % 3]
        quote = f"Statement {i % 10} on the talks will be remembered for a long time to come."
        (folder / f"art{i:03d}.txt").write_text(f"{sp}|{quote}|Body {i}: the summit of {i * 31} delegates met.")


def _fake(monkeypatch, delay=0.0):
    namespace: dict = {}
    exec(FAKE, namespace)
    import newsgraph.corpus as corpus

    monkeypatch.setattr(corpus, "process_items",
                        lambda items, options=None: namespace["fake_process_items"](items, options, delay=delay))


def table_counts(path) -> dict:
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'quotation_fts_%' AND name NOT LIKE 'sqlite_%'")]
    out = {n: conn.execute(f"SELECT COUNT(*) FROM {n}").fetchone()[0] for n in names}
    conn.close()
    return out


def test_ingesting_the_same_folder_twice_leaves_identical_counts(tmp_path, monkeypatch):
    _fake(monkeypatch)
    write_corpus(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("  \n")
    store = open_store(tmp_path / "news.db")
    first = ingest_paths(store, [str(tmp_path / "in")])
    assert first.inserted == 30 and first.errors == 1
    before = table_counts(store.path)
    again = ingest_paths(store, [str(tmp_path / "in")])
    assert again.skipped == 30 and again.stored == 0
    forced = ingest_paths(store, [str(tmp_path / "in")], resume=False)
    assert forced.unchanged == 30
    assert table_counts(store.path) == before
    s = stats(store)
    assert s["articles"] == 30 and s["quotations"] == 10 and s["occurrences"] == 30


SCRIPT = FAKE + '''
import sys
import newsgraph.corpus as corpus
from newsgraph.corpus import ingest_paths
from newsgraph.store import open_store
corpus.process_items = lambda items, options=None: fake_process_items(items, delay=0.03)
store = open_store(sys.argv[1])
print("started", flush=True)
ingest_paths(store, [sys.argv[2]], batch_size=int(sys.argv[3]))
print("finished", flush=True)
'''


@pytest.mark.parametrize("batch_size", [1, 4])
def test_sigkill_mid_ingest_then_rerun_stores_everything_once(tmp_path, monkeypatch, batch_size):
    write_corpus(tmp_path / "in", n=40)
    db = tmp_path / "news.db"
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(tmp_path / "in"), str(batch_size)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                continue
            if stored >= 8:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()
    partial = table_counts(db)["articles"]
    assert 8 <= partial < 40

    _fake(monkeypatch)
    store = open_store(db)
    report = ingest_paths(store, [str(tmp_path / "in")])
    assert report.skipped == partial and report.inserted == 40 - partial
    conn = store.reader()
    assert tuple(conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()) == (40, 40)
    assert conn.execute("SELECT COUNT(*) FROM occurrences GROUP BY article HAVING COUNT(*) > 1").fetchall() == []

    clean = open_store(tmp_path / "clean.db")
    ingest_paths(clean, [str(tmp_path / "in")])
    killed_counts, clean_counts = table_counts(db), table_counts(clean.path)
    assert killed_counts == clean_counts
