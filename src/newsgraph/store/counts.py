"""Counts kept up to date at ingest, so serving never aggregates the whole corpus per request.

Profiled under load (16 clients, 20,000 articles, an ingest writing), the slow
requests were the ones that aggregated: the most quoted speakers (a GROUP BY over
every quotation, then a distinct-article count over each speaker's occurrences), the
corpus counts of the home page (COUNT(*) over six tables, one without an index),
and the speaker page. ``speaker_stats`` holds, per speaker and per speaker type
(``''``: all types), what ``top_speakers`` reports; ``corpus_counts`` holds the row
counts of ``stats``. The writer records the speakers of each article it writes
(``speaker_articles``) and marks them; ``ArticleWriter.flush`` recomputes the marked
ones (index-only scans) and the counts once per transaction, before its commit.
"""
from __future__ import annotations

import sqlite3
from typing import Iterable

SCHEMA_V5 = """
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
-- the articles a speaker is quoted in, with the article's root (itself, or the original a
-- syndicated copy links to): n_articles counts distinct roots by an index-only scan
CREATE TABLE speaker_articles (article INTEGER NOT NULL, entity INTEGER NOT NULL, speaker_type TEXT NOT NULL,
                               root INTEGER NOT NULL, PRIMARY KEY (article, entity, speaker_type)) WITHOUT ROWID;
CREATE INDEX speaker_articles_entity ON speaker_articles(entity, speaker_type, root);
CREATE INDEX quotations_speaker_counts ON quotations(speaker, speaker_type, n_occurrences, first_seen, last_seen);
CREATE TABLE corpus_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX ingest_log_errors ON ingest_log(article) WHERE article IS NULL;
CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
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


def _ready(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'speaker_articles'").fetchone() is not None


def add_article(conn: sqlite3.Connection, art: int) -> None:
    """Record the speakers an article (just written) quotes, under its root."""
    if not _ready(conn):
        return          # an older schema, being migrated
    for stype in ("''", "q.speaker_type"):
        conn.execute(
            f"INSERT OR IGNORE INTO speaker_articles (article, entity, speaker_type, root) "
            f"SELECT DISTINCT o.article, q.speaker, {stype}, COALESCE(a.duplicate_of, a.rowid) "
            f"FROM occurrences o JOIN quotations q ON q.id = o.quotation JOIN articles a ON a.rowid = o.article "
            f"WHERE o.article = ? AND q.speaker IS NOT NULL AND {stype} IS NOT NULL", (art,))


def drop_article(conn: sqlite3.Connection, art: int) -> set[int]:
    """Forget an article's speakers (before it is written again); returns them."""
    if not _ready(conn):
        return set()
    speakers = {r[0] for r in conn.execute("SELECT DISTINCT entity FROM speaker_articles WHERE article = ?", (art,))}
    conn.execute("DELETE FROM speaker_articles WHERE article = ?", (art,))
    return speakers


def merge_speaker(conn: sqlite3.Connection, src: int, dst: int) -> None:
    """Entity ``src`` was merged into ``dst``: its articles are now ``dst``'s."""
    if not _ready(conn):
        return
    conn.execute("UPDATE OR IGNORE speaker_articles SET entity = ? WHERE entity = ?", (dst, src))
    conn.execute("DELETE FROM speaker_articles WHERE entity = ?", (src,))
    conn.execute("DELETE FROM speaker_stats WHERE entity = ?", (src,))


def refresh_speakers(conn: sqlite3.Connection, entities: Iterable[int]) -> None:
    """Recompute the ``speaker_stats`` rows of these speakers (rows removed when none is left);
    two index-only scans per speaker."""
    for eid in sorted({e for e in entities if e is not None}):
        conn.execute("DELETE FROM speaker_stats WHERE entity = ?", (eid,))
        for group in ("''", "q.speaker_type"):   # all types together, then each type
            conn.execute(
                f"INSERT OR REPLACE INTO speaker_stats (entity, speaker_type, name, type, n_quotations, "
                f"n_occurrences, n_articles, first_seen, last_seen) "
                f"SELECT q.speaker, {group}, e.name, e.type, COUNT(*), SUM(q.n_occurrences), 0, "
                f"MIN(q.first_seen), MAX(q.last_seen) FROM quotations q JOIN entities e ON e.id = q.speaker "
                f"WHERE q.speaker = ? AND {group} IS NOT NULL GROUP BY {group}", (eid,))
        conn.execute("UPDATE speaker_stats SET n_articles = (SELECT COUNT(DISTINCT root) FROM speaker_articles s "
                     "WHERE s.entity = speaker_stats.entity AND s.speaker_type = speaker_stats.speaker_type) "
                     "WHERE entity = ?", (eid,))


def refresh_counts(conn: sqlite3.Connection) -> None:
    conn.executemany("INSERT OR REPLACE INTO corpus_counts (name, n) VALUES (?, ?)",
                     [(name, conn.execute(sql).fetchone()[0]) for name, sql in COUNTS.items()])


def rebuild_stats(conn: sqlite3.Connection) -> None:
    """Every speaker's row and the counts, from scratch (migration 5)."""
    conn.execute("DELETE FROM speaker_stats")
    conn.execute("DELETE FROM speaker_articles")
    for (art,) in conn.execute("SELECT DISTINCT article FROM occurrences").fetchall():
        add_article(conn, art)
    refresh_speakers(conn, [r[0] for r in conn.execute("SELECT DISTINCT speaker FROM quotations "
                                                       "WHERE speaker IS NOT NULL")])
    refresh_counts(conn)
