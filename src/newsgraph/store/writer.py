"""Writing ArticleRecords: cross-article identity, quotation merges, near duplicates.

``ArticleWriter.write`` stores one record inside the caller's transaction. Writing
the same article again (same id, or the same clean-text hash under another id)
replaces its rows in place, so nothing is ever stored twice.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlparse

from .. import keys as K
from ..records import ArticleRecord, Entity, Quote
from . import counts
from . import profiles as P
from . import text as T
from .events import clear_events, refresh_event, write_events

DUPLICATE_THRESHOLD = 0.7  # estimated Jaccard of word 5-shingles
_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class Link:
    entity: int
    rule: str
    reason: str


_FIELDS: dict[type, tuple[str, ...]] = {}


def plain(obj):
    """``records.to_dict`` output, faster (field names cached per class)."""
    names = _FIELDS.get(type(obj))
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {n: plain(getattr(obj, n)) for n in names}
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def article_site(rec: ArticleRecord) -> Optional[str]:
    """The outlet of an article: metadata 'site', else the host of its URL."""
    site = rec.metadata.get("site") or rec.metadata.get("sitename")
    if site:
        return str(site)
    for url in (rec.metadata.get("url"), rec.source):
        host = urlparse(str(url or "")).netloc
        if host:
            return host.removeprefix("www.")
    return None


def statement_date(date: Optional[str], published: Optional[str]) -> Optional[str]:
    """A sortable date for a statement: its TIMEX value when it is a calendar date."""
    if date:
        m = _ISO_PREFIX.match(date)
        if m:
            return m.group(0)
    return published


class ArticleWriter:
    """Writes records on one connection; the caller owns the transaction."""

    def __init__(self, conn: sqlite3.Connection, *, duplicate_threshold: float = DUPLICATE_THRESHOLD):
        self.conn = conn
        conn.execute("PRAGMA cache_size=-131072")  # 128 MB for the writer's random index inserts
        self.duplicate_threshold = duplicate_threshold
        self._ambiguous: Optional[tuple[str, list[str]]] = None
        self._absorbed: dict[int, int] = {}
        self._merged: dict[int, int] = {}
        self._speakers: list[tuple] = []   # (quote, corpus entity, speaker key) of the article being written
        # profiles and sections came with schema 4; a writer inside an older migration step skips them
        self._profiles = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'speaker_profiles'").fetchone() is not None
        self.dirty_speakers: set[int] = set()   # their speaker_stats are recomputed by flush()
        self._has_canonical = "canonical_url" in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        # the speaker confidence came with schema 5 (an older migration step writes without it)
        self._confidence = any(r[1] == "confidence" for r in conn.execute("PRAGMA table_info(occurrences)"))

    def flush(self) -> None:
        """Bring the counts kept for serving up to date (before the transaction commits)."""
        if not counts._ready(self.conn):
            return          # an older schema, being migrated
        counts.refresh_speakers(self.conn, self.dirty_speakers)
        counts.refresh_counts(self.conn)
        self.dirty_speakers.clear()

    # ------------------------------------------------------------ articles
    def find_article(self, rec: ArticleRecord, chash: str) -> Optional[sqlite3.Row]:
        """The stored article ``rec`` is, or None; a conflicting id is changed (see ``identity``)."""
        from .identity import place

        return place(self.conn, rec, chash, by_url=self._has_canonical)

    def write(self, rec: ArticleRecord) -> str:
        """Store one record: returns "inserted", "updated", "unchanged" or "conflicting"
        (inserted under ``ID~N`` because another input holds its id)."""
        from .identity import canonical_url

        self._absorbed, self._merged = {}, {}
        chash = T.content_hash(rec.text)
        row = self.find_article(rec, chash)   # may give rec a free id: hash the record after
        record_json = json.dumps(plain(rec), ensure_ascii=False)
        rhash = hashlib.sha256(record_json.encode("utf-8")).hexdigest()
        if row is not None and row["record_hash"] == rhash:
            return "unchanged"
        site = article_site(rec)
        sig = T.minhash(rec.text)
        cols = dict(content_hash=chash, record_hash=rhash, source=rec.source, site=site,
                    url=rec.metadata.get("url"), title=rec.title, published=rec.published,
                    published_source=rec.published_source, language=rec.language,
                    record_schema=rec.schema_version, minhash=T.sig_to_blob(sig), record=record_json,
                    ingested_at=_now())
        if self._has_canonical:
            cols["canonical_url"] = canonical_url(rec.metadata.get("url"))
        if self._profiles:
            cols["section"] = P.article_section(rec)
        old_quotations: set[int] = set()
        old_entities: set[int] = set()
        old_events: set[int] = set()
        old_profiles: set[str] = set()
        if row is None:
            names = ", ".join(cols)
            marks = ", ".join(f":{k}" for k in cols)
            cur = self.conn.execute(f"INSERT INTO articles (id, {names}) VALUES (:id, {marks})",
                                    {"id": rec.id, **cols})
            art = cur.lastrowid
            status = "conflicting" if "id_conflict" in rec.metadata else "inserted"
        else:
            art = row["rowid"]
            old_quotations, old_entities = self._clear(art)
            old_events = clear_events(self.conn, art)
            old_profiles = P.clear_article_profiles(self.conn, art) if self._profiles else set()
            sets = ", ".join(f"{k} = :{k}" for k in cols)
            self.conn.execute(f"UPDATE articles SET {sets} WHERE rowid = :art", {"art": art, **cols})
            if row["id"] != rec.id:
                self.conn.execute("INSERT OR IGNORE INTO article_ids (id, article) VALUES (?, ?)", (rec.id, art))
            status = "updated"

        regrouped = {part for qid in sorted(old_quotations) for part in self.regroup_quotation(qid)}
        self._link_duplicate(art, sig)
        local = self._resolve_entities(art, rec)
        self._speakers: list[tuple] = []
        new_quotations = self._write_quotes(art, rec, local, site)
        counts.add_article(self.conn, art)
        self.conn.execute("UPDATE articles SET n_quotes = ? WHERE rowid = ?", (len(new_quotations), art))
        for qid in sorted({self.quotation(q) for q in regrouped} | set(new_quotations)):
            self.refresh_quotation(qid)
        new_events = write_events(self.conn, art, rec, {k: self.canon(v.entity) for k, v in local.items()}, site)
        for eid in old_events - new_events:
            refresh_event(self.conn, eid)
        if self._profiles:
            links = {lid: self.canon(link.entity) for lid, link in local.items()}
            new_profiles = P.write_article_profiles(self.conn, art, rec, self._speakers, links)
            for skey in old_profiles | new_profiles:
                P.refresh_profile(self.conn, skey)
        self._drop_orphan_entities(old_entities - {link.entity for link in local.values()})
        return status

    def _clear(self, art: int) -> tuple[set[int], set[int]]:
        """Remove an article's derived rows before it is written again."""
        q = self.conn.execute
        quotations = {r[0] for r in q("SELECT DISTINCT quotation FROM occurrences WHERE article = ?", (art,))}
        entities = {r[0] for r in q("SELECT DISTINCT entity FROM entity_links WHERE article = ?", (art,))}
        q("DELETE FROM occurrence_about WHERE occurrence IN (SELECT id FROM occurrences WHERE article = ?)", (art,))
        q("DELETE FROM occurrences WHERE article = ?", (art,))
        for table in ("entity_links", "entity_aliases", "entity_descriptors", "article_bands"):
            q(f"DELETE FROM {table} WHERE article = ?", (art,))
        q("UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL WHERE rowid = ?", (art,))
        self.dirty_speakers |= counts.drop_article(self.conn, art)
        return quotations, entities

    def _link_duplicate(self, art: int, sig) -> None:
        """Link a syndicated copy to the first stored article it nearly equals."""
        bands = T.lsh_bands(sig)
        self.conn.executemany("INSERT OR IGNORE INTO article_bands (band, article) VALUES (?, ?)",
                              [(b, art) for b in bands])
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            f"SELECT a.rowid, a.duplicate_of, a.minhash FROM articles a JOIN "
            f"(SELECT article, COUNT(*) AS shared FROM article_bands WHERE band IN ({marks}) AND article != ? "
            f"GROUP BY article ORDER BY shared DESC, article LIMIT 20) c ON c.article = a.rowid",
            (*bands, art)).fetchall()
        best, best_sim = None, 0.0
        for r in rows:
            root = r["duplicate_of"] or r["rowid"]
            if root == art or r["minhash"] is None:
                continue
            sim = T.similarity(sig, T.blob_to_sig(r["minhash"]))
            if sim >= self.duplicate_threshold and (sim > best_sim or (sim == best_sim and root < best)):
                best, best_sim = root, sim
        if best is not None:
            self.conn.execute("UPDATE articles SET duplicate_of = ?, duplicate_similarity = ? WHERE rowid = ?",
                              (best, round(best_sim, 3), art))

    # ------------------------------------------------------------ entities
    def _resolve_entities(self, art: int, rec: ArticleRecord) -> dict[str, Link]:
        """Link every in-article entity to a corpus entity; full names first, so
        one-word names can be judged by the company they keep."""
        local: dict[str, Link] = {}
        order = sorted(rec.entities, key=lambda e: K.entity_type(e.type) == "PERSON"
                       and len(K.name_key(e.name).split()) < 2)
        for ent in order:
            etype = K.entity_type(ent.type)
            context = {self.canon(link.entity) for link in local.values()}
            link = self.resolve(ent.name, etype, context=context, descriptors=ent.descriptors)
            if link is None:
                continue
            local[ent.id] = link
            self.conn.execute(
                "INSERT OR REPLACE INTO entity_links (article, local_id, entity, name, mentions, rule, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (art, ent.id, link.entity, ent.name, len(ent.mentions), link.rule, link.reason))
            self._record_names(art, link.entity, etype, ent)
        return local

    def _record_names(self, art: int, entity: int, etype: str, ent: Entity) -> None:
        aliases = {a for a in [ent.name, *ent.aliases] if a and a.strip()}
        self.conn.executemany("INSERT OR IGNORE INTO entity_aliases (entity, article, alias) VALUES (?, ?, ?)",
                              [(entity, art, a.strip()) for a in aliases])
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_descriptors (entity, article, text, kind) VALUES (?, ?, ?, 'descriptor')",
            [(entity, art, d.strip()) for d in ent.descriptors if d and d.strip()])
        for alias in aliases:
            key = K.name_key(alias, etype)
            if not key:
                continue
            kind = "alias" if len(key.split()) > 1 or etype != "PERSON" else "partial"
            self.conn.execute("INSERT OR IGNORE INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, ?)",
                              (key, etype, entity, kind))

    def resolve(self, name: str, etype: str, *, context: set[int] = frozenset(),
                descriptors: list[str] = ()) -> Optional[Link]:
        """The corpus entity for a name of a type, with the rule and a readable reason."""
        key = K.name_key(name, etype)
        if not key:
            return None
        q = self.conn.execute
        one_word_person = etype == "PERSON" and len(key.split()) == 1
        if one_word_person:
            cands = [r[0] for r in q("SELECT DISTINCT k.entity FROM entity_keys k JOIN entities e ON e.id = k.entity "
                                     "WHERE k.key = ? AND k.type = ? AND k.kind = 'partial' AND e.key != ?",
                                     (key, etype, key))]
            if cands:
                link = self._pick(name, etype, cands, context, descriptors)
                if link:
                    return link
        row = q("SELECT id FROM entities WHERE key = ? AND type = ?", (key, etype)).fetchone()
        if row:
            return Link(row[0], "name", f"same canonical name {key!r} and type {etype}")
        if not one_word_person:
            cands = [r[0] for r in q("SELECT DISTINCT entity FROM entity_keys WHERE key = ? AND type = ? "
                                     "AND kind = 'alias'", (key, etype))]
            if len(cands) == 1:
                return Link(cands[0], "alias", f"{name!r} is a recorded alias of {self._name(cands[0])!r} ({etype})")
            if cands:
                link = self._pick(name, etype, cands, context, descriptors)
                if link:
                    return link
        return self._new_entity(name, etype, key, one_word_person)

    def _pick(self, name: str, etype: str, cands: list[int], context: set[int],
              descriptors: list[str]) -> Optional[Link]:
        """Choose among entities a short name may mean, by shared context."""
        scored = sorted(((self._context_score(c, context, descriptors), c) for c in cands),
                        key=lambda sc: (-sc[0][0], sc[1]))
        (best_score, shared), best = scored[0]
        what = f"one-word name {name!r}" if len(K.name_key(name, etype).split()) == 1 else f"alias {name!r}"
        ctx = f"; shares context: {', '.join(shared[:4])}" if shared else ""
        if len(scored) == 1:
            return Link(best, "partial", f"{what} matches only one known {etype}, "
                                         f"{self._name(best)!r}{ctx}")
        if best_score > 0 and best_score > scored[1][0][0]:
            others = ", ".join(repr(self._name(c)) for _, c in scored[1:4])
            return Link(best, "context", f"{what} could be {len(scored)} {etype}s; chose {self._name(best)!r} "
                                         f"over {others}{ctx}")
        self._ambiguous = (name, [self._name(c) for _, c in scored[:4]])
        return None

    def _context_score(self, cand: int, context: set[int], descriptors: list[str]) -> tuple[int, list[str]]:
        shared: list[str] = []
        ctx = sorted(context - {cand})
        if ctx:
            marks = ",".join("?" * len(ctx))
            rows = self.conn.execute(
                f"SELECT DISTINCT e.name FROM entity_links b JOIN entities e ON e.id = b.entity "
                f"WHERE b.entity IN ({marks}) AND b.article IN "
                f"(SELECT article FROM entity_links WHERE entity = ? ORDER BY article DESC LIMIT 200)",
                (*ctx, cand)).fetchall()
            shared += [r[0] for r in rows]
        if descriptors:
            mine = {K.fold(d).strip() for d in descriptors}
            theirs = {K.fold(r[0]).strip() for r in self.conn.execute(
                "SELECT DISTINCT text FROM entity_descriptors WHERE entity = ? LIMIT 200", (cand,))}
            shared += sorted(mine & theirs)
        return len(shared), shared

    def _new_entity(self, name: str, etype: str, key: str, one_word_person: bool) -> Link:
        cur = self.conn.execute("INSERT INTO entities (name, type, key) VALUES (?, ?, ?)", (name.strip(), etype, key))
        eid = cur.lastrowid
        self.conn.execute("INSERT OR IGNORE INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'name')",
                          (key, etype, eid))
        if etype == "PERSON":
            self.conn.executemany(
                "INSERT OR IGNORE INTO entity_keys (key, type, entity, kind) VALUES (?, ?, ?, 'partial')",
                [(p, etype, eid) for p in K.partial_keys(key)])
        absorbed = self._absorb_short_names(eid, name, key) if etype == "PERSON" and not one_word_person else []
        ambiguous, self._ambiguous = self._ambiguous, None
        if absorbed:
            return Link(eid, "new", f"first seen as a full name; took in the earlier one-word "
                                    f"{', '.join(map(repr, absorbed))}, which no other known PERSON can mean")
        if ambiguous and ambiguous[0] == name:
            return Link(eid, "new", f"one-word name {name!r} is ambiguous between "
                                    f"{', '.join(map(repr, ambiguous[1]))} and no context decides; kept apart")
        return Link(eid, "new", f"first seen: no {etype} named {key!r} was known")

    def _absorb_short_names(self, eid: int, name: str, key: str) -> list[str]:
        """A one-word person seen before any full name ("Trump", then "Donald Trump") joins
        the full name when it is the only known person that word can mean."""
        q = self.conn.execute
        absorbed = []
        for part in K.partial_keys(key):
            row = q("SELECT id, name FROM entities WHERE key = ? AND type = 'PERSON'", (part,)).fetchone()
            if row is None:
                continue
            others = q("SELECT COUNT(DISTINCT k.entity) FROM entity_keys k JOIN entities e ON e.id = k.entity "
                       "WHERE k.key = ? AND k.type = 'PERSON' AND k.kind = 'partial' AND e.key != ? "
                       "AND k.entity != ?", (part, part, eid)).fetchone()[0]
            if others:
                continue
            self._merge_into(row["id"], eid, f"one-word name {row['name']!r} (seen before any full name) joined "
                                             f"{name.strip()!r} when it appeared: the only known PERSON it can mean")
            absorbed.append(row["name"])
        return absorbed

    def _merge_into(self, src: int, dst: int, reason: str) -> None:
        """Move everything of entity ``src`` to ``dst`` (which has no quotations yet) and drop ``src``."""
        q = self.conn.execute
        q("UPDATE entity_links SET entity = ?, rule = 'partial', reason = ? WHERE entity = ?", (dst, reason, src))
        for table, cols in (("entity_aliases", "article, alias"), ("entity_descriptors", "article, text, kind")):
            q(f"INSERT OR IGNORE INTO {table} (entity, {cols}) SELECT ?, {cols} FROM {table} WHERE entity = ?",
              (dst, src))
            q(f"DELETE FROM {table} WHERE entity = ?", (src,))
        q("UPDATE OR IGNORE occurrence_about SET entity = ? WHERE entity = ?", (dst, src))
        q("DELETE FROM occurrence_about WHERE entity = ?", (src,))
        # quotations are grouped by speaker key, not by entity: only the link moves
        q("UPDATE quotations SET speaker = ?, speaker_name = ? WHERE speaker = ?", (dst, self._name(dst), src))
        q("INSERT OR IGNORE INTO entity_keys (key, type, entity, kind) "
          "SELECT key, type, ?, 'partial' FROM entity_keys WHERE entity = ?", (dst, src))
        q("DELETE FROM entity_keys WHERE entity = ?", (src,))
        q("DELETE FROM entities WHERE id = ?", (src,))
        if self._profiles:
            P.move_profiles(self.conn, src, dst)
        self._absorbed[src] = dst
        counts.merge_speaker(self.conn, src, dst)
        self.dirty_speakers.add(dst)

    def canon(self, eid: Optional[int]) -> Optional[int]:
        """The entity an id stands for now (after merges within this article)."""
        while eid in self._absorbed:
            eid = self._absorbed[eid]
        return eid

    def _name(self, eid: int) -> str:
        row = self.conn.execute("SELECT name FROM entities WHERE id = ?", (eid,)).fetchone()
        return row[0] if row else str(eid)

    def _drop_orphan_entities(self, candidates: set[int]) -> None:
        for eid in candidates:
            used = self.conn.execute(
                "SELECT EXISTS(SELECT 1 FROM entity_links WHERE entity = ?) "
                "OR EXISTS(SELECT 1 FROM quotations WHERE speaker = ?) "
                "OR EXISTS(SELECT 1 FROM occurrence_about WHERE entity = ?) "
                "OR EXISTS(SELECT 1 FROM events WHERE source_entity = ? OR target_entity = ?)",
                (eid, eid, eid, eid, eid)).fetchone()[0]
            if not used:
                self.conn.execute("DELETE FROM entity_keys WHERE entity = ?", (eid,))
                self.conn.execute("DELETE FROM entity_aliases WHERE entity = ?", (eid,))
                self.conn.execute("DELETE FROM entity_descriptors WHERE entity = ?", (eid,))
                self.conn.execute("DELETE FROM entities WHERE id = ?", (eid,))

    # ------------------------------------------------------------ quotations
    #
    # A quotation is one connected component of ``keys.same_quotation`` among the
    # wordings of one speaker key (``keys.speaker_key``): a new occurrence joins every
    # quotation holding a related wording (merging them when it relates several), and
    # the quotations an article leaves when it is written again are regrouped. So the
    # quotations are those of ``keys.quotation_groups`` over the stored occurrences,
    # whatever the ingest order, and the same as ``distributed.merge_corpus`` computes.

    def _speaker(self, art: int, quote: Quote, local: dict[str, Link]) -> tuple[Optional[int], str]:
        """The corpus entity of a quote's speaker (None when anonymous) and its speaker key."""
        sp = quote.speaker
        if sp is None or not (sp.name or "").strip():
            return None, ""
        skey = K.speaker_key(sp.name, sp.type)
        if sp.entity and sp.entity in local:
            eid = self.canon(local[sp.entity].entity)
        else:
            etype = K.SPEAKER_ENTITY_TYPES.get(sp.type)
            link = self.resolve(sp.name, etype) if etype else None
            if link is None:
                return None, skey
            eid = link.entity
            local_id = f"speaker:{sp.name.strip()}"
            self.conn.execute(
                "INSERT OR IGNORE INTO entity_links (article, local_id, entity, name, mentions, rule, reason) "
                "VALUES (?, ?, ?, ?, 1, ?, ?)", (art, local_id, eid, sp.name.strip(), link.rule, link.reason))
            self.conn.execute("INSERT OR IGNORE INTO entity_aliases (entity, article, alias) VALUES (?, ?, ?)",
                              (eid, art, sp.name.strip()))
            local.setdefault(local_id, link)
        for text, kind in ((sp.descriptor, "descriptor"), (sp.affiliation, "affiliation")):
            if text and text.strip():
                self.conn.execute("INSERT OR IGNORE INTO entity_descriptors (entity, article, text, kind) "
                                  "VALUES (?, ?, ?, ?)", (eid, art, text.strip(), kind))
        return eid, skey

    def _write_quotes(self, art: int, rec: ArticleRecord, local: dict[str, Link], site: Optional[str]) -> list[int]:
        out: list[int] = []
        for idx, quote in enumerate(rec.quotes):
            norm = K.quote_norm(quote.text)
            if not norm:
                continue
            eid, skey = self._speaker(art, quote, local)
            self._speakers.append((quote, eid, skey))
            related = self._related(norm, skey)
            sp = quote.speaker
            if not related:
                qid = self.conn.execute(
                    "INSERT INTO quotations (speaker, speaker_name, speaker_type, speaker_key, text, norm, kind) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (eid, self._name(eid) if eid else (sp.name if sp else None), sp.type if sp else None,
                     skey, quote.text, norm, quote.kind)).lastrowid
                self.conn.execute("INSERT INTO quotation_fts (rowid, text) VALUES (?, ?)", (qid, quote.text))
                match = "first"
            else:
                qid = min(related)
                match = min(related.values(), key=K.MATCH_RANK.__getitem__)
                for other in sorted(related)[1:]:   # this wording joins them: one quotation
                    self._merge_quotations(other, qid)
            self._index_wording(qid, norm, skey)
            cols = ("quotation, article, idx, match, text, kind, start, end, paragraph, speaker_name, "
                    "speaker_descriptor, cue, channel, date, date_source, sdate, published, site")
            values = (qid, art, idx, match, quote.text, quote.kind, quote.start, quote.end, quote.paragraph,
                      sp.name if sp else None, sp.descriptor if sp else None, quote.cue.text if quote.cue else None,
                      quote.channel, quote.date, quote.date_source, statement_date(quote.date, rec.published),
                      rec.published, site)
            if self._confidence:
                cols, values = cols + ", confidence", values + (quote.confidence,)
            cur = self.conn.execute(f"INSERT INTO occurrences ({cols}) VALUES ({', '.join('?' * len(values))})",
                                    values)
            occ = cur.lastrowid
            about = set()
            for ab in quote.about:
                link = local.get(ab.entity)
                if link is not None:
                    about.add(self.canon(link.entity))
                elif ab.name:
                    row = self.conn.execute("SELECT id FROM entities WHERE key = ? ORDER BY id LIMIT 1",
                                            (K.name_key(ab.name),)).fetchone()
                    if row:
                        about.add(row[0])
            self.conn.executemany("INSERT OR IGNORE INTO occurrence_about (occurrence, entity, quotation) "
                                  "VALUES (?, ?, ?)", [(occ, e, qid) for e in about])
            out.append(qid)
        return [self.quotation(q) for q in out]

    def _related(self, norm: str, skey: str) -> dict[int, str]:
        """The quotations of speaker key ``skey`` holding a wording related to ``norm``
        (``keys.same_quotation``), each with its closest match kind."""
        anchors = K.quote_anchors(norm, skey)
        marks = ",".join("?" * len(anchors))
        rows = self.conn.execute(
            f"SELECT DISTINCT o.quotation, o.text FROM occurrences o WHERE o.quotation IN "
            f"(SELECT k.quotation FROM quotation_keys k JOIN quotations q ON q.id = k.quotation "
            f"WHERE k.key IN ({marks}) AND q.speaker_key = ?)", (*anchors, skey)).fetchall()
        found: dict[int, str] = {}
        for qid, text in rows:
            match = K.same_quotation(norm, K.quote_norm(text), skey)
            if match and (qid not in found or K.MATCH_RANK[match] < K.MATCH_RANK[found[qid]]):
                found[qid] = match
        return found

    def _index_wording(self, qid: int, norm: str, skey: str) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO quotation_keys (key, quotation) VALUES (?, ?)",
                              [(k, qid) for k in K.quote_anchors(norm, skey)])

    def _merge_quotations(self, src: int, dst: int) -> None:
        """Quotation ``src`` joins ``dst`` (a new wording relates them); ``src`` is gone."""
        q = self.conn.execute
        q("UPDATE occurrences SET quotation = ? WHERE quotation = ?", (dst, src))
        q("UPDATE occurrence_about SET quotation = ? WHERE quotation = ?", (dst, src))
        q("INSERT OR IGNORE INTO quotation_keys (key, quotation) SELECT key, ? FROM quotation_keys "
          "WHERE quotation = ?", (dst, src))
        q("DELETE FROM quotation_keys WHERE quotation = ?", (src,))
        q("DELETE FROM quotation_fts WHERE rowid = ?", (src,))
        q("DELETE FROM quotations WHERE id = ?", (src,))
        self._merged[src] = dst

    def quotation(self, qid: int) -> int:
        """The quotation an id stands for now (after merges within this write)."""
        while qid in self._merged:
            qid = self._merged[qid]
        return qid

    def regroup_quotation(self, qid: int) -> list[int]:
        """Split a quotation that lost occurrences into the components that remain
        (the one holding its earliest occurrence keeps the id); re-index its wordings.
        Returns the ids of the quotations it now is."""
        q = self.conn.execute
        head = q("SELECT speaker, speaker_name, speaker_type, speaker_key, kind FROM quotations WHERE id = ?",
                 (qid,)).fetchone()
        occs = q("SELECT id, text FROM occurrences WHERE quotation = ? ORDER BY id", (qid,)).fetchall()
        if head is None or not occs:
            return [qid]
        skey = head["speaker_key"]
        norms = _norms({text for _, text in occs})
        groups = K.quotation_groups(norms.values(), skey)
        q("DELETE FROM quotation_keys WHERE quotation = ?", (qid,))
        if len(groups) == 1:
            for norm in groups[0]:
                self._index_wording(qid, norm, skey)
            return [qid]
        group_of = {norm: i for i, group in enumerate(groups) for norm in group}
        keeper = group_of[norms[occs[0]["text"]]]
        ids = []
        for i, group in enumerate(groups):
            if i == keeper:
                gid = qid
            else:
                gid = q("INSERT INTO quotations (speaker, speaker_name, speaker_type, speaker_key, text, norm, kind) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", (head["speaker"], head["speaker_name"], head["speaker_type"],
                                                         skey, group[0], group[0], head["kind"])).lastrowid
                moved = [oid for oid, text in occs if group_of[norms[text]] == i]
                for start in range(0, len(moved), 500):
                    part = moved[start:start + 500]
                    marks = ",".join("?" * len(part))
                    q(f"UPDATE occurrences SET quotation = ? WHERE id IN ({marks})", (gid, *part))
                    q(f"UPDATE occurrence_about SET quotation = ? WHERE occurrence IN ({marks})", (gid, *part))
            for norm in group:
                self._index_wording(gid, norm, skey)
            ids.append(gid)
        return ids

    def variant_words(self, qid: int) -> str:
        """Words of a quotation's other wordings that its text lacks (for the search index)."""
        rep = set(self.conn.execute("SELECT norm FROM quotations WHERE id = ?", (qid,)).fetchone()[0].split())
        texts = {r[0] for r in self.conn.execute("SELECT DISTINCT text FROM occurrences WHERE quotation = ?", (qid,))}
        words: set[str] = set()
        for norm in _norms(texts).values():
            words |= set(norm.split())
        return " ".join(sorted(words - rep))

    def refresh_quotation(self, qid: int) -> None:
        """Recount a quotation's occurrences and choose its text (``keys.wording_rank``:
        the fullest wording, then the first published); delete it when none is left."""
        speaker = self.conn.execute("SELECT speaker FROM quotations WHERE id = ?", (qid,)).fetchone()
        if speaker is not None and speaker[0] is not None:
            self.dirty_speakers.add(speaker[0])   # its speaker_stats are recomputed by flush()
        occs = self.conn.execute(
            "SELECT o.text, o.kind, o.published, a.id, o.idx, COALESCE(a.duplicate_of, a.rowid), o.site, o.sdate "
            "FROM occurrences o JOIN articles a ON a.rowid = o.article WHERE o.quotation = ?", (qid,)).fetchall()
        if not occs:
            self.conn.execute("DELETE FROM quotations WHERE id = ?", (qid,))
            self.conn.execute("DELETE FROM quotation_keys WHERE quotation = ?", (qid,))
            self.conn.execute("DELETE FROM quotation_fts WHERE rowid = ?", (qid,))
            return
        norms = _norms({r[0] for r in occs})
        text, kind, *_ = min(occs, key=lambda r: K.wording_rank(norms[r[0]], r[2], r[3], r[4]))
        norm = norms[text]
        sdates = [r[7] for r in occs if r[7] is not None]
        published = [r[2] for r in occs if r[2] is not None]
        self.conn.execute(
            "UPDATE quotations SET text = ?, norm = ?, kind = ?, n_occurrences = ?, n_articles = ?, n_sources = ?, "
            "first_seen = ?, first_published = ?, last_seen = ? WHERE id = ?",
            (text, norm, kind, len(occs), len({r[5] for r in occs}), len({r[6].translate(_ASCII_LOWER) for r in occs if r[6]}),
             min(sdates, default=None), min(published, default=None), max(sdates, default=None), qid))
        words: set[str] = set()
        for other in norms.values():
            words |= set(other.split())
        variants = " ".join(sorted(words - set(norm.split())))
        fts = self.conn.execute("SELECT * FROM quotation_fts WHERE rowid = ?", (qid,)).fetchone()
        if fts is None or (fts[0], (fts[1] if len(fts) > 1 else None) or "") != (text, variants):
            self.conn.execute("DELETE FROM quotation_fts WHERE rowid = ?", (qid,))
            self.conn.execute("INSERT INTO quotation_fts (rowid, text, variants) VALUES (?, ?, ?)",
                              (qid, text, variants))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")   # SQLite's NOCASE


def _norms(texts) -> dict[str, str]:
    return {t: K.quote_norm(t) for t in texts}


def rebuild_derived(conn: sqlite3.Connection) -> None:
    """Migration 2: refill the search index (with variant words) and recompute every
    MinHash signature and near-duplicate link (version 1 computed weak signatures)."""
    writer = ArticleWriter(conn)
    for (qid, text) in conn.execute("SELECT id, text FROM quotations").fetchall():
        conn.execute("INSERT INTO quotation_fts (rowid, text, variants) VALUES (?, ?, ?)",
                     (qid, text, writer.variant_words(qid)))
    conn.execute("UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL")
    conn.execute("DELETE FROM article_bands")
    for (art,) in conn.execute("SELECT rowid FROM articles ORDER BY rowid").fetchall():
        record = conn.execute("SELECT record FROM articles WHERE rowid = ?", (art,)).fetchone()[0]
        sig = T.minhash(json.loads(record).get("text") or "")
        conn.execute("UPDATE articles SET minhash = ? WHERE rowid = ?", (T.sig_to_blob(sig), art))
        writer._link_duplicate(art, sig)
    for (qid,) in conn.execute("SELECT id FROM quotations").fetchall():
        writer.refresh_quotation(qid)


def regroup_quotations(conn: sqlite3.Connection) -> None:
    """Migration 3: quotations regrouped by the rule of ``newsgraph.keys`` (speaker key
    from the quote's own name and type, then connected components of
    ``keys.same_quotation``) instead of by corpus entity and the first match found.

    Each group keeps the smallest old quotation id among its occurrences that no
    earlier group took, so most quotation URLs stay valid.
    """
    writer = ArticleWriter(conn)
    q = conn.execute
    speakers: dict[tuple[int, int], str] = {}
    for art, record in q("SELECT rowid, record FROM articles").fetchall():
        for idx, quote in enumerate(json.loads(record).get("quotes") or []):
            sp = quote.get("speaker") or {}
            speakers[(art, idx)] = K.speaker_key(sp.get("name"), sp.get("type"))
    old = {r["id"]: r for r in q("SELECT id, speaker, speaker_name, speaker_type, kind FROM quotations")}
    by_key: dict[str, list[tuple[int, int, str]]] = {}
    for oid, qid, art, idx, text in q("SELECT id, quotation, article, idx, text FROM occurrences ORDER BY id"):
        by_key.setdefault(speakers.get((art, idx), ""), []).append((oid, qid, K.quote_norm(text)))
    for table in ("quotations", "quotation_keys", "quotation_fts"):
        q(f"DELETE FROM {table}")
    taken: set[int] = set()
    for skey in sorted(by_key):
        occs = by_key[skey]
        for group in K.quotation_groups({n for _, _, n in occs}, skey):
            members = set(group)
            mine = [(oid, qid) for oid, qid, n in occs if n in members]
            free = sorted({qid for _, qid in mine} - taken)
            head = old.get(free[0] if free else mine[0][1])
            new_id = free[0] if free else None
            new_id = q("INSERT INTO quotations (id, speaker, speaker_name, speaker_type, speaker_key, text, norm, "
                       "kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (new_id, head["speaker"] if head else None, head["speaker_name"] if head else None,
                        head["speaker_type"] if head else None, skey, group[0], group[0],
                        head["kind"] if head else None)).lastrowid
            taken.add(new_id)
            ids = [oid for oid, _ in mine]
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                marks = ",".join("?" * len(part))
                q(f"UPDATE occurrences SET quotation = ? WHERE id IN ({marks})", (new_id, *part))
                q(f"UPDATE occurrence_about SET quotation = ? WHERE occurrence IN ({marks})", (new_id, *part))
            for norm in group:
                writer._index_wording(new_id, norm, skey)
    for qid in sorted(taken):   # once every occurrence has moved
        writer.refresh_quotation(qid)
