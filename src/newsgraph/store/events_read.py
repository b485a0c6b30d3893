"""Reading events: corpus events by type, actor and date; what an entity did and what was
done to it (plain dicts for the CLI, the API and the pages)."""
from __future__ import annotations

import sqlite3
from typing import Optional

from ..errors import E
from ..records import EVENT_TYPES
from .db import StoreError
from .read import _page, find_entities


_EVENT_COLS = ("e.id, e.type, e.mode, e.date, e.source_entity, e.source_name, e.source_country, e.source_sector, "
               "e.target_entity, e.target_name, e.target_country, e.target_sector, e.negated, e.hypothetical, "
               "e.first_seen, e.last_seen, e.n_reports, e.n_articles")


def _event_dict(conn: sqlite3.Connection, row: sqlite3.Row, reports: int = 3) -> dict:
    d = dict(row)
    for role in ("source", "target"):
        d[role] = {"entity": d.pop(f"{role}_entity"), "name": d.pop(f"{role}_name"),
                   "country": d.pop(f"{role}_country"), "sector": d.pop(f"{role}_sector")}
    d["negated"], d["hypothetical"] = bool(d["negated"]), bool(d["hypothetical"])
    d["reports"] = [dict(r) for r in conn.execute(
        "SELECT a.id AS article, a.title, r.site, r.published, r.date, r.trigger, r.source_text, r.target_text, "
        "r.location, r.start, r.end, r.quote FROM event_reports r JOIN articles a ON a.rowid = r.article "
        "WHERE r.event = ? ORDER BY r.published, r.id LIMIT ?", (d["id"], reports))]
    return d


def search_events(store, *, type: Optional[str] = None, actor: Optional[str] = None, country: Optional[str] = None,
                  role: str = "any", since: Optional[str] = None, until: Optional[str] = None,
                  include_negated: bool = False, limit: int = 20, offset: int = 0) -> dict:
    """Corpus events (merged across articles), newest first, filtered by PLOVER type, an
    actor (a name, alias or surname, or an ISO 3166 alpha-3 ``country``: as source, target or
    either) and a date range. The faces turn a country's name into its code
    (``newsgraph.events.country_code``) and pass both."""
    limit, offset = _page(limit, offset)
    if role not in ("any", "source", "target"):
        raise StoreError(E.BAD_OPTION, detail="role must be 'any', 'source' or 'target'")
    where, params = [], []
    if type:
        t = type.strip().upper()
        if t not in EVENT_TYPES:
            raise StoreError(E.BAD_OPTION, detail=f"unknown event type {type!r}; choose one of {', '.join(EVENT_TYPES)}")
        where.append("e.type = ?")
        params.append(t)
    if actor or country:
        ids = find_entities(store, actor) if actor else []
        cols = {"any": ("source", "target"), "source": ("source",), "target": ("target",)}[role]
        alts = []
        for c in cols:
            if ids:
                alts.append(f"e.{c}_entity IN ({','.join('?' * len(ids))})")
                params += ids
            if actor:
                alts.append(f"e.{c}_name = ? COLLATE NOCASE")
                params.append(actor.strip())
            if country:
                alts.append(f"e.{c}_country = ?")
                params.append(country.strip().upper())
        where.append("(" + " OR ".join(alts) + ")")
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until + "~" if len(until) < 10 else until)
    if not include_negated:
        where.append("e.negated = 0")
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    conn = store.reader()
    with store.time_limit(conn):
        total = conn.execute(f"SELECT COUNT(*) FROM events e{where_sql}", params).fetchone()[0]
        rows = conn.execute(f"SELECT {_EVENT_COLS} FROM events e{where_sql} ORDER BY e.date DESC, e.id DESC "
                            f"LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        items = [_event_dict(conn, r) for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def entity_events(store, eid: int, *, limit: int = 200) -> dict:
    """What an entity did (source) and what was done to it (target), newest first."""
    conn = store.reader()
    out = {}
    with store.time_limit(conn):
        for role in ("source", "target"):
            rows = conn.execute(f"SELECT {_EVENT_COLS} FROM events e WHERE e.{role}_entity = ? AND e.negated = 0 "
                                f"ORDER BY e.date DESC, e.id DESC LIMIT ?", (eid, limit)).fetchall()
            out["did" if role == "source" else "done_to"] = [_event_dict(conn, r, reports=1) for r in rows]
    return out


EXPORT_SQL = (
    "SELECT e.id AS event_id, e.date, e.type AS event_type, e.mode, "
    "e.source_name AS source_actor, e.source_country, e.source_sector, e.source_entity AS source_entity_id, "
    "e.target_name AS target_actor, e.target_country, e.target_sector, e.target_entity AS target_entity_id, "
    "e.negated, e.hypothetical, e.n_reports, e.n_articles, e.first_seen, e.last_seen, "
    "(SELECT GROUP_CONCAT(context, '|') FROM (SELECT DISTINCT context FROM event_reports r "
    "  WHERE r.event = e.id AND context != '')) AS context, "
    "(SELECT GROUP_CONCAT(location, '|') FROM (SELECT DISTINCT location FROM event_reports r "
    "  WHERE r.event = e.id AND location IS NOT NULL)) AS location, "
    "(SELECT GROUP_CONCAT(id, '|') FROM (SELECT DISTINCT a.id FROM event_reports r JOIN articles a "
    "  ON a.rowid = r.article WHERE r.event = e.id)) AS article_ids "
    "FROM events e ORDER BY e.date, e.id")
