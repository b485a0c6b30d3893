"""Which stored article a record is: the same article, the same input again, or a conflict.

A record joins a stored article only when it *is* that article:

- the same text (clean-text hash), or the same canonical URL (scheme, ``www.``,
  fragment, tracking parameters and a trailing slash ignored; a site's home page
  never counts, since some sites give every page that canonical link), or
- the same input read again under its id (the same file, or the same feed and its
  id): an edited file updates its article.

Two different inputs that claim one id are both kept: the newcomer is stored as
``ID~2`` (``~3``, ...) and its record says whose id it claimed
(``metadata.id_conflict``); the ingest counts it as *conflicting*.
"""
from __future__ import annotations

import re
import sqlite3
from typing import Optional
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..records import CONFLICT_MARK, ArticleRecord

# query parameters that only say how a reader got to a page (analytics), never which page
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|yclid|igshid|ocid|cmpid|"
                       r"ref|ref_src|smid|smtyp|share|s_cid|icid|ito|at_medium|at_campaign)$", re.I)
_POSITION = re.compile(r"(?::\d+|@\d+|:end)$")   # feed:12 (JSONL, Parquet), file.warc@1234 (WARC)
_COLS = "rowid, id, record_hash, content_hash, source, url"


def canonical_url(url: Optional[str]) -> Optional[str]:
    """The form of a page URL two copies of one article share; None for no URL or a site root."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not host:
        return None
    host = host[4:] if host.startswith("www.") else host
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    path = path.rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    if path == "/" and not query:
        return None       # a home page: not one article's address
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def origin(source: Optional[str]) -> str:
    """The input a record came from: its file, or its feed without the line or offset."""
    return _POSITION.sub("", source or "")


def _same_article(row: sqlite3.Row, rec: ArticleRecord, chash: str, curl: Optional[str]) -> bool:
    return (row["content_hash"] == chash or origin(row["source"]) == origin(rec.source)
            or (curl is not None and canonical_url(row["url"]) == curl))


def _claimants(conn: sqlite3.Connection, id_: str) -> list[sqlite3.Row]:
    """Stored articles holding ``id_``: itself, its conflict copies ``id_~N``, articles it was an alias of."""
    rows = conn.execute(f"SELECT {_COLS} FROM articles WHERE id = ?", (id_,)).fetchall()
    lo = id_ + CONFLICT_MARK
    copies = conn.execute(f"SELECT {_COLS} FROM articles WHERE id > ? AND id < ? ORDER BY rowid",
                          (lo, lo + "\U0010ffff")).fetchall()
    rows += [r for r in copies if _is_copy(r["id"], id_)]
    rows += conn.execute(f"SELECT a.rowid, a.id, a.record_hash, a.content_hash, a.source, a.url "
                         f"FROM article_ids i JOIN articles a ON a.rowid = i.article WHERE i.id = ?",
                         (id_,)).fetchall()
    return rows


def _is_copy(stored_id: str, id_: str) -> bool:
    tail = stored_id[len(id_) + len(CONFLICT_MARK):]
    return stored_id.startswith(id_ + CONFLICT_MARK) and tail.isdigit()


def _mark_conflict(rec: ArticleRecord, new_id: str, holder: sqlite3.Row) -> None:
    claimed, rec.id = rec.id, new_id
    rec.metadata = {**rec.metadata, "id_conflict": {"claimed": claimed, "held_by": holder["source"]}}


def _free_id(conn: sqlite3.Connection, id_: str) -> str:
    n = 2
    while conn.execute("SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM article_ids WHERE id = ?",
                       (f"{id_}{CONFLICT_MARK}{n}",) * 2).fetchone():
        n += 1
    return f"{id_}{CONFLICT_MARK}{n}"


def place(conn: sqlite3.Connection, rec: ArticleRecord, chash: str, *, by_url: bool = True) -> Optional[sqlite3.Row]:
    """The stored article ``rec`` is (None: a new one). When another input holds its id,
    ``rec`` gets a free id ``ID~N`` and says whose id it claimed."""
    curl = canonical_url(rec.metadata.get("url"))
    claimants = _claimants(conn, rec.id)
    for row in claimants:
        if _same_article(row, rec, chash, curl):
            if _is_copy(row["id"], rec.id):     # the conflicting input again: the same record as before
                _mark_conflict(rec, row["id"], claimants[0])
            return row
    if claimants:
        _mark_conflict(rec, _free_id(conn, rec.id), claimants[0])
        return None
    row = conn.execute(f"SELECT {_COLS} FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1",
                       (chash,)).fetchone()
    if row is None and curl is not None and by_url:
        row = conn.execute(f"SELECT {_COLS} FROM articles WHERE canonical_url = ? ORDER BY rowid LIMIT 1",
                           (curl,)).fetchone()
    return row
