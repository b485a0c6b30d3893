"""WARC(.gz) files, such as CC-NEWS: every HTML response becomes a RawDocument.

Requests, metadata and other non-response records are not documents and pass
silently; a response that is not HTML or not a success is skipped and counted
with its reason in ``skipped`` (when the caller gives a Counter). A damaged or
truncated file yields an ErrorRecord for the point where reading stopped; the
documents before it are kept.
"""
from __future__ import annotations

import io
import os
import re
from collections import Counter
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

from ..errors import E, NewsgraphError
from . import DEFAULT_MAX_BYTES, Item, RawDocument, error_record
from .decode import decode_bytes

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def is_warc(path: Union[str, Path]) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def warc_stem(path: Union[str, Path]) -> str:
    name = Path(path).name
    for suffix in WARC_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(path).stem


def read_warc(path: Union[str, Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
              skipped: Optional[Counter] = None) -> Iterator[Item]:
    """Every HTML response of a WARC file (gzipped per record or not), in file order."""
    source = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield error_record(warc_stem(path), source, NewsgraphError(E.NOT_FOUND, detail=str(exc)))
        return
    with fh:
        yield from read_warc_stream(fh, source=source, max_bytes=max_bytes, skipped=skipped)


def read_warc_stream(fh: BinaryIO, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES,
                     skipped: Optional[Counter] = None) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    skipped = skipped if skipped is not None else Counter()
    stem = warc_stem(source)
    it = ArchiveIterator(fh, check_digests=False)
    size = _size(fh)
    arc = source.lower().endswith((".arc", ".arc.gz"))  # the older format, read when named so
    while True:
        try:
            try:
                record = next(it)
            except StopIteration:
                # warcio ends quietly on a record it cannot parse: what is left unread is damage
                if size is not None and it.offset < size:
                    raise EOFError(f"{size - it.offset} bytes at the end could not be read as WARC records")
                return
            # after next() the iterator's offset is where this record starts
            # (get_record_offset() would read the record to its end: not used)
            if record.format != "warc" and not arc:
                raise ValueError(f"not a WARC record (read as {record.format or 'nothing'})")
            item = _item(record, source=source, stem=stem, offset=it.offset, max_bytes=max_bytes, skipped=skipped)
        except Exception as exc:  # truncated gzip, broken headers, short reads
            where = it.offset
            yield error_record(f"{stem}@{where}", f"{source}@{where}",
                               NewsgraphError(E.DECODE, detail=f"WARC unreadable from byte {where}: "
                                                                f"{type(exc).__name__}: {exc}"))
            return
        if item is not None:
            yield item


def _size(fh) -> Optional[int]:
    try:
        return os.fstat(fh.fileno()).st_size
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None


def _item(record, *, source: str, stem: str, offset: int, max_bytes: int, skipped: Counter) -> Optional[Item]:
    length = record.rec_headers.get_header("Content-Length") if record.format == "warc" else "0"
    if record.rec_type is None or not ((length or "").strip().isascii() and (length or "").strip().isdigit()):
        # warcio's answer to headers cut short: a record without its mandatory length
        raise EOFError("the record's headers are incomplete")
    if record.rec_type != "response":
        _drain(record)
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    rid = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    id_ = rid[len("urn:uuid:"):] if rid.startswith("urn:uuid:") else (rid or f"{stem}@{offset}")
    loc = f"{source}@{offset}"
    http = record.http_headers
    if http is None:
        skipped["not_http"] += 1
        _drain(record)
        return None
    ctype = (http.get_header("Content-Type") or "").lower()
    status = http.get_statuscode() or ""
    if not ctype.split(";")[0].strip() in HTML_TYPES:
        skipped["not_html"] += 1
        _drain(record)
        return None
    if not status.startswith("2"):
        skipped[f"status_{status or 'none'}"] += 1
        _drain(record)
        return None
    stream = record.content_stream()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        _drain(record)
        return error_record(id_, loc, NewsgraphError(E.TOO_LARGE, size=f"over {max_bytes}", limit=max_bytes))
    _drain(record)
    try:
        text = _decode(data, ctype, name=loc)
        if not text.strip():
            raise NewsgraphError(E.EMPTY)
    except NewsgraphError as exc:
        return error_record(id_, loc, exc)
    metadata = {"warc_record_id": rid} if rid else {}
    crawled = headers.get_header("WARC-Date")
    if crawled:
        metadata["crawled"] = crawled
    return RawDocument(id=id_, source=loc, media_type="html", content=text, url=url, metadata=metadata)


def _drain(record) -> None:
    """Read the rest of a record so a truncation inside it is noticed here."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    _check_complete(record)


def _check_complete(record) -> None:
    """warcio returns what there is: a record cut short leaves its length unmet."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing and missing > 0:
        raise EOFError(f"the record is cut short ({missing} bytes missing)")


def _decode(data: bytes, ctype: str, *, name: str) -> str:
    """The charset the server declared when it decodes cleanly, else our detection."""
    m = _CHARSET.search(ctype)
    if m:
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name=name)
