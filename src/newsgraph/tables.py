"""ArticleRecords as flat Parquet tables, one file per shard and table.

Layout of an output folder::

    out/articles/<shard>.parquet    one row per ArticleRecord
    out/quotes/<shard>.parquet      one row per Quote (speaker, cue flattened)
    out/entities/<shard>.parquet    one row per Entity (mentions as a list of structs)
    out/timexes/<shard>.parquet     one row per Timex
    out/events/<shard>.parquet      one row per Event (actors, trigger and place flattened)
    out/errors/<shard>.parquet      one row per ErrorRecord

Every file carries a ``shard`` column and the same schema (declared below), so
``pandas.read_parquet("out/quotes")`` or DuckDB's ``read_parquet('out/quotes/*.parquet')``
read a whole table at once. Files are written under a hidden temporary name and
renamed into place, so a reader never sees half a file and a re-run of a shard
replaces its files whole. ``read_records`` rebuilds the ArticleRecords losslessly.
"""
from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

import pyarrow as pa
import pyarrow.parquet as pq

from .records import (About, ArticleRecord, Cue, Entity, ErrorInfo, ErrorRecord, Event, EventActor, Mention,
                      Paragraph, Profile, Quote, Speaker, Timex)

Result = Union[ArticleRecord, ErrorRecord]

_S, _I, _B = pa.string(), pa.int64(), pa.bool_()
_MENTION = pa.struct([("text", _S), ("start", _I), ("end", _I)])

_ACTOR_FIELDS = ("text", "start", "end", "entity", "name", "country", "sector")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("shard", _S), ("id", _S), ("source", _S), ("title", _S), ("published", _S),
        ("published_source", _S), ("url", _S), ("language", _S), ("schema_version", _S),
        ("text", _S), ("n_quotes", _I), ("n_entities", _I), ("n_timexes", _I), ("n_events", _I),
        ("paragraphs", _S),   # JSON [[start, end, role], ...]
        ("captions", pa.list_(_S)),
        ("metadata", _S),     # JSON object
    ]),
    "quotes": pa.schema([
        ("shard", _S), ("article_id", _S), ("published", _S), ("quote_index", _I),
        ("text", _S), ("kind", _S), ("start", _I), ("end", _I), ("paragraph", _I),
        ("speaker_name", _S), ("speaker_type", _S), ("speaker_entity", _S),
        ("speaker_descriptor", _S), ("speaker_affiliation", _S),
        ("speaker_mention_text", _S), ("speaker_mention_start", _I), ("speaker_mention_end", _I),
        ("cue_text", _S), ("cue_start", _I), ("cue_end", _I), ("channel", _S),
        ("about_entities", pa.list_(_S)), ("about_names", pa.list_(_S)),
        ("date", _S), ("date_source", _S), ("confidence", pa.float64()),
        ("speaker_profile", _S),   # JSON Profile of a speaker that is no entity (anonymous, a group)
    ]),
    "entities": pa.schema([
        ("shard", _S), ("article_id", _S), ("entity_index", _I), ("entity_id", _S),
        ("name", _S), ("type", _S), ("n_mentions", _I), ("mentions", pa.list_(_MENTION)),
        ("aliases", pa.list_(_S)), ("descriptors", pa.list_(_S)),
        ("gender", _S), ("role", _S),   # a speaker's profile values, for queries
        ("profile", _S),                # JSON Profile with its evidence
    ]),
    "timexes": pa.schema([
        ("shard", _S), ("article_id", _S), ("timex_index", _I), ("text", _S), ("start", _I),
        ("end", _I), ("type", _S), ("value", _S), ("mod", _S), ("anchor", _S), ("anaphoric", _B),
        ("range_end", _S), ("freq", _S), ("quant", _S),
    ]),
    "events": pa.schema([
        ("shard", _S), ("article_id", _S), ("published", _S), ("event_index", _I), ("type", _S), ("mode", _S),
        ("context", pa.list_(_S)), ("trigger_text", _S), ("trigger_start", _I), ("trigger_end", _I),
        ("start", _I), ("end", _I),
        *[(f"{role}_{f}", _I if f in ("start", "end") else _S) for role in ("source", "target")
          for f in _ACTOR_FIELDS],
        ("date", _S), *[(f"location_{f}", _I if f in ("start", "end") else _S) for f in _ACTOR_FIELDS],
        ("negated", _B), ("hypothetical", _B), ("quote_index", _I),
    ]),
    "errors": pa.schema([
        ("shard", _S), ("id", _S), ("source", _S), ("code", _S), ("message", _S),
    ]),
}
TABLES = tuple(SCHEMAS)


# ------------------------------------------------------------ records -> rows

def article_row(rec: ArticleRecord, shard: str) -> dict:
    return {
        "shard": shard, "id": rec.id, "source": rec.source, "title": rec.title,
        "published": rec.published, "published_source": rec.published_source,
        "url": (rec.metadata or {}).get("url"), "language": rec.language,
        "schema_version": rec.schema_version, "text": rec.text,
        "n_quotes": len(rec.quotes), "n_entities": len(rec.entities), "n_timexes": len(rec.timexes),
        "n_events": len(rec.events),
        "paragraphs": json.dumps([[p.start, p.end, p.role] for p in rec.paragraphs]),
        "captions": list(rec.captions),
        "metadata": json.dumps(rec.metadata or {}, ensure_ascii=False, default=str),
    }


def quote_rows(rec: ArticleRecord, shard: str) -> Iterator[dict]:
    for i, q in enumerate(rec.quotes):
        sp, cue = q.speaker, q.cue
        mention = sp.mention if sp else None
        yield {
            "shard": shard, "article_id": rec.id, "published": rec.published, "quote_index": i,
            "text": q.text, "kind": q.kind, "start": q.start, "end": q.end, "paragraph": q.paragraph,
            "speaker_name": sp.name if sp else None, "speaker_type": sp.type if sp else None,
            "speaker_entity": sp.entity if sp else None,
            "speaker_descriptor": sp.descriptor if sp else None,
            "speaker_affiliation": sp.affiliation if sp else None,
            "speaker_mention_text": mention.text if mention else None,
            "speaker_mention_start": mention.start if mention else None,
            "speaker_mention_end": mention.end if mention else None,
            "cue_text": cue.text if cue else None, "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None, "channel": q.channel,
            "about_entities": [a.entity for a in q.about], "about_names": [a.name for a in q.about],
            "date": q.date, "date_source": q.date_source, "confidence": q.confidence,
            "speaker_profile": _profile_json(sp.profile if sp else None),
        }


def entity_rows(rec: ArticleRecord, shard: str) -> Iterator[dict]:
    for i, e in enumerate(rec.entities):
        yield {
            "shard": shard, "article_id": rec.id, "entity_index": i, "entity_id": e.id,
            "name": e.name, "type": e.type, "n_mentions": len(e.mentions),
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions],
            "aliases": list(e.aliases), "descriptors": list(e.descriptors),
            "gender": e.profile.gender.value if e.profile else None,
            "role": e.profile.role.value if e.profile else None,
            "profile": _profile_json(e.profile),
        }


def _profile_json(profile: Optional[Profile]) -> Optional[str]:
    return json.dumps(_plain(profile), ensure_ascii=False) if profile is not None else None


def _profile(value: Optional[str]) -> Optional[Profile]:
    from .records import from_dict

    return from_dict(Profile, json.loads(value)) if value else None


def timex_rows(rec: ArticleRecord, shard: str) -> Iterator[dict]:
    for i, t in enumerate(rec.timexes):
        yield {"shard": shard, "article_id": rec.id, "timex_index": i, "text": t.text,
               "start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod,
               "anchor": t.anchor, "anaphoric": t.anaphoric, "range_end": t.range_end, "freq": t.freq,
               "quant": t.quant}


def _plain(obj):
    from .records import to_dict

    return to_dict(obj)


def _actor_cols(role: str, actor: Optional[EventActor]) -> dict:
    return {f"{role}_{f}": getattr(actor, f) if actor else None for f in _ACTOR_FIELDS}


def event_rows(rec: ArticleRecord, shard: str) -> Iterator[dict]:
    for i, e in enumerate(rec.events):
        yield {"shard": shard, "article_id": rec.id, "published": rec.published, "event_index": i,
               "type": e.type, "mode": e.mode, "context": list(e.context), "trigger_text": e.trigger.text,
               "trigger_start": e.trigger.start, "trigger_end": e.trigger.end, "start": e.start, "end": e.end,
               **_actor_cols("source", e.source), **_actor_cols("target", e.target), "date": e.date,
               **_actor_cols("location", e.location), "negated": e.negated, "hypothetical": e.hypothetical,
               "quote_index": e.quote}


def error_row(err: ErrorRecord, shard: str) -> dict:
    return {"shard": shard, "id": err.id, "source": err.source,
            "code": err.error.code, "message": err.error.message}


def rows_of(results: Iterable[Result], shard: str) -> dict[str, list[dict]]:
    """The rows each table gets from some results."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for rec in results:
        if isinstance(rec, ErrorRecord):
            rows["errors"].append(error_row(rec, shard))
            continue
        rows["articles"].append(article_row(rec, shard))
        rows["quotes"].extend(quote_rows(rec, shard))
        rows["entities"].extend(entity_rows(rec, shard))
        rows["timexes"].extend(timex_rows(rec, shard))
        rows["events"].extend(event_rows(rec, shard))
    return rows


# ------------------------------------------------------------ writing

def table_path(out_dir: Union[str, Path], table: str, shard: str) -> Path:
    return Path(out_dir) / table / f"{shard}.parquet"


class ShardWriter:
    """Streams one shard's results into its Parquet files (one per table), then renames them in place.

    Rows are flushed as a row group every ``flush_every`` results, so a large
    shard never sits whole in memory. Until ``commit`` nothing is visible: the
    files are hidden temporaries (readers skip names starting with '.').
    """

    def __init__(self, out_dir: Union[str, Path], shard: str, *, flush_every: int = 256):
        self.out_dir, self.shard, self.flush_every = Path(out_dir), shard, flush_every
        self._tag = uuid.uuid4().hex[:8]
        self._rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._pending = 0
        self.counts = {t: 0 for t in TABLES}

    def _tmp(self, table: str) -> Path:
        final = table_path(self.out_dir, table, self.shard)
        return final.with_name(f".{final.name}.{self._tag}.tmp")

    def add(self, results: Iterable[Result]) -> None:
        for table, rows in rows_of(results, self.shard).items():
            self._rows[table].extend(rows)
            self.counts[table] += len(rows)
            if table in ("articles", "errors"):
                self._pending += len(rows)
        if self._pending >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        for table in TABLES:
            rows = self._rows[table]
            if not rows and table in self._writers:
                continue
            writer = self._writers.get(table)
            if writer is None:
                tmp = self._tmp(table)
                tmp.parent.mkdir(parents=True, exist_ok=True)
                writer = self._writers[table] = pq.ParquetWriter(tmp, SCHEMAS[table], compression="zstd")
            writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
            self._rows[table] = []
        self._pending = 0

    def commit(self) -> dict[str, int]:
        """Close every file and move it into place (each rename is atomic)."""
        self.flush()
        for table in TABLES:
            self._writers.pop(table).close()
            os.replace(self._tmp(table), table_path(self.out_dir, table, self.shard))
        return dict(self.counts)

    def abort(self) -> None:
        for table, writer in list(self._writers.items()):
            try:
                writer.close()
            except Exception:  # pragma: no cover - best effort
                pass
            self._tmp(table).unlink(missing_ok=True)
        self._writers.clear()


def write_shard(out_dir: Union[str, Path], shard: str, results: Iterable[Result]) -> dict[str, int]:
    """All results of one shard at once; returns the row count of each table."""
    writer = ShardWriter(out_dir, shard)
    try:
        writer.add(results)
        return writer.commit()
    except BaseException:
        writer.abort()
        raise


def remove_shard(out_dir: Union[str, Path], shard: str) -> None:
    for table in TABLES:
        table_path(out_dir, table, shard).unlink(missing_ok=True)


def shard_complete(out_dir: Union[str, Path], shard: str) -> bool:
    return all(table_path(out_dir, t, shard).is_file() for t in TABLES)


# ------------------------------------------------------------ reading

def read_table(out_dir: Union[str, Path], table: str, *, columns: Optional[list[str]] = None) -> pa.Table:
    """One table over every shard (an empty table with the schema when there is none)."""
    files = sorted(p for p in (Path(out_dir) / table).glob("*.parquet") if not p.name.startswith("."))
    if not files:
        schema = SCHEMAS.get(table)
        if schema is None:
            raise FileNotFoundError(f"no {table} table under {out_dir}")
        return schema.empty_table() if columns is None else schema.empty_table().select(columns)
    return pa.concat_tables([pq.read_table(f, columns=columns) for f in files])


def _group(table: pa.Table, key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in table.to_pylist():
        out.setdefault(row[key], []).append(row)
    return out


def read_records(out_dir: Union[str, Path]) -> Iterator[Result]:
    """Every ArticleRecord and ErrorRecord of an output folder, rebuilt from the tables.

    Articles come shard by shard in file order, then the error records.
    """
    out_dir = Path(out_dir)
    shards = sorted(p.stem for p in (out_dir / "articles").glob("*.parquet") if not p.name.startswith("."))
    for shard in shards:
        parts = ("quotes", "entities", "timexes", "events")
        tables = {t: pq.read_table(table_path(out_dir, t, shard)) for t in ("articles", *parts)}
        grouped = {t: _group(tables[t], "article_id") for t in parts}
        for row in tables["articles"].to_pylist():
            yield _article(row, *(grouped[t].get(row["id"], []) for t in parts))
    for row in read_table(out_dir, "errors").to_pylist():
        yield ErrorRecord(id=row["id"], source=row["source"], error=ErrorInfo(code=row["code"], message=row["message"]))


def _article(row: dict, quotes: list[dict], entities: list[dict], timexes: list[dict],
             events: list[dict]) -> ArticleRecord:
    return ArticleRecord(
        id=row["id"], source=row["source"], text=row["text"], title=row["title"],
        published=row["published"], published_source=row["published_source"],
        paragraphs=[Paragraph(start=s, end=e, role=r) for s, e, r in json.loads(row["paragraphs"])],
        captions=list(row["captions"] or []), metadata=json.loads(row["metadata"] or "{}"),
        quotes=[_quote(q) for q in sorted(quotes, key=lambda q: q["quote_index"])],
        entities=[_entity(e) for e in sorted(entities, key=lambda e: e["entity_index"])],
        timexes=[Timex(text=t["text"], start=t["start"], end=t["end"], type=t["type"], value=t["value"], mod=t["mod"],
                       anchor=t.get("anchor"), anaphoric=bool(t.get("anaphoric")), range_end=t.get("range_end"),
                       freq=t.get("freq"), quant=t.get("quant"))
                 for t in sorted(timexes, key=lambda t: t["timex_index"])],
        events=[_event(e) for e in sorted(events, key=lambda e: e["event_index"])],
        language=row["language"], schema_version=row["schema_version"],
    )


def _actor(row: dict, role: str) -> Optional[EventActor]:
    if row[f"{role}_text"] is None:
        return None
    return EventActor(**{f: row[f"{role}_{f}"] for f in _ACTOR_FIELDS})


def _event(e: dict) -> Event:
    return Event(type=e["type"], trigger=Mention(e["trigger_text"], e["trigger_start"], e["trigger_end"]),
                 start=e["start"], end=e["end"], source=_actor(e, "source"), target=_actor(e, "target"),
                 mode=e["mode"], context=list(e["context"] or []), date=e["date"],
                 location=_actor(e, "location"), negated=e["negated"], hypothetical=e["hypothetical"],
                 quote=e["quote_index"])


def _quote(q: dict) -> Quote:
    speaker = None
    if q["speaker_name"] is not None:
        mention = None
        if q["speaker_mention_text"] is not None:
            mention = Mention(text=q["speaker_mention_text"], start=q["speaker_mention_start"],
                              end=q["speaker_mention_end"])
        speaker = Speaker(name=q["speaker_name"], type=q["speaker_type"], entity=q["speaker_entity"],
                          mention=mention, descriptor=q["speaker_descriptor"], affiliation=q["speaker_affiliation"],
                          profile=_profile(q.get("speaker_profile")))
    cue = Cue(text=q["cue_text"], start=q["cue_start"], end=q["cue_end"]) if q["cue_text"] is not None else None
    return Quote(text=q["text"], kind=q["kind"], start=q["start"], end=q["end"], paragraph=q["paragraph"],
                 speaker=speaker, cue=cue, channel=q["channel"],
                 about=[About(entity=e, name=n) for e, n in zip(q["about_entities"] or [], q["about_names"] or [])],
                 date=q["date"], date_source=q["date_source"], confidence=q.get("confidence"))


def _entity(e: dict) -> Entity:
    return Entity(id=e["entity_id"], name=e["name"], type=e["type"],
                  mentions=[Mention(text=m["text"], start=m["start"], end=m["end"]) for m in e["mentions"] or []],
                  aliases=list(e["aliases"] or []), descriptors=list(e["descriptors"] or []),
                  profile=_profile(e.get("profile")))
