"""Ingest: ArticleRecords into the store, resumably.

Articles are committed in small batches, each batch one transaction together with
its lines of the ingest log, so a run killed at any instant leaves whole articles
only; ``done_inputs`` tells a caller (``corpus.ingest_paths``) which raw inputs the
log already holds, so a re-run extracts only the rest. The store reads records and
nothing else: extraction happens above it.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from ..errors import E, NewsgraphError
from ..records import ArticleRecord, ErrorInfo, ErrorRecord, safe_text, valid_tree
from .db import Store, StoreError
from .writer import ArticleWriter, _now

log = logging.getLogger(__name__)
FAILED_KEPT = 20
Progress = Optional[Callable[["IngestReport"], None]]


@dataclass
class IngestReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicting: int = 0      # new articles whose id another input held: kept as ID~N (see store/identity.py)
    skipped: int = 0          # raw inputs already stored by an earlier (maybe interrupted) run
    errors: int = 0
    seconds: float = 0.0
    error_codes: dict = field(default_factory=dict)
    failed: list = field(default_factory=list)   # the first few failed inputs: (id, source, code, message)

    @property
    def stored(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.conflicting

    def add_error(self, id_: str, source: str, code: str, message: str) -> None:
        self.errors += 1
        self.error_codes[code] = self.error_codes.get(code, 0) + 1
        if len(self.failed) < FAILED_KEPT:
            self.failed.append((id_, source, code, message))

    @property
    def rate(self) -> float:
        return (self.stored + self.errors) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "stored": self.stored, "articles_per_s": round(self.rate, 1)}


def _log_error(conn, raw_id, raw_hash_, code: str, message: str) -> None:
    """An ingest-log row for a failed input; its texts made writable first (a lone
    surrogate in an id must not roll back the batch: it would fail the same way on every re-run)."""
    conn.execute("INSERT OR REPLACE INTO ingest_log VALUES (?, ?, NULL, ?, ?, ?)",
                 (safe_text(raw_id), safe_text(raw_hash_), code, safe_text(message), _now()))


def raw_hash(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def ingest_records(store: Store, items: Iterable[Union[ArticleRecord, ErrorRecord, tuple]], *,
                   batch_size: int = 50, progress: Progress = None, wait: bool = False) -> IngestReport:
    """Write records; an item may be ``(record, raw_id, raw_hash)`` to log its raw input."""
    report = IngestReport()
    start = time.perf_counter()
    with store.writing(wait=wait) as conn:
        writer = ArticleWriter(conn)
        pending = 0
        conn.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                rec, rid, rhash = item if isinstance(item, tuple) else (item, None, None)
                if isinstance(rec, ErrorRecord):
                    report.add_error(safe_text(rec.id), safe_text(rec.source), rec.error.code,
                                     safe_text(rec.error.message))
                    _log_error(conn, rid or rec.id, rhash or f"error:{rec.source}", rec.error.code, rec.error.message)
                else:
                    conn.execute("SAVEPOINT article")
                    try:
                        status = writer.write(rec)
                    except (sqlite3.DatabaseError, ValueError, TypeError, AttributeError, KeyError,
                            RecursionError) as exc:
                        conn.execute("ROLLBACK TO article")
                        conn.execute("RELEASE article")
                        if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                            raise  # disk full: stop, the batch is rolled back and redone on re-run
                        err = StoreError(E.WRITE_FAILED, id=safe_text(getattr(rec, "id", "?")),
                                         detail=safe_text(f"{type(exc).__name__}: {exc}"[:500]))
                        log.error("%s", err.message, exc_info=True)
                        report.add_error(safe_text(getattr(rec, "id", "?")), safe_text(getattr(rec, "source", "?")),
                                         err.code.value, err.message)
                        _log_error(conn, rid if rid is not None else getattr(rec, "id", "?"),
                                   rhash if rid is not None else f"error:{getattr(rec, 'source', '?')}",
                                   err.code.value, err.message)
                    else:
                        conn.execute("RELEASE article")
                        setattr(report, status, getattr(report, status) + 1)
                        if rid is not None:
                            conn.execute("INSERT OR REPLACE INTO ingest_log VALUES (?, ?, ?, NULL, NULL, ?)",
                                         (rid, rhash, rec.id, _now()))
                pending += 1
                if pending >= batch_size:
                    writer.flush()
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                    pending = 0
                    report.seconds = time.perf_counter() - start
                    if progress:
                        progress(report)
            writer.flush()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        with_optimize(conn)
    report.seconds = time.perf_counter() - start
    if progress:
        progress(report)
    return report


def with_optimize(conn) -> None:
    try:
        conn.execute("PRAGMA optimize")
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except Exception:  # an optimisation only
        log.debug("optimize failed", exc_info=True)


def done_inputs(store: Store) -> set[tuple[str, str]]:
    """(raw id, raw hash) of every raw input an earlier ingest stored."""
    conn = store.reader()
    return {(r[0], r[1]) for r in conn.execute("SELECT raw_id, raw_hash FROM ingest_log WHERE article IS NOT NULL")}


def read_record_files(paths: Iterable[str]) -> Iterator[Union[ArticleRecord, ErrorRecord]]:
    """ArticleRecords (and error records) from JSONL files written by ``newsgraph extract``."""
    import gzip

    if isinstance(paths, (str, os.PathLike)):   # one path, not its characters
        paths = [paths]
    for path in paths:
        opener = gzip.open if str(path).endswith(".gz") else open
        try:
            fh = opener(path, "rt", encoding="utf-8")
        except OSError as exc:
            err = NewsgraphError(E.NOT_FOUND, detail=str(exc))
            yield ErrorRecord(id=str(path), source=str(path), error=ErrorInfo(code=err.code.value, message=err.message))
            continue
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    data, repaired = valid_tree(json.loads(line))   # a "\ud800" escape is no character
                    if not isinstance(data, dict):
                        raise ValueError(f"a JSON {type(data).__name__}, not an object")
                    if repaired and isinstance(data.get("metadata"), dict):
                        data["metadata"]["replaced_surrogates"] = repaired
                    if "error" in data and "text" not in data:
                        yield ErrorRecord.from_dict(data)
                        continue
                    rec = ArticleRecord.from_dict(data)
                    if not isinstance(rec.id, str) or not isinstance(rec.text, str):
                        raise ValueError("an ArticleRecord needs a string 'id' and 'text'")
                except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
                    err = NewsgraphError(E.BAD_JSONL, line=n, detail=safe_text(f"{type(exc).__name__}: {exc}"[:300]))
                    yield ErrorRecord(id=f"{path}:{n}", source=str(path),
                                      error=ErrorInfo(code=err.code.value, message=err.message))
                    continue
                yield rec
