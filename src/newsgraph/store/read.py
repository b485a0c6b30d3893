"""The read API: plain dicts for the CLI, the HTTP API and the web UI.

Every function takes a ``Store`` and runs on this thread's read connection (never
blocked by an ingest), under the store's query time limit. User text reaches SQLite
only as bound parameters; search text is turned into a quoted FTS5 query first.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import Optional

from .. import keys as K
from ..errors import E
from . import text as T
from .db import Store, StoreError

MAX_LIMIT = 1000
ORDERS = {
    "date": "q.first_seen DESC, q.id DESC",
    "first_seen": "q.first_seen ASC, q.id ASC",
    "occurrences": "q.n_articles DESC, q.n_occurrences DESC, q.id DESC",
    "relevance": "f.rank, q.id DESC",
}


DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE_FILTER = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_problem(value: Optional[str]) -> Optional[str]:
    """Why ``value`` is not a date filter (None when it is one, or empty): the CLI, the
    web API and this read API accept the same forms, and only real calendar dates."""
    if value is None or value == "":
        return None
    m = _DATE_FILTER.fullmatch(str(value))
    if not m:
        return f"{value!r} is not a date; use {DATE_FORMS} (for example 2019-03-01)"
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        dt.date(max(year, 1), month, day)
    except ValueError as exc:
        return f"{value!r} is not a calendar date ({exc}); use {DATE_FORMS}"
    return None


def _rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    return [dict(r) for r in conn.execute(sql, params)]


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not isinstance(limit, int) or not isinstance(offset, int) or limit < 0 or offset < 0:
        raise StoreError(E.BAD_OPTION, detail="limit and offset must be whole numbers of 0 or more")
    return min(limit, MAX_LIMIT), offset


# ------------------------------------------------------------------ names


def find_entities(store: Store, name: str, *, type: Optional[str] = None) -> list[int]:
    """Corpus entities a user-typed name means: its full key, a recorded alias, or
    (for one word) the surname or family name of known people."""
    conn = store.reader()
    keys = {K.name_key(name, "PERSON"), K.name_key(name, "ORG")} - {""}
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    type_sql, params = ("", ()) if not type else (" AND type = ?", (K.entity_type(type),))
    ids = [r[0] for r in conn.execute(f"SELECT DISTINCT entity FROM entity_keys WHERE key IN ({marks}) "
                                      f"AND kind IN ('name', 'alias'){type_sql} ORDER BY entity",
                                      (*keys, *params))]
    if not ids:
        ids = [r[0] for r in conn.execute(f"SELECT DISTINCT entity FROM entity_keys WHERE key IN ({marks}) "
                                          f"AND kind = 'partial'{type_sql} ORDER BY entity", (*keys, *params))]
    return ids


def _entity_brief(conn, eid: Optional[int]) -> Optional[dict]:
    if eid is None:
        return None
    row = conn.execute("SELECT id, name, type FROM entities WHERE id = ?", (eid,)).fetchone()
    return dict(row) if row else None


# ------------------------------------------------------------------ quotations

_QUOTATION_COLS = ("q.id, q.text, q.kind, q.speaker AS speaker_id, q.speaker_name, q.speaker_type, "
                   "q.first_seen, q.last_seen, q.first_published, q.n_occurrences, q.n_articles, q.n_sources")


def _quotation(conn, row: sqlite3.Row) -> dict:
    return _quotations(conn, [row])[0]


def _quotations(conn, rows: list) -> list[dict]:
    """Quotation rows as dicts, with their outlets (first reporters first), in one query."""
    out = []
    for row in rows:
        d = dict(row)
        d["speaker"] = {"id": d.pop("speaker_id"), "name": d.pop("speaker_name"), "type": d.pop("speaker_type")}
        d["sources"] = []
        out.append(d)
    if out:
        by_id = {d["id"]: d for d in out}
        marks = ",".join("?" * len(by_id))
        for qid, site in conn.execute(
                f"SELECT quotation, site FROM occurrences WHERE quotation IN ({marks}) AND site IS NOT NULL "
                f"GROUP BY quotation, site ORDER BY quotation, MIN(published), site", list(by_id)):
            if len(by_id[qid]["sources"]) < 20:
                by_id[qid]["sources"].append(site)
    return out


def search_quotations(store: Store, *, search: Optional[str] = None, fts: bool = False,
                      speaker: Optional[str] = None, about: Optional[str] = None,
                      speaker_type: Optional[str] = None, since: Optional[str] = None,
                      until: Optional[str] = None, date_field: str = "statement", source: Optional[str] = None,
                      kind: Optional[str] = None, order: Optional[str] = None,
                      gender: Optional[str] = None, role: Optional[str] = None, section: Optional[str] = None,
                      min_confidence: Optional[float] = None,
                      limit: int = 20, offset: int = 0) -> dict:
    """Quotations matching full-text search and filters, one page of them.

    ``search`` is plain words ("a phrase", word*, OR) made safe; with ``fts=True``
    it is passed to FTS5 as written (still a bound parameter) and a syntax error
    becomes a StoreError E102. ``about`` is an entity the statement mentions.
    ``date_field`` is "statement" (when it was said) or "published". ``gender`` and
    ``role`` filter on the speaker's merged profile, ``section`` on the article's.
    ``min_confidence``: only quotations with an occurrence whose speaker confidence
    is at least this (occurrences stored without one never pass).
    """
    limit, offset = _page(limit, offset)
    if date_field not in ("statement", "published"):
        raise StoreError(E.BAD_OPTION, detail="date_field must be 'statement' or 'published'")
    for name, value in (("since", since), ("until", until)):
        problem = date_problem(value)
        if problem:
            raise StoreError(E.BAD_OPTION, detail=f"{name}: {problem}")
    conn = store.reader()
    where: list[str] = []
    params: list = []
    join = ""
    query = None
    if search and search.strip():
        query = search if fts else T.plain_query(search)   # None: no word to search, filters only
    if query is not None:
        join = " JOIN quotation_fts f ON f.rowid = q.id"
        where.append("quotation_fts MATCH ?")
        params.append(query)
    if speaker:
        ids = find_entities(store, speaker)
        if ids:
            where.append(f"q.speaker IN ({','.join('?' * len(ids))})")
            params += ids
        else:
            where.append("q.speaker IS NULL AND q.speaker_name = ? COLLATE NOCASE")
            params.append(speaker.strip())
    if about:
        ids = find_entities(store, about)
        if not ids:
            return _empty(limit, offset, search)
        where.append(f"q.id IN (SELECT quotation FROM occurrence_about WHERE entity IN ({','.join('?' * len(ids))}))")
        params += ids
    if speaker_type:
        where.append("q.speaker_type = ?")
        params.append(speaker_type)
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    for col, value in (("gender", gender), ("role", role)):
        if value:
            # the profile of the speaker's entity, else of its speaker key (store/profiles.py)
            where.append(f"(q.speaker IN (SELECT entity FROM profiles WHERE {col} = ? AND entity IS NOT NULL) "
                         f"OR q.speaker IS NULL AND q.speaker_key IN "
                         f"(SELECT speaker_key FROM profiles WHERE {col} = ? AND entity IS NULL))")
            params += [value, value]
    occ: list[str] = []
    col = "o.sdate" if date_field == "statement" else "o.published"
    if since:
        occ.append(f"{col} >= ?")
        params.append(since)
    if until:
        occ.append(f"{col} <= ?")
        params.append(until + "~" if len(until) < 10 else until)
    if source:
        occ.append("o.site = ?")
        params.append(source)
    if section:
        occ.append("o.article IN (SELECT rowid FROM articles WHERE section = ?)")
        params.append(section)
    if min_confidence:
        occ.append("o.confidence >= ?")   # an occurrence whose speaker is that sure
        params.append(float(min_confidence))
    if occ:
        where.append(f"EXISTS (SELECT 1 FROM occurrences o WHERE o.quotation = q.id AND {' AND '.join(occ)})")
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    order = order or ("relevance" if join else "date")
    if order not in ORDERS or (order == "relevance" and not join):
        raise StoreError(E.BAD_OPTION, detail=f"order must be one of {', '.join(ORDERS)} "
                                               "(relevance only with a search)")
    only_search = join and len(where) == 1
    try:
        with store.time_limit(conn):
            if only_search:  # the full-text index alone answers: count and rank it without the join
                total = conn.execute("SELECT COUNT(*) FROM quotation_fts WHERE quotation_fts MATCH ?",
                                     params).fetchone()[0]
            else:
                total = conn.execute(f"SELECT COUNT(*) FROM quotations q{join}{where_sql}", params).fetchone()[0]
            if only_search and order == "relevance":
                rows = conn.execute(f"SELECT {_QUOTATION_COLS} FROM (SELECT rowid, rank FROM quotation_fts "
                                    f"WHERE quotation_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?) f "
                                    f"JOIN quotations q ON q.id = f.rowid ORDER BY f.rank, q.id DESC",
                                    (*params, limit, offset)).fetchall()
            else:
                rows = conn.execute(f"SELECT {_QUOTATION_COLS} FROM quotations q{join}{where_sql} "
                                    f"ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
            items = _quotations(conn, rows)
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if query is not None and not any(w in msg for w in ("interrupted", "locked", "no such table", "disk", "I/O")):
            raise StoreError(E.BAD_QUERY, query=search, detail=msg) from exc
        raise
    return {"total": total, "limit": limit, "offset": offset, "search": search, "fts_query": query,
            "items": items}


def _empty(limit: int, offset: int, search) -> dict:
    return {"total": 0, "limit": limit, "offset": offset, "search": search, "fts_query": None, "items": []}


_OCCURRENCE_COLS = ("o.id, a.id AS article, a.title, o.site, o.published, o.date, o.date_source, o.text, o.kind, "
                    "o.match, o.cue, o.channel, o.speaker_name, o.speaker_descriptor, o.confidence, o.start, o.end, o.paragraph, "
                    "d.id AS duplicate_of")
_OCCURRENCE_FROM = ("FROM occurrences o JOIN articles a ON a.rowid = o.article "
                    "LEFT JOIN articles d ON d.rowid = a.duplicate_of")


def get_quotation(store: Store, quotation_id: int) -> dict:
    """One quotation with every occurrence: article, outlet, date, wording, match kind."""
    conn = store.reader()
    with store.time_limit(conn):
        row = conn.execute(f"SELECT {_QUOTATION_COLS} FROM quotations q WHERE q.id = ?", (quotation_id,)).fetchone()
        if row is None:
            raise StoreError(E.NO_MATCH, what="quotation", name=quotation_id, path=store.path)
        out = _quotation(conn, row)
        occ = _rows(conn, f"SELECT {_OCCURRENCE_COLS} {_OCCURRENCE_FROM} WHERE o.quotation = ? "
                          f"ORDER BY o.published, o.id", (quotation_id,))
        out["occurrences"] = occ
        out["about"] = _rows(conn, "SELECT e.id, e.name, e.type, COUNT(*) AS occurrences FROM occurrence_about oa "
                                   "JOIN entities e ON e.id = oa.entity WHERE oa.quotation = ? "
                                   "GROUP BY e.id ORDER BY occurrences DESC, e.name", (quotation_id,))
    return out


# ------------------------------------------------------------------ people and entities


def _names(conn, eid: int) -> dict:
    aliases = _rows(conn, "SELECT alias, COUNT(*) AS articles FROM entity_aliases WHERE entity = ? "
                          "GROUP BY alias ORDER BY articles DESC, alias LIMIT 50", (eid,))
    descriptors = _rows(conn, "SELECT text, kind, COUNT(*) AS articles FROM entity_descriptors WHERE entity = ? "
                              "GROUP BY text, kind ORDER BY articles DESC, text LIMIT 50", (eid,))
    return {"aliases": aliases, "descriptors": descriptors}


def get_speaker(store: Store, name_or_id, *, limit: int = 20, offset: int = 0) -> dict:
    """A speaker: aliases, descriptors, counts and one page of quotations (newest first)."""
    limit, offset = _page(limit, offset)
    conn = store.reader()
    ids = [int(name_or_id)] if str(name_or_id).isascii() and str(name_or_id).isdigit() else find_entities(store, str(name_or_id))
    if not ids:
        raise StoreError(E.NO_MATCH, what="speaker", name=name_or_id, path=store.path)
    # the entity with most quotations when a name is ambiguous
    eid = max(ids, key=lambda i: (conn.execute("SELECT COUNT(*) FROM quotations WHERE speaker = ?",
                                               (i,)).fetchone()[0], -i))
    with store.time_limit(conn):
        out = _entity_brief(conn, eid)
        if out is None:
            raise StoreError(E.NO_MATCH, what="speaker", name=name_or_id, path=store.path)
        out.update(_names(conn, eid))
        kept = conn.execute("SELECT n_quotations, n_occurrences, n_articles FROM speaker_stats "
                            "WHERE entity = ? AND speaker_type = ''", (eid,)).fetchone() \
            if _kept(conn, "speaker_stats") else None
        if kept is not None:
            counts = kept
            out["n_articles"] = kept[2]
        else:
            counts = conn.execute("SELECT COUNT(*), COALESCE(SUM(n_occurrences), 0) FROM quotations "
                                  "WHERE speaker = ?", (eid,)).fetchone()
            out["n_articles"] = _speaker_articles(conn, eid) if counts[0] else 0
        out["n_quotations"], out["n_occurrences"] = counts[0], counts[1]
        rows = conn.execute(f"SELECT {_QUOTATION_COLS} FROM quotations q WHERE q.speaker = ? "
                            f"ORDER BY q.first_seen DESC, q.id DESC LIMIT ? OFFSET ?", (eid, limit, offset))
        out["quotations"] = {"total": counts[0], "limit": limit, "offset": offset,
                             "items": _quotations(conn, rows.fetchall())}
        out["other_matches"] = [_entity_brief(conn, i) for i in ids if i != eid]
    from .sources import speaker_profile

    out["profile"] = speaker_profile(store, eid)
    return out


def explain_entity(store: Store, name: str) -> dict:
    """Every corpus entity a name may mean, with why each in-article name was merged into it."""
    conn = store.reader()
    ids = find_entities(store, name)
    items = []
    with store.time_limit(conn):
        for eid in ids:
            ent = _entity_brief(conn, eid)
            ent.update(_names(conn, eid))
            ent["n_articles"] = conn.execute("SELECT COUNT(DISTINCT article) FROM entity_links WHERE entity = ?",
                                             (eid,)).fetchone()[0]
            ent["n_quotations"] = conn.execute("SELECT COUNT(*) FROM quotations WHERE speaker = ?",
                                               (eid,)).fetchone()[0]
            ent["n_about"] = conn.execute("SELECT COUNT(DISTINCT quotation) FROM occurrence_about WHERE entity = ?",
                                          (eid,)).fetchone()[0]
            ent["keys"] = _rows(conn, "SELECT key, kind FROM entity_keys WHERE entity = ? ORDER BY kind, key", (eid,))
            ent["merges"] = _rows(
                conn, "SELECT l.rule, COUNT(*) AS links, MIN(l.reason) AS reason, "
                      "GROUP_CONCAT(DISTINCT l.name) AS names, "
                      "(SELECT GROUP_CONCAT(id) FROM (SELECT DISTINCT a.id FROM entity_links l2 JOIN articles a "
                      "   ON a.rowid = l2.article WHERE l2.entity = l.entity AND l2.rule = l.rule LIMIT 5)) "
                      "   AS example_articles "
                      "FROM entity_links l WHERE l.entity = ? GROUP BY l.rule ORDER BY links DESC", (eid,))
            for m in ent["merges"]:
                m["names"] = sorted(set((m["names"] or "").split(",")))[:10]
                m["example_articles"] = (m["example_articles"] or "").split(",")
            items.append(ent)
        near = []
        if not ids:
            like = T.escape_like(K.name_key(name, "ORG")) + "%"
            near = _rows(conn, "SELECT id, name, type FROM entities WHERE key LIKE ? ESCAPE '\\' LIMIT 10", (like,))
    return {"name": name, "items": items, "suggestions": near}


def list_entities(store: Store, *, type: Optional[str] = None, search: Optional[str] = None,
                  limit: int = 50, offset: int = 0) -> dict:
    """Corpus entities by number of articles, optionally of one type or matching a name prefix."""
    limit, offset = _page(limit, offset)
    conn = store.reader()
    where, params = [], []
    if type:
        where.append("e.type = ?")
        params.append(K.entity_type(type))
    if search and K.name_key(search, "ORG"):
        where.append("e.key LIKE ? ESCAPE '\\'")
        params.append("%" + T.escape_like(K.name_key(search, "ORG")) + "%")
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    with store.time_limit(conn):
        total = conn.execute(f"SELECT COUNT(*) FROM entities e{where_sql}", params).fetchone()[0]
        items = _rows(conn, f"SELECT e.id, e.name, e.type, "
                            f"(SELECT COUNT(DISTINCT article) FROM entity_links WHERE entity = e.id) AS n_articles, "
                            f"(SELECT COUNT(*) FROM quotations WHERE speaker = e.id) AS n_quotations "
                            f"FROM entities e{where_sql} ORDER BY n_articles DESC, e.name LIMIT ? OFFSET ?",
                      (*params, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _speaker_articles(conn, eid: int) -> int:
    return conn.execute("SELECT COUNT(DISTINCT COALESCE(a.duplicate_of, a.rowid)) FROM quotations q "
                        "JOIN occurrences o ON o.quotation = q.id JOIN articles a ON a.rowid = o.article "
                        "WHERE q.speaker = ?", (eid,)).fetchone()[0]


def _kept(conn, table: str) -> bool:
    """Whether the counts kept at ingest (schema 5) are there: an older file being read aggregates."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() \
        is not None


def top_speakers(store: Store, *, speaker_type: Optional[str] = None, limit: int = 20, offset: int = 0) -> dict:
    """Most quoted speakers: distinct quotations, occurrences, articles (syndicated copies once).

    Read from ``speaker_stats``, kept up to date at ingest (``store/counts.py``): one
    index range, however large the corpus."""
    limit, offset = _page(limit, offset)
    conn = store.reader()
    if not _kept(conn, "speaker_stats"):
        return _top_speakers_aggregated(store, speaker_type=speaker_type, limit=limit, offset=offset)
    with store.time_limit(conn):
        stype = speaker_type or ""
        total = conn.execute("SELECT COUNT(*) FROM speaker_stats WHERE speaker_type = ?", (stype,)).fetchone()[0]
        items = _rows(conn, "SELECT entity AS id, name, type, n_quotations, n_occurrences, first_seen, last_seen, "
                            "n_articles FROM speaker_stats WHERE speaker_type = ? "
                            "ORDER BY n_quotations DESC, n_occurrences DESC, name LIMIT ? OFFSET ?",
                      (stype, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _top_speakers_aggregated(store: Store, *, speaker_type: Optional[str], limit: int, offset: int) -> dict:
    conn = store.reader()
    where, params = "WHERE q.speaker IS NOT NULL", []
    if speaker_type:
        where += " AND q.speaker_type = ?"
        params.append(speaker_type)
    with store.time_limit(conn):
        total = conn.execute(f"SELECT COUNT(DISTINCT q.speaker) FROM quotations q {where}", params).fetchone()[0]
        items = _rows(conn, f"SELECT e.id, e.name, e.type, COUNT(*) AS n_quotations, "
                            f"SUM(q.n_occurrences) AS n_occurrences, "
                            f"MIN(q.first_seen) AS first_seen, MAX(q.last_seen) AS last_seen "
                            f"FROM quotations q JOIN entities e ON e.id = q.speaker {where} "
                            f"GROUP BY q.speaker ORDER BY n_quotations DESC, n_occurrences DESC, e.name "
                            f"LIMIT ? OFFSET ?", (*params, limit, offset))
        for item in items:  # distinct articles, a syndicated copy counted with its original
            item["n_articles"] = _speaker_articles(conn, item["id"])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def speaker_dates(store: Store, eid: int, *, limit: int = 1000) -> list[dict]:
    """When a speaker's latest ``limit`` quotations were first seen (for a timeline): one index scan."""
    conn = store.reader()
    with store.time_limit(conn):
        return _rows(conn, "SELECT first_seen FROM quotations WHERE speaker = ? ORDER BY first_seen DESC LIMIT ?",
                     (eid, min(limit, 10 * MAX_LIMIT)))


def occurrences_of(store: Store, quotation_ids: list[int]) -> dict[int, list[dict]]:
    """The occurrences of several quotations in one query (a page of them), by quotation id."""
    out: dict[int, list[dict]] = {q: [] for q in quotation_ids}
    if not out:
        return out
    conn = store.reader()
    marks = ",".join("?" * len(out))
    with store.time_limit(conn):
        for occ in _rows(conn, f"SELECT o.quotation AS quotation_id, {_OCCURRENCE_COLS} {_OCCURRENCE_FROM} "
                               f"WHERE o.quotation IN ({marks}) ORDER BY o.published, o.id", list(out)):
            out[occ.pop("quotation_id")].append(occ)
    return out


# ------------------------------------------------------------------ articles


def get_article(store: Store, article_id: str) -> dict:
    """An article's record with the store's annotations: corpus entities (and why),
    the quotation each quote joined, its near-duplicate links."""
    conn = store.reader()
    with store.time_limit(conn):
        row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            row = conn.execute("SELECT a.* FROM article_ids i JOIN articles a ON a.rowid = i.article WHERE i.id = ?",
                               (article_id,)).fetchone()
        if row is None:
            raise StoreError(E.NO_MATCH, what="article", name=article_id, path=store.path)
        art = row["rowid"]
        dup = conn.execute("SELECT id FROM articles WHERE rowid = ?", (row["duplicate_of"],)).fetchone() \
            if row["duplicate_of"] else None
        store_info = {
            "site": row["site"], "ingested_at": row["ingested_at"], "content_hash": row["content_hash"],
            "duplicate_of": dup[0] if dup else None, "duplicate_similarity": row["duplicate_similarity"],
            "duplicates": [r[0] for r in conn.execute("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY rowid",
                                                      (art,))],
            "other_ids": [r[0] for r in conn.execute("SELECT id FROM article_ids WHERE article = ?", (art,))],
            "entities": _rows(conn, "SELECT l.local_id, l.name, l.entity AS entity_id, e.name AS entity_name, "
                                    "e.type, l.rule, l.reason FROM entity_links l JOIN entities e ON e.id = l.entity "
                                    "WHERE l.article = ? ORDER BY l.local_id", (art,)),
            "quotes": _rows(conn, "SELECT o.idx, o.quotation AS quotation_id, o.match, q.n_articles, q.first_seen "
                                  "FROM occurrences o JOIN quotations q ON q.id = o.quotation "
                                  "WHERE o.article = ? ORDER BY o.idx", (art,)),
        }
    return {"record": json.loads(row["record"]), "store": store_info}


def stats(store: Store) -> dict:
    """Row counts of the corpus."""
    conn = store.reader()
    if _kept(conn, "corpus_counts"):   # kept at ingest (store/counts.py): no table scan per request
        kept = dict(conn.execute("SELECT name, n FROM corpus_counts").fetchall())
        if kept:
            from .counts import COUNTS
            return {**{name: kept.get(name, 0) for name in COUNTS}, "schema_version": store.schema_version}
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT COUNT(*) FROM articles"),
        "near_duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "entities": one("SELECT COUNT(*) FROM entities"),
        "speakers": one("SELECT COUNT(DISTINCT speaker) FROM quotations WHERE speaker IS NOT NULL"),
        "quotations": one("SELECT COUNT(*) FROM quotations"),
        "occurrences": one("SELECT COUNT(*) FROM occurrences"),
        "ingest_errors": one("SELECT COUNT(*) FROM ingest_log WHERE article IS NULL"),
        "events": one("SELECT COUNT(*) FROM events"),
        "schema_version": store.schema_version,
    }
