"""Readers: page-dump text, HTML and JSONL files, directories and stdin.

Every input becomes a ``RawDocument`` or an ``ErrorRecord``: nothing is dropped
without a recorded reason.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..errors import E, NewsgraphError
from ..limits import MAX_TEXT_CHARS, TEXT_CHARS_READ
from ..options import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE
from ..records import ErrorInfo, ErrorRecord
from .decode import decode_bytes, refuse_binary_text
from .identity import Claims, display_path, name_is_utf8, relative_id, safe_text, text_digest, valid_text

# An HTML tag this long (a megabyte attribute, 100,000 attributes) makes the HTML
# parser quadratic; the tag is cut down to its name before cleaning.
MAX_TAG_CHARS = 20_000
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

    def __post_init__(self) -> None:
        # Whatever reader made it (or a caller's string), the text is valid Unicode:
        # a lone surrogate cannot be written to JSONL, SQLite or Parquet.
        repaired = 0
        for name in ("id", "source", "content", "title", "url", "published"):
            value, n = valid_text(getattr(self, name))
            if n:
                setattr(self, name, value)
                repaired += n
        for key, value in list(self.metadata.items()):
            fixed, n = valid_text(value)
            if n:
                self.metadata = {**self.metadata, key: fixed}
                repaired += n
        if repaired:
            self.metadata = {**self.metadata, "replaced_surrogates": repaired}
        # Whatever reader made it (files, JSONL, WARC, Parquet, a caller's string), HTML
        # arrives without the huge tags that make the HTML parser quadratic.
        if self.media_type == "html" and isinstance(self.content, str) and len(self.content) > MAX_TAG_CHARS:
            self.content, cut = defuse_html(self.content)
            if cut:
                self.metadata = {**self.metadata, "defused_tags": cut}


Item = Union[RawDocument, ErrorRecord]


def error_record(id_: str, source: str, exc: NewsgraphError) -> ErrorRecord:
    """An error record that can always be written: every text in it valid Unicode."""
    return ErrorRecord(id=safe_text(id_), source=safe_text(source),
                       error=ErrorInfo(code=exc.code.value, message=safe_text(exc.message)))


SUFFIXES = JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES


def file_id(path: Path, root: Optional[Path] = None) -> str:
    """An input file's id: its path relative to ``root`` (the folder given), without the
    reader's suffix; a file given by itself: its name without the suffix."""
    return relative_id(Path(path), root, SUFFIXES)


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


PathLike = Union[str, bytes, os.PathLike]


def as_paths(paths: Union[PathLike, Iterable[PathLike]]) -> list[str]:
    """One path (str, bytes or os.PathLike) or several, as a list of str."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    return [p if isinstance(p, str) else os.fsdecode(p) for p in paths]


def _not_regular(path: Path) -> Optional[str]:
    """Why ``path`` is not a regular file that can be read (None when it is one)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode)
            else "a directory" if stat.S_ISDIR(mode) else "not a regular file")
    return f"it is {kind}, not a regular file; reading it could wait for ever"


def _path_error(path: Path, root: Optional[Path]) -> Optional[ErrorRecord]:
    """An error record for a path that must not be opened: a name that is not UTF-8, a FIFO..."""
    if not name_is_utf8(path):
        return error_record(file_id(path, root), display_path(path), NewsgraphError(
            E.NOT_FOUND, detail="its name is not valid UTF-8; rename it (convmv, or mv with the right name)"))
    why = _not_regular(path)
    if why:
        return error_record(file_id(path, root), display_path(path), NewsgraphError(E.NOT_FOUND, detail=why))
    return None


def iter_paths(paths: Iterable[str]) -> Iterator[Union[tuple[Path, Optional[Path]], str, ErrorRecord]]:
    """Expand directories (recursively, sorted, supported files only); '-' is stdin.

    Yields ``(file, root)`` (root: the folder given, or None for a file given by
    itself), "-", or an ErrorRecord for what cannot be read (a missing path, a
    folder that cannot be listed, a name that is not UTF-8, a FIFO or device)."""
    for p in as_paths(paths):
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                dirs.sort()
                for f in sorted(files):
                    fp = Path(root) / f
                    if kind_of(fp) and not f.startswith("."):
                        bad = _path_error(fp, path)
                        yield bad if bad is not None else (fp, path)
            for exc in unreadable:  # a sub-directory that cannot be listed is said, not skipped
                where = Path(exc.filename or path)
                yield error_record(file_id(where, path), display_path(where),
                                   NewsgraphError(E.NOT_FOUND, detail=str(exc)))
        elif path.exists():
            bad = _path_error(path, None)
            yield bad if bad is not None else (path, None)
        else:
            yield error_record(file_id(path), display_path(path),
                               NewsgraphError(E.NOT_FOUND, detail="no such file or directory"))


def read_inputs(paths: Union[PathLike, Iterable[PathLike]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: Optional[BinaryIO] = None, max_line: int = DEFAULT_MAX_LINE,
                on_read=None) -> Iterator[Item]:
    """Every article of every input, as RawDocument or ErrorRecord, in input order.

    ``paths``: one path or several. Ids are unique in the run: a second input
    claiming an id with another text is kept as ``ID~2`` (see ``identity``).
    ``on_read(item)``, when given, is called as each item is read (progress while
    the parse is still busy)."""
    claims = Claims()
    for item in claims.run(_read_all(paths, max_bytes=max_bytes, stdin=stdin, max_line=max_line)):
        if on_read is not None:
            on_read(item)
        yield item


def _read_all(paths, *, max_bytes: int, stdin: Optional[BinaryIO], max_line: int) -> Iterator[Item]:
    for p in iter_paths(paths):
        if isinstance(p, ErrorRecord):
            yield p
        elif p == "-":
            yield from read_stream(stdin or sys.stdin.buffer, name="-", max_bytes=max_bytes, max_line=max_line)
        else:
            path, root = p
            yield from read_file(path, max_bytes=max_bytes, max_line=max_line, root=root)


def _open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading, never blocking: a FIFO put in its place is refused."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NewsgraphError(E.NOT_FOUND, detail=_not_regular(path) or "not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_line: int = DEFAULT_MAX_LINE,
              root: Optional[Path] = None) -> Iterator[Item]:
    """The article(s) of one file; ids relative to ``root`` when the file was found in it."""
    path = Path(path)
    kind = kind_of(path) or "auto"
    id_, source = file_id(path, root), display_path(path)
    bad = _path_error(path, root)
    if bad is not None:
        yield bad
        return
    if kind == "jsonl":
        lines = 0
        try:
            with _open_regular(path) as raw_fh:
                fh = gzip.GzipFile(fileobj=raw_fh, mode="rb") if path.name.lower().endswith(".gz") else raw_fh
                with fh:
                    for item in read_jsonl(fh, source=source, max_bytes=max_bytes, max_line=max_line,
                                           stem=id_):
                        lines += 1
                        yield item
        except NewsgraphError as exc:
            yield error_record(id_, source, exc)
        except OSError as exc:
            if lines:  # a failure while closing (gzip CRC): the lines read stand, this says the rest
                yield error_record(f"{id_}:end", source,
                                   NewsgraphError(E.BAD_JSONL, line="end", detail=f"unreadable: {exc}"))
            else:
                yield error_record(id_, source, NewsgraphError(E.DECODE, detail=f"cannot read: {exc}"))
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise NewsgraphError(E.TOO_LARGE, size=size, limit=max_bytes)
        with _open_regular(path) as fh:  # never more than the limit, even if the file grew
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise NewsgraphError(E.TOO_LARGE, size=f"over {max_bytes}", limit=max_bytes)
    except NewsgraphError as exc:
        yield error_record(id_, source, exc)
        return
    except OSError as exc:
        yield error_record(id_, source, NewsgraphError(E.NOT_FOUND, detail=str(exc)))
        return
    item = _document(id_, source, data, kind, max_line=max_line)
    if isinstance(item, RawDocument):
        item.metadata = {**item.metadata, "label": display_path(path.name)}
    yield item


class _Prefixed:
    """``readline`` over bytes already read, then the rest of a stream (no copy of it)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = io.BytesIO(head), rest

    def readline(self, limit: int = -1) -> bytes:
        line = self.head.readline(limit)
        if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
            return line
        return line + self.rest.readline(limit - len(line) if limit >= 0 else -1)


def read_stream(fh: BinaryIO, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES,
                max_line: int = DEFAULT_MAX_LINE) -> Iterator[Item]:
    """stdin: JSONL when the first non-blank byte opens a JSON object, else one article."""
    data = fh.read(max_bytes + 1)
    first = data.lstrip()[:1]
    if first == b"{":
        yield from read_jsonl(_Prefixed(data, fh), source=name, max_bytes=max_bytes, max_line=max_line)
        return
    if len(data) > max_bytes:
        yield error_record("stdin", name, NewsgraphError(E.TOO_LARGE, size=f"over {max_bytes}", limit=max_bytes))
        return
    # stdin has no name: its id is a digest of its bytes, so two different texts piped
    # in are two articles and the same text piped twice is one
    yield _document(f"stdin-{text_digest(data)}", name, data, "auto", max_line=max_line)


def _document(id_: str, source: str, data: bytes, kind: str, *, max_line: int = DEFAULT_MAX_LINE) -> Item:
    try:
        text = decode_bytes(data, name=source)
        if not text.strip():
            raise NewsgraphError(E.EMPTY)
        media = sniff_media_type(text) if kind in ("auto", "text") else kind
        text, metadata = _sane(text, media, max_line)
    except NewsgraphError as exc:
        return error_record(id_, source, exc)
    return RawDocument(id=id_, source=source, media_type=media, content=text, metadata=metadata)


def _sane(text: str, media: str, max_line: int) -> tuple[str, dict]:
    """Refuse a page dump whose line is too long to be prose, or that is so long its clean
    text could not be under the limit (``limits.TEXT_CHARS_READ``): said here, in the
    reader, it never travels to a worker (a feed of 10 MB lines kept two workers busy
    for minutes)."""
    if media == "html":  # its huge tags are cut when the RawDocument is made
        return text, {}
    if len(text) > TEXT_CHARS_READ:
        raise NewsgraphError(E.TEXT_TOO_LONG, what="text", size=len(text), limit=MAX_TEXT_CHARS)
    if max_line and len(text) > max_line:
        for lineno, line in enumerate(text.splitlines(), 1):
            if len(line) > max_line:
                raise NewsgraphError(E.LINE_TOO_LONG, line=lineno, size=len(line), limit=max_line)
    return text, {}


_TAG_START = re.compile(r"</?([A-Za-z][A-Za-z0-9:_-]{0,40})")


def defuse_html(html: str, max_tag: int = MAX_TAG_CHARS) -> tuple[str, int]:
    """Tags longer than ``max_tag`` characters cut down to ``<name>``, and how many.

    A megabyte attribute or a tag with 100,000 attributes is not content (the text
    is between tags), but it makes the HTML parser and date finder quadratic.
    """
    if len(html) <= max_tag:
        return html, 0
    out: list[str] = []
    pos = scan = cut = 0
    while True:
        lt = html.find("<", scan)
        if lt < 0:
            break
        gt = html.find(">", lt + 1)
        end = gt if gt >= 0 else len(html)
        inner = html.find("<", lt + 1, end)
        if inner >= 0:  # "a<b" in a script or text, not a tag: never swallow the next real tag
            scan = inner
            continue
        m = _TAG_START.match(html, lt)
        if m and end - lt > max_tag:
            out.append(html[pos:lt])
            out.append(f"<{m.group(1)}>")
            cut += 1
            pos = end + 1
        if gt < 0:
            break
        scan = gt + 1
    if not cut:
        return html, 0
    out.append(html[pos:])
    return "".join(out), cut


def read_jsonl(fh: BinaryIO, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES,
               max_line: int = DEFAULT_MAX_LINE, stem: Optional[str] = None) -> Iterator[Item]:
    """One article per line: {"id", "text" | "html", "title"?, "url"?, "published"?}.

    A line without an id gets ``STEM:LINE`` (STEM: the feed's id, "stdin" for stdin)."""
    stem = stem or (file_id(Path(source)) if source != "-" else "stdin")
    lineno = 0
    while True:
        try:
            raw = fh.readline(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip and the like
            yield error_record(f"{stem}:{lineno + 1}", source,
                               NewsgraphError(E.BAD_JSONL, line=lineno + 1, detail=f"unreadable: {exc}"))
            return
        if not raw:
            return
        lineno += 1
        fallback_id = f"{stem}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            yield error_record(fallback_id, source, NewsgraphError(E.TOO_LARGE, size=f"over {max_bytes}", limit=max_bytes))
            # skip the rest of the over-long line
            try:
                while True:
                    more = fh.readline(max_bytes)
                    if not more or more.endswith(b"\n"):
                        break
            except (OSError, EOFError, zlib.error) as exc:
                yield error_record(f"{stem}:{lineno + 1}", source,
                                   NewsgraphError(E.BAD_JSONL, line=lineno + 1, detail=f"unreadable: {exc}"))
                return
            continue
        if not raw.strip():
            continue
        yield _jsonl_item(raw, lineno, fallback_id, source, max_line)


def _jsonl_item(raw: bytes, lineno: int, fallback_id: str, source: str, max_line: int = DEFAULT_MAX_LINE) -> Item:
    try:
        obj = json.loads(decode_bytes(raw, name=source))
    except NewsgraphError as exc:
        return error_record(fallback_id, source, exc)
    except (ValueError, RecursionError) as exc:  # RecursionError: [[[[... nested past the parser's depth
        return error_record(fallback_id, source, NewsgraphError(E.BAD_JSONL, line=lineno,
                                                                detail=f"{type(exc).__name__}: {exc}"[:300]))
    if not isinstance(obj, dict):
        return error_record(fallback_id, source,
                            NewsgraphError(E.BAD_JSONL, line=lineno, detail=f"a JSON {type(obj).__name__}, not an object"))
    id_ = obj.get("id")
    ok_id = isinstance(id_, (str, int, float)) and not isinstance(id_, bool) and str(id_).strip()
    id_ = str(id_)[:300] if ok_id else fallback_id
    loc = f"{source}:{lineno}"
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return error_record(id_, loc, NewsgraphError(E.NO_TEXT_FIELD, line=lineno))
    content, media = (text, "text") if isinstance(text, str) and text.strip() else (html or "", "html")
    if not content.strip():
        return error_record(id_, loc, NewsgraphError(E.EMPTY))
    try:
        refuse_binary_text(content)  # JSON escapes (\u0000...) can carry what decoding refuses
        content, sane_meta = _sane(content, media, max_line)
    except NewsgraphError as exc:
        return error_record(id_, loc, exc)
    published = obj.get("published")
    meta = {k: obj[k] for k in ("author", "site") if isinstance(obj.get(k), str)}
    return RawDocument(id=id_, source=loc, media_type=media, content=content,
                       title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                       url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                       published=str(published) if published not in (None, "") else None,
                       metadata={**meta, **sane_meta})
