"""The SQLite file: schema and migrations, one writer, per-thread readers.

Datasette's shape: a single writer at a time (an OS file lock held for the whole
ingest, released by the kernel even when the process is killed), readers on their
own connections in WAL mode so they are never blocked, and a time limit on every
read query.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

# ------------------------------------------------------------------ errors

from ..errors import E, NewsgraphError  # noqa: E402  (codes E101-E109 live in the one catalogue)


class StoreError(NewsgraphError):
    """A store failure with a code from the catalogue; the message says what to do."""


# ------------------------------------------------------------------ schema

SCHEMA_V1 = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    record_hash TEXT NOT NULL,
    source TEXT,
    site TEXT COLLATE NOCASE,
    url TEXT,
    title TEXT,
    published TEXT,
    published_source TEXT,
    language TEXT,
    record_schema TEXT,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    duplicate_of INTEGER REFERENCES articles(rowid),
    duplicate_similarity REAL,
    minhash BLOB,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_duplicate ON articles(duplicate_of);

-- other ids an article arrived under (same content hash)
CREATE TABLE article_ids (id TEXT PRIMARY KEY, article INTEGER NOT NULL) WITHOUT ROWID;

-- MinHash LSH bands for near-duplicate (syndicated) articles
CREATE TABLE article_bands (band INTEGER NOT NULL, article INTEGER NOT NULL,
                            PRIMARY KEY (band, article)) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article);

-- resume: raw inputs already stored (id and hash of the raw content)
CREATE TABLE ingest_log (raw_id TEXT NOT NULL, raw_hash TEXT NOT NULL, article TEXT,
                         error_code TEXT, error_message TEXT, at TEXT NOT NULL,
                         PRIMARY KEY (raw_id, raw_hash)) WITHOUT ROWID;

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (key, type)
);
-- keys under which an entity is found: its full key, aliases, partial (one-word) keys
CREATE TABLE entity_keys (key TEXT NOT NULL, type TEXT NOT NULL, entity INTEGER NOT NULL,
                          kind TEXT NOT NULL, PRIMARY KEY (key, type, entity)) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity);
-- every in-article entity (or speaker) linked to a corpus entity, and why
CREATE TABLE entity_links (
    article INTEGER NOT NULL,
    local_id TEXT NOT NULL,
    entity INTEGER NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0,
    rule TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article, local_id)
) WITHOUT ROWID;
CREATE INDEX entity_links_entity ON entity_links(entity, article);
CREATE TABLE entity_aliases (entity INTEGER NOT NULL, article INTEGER NOT NULL, alias TEXT NOT NULL,
                             PRIMARY KEY (entity, alias, article)) WITHOUT ROWID;
CREATE INDEX entity_aliases_article ON entity_aliases(article);
CREATE TABLE entity_descriptors (entity INTEGER NOT NULL, article INTEGER NOT NULL, text TEXT NOT NULL,
                                 kind TEXT NOT NULL DEFAULT 'descriptor',
                                 PRIMARY KEY (entity, text, article)) WITHOUT ROWID;
CREATE INDEX entity_descriptors_article ON entity_descriptors(article);

CREATE TABLE quotations (
    id INTEGER PRIMARY KEY,
    speaker INTEGER REFERENCES entities(id),
    speaker_name TEXT,
    speaker_type TEXT,
    speaker_key TEXT NOT NULL,
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT,
    n_occurrences INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    first_published TEXT,
    last_seen TEXT
);
CREATE INDEX quotations_speaker ON quotations(speaker, first_seen);
CREATE INDEX quotations_speaker_key ON quotations(speaker_key);
CREATE INDEX quotations_first_seen ON quotations(first_seen);
CREATE TABLE quotation_keys (key INTEGER NOT NULL, quotation INTEGER NOT NULL,
                             PRIMARY KEY (key, quotation)) WITHOUT ROWID;
CREATE INDEX quotation_keys_quotation ON quotation_keys(quotation);

CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    quotation INTEGER NOT NULL REFERENCES quotations(id),
    article INTEGER NOT NULL REFERENCES articles(rowid),
    idx INTEGER NOT NULL,
    match TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT,
    start INTEGER, end INTEGER, paragraph INTEGER,
    speaker_name TEXT,
    speaker_descriptor TEXT,
    cue TEXT,
    channel TEXT,
    date TEXT,
    date_source TEXT,
    sdate TEXT,
    published TEXT,
    site TEXT COLLATE NOCASE,
    UNIQUE (article, idx)
);
CREATE INDEX occurrences_quotation ON occurrences(quotation, site, published, sdate);  -- covers the filters
CREATE INDEX occurrences_sdate ON occurrences(sdate);
CREATE INDEX occurrences_site ON occurrences(site);
CREATE INDEX occurrences_published ON occurrences(published);
CREATE TABLE occurrence_about (occurrence INTEGER NOT NULL, entity INTEGER NOT NULL,
                               quotation INTEGER NOT NULL,
                               PRIMARY KEY (occurrence, entity)) WITHOUT ROWID;
CREATE INDEX occurrence_about_entity ON occurrence_about(entity, quotation);

CREATE VIRTUAL TABLE quotation_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
"""

SCHEMA_V2 = """
DROP TABLE quotation_fts;
CREATE VIRTUAL TABLE quotation_fts USING fts5(text, variants,
                                              tokenize = 'porter unicode61 remove_diacritics 2');
"""


def _migrate_v2(conn: sqlite3.Connection) -> None:
    """Search also finds the words of near variants; MinHash signatures recomputed."""
    from .writer import rebuild_derived

    for stmt in _statements(SCHEMA_V2):
        conn.execute(stmt)
    rebuild_derived(conn)


def _migrate_v3(conn: sqlite3.Connection) -> None:
    """Quotations regrouped by the rule of ``newsgraph.keys`` (the Dask merge's rule too)."""
    from .writer import regroup_quotations

    regroup_quotations(conn)


def _migrate_v4(conn: sqlite3.Connection) -> None:
    """Article sections and speaker profiles (store/profiles.py), filled from the stored records."""
    from .profiles import SCHEMA_V4, backfill_v4

    for stmt in _statements(SCHEMA_V4):
        conn.execute(stmt)
    backfill_v4(conn)


def _migrate_v5(conn: sqlite3.Connection) -> None:
    """Article identity by canonical URL (two inputs are one article only when they are the
    same article), and the serving indexes and counts kept up to date at ingest (see
    ``store/counts.py``: the home page and speaker lists read them instead of aggregating)."""
    from .identity import canonical_url
    from .counts import SCHEMA_V5, rebuild_stats

    conn.execute("ALTER TABLE articles ADD COLUMN canonical_url TEXT")
    conn.executemany("UPDATE articles SET canonical_url = ? WHERE rowid = ?",
                     [(canonical_url(url), rowid) for rowid, url in
                      conn.execute("SELECT rowid, url FROM articles WHERE url IS NOT NULL").fetchall()])
    for stmt in _statements(SCHEMA_V5):
        conn.execute(stmt)
    rebuild_stats(conn)


def _migrate_v6(conn: sqlite3.Connection) -> None:
    """Events: the tables of coded events and their reports, filled from the stored records."""
    from .events import SCHEMA_EVENTS, fill_events

    for stmt in _statements(SCHEMA_EVENTS):
        conn.execute(stmt)
    fill_events(conn)


# Each occurrence keeps the speaker confidence of its quote (quotes/confidence.py);
# rows stored before this step have none (NULL), which a --min-confidence filter leaves out.
def _migrate_confidence(conn: sqlite3.Connection) -> None:
    """occurrences.confidence (idempotent: a file that has the column keeps it)."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(occurrences)")}
    if "confidence" not in cols:
        conn.execute("ALTER TABLE occurrences ADD COLUMN confidence REAL")


# version -> SQL script or function that brings the previous version to it
MIGRATIONS: dict[int, Union[str, Callable[[sqlite3.Connection], None]]] = {1: SCHEMA_V1, 2: _migrate_v2,
                                                                           3: _migrate_v3, 4: _migrate_v4, 5: _migrate_v5,
                                                                           6: _migrate_v6, 7: _migrate_confidence}
SCHEMA_VERSION = max(MIGRATIONS)
APP_ID = 0x4E475354  # "NGST": marks the file as a newsgraph store


READER_CACHE_KB = 8000


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("PRAGMA busy_timeout=30000")


def migrate(conn: sqlite3.Connection, path: str, migrations: Optional[dict] = None) -> int:
    """Bring the file to the newest schema; refuse a file written by a newer version."""
    migrations = migrations or MIGRATIONS
    latest = max(migrations)
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(E.NOT_A_STORE, path=path, detail=str(exc)) from exc
    if tables and app != APP_ID:
        raise StoreError(E.NOT_A_STORE, path=path, detail="it holds tables of another application")
    if found > latest:
        raise StoreError(E.NEWER_SCHEMA, path=path, found=found, supported=latest)
    if found == latest:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
        for version in range(found + 1, latest + 1):
            step = migrations[version]
            if callable(step):
                step(conn)
            else:
                for stmt in _statements(step):
                    conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute(f"PRAGMA application_id = {APP_ID}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return latest


def _statements(script: str) -> list[str]:
    out, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf).strip())
            buf = []
    return [s for s in out if s.strip(" ;\n")]


# ------------------------------------------------------------------ the store


class Store:
    """One SQLite corpus file. ``reader()`` gives this thread's read connection;
    ``writing()`` holds the single-writer lock and yields the write connection."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True, query_timeout: float = 5.0):
        self.path = str(path)
        self.query_timeout = query_timeout
        if not create and not Path(self.path).exists():
            raise StoreError(E.NO_DATABASE, path=self.path)
        folder = Path(self.path).parent
        if not folder.is_dir():   # sqlite would only say "unable to open database file"
            raise StoreError(E.NOT_FOUND, detail=f"the folder {str(folder)!r} of the database {self.path!r} is "
                                                 f"missing; create it first (mkdir -p) or pass another --db")
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        conn = self._connect()
        try:
            self.schema_version = migrate(conn, self.path)
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            _configure(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(E.NOT_A_STORE, path=self.path, detail=str(exc)) from exc
        conn.row_factory = sqlite3.Row
        return conn

    # -- readers
    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (WAL: never blocked by the writer)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
            # one per thread: a small page cache each (a server's threads would otherwise hold
            # 32 MB apiece, its memory growing with every thread it starts); the OS caches the file
            conn.execute(f"PRAGMA cache_size=-{READER_CACHE_KB}")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextlib.contextmanager
    def time_limit(self, conn: sqlite3.Connection) -> Iterator[None]:
        """Abort a read that runs longer than ``query_timeout`` seconds."""
        deadline = time.monotonic() + self.query_timeout
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise StoreError(E.QUERY_TIMEOUT, limit=self.query_timeout) from exc
            raise
        finally:
            conn.set_progress_handler(None, 0)

    # -- the writer
    @contextlib.contextmanager
    def writing(self, *, wait: bool = False) -> Iterator[sqlite3.Connection]:
        """Hold the one-writer lock (a file lock beside the database) for a whole ingest."""
        lock_path = self.path + ".writer-lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError as exc:
                raise StoreError(E.LOCKED, path=self.path) from exc
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
            conn = self._connect()
            try:
                yield conn
            finally:
                conn.close()
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | os.PathLike, *, create: bool = True, query_timeout: float = 5.0) -> Store:
    """Open (creating and migrating when needed) the corpus database at ``path``."""
    return Store(path, create=create, query_timeout=query_timeout)
