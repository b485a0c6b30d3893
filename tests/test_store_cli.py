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
    from newsgraph.store.db import SCHEMA_VERSION

    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    res = run("speakers", "--db", db)
    assert res.exit_code == 1 and "E101" in res.output and "upgrade newsgraph" in res.output


def test_bad_record_lines_are_counted_not_fatal(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = article("g1", [(KIM, Q)])
    path.write_text("not json\n[1, 2]\n" + '{"id": "x"}\n' + good.to_json() + "\n")
    res = run("ingest", "--records", str(path), "--db", str(tmp_path / "n.db"), "--json")
    assert res.exit_code == 1, res.output          # the rest is stored, the exit status says some failed
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
    assert res.exit_code == 1 and json.loads(res.stdout)["error_codes"] == {"E008": 1}   # failed input: exit 1


# ------------------------------------------------------------------ issue 13: exit codes, dates, --db


@pytest.mark.parametrize("value, problem", [
    ("yesterday", "is not a date"), ("2019-13-01", "not a calendar date"), ("2019-02-30", "not a calendar date"),
    ("19-01-01", "is not a date"), ("2019-1-1", "is not a date"),
])
def test_quotes_refuses_what_is_not_a_date(db, value, problem):
    for option in ("--since", "--until"):
        res = run("quotes", "--db", db, option, value)
        assert res.exit_code == 2, res.output
        assert "E201" in res.output and problem in res.output and "YYYY-MM-DD" in res.output


@pytest.mark.parametrize("value, n", [("2018", 3), ("2019-03", 2), ("2019-03-04", 1), ("2020-02-29", 0)])
def test_quotes_takes_the_date_forms(db, value, n):
    res = run("quotes", "--db", db, "--since", value, "--json", "--date-field", "published")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["total"] == n


def test_ingest_of_a_missing_input_exits_1_and_says_why(tmp_path):
    db = str(tmp_path / "n.db")
    res = run("ingest", "--records", str(tmp_path / "nope.jsonl"), "--db", db)
    assert res.exit_code == 1
    assert "1 input failed" in res.stderr and "nope.jsonl: E008" in res.stderr and "1 errors" in res.stderr


def test_ingest_lists_the_first_failures_then_a_count(tmp_path):
    lines = [json.dumps({"id": f"bad{i}", "source": f"x{i}.txt", "error": {"code": "E001", "message": "empty"}})
             for i in range(8)]
    path = tmp_path / "errors.jsonl"
    path.write_text("\n".join(lines) + "\n")
    res = run("ingest", "--records", str(path), "--db", str(tmp_path / "n.db"))
    assert res.exit_code == 1
    shown = [line for line in res.stderr.splitlines() if ": E001 empty" in line]
    assert shown == [f"  x{i}.txt: E001 empty" for i in range(5)]
    assert "... and 3 more" in res.stderr


def test_a_clean_ingest_exits_0(db, tmp_path):
    res = run("ingest", "--records", str(tmp_path / "records.jsonl"), "--db", db)
    assert res.exit_code == 0 and "failed" not in res.stderr


def test_db_in_a_missing_folder_says_the_folder_is_missing(tmp_path):
    res = run("ingest", "--records", str(tmp_path / "x.jsonl"), "--db", str(tmp_path / "no" / "such" / "x.db"))
    assert res.exit_code == 1
    assert "E008" in res.stderr and "folder" in res.stderr and "missing" in res.stderr
    assert "not a newsgraph database" not in res.stderr


def test_serve_db_defaults_like_the_other_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("serve", "--port", "0")              # no --db: news.db here, which does not exist
    assert res.exit_code == 1 and "news.db does not exist" in res.output
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    res = run("serve", "--port", "0")
    assert res.exit_code == 1 and "env.db does not exist" in res.output


def test_ingest_summary_counts_conflicting(tmp_path):
    first = article("dup", [(KIM, Q)], site="kcna.kp", body=["One text of the story, told first."])
    other = article("dup", [(KIM, Q)], site="other.example", body=["Another text that claims the same id."])
    for n, rec in enumerate((first, other)):
        (tmp_path / f"r{n}.jsonl").write_text(rec.to_json() + "\n")
    db = str(tmp_path / "c.db")
    assert run("ingest", "--records", str(tmp_path / "r0.jsonl"), "--db", db).exit_code == 0
    res = run("ingest", "--records", str(tmp_path / "r1.jsonl"), "--db", db)
    assert res.exit_code == 0 and "(0 new, 0 updated, 0 unchanged, 1 conflicting" in res.stderr
    both = json.loads(run("article", "dup~2", "--db", db, "--json").stdout)["record"]
    assert both["metadata"]["id_conflict"] == {"claimed": "dup", "held_by": "kcna.kp/dup.txt"}
