"""Store commands, in-process with click's CliRunner (no subprocess, no spaCy)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store.synthetic import article

KIM = "Kim Jong Un"
Q = "We will never give up our nuclear weapons, whatever the sanctions say."


@pytest.fixture
def db(tmp_path):
    records = [
        article("a1", [{"speaker": KIM, "text": Q, "descriptor": "North Korean leader"}], published="2019-03-01",
                site="kcna.kp", body=["Pyongyang held a parade on Saturday with new missiles on display."]),
        article("a2", [(KIM, Q)], published="2019-03-02", site="reuters.com",
                body=["Diplomats in Seoul said the remarks were aimed at Washington ahead of talks."]),
        article("a3", [(KIM, Q)], published="2019-03-03", site="bbc.co.uk",
                body=["Markets in Tokyo barely moved after the speech, traders said on Monday."]),
        article("a4", [{"speaker": "Donald Trump", "text": "He wants a deal and the sanctions stay until then.",
                        "about": [KIM]}], published="2018-12-01", site="cnn.com",
                body=["The president spoke at the White House after lunch on Friday."]),
        article("a5", [("Dong-Yub Kim", "The talks are not over yet, not by a long way.")], published="2019-05-01",
                site="koreaherald.com", body=["The former official spoke at a seminar in Seoul on Tuesday."]),
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in records))
    db = str(tmp_path / "news.db")
    res = CliRunner().invoke(main, ["ingest", "--records", str(path), "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["inserted"] == 5
    return db


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_ingest_twice_changes_nothing(db, tmp_path):
    res = run("ingest", "--records", str(tmp_path / "records.jsonl"), "--db", db, "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["unchanged"] == 5


def test_quotes_by_speaker_search_and_since(db):
    res = run("quotes", "--db", db, "--speaker", KIM, "--search", "sanctions", "--since", "2019-01-01", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"] == 1 and data["items"][0]["n_occurrences"] == 3
    table = run("quotes", "--db", db, "--speaker", KIM, "--search", "sanctions")
    assert "nuclear weapons" in table.output and "1 quotations" in table.output


def test_quotes_about(db):
    data = json.loads(run("quotes", "--db", db, "--speaker", "Donald Trump", "--about", KIM, "--json").stdout)
    assert [q["speaker"]["name"] for q in data["items"]] == ["Donald Trump"]


def test_quotation_with_occurrences(db):
    res = run("quotes", "--db", db, "--id", "1")
    assert res.exit_code == 0 and "3 occurrences in 3 articles" in res.output
    assert "reuters.com" in res.output


@pytest.mark.parametrize("text", ['"unbalanced', "NEAR(", "'; DROP TABLE quotations; --", "(((", "*"])
def test_hostile_search_text(db, text):
    assert run("quotes", "--db", db, "--search", text).exit_code == 0
    res = run("quotes", "--db", db, "--search", text, "--fts", "--json")
    if res.exit_code:
        assert res.exit_code == 1
        assert json.loads(res.stdout)["error"]["code"] == "E102"
    assert json.loads(run("speakers", "--db", db, "--json").stdout)["total"] == 3


def test_speakers(db):
    data = json.loads(run("speakers", "--db", db, "--json").stdout)
    assert data["items"][0]["name"] == KIM and data["items"][0]["n_occurrences"] == 3
    assert KIM in run("speakers", "--db", db).output


def test_entity_explains_merges(db):
    res = run("entity", "Kim", "--db", db)
    assert res.exit_code == 0
    assert "Kim Jong Un (PERSON" in res.output and "Dong-Yub Kim (PERSON" in res.output
    assert "same canonical name 'kim jong un'" in res.output and "North Korean leader" in res.output
    missing = run("entity", "Nobody Atall", "--db", db)
    assert missing.exit_code == 1 and "E104" in missing.output


def test_article(db):
    res = run("article", "a2", "--db", db)
    assert res.exit_code == 0 and KIM in res.output
    data = json.loads(run("article", "a2", "--db", db, "--json").stdout)
    assert data["record"]["id"] == "a2" and data["store"]["quotes"][0]["quotation_id"] == 1
    assert run("article", "zzz", "--db", db).exit_code == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(db, tmp_path, fmt):
    out = tmp_path / f"q.{fmt}"
    res = run("export", "--db", db, "--format", fmt, "--table", "occurrences", "-o", str(out))
    assert res.exit_code == 0, res.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 5 and {r["article_id"] for r in rows} == {"a1", "a2", "a3", "a4", "a5"}


def test_missing_database_says_how_to_create_it(tmp_path):
    res = run("quotes", "--db", str(tmp_path / "none.db"))
    assert res.exit_code == 1 and "newsgraph ingest" in res.output


def test_newer_database_is_refused(db):
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    res = run("speakers", "--db", db)
    assert res.exit_code == 1 and "E101" in res.output and "upgrade newsgraph" in res.output


def test_bad_record_lines_are_counted_not_fatal(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = article("g1", [(KIM, Q)])
    path.write_text("not json\n[1, 2]\n" + '{"id": "x"}\n' + good.to_json() + "\n")
    res = run("ingest", "--records", str(path), "--db", str(tmp_path / "n.db"), "--json")
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["inserted"] == 1 and rep["errors"] == 3 and rep["error_codes"] == {"E005": 3}


def test_a_record_the_writer_cannot_store_is_counted(tmp_path):
    from newsgraph.store import ingest_records, open_store, stats

    bad = article("b1", [(KIM, Q)])
    bad.quotes[0].about = [None]          # not an About: the writer fails on this article only
    store = open_store(tmp_path / "n.db")
    rep = ingest_records(store, [article("g1", [(KIM, Q)]), bad, article("g2", [(KIM, "Other words here today.")])])
    assert rep.inserted == 2 and rep.errors == 1 and rep.error_codes == {"E109": 1}
    assert stats(store)["articles"] == 2 and stats(store)["occurrences"] == 2


def test_missing_records_file_is_an_error_record(tmp_path):
    res = run("ingest", "--records", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "n.db"), "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["error_codes"] == {"E008": 1}
