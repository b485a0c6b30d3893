"""Speaker profiles in the store: one row per speaker and article, merged per speaker.

Every article adds its own view of each speaker (``speaker_profiles``: gender, role,
affiliation, country and the evidence, from ``Entity.profile`` or ``Speaker.profile``);
``profiles`` holds the merge per speaker (``profile_key``: ``e:<entity>`` for a speaker
linked to a corpus entity, so every name the store merged into the entity counts, else
the store's own speaker key, ``keys.speaker_key``): the evidence adds up across articles, a gender or
role needs a clear majority of it, and conflicting articles are kept and counted
(``gender_votes``, ``role_votes``) so the UI can show them.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from typing import Optional
from urllib.parse import urlparse

from ..records import ArticleRecord, Profile, to_dict

CLEAR_MAJORITY = 2      # as in newsgraph.profiles: the winner needs twice the other side's evidence
WEIGHT = {"honorific": 3, "gendered_noun": 2, "pronoun": 1, "given_name": 1}
_YEARISH = re.compile(r"^\d+$")

SCHEMA_V4 = """
ALTER TABLE articles ADD COLUMN section TEXT;
CREATE INDEX articles_section ON articles(section);
-- one article's view of one speaker
CREATE TABLE speaker_profiles (
    speaker_key TEXT NOT NULL,
    article INTEGER NOT NULL,
    entity INTEGER,
    kind TEXT,
    gender TEXT,
    gender_weight INTEGER NOT NULL DEFAULT 0,
    role TEXT,
    role_former INTEGER NOT NULL DEFAULT 0,
    affiliation INTEGER,
    affiliation_name TEXT,
    country TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0,
    profile TEXT NOT NULL,
    PRIMARY KEY (speaker_key, article)
) WITHOUT ROWID;
CREATE INDEX speaker_profiles_article ON speaker_profiles(article);
CREATE INDEX speaker_profiles_entity ON speaker_profiles(entity);
-- the merge across articles, per speaker
CREATE TABLE profiles (
    speaker_key TEXT PRIMARY KEY,
    entity INTEGER,
    kind TEXT,
    gender TEXT NOT NULL DEFAULT 'unknown',
    gender_votes TEXT NOT NULL DEFAULT '{}',
    gender_conflict INTEGER NOT NULL DEFAULT 0,
    role TEXT NOT NULL DEFAULT 'unknown',
    role_votes TEXT NOT NULL DEFAULT '{}',
    role_conflict INTEGER NOT NULL DEFAULT 0,
    country TEXT,
    affiliation INTEGER,
    affiliation_name TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,
    evidence TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX profiles_gender ON profiles(gender);
CREATE INDEX profiles_role ON profiles(role);
"""


# the profile key of a quotation row (q): its entity when it has one, else its speaker key
PROFILE_KEY_SQL = "CASE WHEN q.speaker IS NOT NULL THEN 'e:' || q.speaker ELSE q.speaker_key END"


def profile_key(entity: Optional[int], speaker_key: str) -> str:
    """Whose profile a quote's speaker adds to: the corpus entity, else the speaker key."""
    return f"e:{entity}" if entity is not None else speaker_key


def article_section(rec: ArticleRecord | dict) -> Optional[str]:
    """The section of an article: metadata ``section``, else its first category, else the
    first path segment of its URL that is a word ("/business/..." -> business)."""
    meta = (rec.metadata if isinstance(rec, ArticleRecord) else rec.get("metadata")) or {}
    for key in ("section", "categories"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip().startswith("["):
            value = value.strip("[]").split(",")[0].strip(" '\"")
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    path = urlparse(str(meta.get("url") or "")).path
    for seg in path.split("/")[:-1]:
        if seg and not _YEARISH.match(seg) and len(seg) <= 30:
            return seg.lower()
    return None


def backfill_v4(conn: sqlite3.Connection) -> None:
    """Migration 4, after SCHEMA_V4: sections and speaker profiles from the stored records."""
    for art, record in conn.execute("SELECT rowid, record FROM articles").fetchall():
        data = json.loads(record)
        conn.execute("UPDATE articles SET section = ? WHERE rowid = ?", (article_section(data), art))
        rec = ArticleRecord.from_dict(data)
        keys = {}
        for occ_idx, skey, eid in conn.execute(  # noqa: B007
                "SELECT o.idx, q.speaker_key, q.speaker FROM occurrences o JOIN quotations q ON q.id = o.quotation "
                "WHERE o.article = ?", (art,)):
            if occ_idx < len(rec.quotes):
                keys[occ_idx] = (eid, skey)
        links = {r[0]: r[1] for r in conn.execute("SELECT local_id, entity FROM entity_links WHERE article = ?", (art,))}
        write_article_profiles(conn, art, rec, [(rec.quotes[i], *keys[i]) for i in sorted(keys)], links)
    for (skey,) in conn.execute("SELECT DISTINCT speaker_key FROM speaker_profiles").fetchall():
        refresh_profile(conn, skey)


def _gender_weight(field) -> int:
    return sum(WEIGHT.get(e.kind, 1) for e in field.evidence if e.value == field.value)


def write_article_profiles(conn: sqlite3.Connection, art: int, rec: ArticleRecord,
                           speakers: list[tuple], links: dict[str, int]) -> set[str]:
    """Store one article's profile of each speaker: ``speakers`` are (quote, corpus entity,
    speaker key) as the quotation writer resolved them; ``links`` map the article's entity
    ids to corpus entities (for the affiliation). Returns the speaker keys written."""
    entities = {e.id: e for e in rec.entities}
    done: set[str] = set()
    for quote, eid, skey in speakers:
        sp = quote.speaker
        skey = profile_key(eid, skey) if skey else ""
        if sp is None or not skey or skey in done:
            continue
        ent = entities.get(sp.entity) if sp.entity else None
        prof: Optional[Profile] = ent.profile if ent is not None and ent.profile else sp.profile
        if prof is None:
            continue
        done.add(skey)
        aff = prof.affiliation
        conn.execute(
            "INSERT OR REPLACE INTO speaker_profiles (speaker_key, article, entity, kind, gender, gender_weight, "
            "role, role_former, affiliation, affiliation_name, country, anonymous, profile) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (skey, art, eid, prof.kind, prof.gender.value, _gender_weight(prof.gender), prof.role.value,
             int(prof.role.label == "former"), links.get(aff.value) if aff.value else None, aff.label,
             prof.country.value, int(prof.anonymous), json.dumps(to_dict(prof), ensure_ascii=False)))
    return done


def clear_article_profiles(conn: sqlite3.Connection, art: int) -> set[str]:
    """Remove an article's profile rows (before it is written again); the keys they had."""
    keys = {r[0] for r in conn.execute("SELECT DISTINCT speaker_key FROM speaker_profiles WHERE article = ?", (art,))}
    conn.execute("DELETE FROM speaker_profiles WHERE article = ?", (art,))
    return keys


def move_profiles(conn: sqlite3.Connection, src: int, dst: int) -> None:
    """Entity ``src`` was merged into ``dst``: its articles' profiles follow."""
    conn.execute("UPDATE OR IGNORE speaker_profiles SET speaker_key = ?, entity = ? WHERE speaker_key = ?",
                 (f"e:{dst}", dst, f"e:{src}"))
    conn.execute("DELETE FROM speaker_profiles WHERE speaker_key = ?", (f"e:{src}",))
    conn.execute("DELETE FROM profiles WHERE speaker_key = ?", (f"e:{src}",))
    refresh_profile(conn, f"e:{dst}")


def _evidence_summary(rows: list[sqlite3.Row]) -> str:
    """'she x3; Ms. x1; given name Margaret' over the articles' gender evidence."""
    counts: Counter = Counter()
    for r in rows:
        prof = json.loads(r["profile"])
        g = prof.get("gender") or {}
        for e in g.get("evidence") or []:
            if e.get("value") != r["gender"]:
                continue
            label = f"given name {e['text']}" if e.get("kind") == "given_name" else e.get("text", "").lower()
            counts[label] += 1
    return "; ".join(f"{k} x{n}" if not k.startswith("given name") else k for k, n in counts.most_common(6))


def refresh_profile(conn: sqlite3.Connection, skey: str) -> None:
    """Recompute the merged profile of one speaker from its articles' rows."""
    rows = conn.execute("SELECT * FROM speaker_profiles WHERE speaker_key = ? ORDER BY article", (skey,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM profiles WHERE speaker_key = ?", (skey,))
        return
    gender_votes: Counter = Counter()
    for r in rows:
        if r["gender"] in ("male", "female"):
            gender_votes[r["gender"]] += max(r["gender_weight"], 1)
    m, f = gender_votes["male"], gender_votes["female"]
    gender = "unknown"
    if m or f:
        gender = "male" if m >= CLEAR_MAJORITY * f else "female" if f >= CLEAR_MAJORITY * m else "unknown"
    if rows[0]["kind"] not in ("person", "anonymous"):
        gender = None
    role_votes: Counter = Counter(r["role"] for r in rows if r["role"] and r["role"] != "unknown")
    current = Counter(r["role"] for r in rows if r["role"] and r["role"] != "unknown" and not r["role_former"])
    role = (current or role_votes).most_common(1)[0][0] if role_votes else "unknown"
    kinds = Counter(r["kind"] for r in rows)
    countries = Counter(r["country"] for r in rows if r["country"])
    affs = Counter((r["affiliation"], r["affiliation_name"]) for r in rows if r["affiliation_name"])
    aff = affs.most_common(1)[0][0] if affs else (None, None)
    conn.execute(
        "INSERT OR REPLACE INTO profiles (speaker_key, entity, kind, gender, gender_votes, gender_conflict, role, "
        "role_votes, role_conflict, country, affiliation, affiliation_name, n_articles, evidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (skey, rows[0]["entity"], kinds.most_common(1)[0][0], gender or "n/a", json.dumps(dict(gender_votes)),
         int(bool(m and f)), role, json.dumps(dict(role_votes)), int(len(role_votes) > 1),
         countries.most_common(1)[0][0] if countries else None, aff[0], aff[1], len(rows),
         _evidence_summary([r for r in rows if r["gender"] == gender]) if gender else ""))
