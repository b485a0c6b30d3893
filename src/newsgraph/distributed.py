"""The Dask runner: the same core function (``process_batch``) on a Dask cluster.

``run_dask(inputs, out_dir)`` cuts the inputs into shards (one JSONL, Parquet or
WARC file, or a group of small text/HTML files of a folder), runs one task per
shard, and each task writes that shard's Parquet tables (see ``tables.py``) and
then a marker ``out_dir/_done/<shard>.json``. Shards whose marker is there (and
whose inputs have not changed) are skipped, so a re-run after a crash or a lost
worker redoes only what is missing; a worker lost mid-shard makes Dask run the
shard again elsewhere, and since a shard's files are replaced whole, every input
ends as exactly one row of ``articles`` or ``errors``.

The model is loaded once per worker process by the cached ``nlp.load_model``
(called inside ``process_batch``); it is never pickled with a task: a task
carries only a ``Shard`` (paths) and returns a few counts.

After the shards, ``merge_corpus`` groups the ``quotes`` table with Dask
dataframes into ``quotations`` (the same quotation of one speaker, by the rule of
``newsgraph.keys`` that the store applies too: occurrences, articles, first and
last seen), ``occurrences`` (which quotation each quote joined) and ``speakers``.

Workers and the client must see ``out_dir`` and the inputs at the same paths
(one machine, or a shared file system).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from . import keys as K
from .errors import E, NewsgraphError
from .ingest import Item, RawDocument, error_record, file_id, kind_of, read_file
from .ingest.parquet import is_parquet, parquet_stem, read_parquet
from .ingest.warc import is_warc, read_warc, warc_stem
from .options import Options
from .records import ErrorRecord
from .tables import TABLES, ShardWriter, remove_shard, shard_complete, table_path, write_shard

log = logging.getLogger(__name__)

DONE = "_done"
GROUP_FILES = 64          # small text/HTML files of a folder per shard
MARKER_VERSION = 1


# ------------------------------------------------------------------ shards

@dataclass(frozen=True)
class Shard:
    """One unit of work: a file, or a group of small files. ``name`` is stable across runs."""
    name: str
    kind: str                 # "jsonl" | "parquet" | "warc" | "files" | "missing"
    paths: tuple[str, ...]
    root: Optional[str] = None  # the folder given: file ids are relative to it (a/index.html -> a/index)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _shard_name(label: str, paths: Iterable[str]) -> str:
    digest = hashlib.sha1("\0".join(paths).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    label = _UNSAFE.sub("_", label).strip("._")[:60] or "shard"
    return f"{label}-{digest}"


def _file_kind(path: Path) -> Optional[str]:
    if is_warc(path):
        return "warc"
    if is_parquet(path):
        return "parquet"
    kind = kind_of(path)
    return "jsonl" if kind == "jsonl" else ("files" if kind else None)


def _stem(path: Path, kind: str) -> str:
    return {"warc": warc_stem, "parquet": parquet_stem}.get(kind, lambda p: file_id(Path(p)))(path)


def plan_shards(inputs: Iterable[str], *, group_files: int = GROUP_FILES) -> list[Shard]:
    """The shards of some inputs, in input order; the same inputs give the same shards.

    A folder is walked recursively (sorted, hidden files skipped): each JSONL,
    Parquet or WARC file is a shard, and its text/HTML files go in groups of
    ``group_files``. Loose text/HTML files named on the command line are grouped
    the same way. A path that does not exist is a shard that yields its error.
    """
    shards: list[Shard] = []
    loose: list[str] = []

    def flush_group(label: str, files: list[str], root: Optional[str] = None) -> None:
        for i in range(0, len(files), group_files):
            part = files[i:i + group_files]
            shards.append(Shard(_shard_name(f"{label}-files{i // group_files:05d}", part), "files", tuple(part),
                                root))
        files.clear()

    for raw in inputs:
        path = Path(raw).resolve()
        if path.is_dir():
            small: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                for f in sorted(files):
                    fp = Path(root) / f
                    kind = None if f.startswith(".") else _file_kind(fp)
                    if kind == "files":
                        small.append(str(fp))
                    elif kind:
                        shards.append(Shard(_shard_name(_stem(fp, kind), [str(fp)]), kind, (str(fp),), str(path)))
            flush_group(path.name, small, str(path))
        elif path.is_file():
            kind = _file_kind(path) or "files"
            if kind == "files":
                loose.append(str(path))
            else:
                shards.append(Shard(_shard_name(_stem(path, kind), [str(path)]), kind, (str(path),)))
        else:
            shards.append(Shard(_shard_name(f"missing-{path.name}", [str(path)]), "missing", (str(path),)))
    flush_group("loose", loose)
    return shards


def shard_items(shard: Shard, options: Options = Options(), *,
                skipped: Optional[Counter] = None) -> Iterator[Item]:
    """Every RawDocument and ErrorRecord of a shard, in order (``options``: the size limits)."""
    max_bytes = options.max_bytes
    if shard.kind == "missing":
        p = Path(shard.paths[0])
        yield error_record(file_id(p), str(p), NewsgraphError(E.NOT_FOUND, detail="no such file or directory"))
    elif shard.kind == "warc":
        yield from read_warc(shard.paths[0], max_bytes=max_bytes, skipped=skipped)
    elif shard.kind == "parquet":
        yield from read_parquet(shard.paths[0], max_bytes=max_bytes)
    else:  # jsonl, files
        root = Path(shard.root) if shard.root else None
        for p in shard.paths:
            yield from read_file(Path(p), max_bytes=max_bytes, max_line=options.max_line, root=root)


def signature(shard: Shard) -> list:
    """What identifies the inputs' content cheaply: size and modification time of each file."""
    out = []
    for p in shard.paths:
        try:
            st = os.stat(p)
            out.append([p, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([p, None, None])
    return out


# ------------------------------------------------------------------ markers

def marker_path(out_dir: Union[str, Path], shard: str) -> Path:
    return Path(out_dir) / DONE / f"{shard}.json"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def is_done(out_dir: Union[str, Path], shard: Shard) -> bool:
    """A shard is done when its marker is there, its inputs unchanged and its five files present."""
    path = marker_path(out_dir, shard.name)
    try:
        marker = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker.get("inputs") == signature(shard) and shard_complete(out_dir, shard.name)


# ------------------------------------------------------------------ the task

def process_shard(shard: Shard, out_dir: str, options: Options = Options()) -> dict:
    """One shard, on a worker: read, run ``process_batch`` by batches of ``options.batch``
    with the run's limits, write the tables, mark done.

    Importable (so Dask pickles it by reference); the model comes from the
    per-process cache, never from the task. Inside a Dask worker's thread the time
    limit is checked when each step ends (signals only work in a main thread).
    """
    from .pipeline import Timings, process_batch

    started = time.perf_counter()
    timings = Timings()
    skipped: Counter = Counter()
    inputs = signature(shard)           # taken before reading: a change during the run is redone next time
    writer = ShardWriter(out_dir, shard.name)
    articles = errors = 0
    try:
        pending: list[RawDocument] = []

        def run(raws: list) -> None:
            nonlocal articles, errors
            results = process_batch(raws, None, options=options, timings=timings)
            writer.add(results)
            n_err = sum(isinstance(r, ErrorRecord) for r in results)
            articles += len(results) - n_err
            errors += n_err
            raws.clear()

        for item in shard_items(shard, options, skipped=skipped):
            if isinstance(item, ErrorRecord):
                writer.add([item])
                errors += 1
                continue
            pending.append(item)
            if len(pending) >= options.batch:
                run(pending)
        if pending:
            run(pending)
        rows = writer.commit()
    except BaseException:
        writer.abort()
        raise
    summary = {
        "version": MARKER_VERSION, "shard": shard.name, "kind": shard.kind, "inputs": inputs,
        "articles": articles, "errors": errors, "rows": rows, "skipped": dict(skipped),
        "stage_seconds": {k: round(v, 3) for k, v in timings.seconds.items()},
        "seconds": round(time.perf_counter() - started, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    _write_atomic(marker_path(out_dir, shard.name), json.dumps(summary, indent=1))
    return summary


def _input_bytes(shard: Shard) -> int:
    return sum(size or 0 for _, size, _ in signature(shard))


def _fail_shard(out_dir: str, shard: Shard, exc: BaseException) -> dict:
    """A shard whose task failed for good: one error row says so; no marker, so a re-run retries it."""
    remove_shard(out_dir, shard.name)
    err = error_record(shard.name, ",".join(shard.paths),
                       NewsgraphError(E.INTERNAL, detail=f"shard failed on the cluster: {type(exc).__name__}: {exc}"))
    write_shard(out_dir, shard.name, [err])
    return {"shard": shard.name, "articles": 0, "errors": 1, "failed": f"{type(exc).__name__}: {exc}"}


def _clear_temporaries(out_dir: Path, shard: str) -> None:
    for table in TABLES:
        final = table_path(out_dir, table, shard)
        for tmp in final.parent.glob(f".{final.name}.*.tmp"):
            tmp.unlink(missing_ok=True)


# ------------------------------------------------------------------ the runner

def local_cluster(n_workers: int = 2):
    """A LocalCluster of process workers, one thread each, tuned for spaCy.

    Two Dask defaults cost a spaCy worker CPU (measured here): the nanny's
    ``MALLOC_TRIM_THRESHOLD_=65536`` (memory handed back to the system often; spaCy
    allocates and frees many small arrays: ~20%) and the statistical profiler that
    samples the task's stack every 10 ms (5-10%). Both are off for our workers; the
    one-thread BLAS settings stay. Workers started by hand for ``--scheduler``
    can do the same: ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`` and
    ``MALLOC_TRIM_THRESHOLD_`` unset.
    """
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                          "distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                            dashboard_address=":0", silence_logs=logging.ERROR)


def run_dask(inputs: list[str], out_dir: str, options: Options = Options(), *, scheduler: Optional[str] = None,
             progress: Optional[Callable[[int, int], None]] = None, merge: bool = True,
             group_files: int = GROUP_FILES) -> dict:
    """Extract ``inputs`` into Parquet tables under ``out_dir`` on a Dask cluster.

    ``options`` travels unchanged to every shard task (size and time limits, batch).
    ``scheduler``: address of a running scheduler ("tcp://host:8786"); None starts a
    LocalCluster of ``options.workers`` processes with one thread each. ``progress`` is
    called as ``progress(articles, errors)`` (running totals of this run) each time
    a shard finishes. Returns a summary: shards, articles, errors, skipped_done,
    failed (shard names), seconds, and the merge's counts.
    """
    from distributed import Client, as_completed

    if "-" in inputs:
        raise ValueError("standard input cannot be spread over a cluster; save it to a file first")
    started = time.perf_counter()
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(inputs, group_files=group_files)
    todo = [s for s in shards if not is_done(out, s)]
    summary = {"shards": len(shards), "articles": 0, "errors": 0, "skipped_done": len(shards) - len(todo),
               "failed": [], "skipped_records": {}}
    for shard in todo:
        _clear_temporaries(out, shard.name)

    cluster = None
    if scheduler is None:
        cluster = local_cluster(options.workers)
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            log.info("dask: %d shards to do, %d already done; dashboard %s",
                     len(todo), len(shards) - len(todo), client.dashboard_link)
            skipped: Counter = Counter()
            if todo:
                futures = {}
                # largest first: the last tasks to start are short, so no worker idles long at the end
                for shard in sorted(todo, key=_input_bytes, reverse=True):
                    fut = client.submit(process_shard, shard, str(out), options,
                                        key=f"newsgraph-shard-{shard.name}", pure=False, retries=1)
                    futures[fut] = shard
                for fut in as_completed(futures):
                    shard = futures[fut]
                    try:
                        result = fut.result()
                    except Exception as exc:  # a task that failed for good (KilledWorker, a reader bug)
                        log.error("shard %s failed: %s", shard.name, exc)
                        result = _fail_shard(str(out), shard, exc)
                        summary["failed"].append(shard.name)
                    summary["articles"] += result["articles"]
                    summary["errors"] += result["errors"]
                    skipped.update(result.get("skipped", {}))
                    fut.release()
                    if progress:
                        progress(summary["articles"], summary["errors"])
            summary["skipped_records"] = dict(skipped)
            if merge:
                summary["merge"] = merge_corpus(out)
    finally:
        if cluster is not None:
            cluster.close()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary


# ------------------------------------------------------------------ cross-article merge
#
# The rule is the store's (``newsgraph.keys``): a quote's speaker key from its own name
# and type, then the connected components of ``keys.same_quotation`` among one
# speaker's wordings. Quotes are shuffled so that each speaker's quotes sit in one
# partition (speaker-less quotes, which only merge when their words are the same, by
# their words), and grouped there; nothing is collected on the client.

QUOTE_COLUMNS = ["article_id", "quote_index", "published", "text", "kind", "speaker_name", "speaker_type", "date"]


def _keys(df):
    """Partition-wise: the speaker key, the normalised text and the shuffle group of each
    quote; quotes without words are no quotation and are dropped."""
    import pandas as pd

    spk = [K.speaker_key(n, t) for n, t in zip(df["speaker_name"], df["speaker_type"])]
    norm = [K.quote_norm(t) if isinstance(t, str) else "" for t in df["text"]]
    group = [s if s else "=" + K.stable_id(q) for s, q in zip(spk, norm)]
    dtype = df["text"].dtype
    out = df.assign(speaker_key=pd.Series(spk, index=df.index, dtype=dtype),
                    norm_text=pd.Series(norm, index=df.index, dtype=dtype),
                    group=pd.Series(group, index=df.index, dtype=dtype))
    return out[out["norm_text"] != ""]


def _group_partition(df):
    """Partition-wise, after the shuffle: every quote of a speaker is here; add the
    ``quotation_id`` of each (``keys.quotation_groups``) and how it matched."""
    import pandas as pd

    df = df.reset_index(drop=True)
    qid_of: dict[tuple[str, str], str] = {}
    for skey, norms in df.groupby("speaker_key", sort=False)["norm_text"]:
        for group in K.quotation_groups(set(norms), skey):
            qid = K.quotation_id(skey, group)
            qid_of.update(((skey, norm), qid) for norm in group)
    qids = [qid_of[(s, n)] for s, n in zip(df["speaker_key"], df["norm_text"])]
    return df.assign(quotation_id=pd.Series(qids, index=df.index, dtype=df["text"].dtype))


def merge_corpus(out_dir: Union[str, Path], *, rows_per_partition: int = 200_000) -> dict:
    """``quotations``, ``occurrences`` and ``speakers`` tables from the ``quotes`` table.

    Quotes are shuffled by speaker key with Dask, then grouped and aggregated per
    partition with pandas. Runs on the active Dask client when there is one (as
    inside ``run_dask``), else on Dask's local scheduler. Rewrites the three tables.
    """
    import shutil

    import dask
    import dask.dataframe as dd
    import pyarrow.parquet as pq

    out = Path(out_dir)
    files = sorted(str(p) for p in (out / "quotes").glob("*.parquet") if not p.name.startswith("."))
    n_quotes = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    for name in MERGE_SCHEMAS:
        shutil.rmtree(out / name, ignore_errors=True)
    if not n_quotes:
        for name, schema in MERGE_SCHEMAS.items():
            (out / name).mkdir(parents=True, exist_ok=True)
            pq.write_table(schema.empty_table(), out / name / "part.0.parquet")
        return {"quotes": 0, "quotations": 0, "speakers": 0}

    quotes = dd.read_parquet(files, columns=QUOTE_COLUMNS)
    keyed = quotes.map_partitions(_keys, meta=_keys(quotes._meta))
    parts = max(1, -(-n_quotes // rows_per_partition))
    grouped = (keyed.shuffle("group", npartitions=parts)
               .map_partitions(_group_partition, meta=_group_partition(keyed._meta)))
    frames = {"quotations": grouped.map_partitions(_agg_quotations, meta=_agg_quotations(grouped._meta)),
              "occurrences": grouped.map_partitions(_occurrences, meta=_occurrences(grouped._meta)),
              "speakers": grouped.map_partitions(_agg_speakers, meta=_agg_speakers(grouped._meta))}
    # one computation for the three tables: the shuffle and the grouping run once
    dask.compute(*(frame.to_parquet(out / name, write_index=False, schema=MERGE_SCHEMAS[name], compute=False)
                   for name, frame in frames.items()))
    count = lambda name: sum(pq.ParquetFile(f).metadata.num_rows for f in (out / name).glob("*.parquet"))
    return {"quotes": n_quotes, "quotations": count("quotations"), "speakers": count("speakers")}


def _rows_by(df, key: str) -> dict[str, list[dict]]:
    """A partition's rows (plain dicts, nulls as None) grouped by a column, keys sorted."""
    import pandas as pd

    groups: dict[str, list[dict]] = {}
    for row in df.to_dict("records"):
        row = {k: (v if isinstance(v, str) or not pd.isna(v) else None) for k, v in row.items()}   # NaN, NA -> None
        groups.setdefault(row[key], []).append(row)
    return dict(sorted(groups.items()))


def _agg_quotations(df):
    """One partition's quotations: every quote of a quotation is in this partition.
    The text is the fullest wording, then the first published (``keys.wording_rank``)."""
    import pandas as pd

    out = []
    for qid, rows in _rows_by(df, "quotation_id").items():
        best = min(rows, key=lambda r: K.wording_rank(r["norm_text"], r["published"], r["article_id"],
                                                      int(r["quote_index"])))
        out.append({
            "quotation_id": qid, "text": best["text"], "norm_text": best["norm_text"], "kind": best["kind"],
            "speaker_key": best["speaker_key"], "speaker_name": K.preferred_name(r["speaker_name"] for r in rows),
            "speaker_type": best["speaker_type"], "occurrences": len(rows),
            "articles": len({r["article_id"] for r in rows}),
            "first_seen": _min(r["published"] for r in rows), "last_seen": _max(r["published"] for r in rows),
            "first_said": _min(r["date"] for r in rows),
        })
    frame = pd.DataFrame(out, columns=list(MERGE_SCHEMAS["quotations"].names))
    return frame.astype({"occurrences": "int64", "articles": "int64"})


def _occurrences(df):
    """Which quotation each quote joined: (article_id, quote_index) -> quotation_id."""
    names = list(MERGE_SCHEMAS["occurrences"].names)
    return df[names].astype({"quote_index": "int64"})


def _agg_speakers(df):
    """One partition's speakers (those with an identity: ``keys.is_identity``)."""
    import pandas as pd

    out = []
    for skey, rows in _rows_by(df, "speaker_key").items():
        if not K.is_identity(skey):
            continue
        out.append({
            "speaker_key": skey, "name": K.preferred_name(r["speaker_name"] for r in rows),
            "type": K.SPEAKER_TYPE_OF_ENTITY[skey.split(":", 1)[0]], "quotes": len(rows),
            "quotations": len({r["quotation_id"] for r in rows}), "articles": len({r["article_id"] for r in rows}),
            "first_seen": _min(r["published"] for r in rows), "last_seen": _max(r["published"] for r in rows),
        })
    frame = pd.DataFrame(out, columns=list(MERGE_SCHEMAS["speakers"].names))
    return frame.astype({"quotes": "int64", "quotations": "int64", "articles": "int64"})


def _min(values) -> Optional[str]:
    return min((v for v in values if isinstance(v, str)), default=None)


def _max(values) -> Optional[str]:
    return max((v for v in values if isinstance(v, str)), default=None)


def _merge_schemas():
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    return {
        "quotations": pa.schema([
            ("quotation_id", s), ("text", s), ("norm_text", s), ("kind", s), ("speaker_key", s), ("speaker_name", s),
            ("speaker_type", s), ("occurrences", i), ("articles", i), ("first_seen", s), ("last_seen", s),
            ("first_said", s)]),
        "occurrences": pa.schema([("quotation_id", s), ("article_id", s), ("quote_index", i), ("speaker_key", s)]),
        "speakers": pa.schema([
            ("speaker_key", s), ("name", s), ("type", s), ("quotes", i), ("quotations", i), ("articles", i),
            ("first_seen", s), ("last_seen", s)]),
    }


MERGE_SCHEMAS = _merge_schemas()
