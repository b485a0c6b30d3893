"""Export the corpus as flat tables: JSONL, CSV or Parquet (for pandas and DuckDB)."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterator

from ..errors import E
from ..keys import SPEAKER_TYPE_OF_ENTITY
from .db import Store, StoreError
from .events_read import EXPORT_SQL as _EVENTS_SQL

FORMATS = ("jsonl", "csv", "parquet")
_IDENTITY = "substr(q.speaker_key, 1, instr(q.speaker_key, ':') - 1) IN ({})".format(
    ", ".join(f"'{t}'" for t in sorted(SPEAKER_TYPE_OF_ENTITY)))
TABLES = {
    "quotations": (
        "SELECT q.id, q.text, q.kind, q.speaker AS speaker_id, e.name AS speaker, q.speaker_key, q.speaker_name, "
        "q.speaker_type, "
        "q.first_seen, q.last_seen, q.first_published, q.n_occurrences, q.n_articles, q.n_sources, "
        "(SELECT GROUP_CONCAT(site, '|') FROM (SELECT DISTINCT site FROM occurrences o "
        "  WHERE o.quotation = q.id AND site IS NOT NULL)) AS sources "
        "FROM quotations q LEFT JOIN entities e ON e.id = q.speaker ORDER BY q.id"),
    "occurrences": (
        "SELECT o.id, o.quotation AS quotation_id, a.id AS article_id, o.idx, o.text, o.kind, o.match, "
        "q.speaker AS speaker_id, o.speaker_name, o.speaker_descriptor, o.cue, o.channel, o.date, o.date_source, "
        "o.published, o.site, o.start, o.end, d.id AS duplicate_of "
        "FROM occurrences o JOIN quotations q ON q.id = o.quotation JOIN articles a ON a.rowid = o.article "
        "LEFT JOIN articles d ON d.rowid = a.duplicate_of ORDER BY o.id"),
    "articles": (
        "SELECT a.id, a.title, a.published, a.published_source, a.site, a.url, a.source, a.language, a.n_quotes, "
        "d.id AS duplicate_of, a.duplicate_similarity, a.content_hash, a.ingested_at "
        "FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of ORDER BY a.rowid"),
    "entities": (
        "SELECT e.id, e.name, e.type, e.key, "
        "(SELECT COUNT(DISTINCT article) FROM entity_links WHERE entity = e.id) AS n_articles, "
        "(SELECT GROUP_CONCAT(alias, '|') FROM (SELECT DISTINCT alias FROM entity_aliases "
        "  WHERE entity = e.id)) AS aliases "
        "FROM entities e ORDER BY e.id"),
    # one row per event (merged across articles), POLECAT-like: date, type, mode, actor columns, article ids
    "events": _EVENTS_SQL,
    # the speakers of the quotations (keys.speaker_key), as ``newsgraph extract --engine dask`` writes them:
    # the name is the form most often given (ties: code-point order), as keys.preferred_name picks it
    "speakers": (
        "SELECT q.speaker_key, "
        "(SELECT o2.speaker_name FROM quotations q2 JOIN occurrences o2 ON o2.quotation = q2.id "
        "  WHERE q2.speaker_key = q.speaker_key AND o2.speaker_name IS NOT NULL AND o2.speaker_name != '' "
        "  GROUP BY o2.speaker_name ORDER BY COUNT(*) DESC, o2.speaker_name LIMIT 1) AS name, "
        "MIN(q.speaker_type) AS type, COUNT(*) AS quotes, COUNT(DISTINCT q.id) AS quotations, "
        "COUNT(DISTINCT o.article) AS articles, MIN(o.published) AS first_seen, MAX(o.published) AS last_seen "
        f"FROM quotations q JOIN occurrences o ON o.quotation = q.id WHERE {_IDENTITY} "
        "GROUP BY q.speaker_key ORDER BY quotes DESC, q.speaker_key"),
}


def iter_table(store: Store, table: str, *, batch: int = 5000) -> Iterator[list[dict]]:
    if table not in TABLES:
        raise StoreError(E.BAD_OPTION, detail=f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    cur = store.reader().execute(TABLES[table])
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            return
        yield [dict(r) for r in rows]


def export(store: Store, out: IO, *, format: str = "jsonl", table: str = "quotations") -> int:
    """Write one table to ``out`` (text stream for jsonl/csv, binary for parquet); returns rows written."""
    if format not in FORMATS:
        raise StoreError(E.BAD_OPTION, detail=f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if format == "parquet":
        return _parquet(store, out, table)
    writer = None
    for rows in iter_table(store, table):
        for row in rows:
            if format == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                    writer.writeheader()
                writer.writerow(row)
            n += 1
    if format == "csv" and writer is None:  # an empty table still gets its header
        cur = store.reader().execute(TABLES[table] + " LIMIT 0")
        csv.writer(out, lineterminator="\n").writerow([c[0] for c in cur.description])
    return n


def _parquet(store: Store, out: IO, table: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise StoreError(E.BAD_OPTION, detail="Parquet export needs pyarrow: pip install pyarrow") from exc
    cur = store.reader().execute(TABLES[table] + " LIMIT 0")
    names = [c[0] for c in cur.description]
    writer = None
    n = 0
    for rows in iter_table(store, table):
        batch = pa.Table.from_pylist(rows)
        if writer is None:
            writer = pq.ParquetWriter(out, batch.schema)
        else:
            batch = batch.cast(writer.schema, safe=False) if batch.schema != writer.schema else batch
        writer.write_table(batch)
        n += len(rows)
    if writer is None:
        pq.write_table(pa.table({name: pa.array([], pa.string()) for name in names}), out)
    else:
        writer.close()
    return n
