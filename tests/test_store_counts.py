"""The counts kept at ingest for serving (``store/counts.py``) always equal the aggregates
they replace: after new articles, rewrites, syndicated copies, a one-word name absorbed
by a full name, speaker types, errors, and a migration from schema 2."""
from __future__ import annotations

import sqlite3

import pytest

from newsgraph.records import ErrorInfo, ErrorRecord
from newsgraph.store import ingest_records, open_store, stats, top_speakers
from newsgraph.store.db import MIGRATIONS, migrate
from newsgraph.store.read import _top_speakers_aggregated
from newsgraph.store.synthetic import article, corpus

BODY = ["Officials met in the capital on Monday to discuss the harbour and the budget for next year."]


def aggregated_stats(path) -> dict:
    conn = sqlite3.connect(path)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    out = {"articles": one("SELECT COUNT(*) FROM articles"),
           "near_duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
           "entities": one("SELECT COUNT(*) FROM entities"),
           "speakers": one("SELECT COUNT(DISTINCT speaker) FROM quotations WHERE speaker IS NOT NULL"),
           "quotations": one("SELECT COUNT(*) FROM quotations"), "occurrences": one("SELECT COUNT(*) FROM occurrences"),
           "ingest_errors": one("SELECT COUNT(*) FROM ingest_log WHERE article IS NULL")}
    conn.close()
    return out


def assert_counts_true(store) -> None:
    got = stats(store)
    assert {k: got[k] for k in aggregated_stats(store.path)} == aggregated_stats(store.path)
    for stype in (None, "person", "organisation"):
        kept = top_speakers(store, speaker_type=stype, limit=1000)
        truth = _top_speakers_aggregated(store, speaker_type=stype, limit=1000, offset=0)
        key = lambda s: (s["id"], s["n_quotations"], s["n_occurrences"], s["first_seen"], s["last_seen"])  # noqa: E731
        assert kept["total"] == truth["total"]
        assert sorted(map(key, kept["items"])) == sorted(map(key, truth["items"]))
        if stype is None:   # all types: the article counts agree too (a copy counted with its original)
            assert {s["id"]: s["n_articles"] for s in kept["items"]} == {
                s["id"]: s["n_articles"] for s in truth["items"]}


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "news.db")


def test_counts_follow_every_kind_of_write(store):
    assert_counts_true(store)                                               # empty
    ingest_records(store, corpus(120, seed=5), batch_size=17)
    assert_counts_true(store)
    ingest_records(store, corpus(40, seed=5), batch_size=7)               # the same again: unchanged
    assert_counts_true(store)
    ingest_records(store, [
        article("x1", [("Trump", "The wall will be built, and it will be beautiful.")], body=BODY, site="a.example"),
        article("x2", [("Donald Trump", "We will make a deal, a very good deal.")], body=BODY[::-1] + ["More."],
                site="b.example"),                                       # absorbs the one-word "Trump"
        article("x3", [("Acme Corp", "organisation", "Profits will rise next year, the board expects.")],
                body=BODY, site="c.example"),
        ErrorRecord(id="bad", source="bad.txt", error=ErrorInfo("E001", "empty")),
    ], batch_size=2)
    assert_counts_true(store)
    ingest_records(store, [article("x1", [("Jane Roe", "The harbour will reopen in May, I promise.")], body=BODY,
                                   site="a.example")])                  # rewritten: Trump's quote leaves
    assert_counts_true(store)
    copy = article("x4", [("Donald Trump", "We will make a deal, a very good deal.")], body=BODY[::-1] + ["More."],
                   site="d.example")                                     # a syndicated copy of x2
    ingest_records(store, [copy])
    assert_counts_true(store)
    assert stats(store)["near_duplicates"] >= 1


def test_a_schema_2_file_gets_its_counts(tmp_path):
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    assert migrate(conn, str(path), {k: v for k, v in MIGRATIONS.items() if k <= 2}) == 2
    # what a schema-2 newsgraph wrote (the writer leaves the tables of schema 3 alone when they are missing)
    from newsgraph.store.writer import ArticleWriter

    conn.execute("BEGIN")
    writer = ArticleWriter(conn)
    for rec in corpus(30, seed=2):
        writer.write(rec)
    writer.flush()
    conn.execute("COMMIT")
    conn.close()
    store = open_store(path)
    assert store.schema_version == max(MIGRATIONS) >= 3
    assert stats(store)["articles"] == 30
    assert_counts_true(store)
