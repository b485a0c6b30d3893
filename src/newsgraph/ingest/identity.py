"""Who an input is: ids unique per source, printable names, valid text, one id per article.

- An input's id is unique for its source: a file's path relative to the input root
  (``a/index.html`` -> ``a/index``; a file named on the command line: its name
  without the reader's suffix), a feed's own id for a JSONL, Parquet or WARC record,
  a digest of the text for stdin. The file name is kept as a label.
- Text leaving a reader is valid Unicode: a lone surrogate (a JSON ``"\\ud800"``
  escape) becomes U+FFFD and the record counts the repairs; a file name that is
  not UTF-8 is shown with ``\\xNN`` escapes.
- Two inputs of one run claiming one id are both kept: the second one that is not
  the same text gets ``ID~2`` (then ``~3``...) and says whose id it claimed.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

log = logging.getLogger(__name__)

from ..records import CONFLICT_MARK, safe_text, valid_text, valid_tree  # noqa: F401  (re-exported for readers)


def display_path(path: Union[str, os.PathLike]) -> str:
    """A path as valid text: bytes that are not UTF-8 shown as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def name_is_utf8(path: Union[str, os.PathLike]) -> bool:
    try:
        os.fsencode(path).decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def strip_suffix(name: str, suffixes: Iterable[str]) -> str:
    low = name.lower()
    for suffix in suffixes:
        if low.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def relative_id(path: Path, root: Optional[Path], suffixes: Iterable[str]) -> str:
    """``path`` relative to ``root`` (its folder when None), '/'-separated, without the reader's suffix."""
    rel: Optional[Path] = None
    if root is not None:
        try:
            rel = path.relative_to(root)
        except ValueError:
            rel = None
    parts = list(rel.parts) if rel is not None and rel.parts else [path.name]
    parts[-1] = strip_suffix(parts[-1], suffixes)
    return display_path("/".join(parts))


def text_digest(content: Union[str, bytes], size: int = 12) -> str:
    """``size`` hex digits identifying a text (or bytes)."""
    data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=size // 2).hexdigest()


class Claims:
    """The ids given so far in one run; a second input claiming one is renamed ``ID~N``."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[bytes, str]] = {}   # id -> (digest of the text, first source)
        self.conflicts = 0

    def claim(self, doc):
        """``doc`` (a RawDocument) with an id no other input of this run holds; same text: same id."""
        digest = hashlib.blake2b(doc.content.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        first = self._seen.get(doc.id)
        if first is None:
            self._seen[doc.id] = (digest, doc.source)
            return doc
        if first[0] == digest:           # the same article twice: one id, the store keeps it once
            return doc
        n = 2
        while f"{doc.id}{CONFLICT_MARK}{n}" in self._seen:
            n += 1
        claimed, doc.id = doc.id, f"{doc.id}{CONFLICT_MARK}{n}"
        self._seen[doc.id] = (digest, doc.source)
        doc.metadata = {**doc.metadata, "id_conflict": {"claimed": claimed, "held_by": first[1]}}
        self.conflicts += 1
        log.warning("%s claims the id %r of %s with another text; kept as %r", doc.source, claimed, first[1], doc.id)
        return doc

    def run(self, items: Iterable) -> Iterator:
        for item in items:
            yield self.claim(item) if hasattr(item, "content") else item
