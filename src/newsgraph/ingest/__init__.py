"""Readers: page-dump text, HTML and JSONL files, directories and stdin.

Every input becomes a ``RawDocument`` or an ``ErrorRecord``: nothing is dropped
without a recorded reason.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..errors import E, NewsgraphError
from ..records import ErrorInfo, ErrorRecord
from .decode import decode_bytes

DEFAULT_MAX_BYTES = 10_000_000  # one article; a JSONL file may be larger, each line is limited
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass
class RawDocument:
    """One article as read, before cleaning."""
    id: str
    source: str
    media_type: str                 # "text" | "html"
    content: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # supplied by the input (JSONL): always wins
    metadata: dict = field(default_factory=dict)


Item = Union[RawDocument, ErrorRecord]


def error_record(id_: str, source: str, exc: NewsgraphError) -> ErrorRecord:
    return ErrorRecord(id=id_, source=source, error=ErrorInfo(code=exc.code.value, message=exc.message))


def file_id(path: Path) -> str:
    name = path.name
    for suffix in JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def kind_of(path: Path) -> Optional[str]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def sniff_media_type(text: str) -> str:
    head = text.lstrip()[:2048].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    return "text"


def iter_paths(paths: Iterable[str]) -> Iterator[Union[Path, str, ErrorRecord]]:
    """Expand directories (recursively, sorted, supported files only); '-' is stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    fp = Path(root) / f
                    if kind_of(fp) and not f.startswith("."):
                        yield fp
        elif path.is_file():
            yield path
        else:
            yield error_record(file_id(path), str(path), NewsgraphError(E.NOT_FOUND, detail="no such file or directory"))


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: Optional[BinaryIO] = None) -> Iterator[Item]:
    """Every article of every input, as RawDocument or ErrorRecord, in input order."""
    for p in iter_paths(paths):
        if isinstance(p, ErrorRecord):
            yield p
        elif p == "-":
            yield from read_stream(stdin or sys.stdin.buffer, name="-", max_bytes=max_bytes)
        else:
            yield from read_file(p, max_bytes=max_bytes)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    kind = kind_of(path) or "auto"
    if kind == "jsonl":
        try:
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_jsonl(fh, source=str(path), max_bytes=max_bytes)
        except OSError as exc:
            yield error_record(file_id(path), str(path), NewsgraphError(E.DECODE, detail=f"cannot read: {exc}"))
        return
    id_ = file_id(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise NewsgraphError(E.TOO_LARGE, size=size, limit=max_bytes)
        data = path.read_bytes()
    except NewsgraphError as exc:
        yield error_record(id_, str(path), exc)
        return
    except OSError as exc:
        yield error_record(id_, str(path), NewsgraphError(E.NOT_FOUND, detail=str(exc)))
        return
    yield _document(id_, str(path), data, kind)


def read_stream(fh: BinaryIO, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """stdin: JSONL when the first non-blank byte opens a JSON object, else one article."""
    data = fh.read(max_bytes + 1)
    first = data.lstrip()[:1]
    if first == b"{":
        yield from read_jsonl(io.BytesIO(data + fh.read()), source=name, max_bytes=max_bytes)
        return
    if len(data) > max_bytes:
        yield error_record("stdin", name, NewsgraphError(E.TOO_LARGE, size=f"over {max_bytes}", limit=max_bytes))
        return
    yield _document("stdin", name, data, "auto")


def _document(id_: str, source: str, data: bytes, kind: str) -> Item:
    try:
        text = decode_bytes(data, name=source)
        if not text.strip():
            raise NewsgraphError(E.EMPTY)
    except NewsgraphError as exc:
        return error_record(id_, source, exc)
    media = sniff_media_type(text) if kind in ("auto", "text") else kind
    return RawDocument(id=id_, source=source, media_type=media, content=text)


def read_jsonl(fh: BinaryIO, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line: {"id", "text" | "html", "title"?, "url"?, "published"?}."""
    stem = file_id(Path(source)) if source != "-" else "stdin"
    lineno = 0
    while True:
        try:
            raw = fh.readline(max_bytes + 1)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:  # truncated gzip and the like
            yield error_record(f"{stem}:{lineno + 1}", source,
                               NewsgraphError(E.BAD_JSONL, line=lineno + 1, detail=f"unreadable: {exc}"))
            return
        if not raw:
            return
        lineno += 1
        fallback_id = f"{stem}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            # skip the rest of the over-long line
            while True:
                more = fh.readline(max_bytes)
                if not more or more.endswith(b"\n"):
                    break
            yield error_record(fallback_id, source, NewsgraphError(E.TOO_LARGE, size=f"over {max_bytes}", limit=max_bytes))
            continue
        if not raw.strip():
            continue
        yield _jsonl_item(raw, lineno, fallback_id, source)


def _jsonl_item(raw: bytes, lineno: int, fallback_id: str, source: str) -> Item:
    try:
        obj = json.loads(decode_bytes(raw, name=source))
    except NewsgraphError as exc:
        return error_record(fallback_id, source, exc)
    except ValueError as exc:
        return error_record(fallback_id, source, NewsgraphError(E.BAD_JSONL, line=lineno, detail=str(exc)))
    if not isinstance(obj, dict):
        return error_record(fallback_id, source,
                            NewsgraphError(E.BAD_JSONL, line=lineno, detail=f"a JSON {type(obj).__name__}, not an object"))
    id_ = str(obj.get("id") or fallback_id)
    loc = f"{source}:{lineno}"
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return error_record(id_, loc, NewsgraphError(E.NO_TEXT_FIELD, line=lineno))
    content, media = (text, "text") if isinstance(text, str) and text.strip() else (html or "", "html")
    if not content.strip():
        return error_record(id_, loc, NewsgraphError(E.EMPTY))
    published = obj.get("published")
    meta = {k: obj[k] for k in ("author", "site") if isinstance(obj.get(k), str)}
    return RawDocument(id=id_, source=loc, media_type=media, content=content,
                       title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                       url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                       published=str(published) if published not in (None, "") else None,
                       metadata=meta)
