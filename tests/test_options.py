"""One Options object: layered (defaults < settings file < caller), immutable, and carried
unchanged into every entry point that extracts, so a time limit holds everywhere."""
from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.options import DEFAULT_TIMEOUT, SETTINGS_ENV, Options

TINY = 1e-6  # seconds: every article overruns it, in signal mode and in check mode alike
ARTICLE = ("Tram Line Opens\n\nThe new tram line opened on Monday, the transport office said.\n\n"
           "\u201cIt will cut the commute by half,\u201d said the office director, Ines Moreau.\n")


# ------------------------------------------------------------------ layering

def test_defaults():
    o = Options()
    assert (o.timeout, o.workers, o.batch) == (DEFAULT_TIMEOUT, 1, 16)


def test_settings_file_then_caller(tmp_path, monkeypatch):
    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    f = tmp_path / "ng.toml"
    f.write_text("timeout = 5\nmax_line = 2000\n")
    o = Options.load(f, max_line=3000, workers=None)     # None: not given, the file's value stays
    assert (o.timeout, o.max_line, o.workers) == (5.0, 3000, 1)
    table = tmp_path / "table.toml"
    table.write_text("[newsgraph]\nworkers = 3\n")
    assert Options.load(table).workers == 3


def test_the_environment_names_a_default_settings_file(tmp_path, monkeypatch):
    f = tmp_path / "ng.toml"
    f.write_text("batch = 4\n")
    monkeypatch.setenv(SETTINGS_ENV, str(f))
    assert Options.load().batch == 4
    assert Options.load(batch=8).batch == 8


def test_options_are_immutable():
    o = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.timeout = 1  # type: ignore[misc]
    assert o.replace(timeout=2).timeout == 2.0 and o.timeout == DEFAULT_TIMEOUT


def test_zero_timeout_means_no_limit():
    assert Options(timeout=0).timeout is None


@pytest.mark.parametrize("content,problem", [
    ("timeout = -1\n", "'timeout' must be seconds >= 0"),
    ("workers = 0\n", "'workers' must be a whole number >= 1"),
    ("max_line = \"long\"\n", "'max_line' must be a whole number"),
    ("speed = 3\n", "unknown option(s) speed"),
    ("timeout = \n", "not valid TOML"),
])
def test_bad_settings_files_say_what_is_wrong(tmp_path, content, problem):
    f = tmp_path / "bad.toml"
    f.write_text(content)
    with pytest.raises(NewsgraphError) as exc:
        Options.load(f)
    assert exc.value.code.value == "E107" and problem in exc.value.message


def test_a_missing_settings_file_is_named(tmp_path):
    with pytest.raises(NewsgraphError, match="cannot be read"):
        Options.load(tmp_path / "absent.toml")


def test_unknown_caller_option():
    with pytest.raises(NewsgraphError, match="unknown option"):
        Options().replace(speed=2)


def test_cli_reports_a_bad_settings_file(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("workers = 0\n")
    res = CliRunner().invoke(main, ["extract", "--settings", str(f), str(tmp_path)])
    assert res.exit_code == 2 and "E107" in res.output


# ------------------------------------------------------------------ every entry point keeps the limit

def _write(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "tram.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "in"


@pytest.mark.slow
def test_local_extract_takes_the_time_limit_from_a_settings_file(tmp_path):
    folder = _write(tmp_path)
    f = tmp_path / "ng.toml"
    f.write_text(f"timeout = {TINY}\n")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "--quiet", "--settings", str(f)])
    assert res.exit_code == 1, res.output      # the input failed (E009): exit status 1
    [rec] = [json.loads(line) for line in out.read_text().splitlines()]
    assert rec["error"]["code"] == "E009"
    # the command line wins over the file: no limit, a record
    res = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "--quiet", "--settings", str(f),
                                    "--timeout", "0"])
    [rec] = [json.loads(line) for line in out.read_text().splitlines()]
    assert "error" not in rec and rec["quotes"]


@pytest.mark.slow
def test_ingest_takes_the_time_limit(tmp_path):
    folder = _write(tmp_path)
    res = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "n.db"), "--timeout", str(TINY),
                                    "--json"])
    assert res.exit_code == 1, res.output      # the input failed (E009): exit status 1
    report = json.loads(res.stdout)
    assert report["errors"] == 1 and report["error_codes"] == {"E009": 1} and report["stored"] == 0


@pytest.mark.slow
def test_http_ingest_extracts_raw_articles_with_the_servers_options(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.store import open_store
    from newsgraph.web import create_app

    open_store(tmp_path / "n.db").close()
    token = "a-token-for-the-options-test"
    line = json.dumps({"id": "tram", "text": ARTICLE, "published": "2024-05-06"})
    for options, expect in ((Options(timeout=TINY), {"errors": 1, "stored": 0}),
                            (Options(), {"errors": 0, "stored": 1})):
        app = create_app(tmp_path / "n.db", ingest_token=token, options=options)
        with TestClient(app) as c:
            r = c.post("/api/ingest", content=line.encode(), headers={"authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.text
        report = r.json()
        assert {k: report[k] for k in expect} == expect
        if expect["errors"]:
            assert report["error_codes"] == {"E009": 1}
