"""Events in the corpus: every report of an event, and the same event reported by
several articles merged into one.

Two reports are the same event when they have the same PLOVER type, the same
source and target actors (the corpus entity when the actor is one, else its
country code, else its folded name) and the same negated/hypothetical flags, and
their dates lie within ``WINDOW_DAYS`` of each other (the event's own date when
the text gives one, the publication date otherwise).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import Optional

from ..records import ArticleRecord, EventActor
from . import text as T

WINDOW_DAYS = 3
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

SCHEMA_EVENTS = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    key TEXT NOT NULL,
    source_entity INTEGER REFERENCES entities(id),
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_entity INTEGER REFERENCES entities(id),
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    date TEXT,
    first_seen TEXT,
    last_seen TEXT,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_key ON events(key, date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_source ON events(source_entity, date);
CREATE INDEX events_target ON events(target_entity, date);
CREATE INDEX events_date ON events(date);
CREATE TABLE event_reports (
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id),
    article INTEGER NOT NULL REFERENCES articles(rowid),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    context TEXT,
    trigger TEXT,
    trigger_start INTEGER, trigger_end INTEGER,
    start INTEGER, end INTEGER,
    source_text TEXT, source_name TEXT, source_country TEXT,
    target_text TEXT, target_name TEXT, target_country TEXT,
    location TEXT, location_country TEXT,
    date TEXT,
    sdate TEXT,
    published TEXT,
    site TEXT COLLATE NOCASE,
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    quote INTEGER,
    UNIQUE (article, idx)
);
CREATE INDEX event_reports_event ON event_reports(event);
"""


def fill_events(conn: sqlite3.Connection) -> None:
    """After the schema step that creates the events tables: events of the records already stored."""
    rows = conn.execute("SELECT rowid, record, site FROM articles ORDER BY rowid").fetchall()
    for art, record, site in rows:
        rec = ArticleRecord.from_dict(json.loads(record))
        if rec.events:
            links = {r[0]: r[1] for r in conn.execute(
                "SELECT local_id, entity FROM entity_links WHERE article = ?", (art,))}
            write_events(conn, art, rec, links, site)


def _day(value: Optional[str]) -> Optional[str]:
    """A sortable date prefix of a TIMEX value ("2019-02", "2019-04-11"); None otherwise."""
    m = _DAY.match(value or "")
    return m.group(0) if m else None


def _as_date(value: Optional[str]) -> Optional[dt.date]:
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def actor_key(actor: Optional[EventActor], links: dict[str, int]) -> tuple[str, Optional[int]]:
    """How an actor is matched across articles, and its corpus entity."""
    if actor is None:
        return "-", None
    if actor.entity and actor.entity in links:
        return f"e:{links[actor.entity]}", links[actor.entity]
    if actor.country:
        return f"c:{actor.country}", None
    return "n:" + T.fold(actor.name or actor.text).strip(), None


def write_events(conn: sqlite3.Connection, art: int, rec: ArticleRecord, links: dict[str, int],
                 site: Optional[str]) -> set[int]:
    """Store an article's events (its old reports must be cleared first); returns the
    corpus events touched."""
    touched: set[int] = set()
    for idx, ev in enumerate(rec.events):
        skey, sent = actor_key(ev.source, links)
        tkey, tent = actor_key(ev.target, links)
        key = f"{ev.type}|{skey}|{tkey}|{int(ev.negated)}{int(ev.hypothetical)}"
        sdate = _day(ev.date) or rec.published
        eid = _find_event(conn, key, sdate)
        if eid is None:
            s, t = ev.source, ev.target
            eid = conn.execute(
                "INSERT INTO events (type, mode, key, source_entity, source_name, source_country, source_sector, "
                "target_entity, target_name, target_country, target_sector, negated, hypothetical) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ev.type, ev.mode, key, sent, _name(conn, sent, s), s.country if s else None, s.sector if s else None,
                 tent, _name(conn, tent, t), t.country if t else None, t.sector if t else None,
                 int(ev.negated), int(ev.hypothetical))).lastrowid
        s, t, loc = ev.source, ev.target, ev.location
        conn.execute(
            "INSERT INTO event_reports (event, article, idx, type, mode, context, trigger, trigger_start, trigger_end, "
            "start, end, source_text, source_name, source_country, target_text, target_name, target_country, "
            "location, location_country, date, sdate, published, site, negated, hypothetical, quote) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (eid, art, idx, ev.type, ev.mode, "|".join(ev.context), ev.trigger.text, ev.trigger.start, ev.trigger.end,
             ev.start, ev.end, s.text if s else None, s.name if s else None, s.country if s else None,
             t.text if t else None, t.name if t else None, t.country if t else None,
             (loc.name or loc.text) if loc else None, loc.country if loc else None, ev.date, sdate,
             rec.published, site, int(ev.negated), int(ev.hypothetical), ev.quote))
        touched.add(eid)
    for eid in touched:
        refresh_event(conn, eid)
    return touched


def _name(conn: sqlite3.Connection, entity: Optional[int], actor: Optional[EventActor]) -> Optional[str]:
    if entity is not None:
        row = conn.execute("SELECT name FROM entities WHERE id = ?", (entity,)).fetchone()
        if row:
            return row[0]
    if actor is None:
        return None
    return actor.name or actor.text


def _find_event(conn: sqlite3.Connection, key: str, sdate: Optional[str]) -> Optional[int]:
    """An event with the same key whose date is within the window of ``sdate``."""
    rows = conn.execute("SELECT id, date FROM events WHERE key = ? ORDER BY id", (key,)).fetchall()
    day = _as_date(sdate)
    for eid, date in rows:
        other = _as_date(date)
        if day is None and other is None:
            return eid
        if day is not None and other is not None and abs((day - other).days) <= WINDOW_DAYS:
            return eid
    return None


def clear_events(conn: sqlite3.Connection, art: int) -> set[int]:
    """Remove an article's reports; returns the events they belonged to (refresh them after)."""
    events = {r[0] for r in conn.execute("SELECT DISTINCT event FROM event_reports WHERE article = ?", (art,))}
    conn.execute("DELETE FROM event_reports WHERE article = ?", (art,))
    return events


def refresh_event(conn: sqlite3.Connection, eid: int) -> None:
    """Recount an event's reports and dates; delete it when none is left."""
    row = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT COALESCE(a.duplicate_of, a.rowid)), MIN(r.sdate), MIN(r.published), "
        "MAX(r.published) FROM event_reports r JOIN articles a ON a.rowid = r.article WHERE r.event = ?",
        (eid,)).fetchone()
    if row[0] == 0:
        conn.execute("DELETE FROM events WHERE id = ?", (eid,))
        return
    conn.execute("UPDATE events SET n_reports = ?, n_articles = ?, date = ?, first_seen = ?, last_seen = ? "
                 "WHERE id = ?", (row[0], row[1], row[2], row[3], row[4], eid))
