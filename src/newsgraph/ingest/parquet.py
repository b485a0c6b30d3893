"""Parquet shards of articles: one row per article, the columns of a JSONL line.

Columns read: ``id``, ``text`` and/or ``html``, and when present ``title``, ``url``,
``published`` (a string, date or timestamp), ``author``, ``site``. Other columns
are ignored. Rows are read in batches, so a large file never sits whole in memory.
A row without usable text becomes an ErrorRecord; an unreadable file becomes one
ErrorRecord for the file.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterator, Optional, Union

from ..errors import E, NewsgraphError
from . import DEFAULT_MAX_BYTES, Item, RawDocument, error_record

PARQUET_SUFFIXES = (".parquet", ".pq")
COLUMNS = ("id", "text", "html", "title", "url", "published", "author", "site")


def is_parquet(path: Union[str, Path]) -> bool:
    return str(path).lower().endswith(PARQUET_SUFFIXES)


def parquet_stem(path: Union[str, Path]) -> str:
    name = Path(path).name
    for suffix in PARQUET_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(path).stem


def read_parquet(path: Union[str, Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 batch_rows: int = 512) -> Iterator[Item]:
    """Every row of a Parquet file as a RawDocument or ErrorRecord, in file order."""
    import pyarrow.parquet as pq

    source, stem = str(path), parquet_stem(path)
    try:
        pf = pq.ParquetFile(path)
        columns = [c for c in COLUMNS if c in pf.schema_arrow.names]
        batches = pf.iter_batches(batch_size=batch_rows, columns=columns)
    except FileNotFoundError as exc:
        yield error_record(stem, source, NewsgraphError(E.NOT_FOUND, detail=str(exc)))
        return
    except Exception as exc:  # not Parquet, corrupt footer, ...
        yield error_record(stem, source, NewsgraphError(E.DECODE, detail=f"not a readable Parquet file: {exc}"))
        return
    row = 0
    try:
        for batch in batches:
            for values in batch.to_pylist():
                row += 1
                yield _item(values, row=row, stem=stem, source=source, max_bytes=max_bytes)
    except Exception as exc:  # a damaged row group: what was read stays, the rest is one error
        yield error_record(f"{stem}:{row + 1}", f"{source}:{row + 1}",
                           NewsgraphError(E.DECODE, detail=f"Parquet unreadable from row {row + 1}: {exc}"))


def _text(value) -> Optional[str]:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else None


def _published(value) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _item(values: dict, *, row: int, stem: str, source: str, max_bytes: int) -> Item:
    id_ = str(values.get("id") or f"{stem}:{row}")
    loc = f"{source}:{row}"
    text, html = _text(values.get("text")), _text(values.get("html"))
    if text is None and html is None:
        return error_record(id_, loc, NewsgraphError(E.NO_TEXT_FIELD, line=row))
    content, media = (text, "text") if text and text.strip() else (html or "", "html")
    if not content.strip():
        return error_record(id_, loc, NewsgraphError(E.EMPTY))
    size = len(content.encode("utf-8"))
    if size > max_bytes:
        return error_record(id_, loc, NewsgraphError(E.TOO_LARGE, size=size, limit=max_bytes))
    meta = {k: values[k] for k in ("author", "site") if isinstance(values.get(k), str) and values[k]}
    return RawDocument(id=id_, source=loc, media_type=media, content=content,
                       title=_text(values.get("title")), url=_text(values.get("url")),
                       published=_published(values.get("published")), metadata=meta)
