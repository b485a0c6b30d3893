"""The Dask runner: shards, Parquet tables, resume, a lost worker, the cross-article merge."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from newsgraph.distributed import merge_corpus, plan_shards, process_shard, run_dask, shard_items  # noqa: E402
from newsgraph.ingest import RawDocument, read_file  # noqa: E402
from newsgraph.keys import quote_norm, speaker_key  # noqa: E402
from newsgraph.ingest.parquet import read_parquet  # noqa: E402
from newsgraph.options import Options  # noqa: E402
from newsgraph.records import (About, ArticleRecord, Cue, Entity, ErrorInfo, ErrorRecord, Event, EventActor,  # noqa: E402
                               Evidence, Mention, Paragraph, Profile, ProfileField, Quote, Speaker, Timex)
from newsgraph.tables import TABLES, read_records, read_table, write_shard  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus import generate  # noqa: E402


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def write_parquet(path: Path, articles: list[dict]) -> Path:
    pq.write_table(pa.Table.from_pylist(articles), path)
    return path


def ids_in(out: Path) -> Counter:
    return Counter(read_table(out, "articles", columns=["id"]).column("id").to_pylist()
                   + read_table(out, "errors", columns=["id"]).column("id").to_pylist())


# ------------------------------------------------------------------ fast: planning, readers, tables

def test_plan_shards_is_stable_and_covers_every_kind(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    write_jsonl(d / "a.jsonl", generate(2))
    write_parquet(d / "b.parquet", generate(2))
    (d / "c.warc.gz").write_bytes(b"")
    for i in range(5):
        (d / "sub" / f"page{i}.txt").write_text("Some text.\n\nMore text.")
    (d / ".hidden.jsonl").write_text("{}\n")
    (d / "notes.csv").write_text("x")
    loose = tmp_path / "loose.html"
    loose.write_text("<html><body><p>x</p></body></html>")
    shards = plan_shards([str(d), str(loose), str(tmp_path / "missing.jsonl")], group_files=2)
    kinds = Counter(s.kind for s in shards)
    assert kinds == Counter({"files": 4, "jsonl": 1, "parquet": 1, "warc": 1, "missing": 1})
    assert sum(len(s.paths) for s in shards if s.kind == "files") == 6
    assert len({s.name for s in shards}) == len(shards)
    assert [s.name for s in plan_shards([str(d), str(loose), str(tmp_path / "missing.jsonl")], group_files=2)] \
        == [s.name for s in shards]
    [missing] = [s for s in shards if s.kind == "missing"]
    [err] = list(shard_items(missing))
    assert isinstance(err, ErrorRecord) and err.error.code == "E008"


def test_parquet_reader(tmp_path):
    import datetime as dt

    rows = [
        {"id": "a", "text": "Body of a.", "html": None, "title": "A", "url": "https://x/a", "published": dt.date(2024, 5, 1)},
        {"id": None, "text": None, "html": "<p>b</p>", "title": None, "url": None, "published": None},
        {"id": "c", "text": "   ", "html": None, "title": None, "url": None, "published": None},
        {"id": "d", "text": None, "html": None, "title": None, "url": None, "published": None},
    ]
    path = write_parquet(tmp_path / "shard.parquet", rows)
    a, b, c, d = list(read_parquet(path, batch_rows=2))
    assert isinstance(a, RawDocument) and (a.media_type, a.published, a.url, a.title) == ("text", "2024-05-01", "https://x/a", "A")
    assert isinstance(b, RawDocument) and b.id == "shard:2" and b.media_type == "html"
    assert isinstance(c, ErrorRecord) and c.error.code == "E001"
    assert isinstance(d, ErrorRecord) and d.error.code == "E007"
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    [err] = list(read_parquet(tmp_path / "bad.parquet"))
    assert isinstance(err, ErrorRecord) and err.error.code == "E004"


def handmade_record(id_: str, published: str, quote: str, speaker: str | None) -> ArticleRecord:
    text = f"Headline\n\n{quote} {speaker or 'someone'} said."
    sp = None
    if speaker:
        sp = Speaker(name=speaker, type="person", entity="e1", mention=Mention(speaker, 10, 10 + len(speaker)),
                     descriptor="minister", affiliation=None)
    return ArticleRecord(
        id=id_, source=f"src/{id_}", text=text, title="Headline", published=published, published_source="supplied",
        paragraphs=[Paragraph(0, 8, "title"), Paragraph(10, len(text), "body")], captions=["a caption"],
        metadata={"url": f"https://x/{id_}", "site": "x", "n": 3},
        quotes=[Quote(text=quote, kind="direct", start=10, end=10 + len(quote), paragraph=1, speaker=sp,
                      cue=Cue("said", len(text) - 5, len(text) - 1) if speaker else None, channel=None,
                      about=[About("e2", "Canada")], date=published, date_source="published")],
        entities=[Entity(id="e1", name=speaker or "Nobody", type="PERSON",
                         mentions=[Mention("X", 1, 2), Mention("Y", 3, 4)], aliases=["X"], descriptors=["minister"],
                         profile=Profile(gender=ProfileField("female", evidence=[Evidence("pronoun", "she", "female", 5, 8)]),
                                         role=ProfileField("government", label="former"),
                                         country=ProfileField("Canada")) if speaker else None)],
        timexes=[Timex(text="Monday", start=1, end=7, type="DATE", value=published, mod=None)],
        events=[Event(type="THREATEN", trigger=Mention("warned", 20, 26), start=10, end=len(text),
                      source=EventActor("Maria Chen", 10, 20, entity="e1", name=speaker or "Nobody",
                                        country="CAN", sector="GOV"),
                      target=None, mode="violence", context=["military"], date=published,
                      location=EventActor("Ottawa", 30, 36, name="Ottawa", country="CAN"),
                      negated=False, hypothetical=True, quote=0)],
    )


def test_tables_roundtrip_the_records(tmp_path):
    recs = [handmade_record("a1", "2024-01-02", "\u201cWe will fix it.\u201d", "Maria Chen"),
            handmade_record("a2", "2024-01-03", "Nothing to add.", None),
            ErrorRecord(id="bad", source="src/bad", error=ErrorInfo(code="E001", message="empty"))]
    counts = write_shard(tmp_path, "s1", recs)
    assert counts == {"articles": 2, "quotes": 2, "entities": 2, "timexes": 2, "events": 2, "errors": 1}
    for table in TABLES:
        assert (tmp_path / table / "s1.parquet").is_file()
        assert not list((tmp_path / table).glob(".*"))  # no temporaries left behind
    assert [r.to_dict() for r in read_records(tmp_path)] == [r.to_dict() for r in recs]
    import pandas as pd

    quotes = pd.read_parquet(tmp_path / "quotes")
    assert list(quotes["speaker_name"].fillna("-")) == ["Maria Chen", "-"]
    assert set(quotes["shard"]) == {"s1"}


def test_merge_corpus_groups_quotations_and_speakers(tmp_path):
    write_shard(tmp_path, "s1", [
        handmade_record("a1", "2024-01-05", "\u201cWe will fix it.\u201d", "Maria Chen"),
        handmade_record("a2", "2024-01-02", "We will FIX it", "Dr. Maria Chen"),
    ])
    write_shard(tmp_path, "s2", [
        handmade_record("a3", "2024-02-01", "We will fix it.", "Maria Chen"),
        handmade_record("a4", "2024-01-01", "We will fix it.", "Tomas Brandt"),
        handmade_record("a5", "2024-03-01", "Something else entirely.", None),
    ])
    summary = merge_corpus(tmp_path)
    assert summary == {"quotes": 5, "quotations": 3, "speakers": 2}
    q = read_table(tmp_path, "quotations").to_pylist()
    chen = [r for r in q if r["speaker_name"] and "Chen" in r["speaker_name"]]
    assert len(chen) == 1
    assert (chen[0]["occurrences"], chen[0]["articles"], chen[0]["first_seen"], chen[0]["last_seen"]) == \
        (3, 3, "2024-01-02", "2024-02-01")
    assert chen[0]["norm_text"] == quote_norm("We will fix it")
    s = {r["speaker_key"]: r for r in read_table(tmp_path, "speakers").to_pylist()}
    assert s[speaker_key("Maria Chen", "person")]["quotes"] == 3
    assert s[speaker_key("Maria Chen", "person")]["name"] == "Maria Chen"
    assert s[speaker_key("Tomas Brandt", "person")]["first_seen"] == "2024-01-01"
    occ = read_table(tmp_path, "occurrences").to_pylist()
    assert sorted((o["article_id"], o["quote_index"]) for o in occ if o["quotation_id"] == chen[0]["quotation_id"]) \
        == [("a1", 0), ("a2", 0), ("a3", 0)]


def test_merge_corpus_with_no_quotes(tmp_path):
    write_shard(tmp_path, "s1", [ErrorRecord(id="x", source="x", error=ErrorInfo(code="E001", message="empty"))])
    assert merge_corpus(tmp_path) == {"quotes": 0, "quotations": 0, "speakers": 0}
    assert read_table(tmp_path, "quotations").num_rows == 0


# ------------------------------------------------------------------ on a LocalCluster

N_ARTICLES = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """200 generated articles: 7 JSONL shards and a Parquet shard, plus a bad line and a missing file."""
    d = tmp_path_factory.mktemp("corpus").resolve()
    arts = generate(N_ARTICLES, seed=3)
    for k in range(7):
        write_jsonl(d / f"feed{k}.jsonl", arts[k * 25:(k + 1) * 25])
    write_parquet(d / "feed7.parquet", arts[175:])
    with open(d / "feed0.jsonl", "a") as fh:
        fh.write("{not json\n")
    return d


def reference(corpus: Path) -> dict[str, dict]:
    """The single-process output: the same readers, ``process_batch`` by 16."""
    from newsgraph.pipeline import process_batch

    out: dict[str, dict] = {}
    for path in sorted(corpus.iterdir()):
        items = list(read_parquet(path) if path.suffix == ".parquet" else read_file(path))
        raws = [i for i in items if isinstance(i, RawDocument)]
        results = [i for i in items if isinstance(i, ErrorRecord)]
        for i in range(0, len(raws), 16):
            results.extend(process_batch(raws[i:i + 16]))
        for r in results:
            assert r.id not in out
            out[r.id] = r.to_dict()
    return out


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster for the module: two processes, one thread each, as run_dask starts by default."""
    from newsgraph.distributed import local_cluster

    with local_cluster(2) as c:
        yield c


@pytest.fixture(scope="module")
def dask_run(corpus, cluster, tmp_path_factory):
    """The Dask run, with the single-process reference computed meanwhile (the driver only waits)."""
    out = tmp_path_factory.mktemp("out")
    seen, box = [], {}

    def run() -> None:
        try:
            box["summary"] = run_dask([str(corpus)], str(out), scheduler=cluster.scheduler_address,
                                      progress=lambda ok, err: seen.append((ok, err)))
        except BaseException as exc:  # pragma: no cover - reported below
            box["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    want = reference(corpus)
    thread.join()
    if "error" in box:
        raise box["error"]
    return out, box["summary"], seen, want


@pytest.mark.slow
def test_dask_matches_single_process(corpus, dask_run):
    out, summary, seen, want = dask_run
    assert summary["shards"] == 8 and summary["skipped_done"] == 0 and summary["failed"] == []
    assert summary["articles"] + summary["errors"] == N_ARTICLES + 1  # + the bad JSONL line
    assert len(seen) == 8 and seen[-1] == (summary["articles"], summary["errors"])
    got = {r.id: r.to_dict() for r in read_records(out)}
    assert set(got) == set(want)
    diff = [i for i in want if got[i] != want[i]]
    assert not diff, (diff[:3], got[diff[0]], want[diff[0]])
    # every table is there, one file per shard, readable as one table
    for table in TABLES:
        assert len(list((out / table).glob("*.parquet"))) == 8
    assert len(list((out / "_done").glob("*.json"))) == 8
    n_quotes = sum(len(r["quotes"]) for r in want.values() if "quotes" in r)
    assert summary["merge"]["quotes"] == n_quotes == read_table(out, "quotes").num_rows
    if n_quotes:
        q = read_table(out, "quotations")
        assert sum(q.column("occurrences").to_pylist()) == n_quotes
        assert read_table(out, "speakers").num_rows == summary["merge"]["speakers"] > 0


def test_default_local_cluster(tmp_path):
    """scheduler=None starts (and stops) a LocalCluster; inputs that are all errors need no model."""
    (tmp_path / "bad.jsonl").write_text("{oops\n[1, 2]\n")
    summary = run_dask([str(tmp_path / "bad.jsonl"), str(tmp_path / "gone.jsonl")], str(tmp_path / "out"),
                       Options(workers=1))
    assert (summary["shards"], summary["articles"], summary["errors"]) == (2, 0, 3)
    assert summary["merge"] == {"quotes": 0, "quotations": 0, "speakers": 0}
    assert sorted(r.error.code for r in read_records(tmp_path / "out")) == ["E005", "E005", "E008"]


@pytest.mark.slow
def test_the_time_limit_reaches_every_shard_task(cluster, tmp_path):
    """Options travel unchanged to the workers: a tiny limit makes every article E009
    (checked when each step ends, since a Dask worker runs tasks in a thread)."""
    d = tmp_path / "in"
    d.mkdir()
    write_jsonl(d / "feed.jsonl", generate(3, seed=5))
    summary = run_dask([str(d)], str(tmp_path / "out"), Options(timeout=1e-6), scheduler=cluster.scheduler_address,
                       merge=False)
    assert (summary["articles"], summary["errors"]) == (0, 3)
    assert [r.error.code for r in read_records(tmp_path / "out")] == ["E009"] * 3


@pytest.mark.slow
def test_resume_redoes_only_missing_shards(dask_run, corpus, cluster, tmp_path):
    done_out, first, _, _ = dask_run
    out = tmp_path / "out"
    shutil.copytree(done_out, out)
    markers = sorted((out / "_done").glob("*.json"))
    # a crash: one shard wrote its tables but no marker, one wrote nothing, a temporary was left behind
    crashed, lost = markers[0].stem, markers[1].stem
    markers[0].unlink()
    markers[1].unlink()
    for table in TABLES:
        (out / table / f"{lost}.parquet").unlink()
    (out / "articles" / f".{crashed}.parquet.dead.tmp").write_bytes(b"half a file")
    before = {p: p.stat().st_mtime_ns for p in (out / "articles").glob("*.parquet")}
    expected = {crashed: json.loads((done_out / "_done" / f"{crashed}.json").read_text()),
                lost: json.loads((done_out / "_done" / f"{lost}.json").read_text())}

    summary = run_dask([str(corpus)], str(out), scheduler=cluster.scheduler_address)
    assert summary["skipped_done"] == 6 and summary["failed"] == []
    assert summary["articles"] == sum(m["articles"] for m in expected.values())
    assert summary["errors"] == sum(m["errors"] for m in expected.values())
    after = {p: p.stat().st_mtime_ns for p in (out / "articles").glob("*.parquet")}
    redone = {p.stem for p in after if before.get(p) != after[p]}
    assert redone == {crashed, lost}
    assert not list((out / "articles").glob(".*"))
    counts = ids_in(out)
    assert sum(counts.values()) == first["articles"] + first["errors"] and set(counts.values()) == {1}
    # a third run has nothing to do
    again = run_dask([str(corpus)], str(out), scheduler=cluster.scheduler_address, merge=False)
    assert again["skipped_done"] == 8 and again["articles"] == again["errors"] == 0


@pytest.mark.slow
def test_a_lost_worker_loses_no_article(cluster, tmp_path):
    from distributed import Client

    d = tmp_path / "in"
    d.mkdir()
    arts = generate(24, seed=11)
    for k in range(8):
        write_jsonl(d / f"f{k:02d}.jsonl", arts[k * 3:(k + 1) * 3])
    out = tmp_path / "out"
    killed: dict = {}

    with Client(cluster) as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not killed:
                if list((out / "_done").glob("*.json")) if (out / "_done").is_dir() else []:
                    busy = {a: ks for a, ks in client.processing().items() if ks and a in pids}
                    if busy:
                        addr, keys = next(iter(busy.items()))
                        os.kill(pids[addr], signal.SIGKILL)
                        killed.update(addr=addr, keys=list(keys))
                        return
                time.sleep(0.02)

        killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
        killer.start()
        summary = run_dask([str(d)], str(out), scheduler=cluster.scheduler_address, merge=False)
        killer.join(5)

    assert killed, "no worker was killed: the run ended too fast"
    assert summary["failed"] == [] and summary["articles"] + summary["errors"] == 24
    counts = ids_in(out)
    assert set(counts) == {a["id"] for a in arts} and set(counts.values()) == {1}
    assert len(list((out / "_done").glob("*.json"))) == 8


@pytest.mark.slow
def test_cli_engine_dask(corpus, tmp_path):
    """`newsgraph extract --engine dask` once the CLI carries the option (wired by the integrator)."""
    from click.testing import CliRunner

    from newsgraph.cli import main

    help_text = CliRunner().invoke(main, ["extract", "--help"]).output
    if "--engine" not in help_text:
        pytest.skip("the CLI has no --engine option yet")
    small = tmp_path / "in"
    small.mkdir()
    write_jsonl(small / "one.jsonl", generate(6, seed=5))
    result = CliRunner().invoke(main, ["extract", str(small), "--engine", "dask", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sum(ids_in(tmp_path / "out").values()) == 6


def test_marker_follows_the_inputs_and_the_files(tmp_path):
    """A shard is done only with its marker, unchanged inputs and all five files (no model needed here)."""
    from newsgraph.distributed import _fail_shard, is_done, marker_path

    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    [shard] = plan_shards([str(bad)])
    out = tmp_path / "out"
    assert not is_done(out, shard)
    summary = process_shard(shard, str(out))
    assert (summary["articles"], summary["errors"]) == (0, 1) and is_done(out, shard)
    assert json.loads(marker_path(out, shard.name).read_text())["rows"]["errors"] == 1
    bad.write_text("{oops\n{again\n")  # the input changed: do it again
    assert not is_done(out, shard)
    process_shard(shard, str(out))
    assert is_done(out, shard)
    (out / "timexes" / f"{shard.name}.parquet").unlink()  # a table file lost
    assert not is_done(out, shard)
    # a shard that failed for good on the cluster: one error row, no marker, so the next run retries it
    marker_path(out, shard.name).unlink()
    _fail_shard(str(out), shard, RuntimeError("worker died three times"))
    [err] = list(read_records(out))
    assert err.id == shard.name and err.error.code == "E010" and "worker died" in err.error.message
    assert not is_done(out, shard)


@pytest.mark.slow
def test_load_dask_output_into_store(tmp_path):
    """`newsgraph load OUT --db` stores what a Dask run wrote; loading twice changes nothing."""
    from click.testing import CliRunner

    from newsgraph.cli import main
    from newsgraph.store import open_store, stats

    small = tmp_path / "in"
    small.mkdir()
    write_jsonl(small / "one.jsonl", generate(5, seed=11))
    out, db = tmp_path / "out", tmp_path / "news.db"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(small), "--engine", "dask", "-o", str(out), "-q"]).exit_code == 0
    first = runner.invoke(main, ["load", str(out), "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["inserted"] == 5
    counts = stats(open_store(db))
    again = runner.invoke(main, ["load", str(out), "--db", str(db), "--json"])
    assert json.loads(again.output)["inserted"] == 0
    assert stats(open_store(db)) == counts and counts["articles"] == 5
