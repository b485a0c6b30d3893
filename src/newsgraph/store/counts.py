"""Counts kept up to date at ingest, so serving never aggregates the whole corpus per request.

Profiled under load (16 clients, 20,000 articles, an ingest writing), the slow
requests were the ones that aggregated: the most quoted speakers (a GROUP BY over
every quotation, then a distinct-article count over each speaker's occurrences), the
corpus counts of the home page (COUNT(*) over five tables, one without an index),
and the speaker page. ``speaker_stats`` holds, per speaker and per speaker type
(``''``: all types), what ``top_speakers`` reports; ``corpus_counts`` holds the row
counts of ``stats``. The writer marks the speakers an article touches, and
``flush`` recomputes those (and the counts) once per transaction, before its commit.
"""
from __future__ import annotations

import sqlite3
from typing import Iterable

SCHEMA_V3 = """
CREATE TABLE speaker_stats (
    entity INTEGER NOT NULL,
    speaker_type TEXT NOT NULL,          -- '' for all types together
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    n_quotations INTEGER NOT NULL,
    n_occurrences INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    PRIMARY KEY (entity, speaker_type)
) WITHOUT ROWID;
CREATE INDEX speaker_stats_rank ON speaker_stats(speaker_type, n_quotations DESC, n_occurrences DESC, name);
CREATE TABLE corpus_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX ingest_log_errors ON ingest_log(article) WHERE article IS NULL;
CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX occurrences_article_quotation ON occurrences(quotation, article);
"""

COUNTS = {
    "articles": "SELECT COUNT(*) FROM articles",
    "near_duplicates": "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL",
    "entities": "SELECT COUNT(*) FROM entities",
    "speakers": "SELECT COUNT(*) FROM speaker_stats WHERE speaker_type = ''",
    "quotations": "SELECT COUNT(*) FROM quotations",
    "occurrences": "SELECT COUNT(*) FROM occurrences",
    "ingest_errors": "SELECT COUNT(*) FROM ingest_log WHERE article IS NULL",
}


def refresh_speakers(conn: sqlite3.Connection, entities: Iterable[int]) -> None:
    """Recompute the ``speaker_stats`` rows of these speakers (rows removed when none is left)."""
    for eid in sorted({e for e in entities if e is not None}):
        conn.execute("DELETE FROM speaker_stats WHERE entity = ?", (eid,))
        for group in ("''", "q.speaker_type"):   # all types together, then each type
            conn.execute(
                f"INSERT OR REPLACE INTO speaker_stats (entity, speaker_type, name, type, n_quotations, "
                f"n_occurrences, n_articles, first_seen, last_seen) "
                f"SELECT q.speaker, {group}, e.name, e.type, COUNT(*), SUM(q.n_occurrences), 0, "
                f"MIN(q.first_seen), MAX(q.last_seen) FROM quotations q JOIN entities e ON e.id = q.speaker "
                f"WHERE q.speaker = ? AND {group} IS NOT NULL GROUP BY {group}", (eid,))
        for (stype,) in conn.execute("SELECT speaker_type FROM speaker_stats WHERE entity = ?", (eid,)).fetchall():
            conn.execute(
                "UPDATE speaker_stats SET n_articles = (SELECT COUNT(DISTINCT COALESCE(a.duplicate_of, a.rowid)) "
                "FROM quotations q JOIN occurrences o ON o.quotation = q.id JOIN articles a ON a.rowid = o.article "
                "WHERE q.speaker = ?1 AND (?2 = '' OR q.speaker_type = ?2)) WHERE entity = ?1 AND speaker_type = ?2",
                (eid, stype))


def refresh_counts(conn: sqlite3.Connection) -> None:
    conn.executemany("INSERT OR REPLACE INTO corpus_counts (name, n) VALUES (?, ?)",
                     [(name, conn.execute(sql).fetchone()[0]) for name, sql in COUNTS.items()])


def rebuild_stats(conn: sqlite3.Connection) -> None:
    """Every speaker's row and the counts, from scratch (migration 3)."""
    conn.execute("DELETE FROM speaker_stats")
    refresh_speakers(conn, [r[0] for r in conn.execute("SELECT DISTINCT speaker FROM quotations "
                                                       "WHERE speaker IS NOT NULL")])
    refresh_counts(conn)
