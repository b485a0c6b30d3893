"""The CLI in-process (click's CliRunner): outputs, error records, summary counts."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

pytestmark = pytest.mark.slow

ARTICLE = """Harbour Council Delays Vote on Ferry Fares

The harbour council postponed a vote on ferry fares on Tuesday after residents of the outer islands
filled the public gallery for the third time this month.

\u201cWe have heard the islanders, and we will come back with a fairer plan,\u201d said Council Chair Rosa Lindqvist.

Lindqvist said the council would publish new figures before the end of the year.
"""


def _lines(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def test_extract_mixed_batch(tmp_path):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "title": "Ferry fares", "text": ARTICLE.split("\n\n", 1)[1],
                    "published": "2024-03-05"}) + "\n{broken\n")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(out), "--quiet"])
    assert res.exit_code == 1, res.output     # every input processed; some failed
    recs = _lines(out.read_text())
    by_id = {r["id"]: r for r in recs}
    assert len(recs) == 5  # inputs in = records out + error records
    assert by_id["empty"]["error"]["code"] == "E001"
    assert by_id["blob"]["error"]["code"] == "E002"
    assert by_id["feed:2"]["error"]["code"] == "E005"
    ferry = by_id["ferry"]
    assert ferry["title"] == "Harbour Council Delays Vote on Ferry Fares"
    assert ferry["schema_version"] and ferry["source"].endswith("ferry.txt")
    assert [p["role"] for p in ferry["paragraphs"]] == ["title", "body", "body", "body"]
    for p in ferry["paragraphs"]:
        assert ferry["text"][p["start"]:p["end"]].strip() == ferry["text"][p["start"]:p["end"]]
    f1 = by_id["f1"]
    assert (f1["title"], f1["published"], f1["published_source"]) == ("Ferry fares", "2024-03-05", "supplied")


def test_errors_file_and_summary(tmp_path):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   ")
    out, errs = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "ferry.txt"), str(tmp_path / "empty.txt"),
                                    str(tmp_path / "missing.txt"), "-o", str(out), "--errors", str(errs)])
    assert res.exit_code == 1, res.output
    assert [r["id"] for r in _lines(out.read_text())] == ["ferry"]
    assert [r["error"]["code"] for r in _lines(errs.read_text())] == ["E001", "E008"]
    assert "3 inputs, 1 processed, 2 errors" in res.stderr
    assert "2 inputs failed:" in res.stderr
    assert f"  {tmp_path / 'empty.txt'}: E001 the input is empty" in res.stderr
    assert f"  {tmp_path / 'missing.txt'}: E008 the path does not exist" in res.stderr


def test_stdin(tmp_path):
    res = CliRunner().invoke(main, ["extract", "-", "--quiet"], input=ARTICLE.encode())
    assert res.exit_code == 0, res.output
    (rec,) = _lines(res.stdout)
    assert rec["id"].startswith("stdin-") and rec["title"].startswith("Harbour Council")


def test_workers_same_records(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"a{i}.txt").write_text(ARTICLE.replace("third", ["first", "second", "third", "fourth", "fifth"][i]))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = CliRunner().invoke(main, ["extract", str(src), "-o", str(one), "-q"])
    r2 = CliRunner().invoke(main, ["extract", str(src), "-o", str(two), "-q", "--workers", "2"])
    assert r1.exit_code == r2.exit_code == 0
    assert one.read_text() == two.read_text()


def test_help_lists_commands():
    res = CliRunner().invoke(main, ["--help"])
    assert res.exit_code == 0
    assert "extract" in res.output and "eval" in res.output


def test_max_line_option(tmp_path):
    long = tmp_path / "oneline.txt"
    long.write_text("Headline\n\n" + "word " * 400 + "\n")
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(main, ["extract", str(long), "-o", str(out), "-q", "--max-line", "1000"])
    assert res.exit_code == 1, res.output
    (rec,) = _lines(out.read_text())
    assert rec["error"]["code"] == "E013"


def test_extract_exits_0_when_every_input_is_processed(tmp_path):
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "ferry.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0 and "failed" not in res.stderr


def test_extract_of_a_missing_path_exits_1():
    res = CliRunner().invoke(main, ["extract", "/nope/missing.txt", "-o", "-"])
    assert res.exit_code == 1
    assert "/nope/missing.txt: E008" in res.stderr


def test_extract_lists_the_first_few_failures_then_a_count(tmp_path):
    for i in range(7):
        (tmp_path / f"e{i}.txt").write_text(" ")
    res = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path.parent / "o.jsonl"), "-q"])
    assert res.exit_code == 1
    assert [line for line in res.stderr.splitlines() if ": E001 " in line] == [
        f"  {tmp_path / f'e{i}.txt'}: E001 the input is empty or holds only white space; nothing to extract"
        for i in range(5)]
    assert "7 inputs failed" in res.stderr and "... and 2 more" in res.stderr


def test_extract_a_feed_with_lone_surrogates_loses_nothing(tmp_path):
    feed = tmp_path / "feed.jsonl"
    body = ARTICLE.split("\n\n", 1)[1]
    feed.write_text(json.dumps({"id": "s", "title": "T", "text": body}).replace('"s"', '"s\\ud800"')
                    .replace('"T"', '"Ferry \\udfff fares"') + "\n" + json.dumps({"id": "after", "text": body}) + "\n")
    out = tmp_path / "o.jsonl"
    res = CliRunner().invoke(main, ["extract", str(feed), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    recs = _lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in recs] == ["s\ufffd", "after"]
    assert recs[0]["title"] == "Ferry \ufffd fares" and recs[0]["metadata"]["replaced_surrogates"] == 2
