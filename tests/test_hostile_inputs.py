"""A bad-input corpus, generated here (never stored), through the real pipeline.

Every input ends as a record or as an error record with a catalogued code, no
worker dies, and the run's summary adds up: inputs = records + error records.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import E

pytestmark = pytest.mark.slow

CODES = {e.value for e in E}
STORY = ("The mayor of Springfield said on Monday that the bridge would reopen in May.\n\n"
         "\"We are doing everything we can,\" she told reporters at City Hall on Tuesday.\n\n"
         "Council members said the repairs had cost more than expected.\n")
P = ("<p>The mayor of Springfield said on Monday that the bridge would reopen in May, "
     "officials told reporters at City Hall.</p>")


def html_page(body: str, attrs: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>Bridge</title></head><body><div {attrs}>{body}</div></body></html>"


def build(root: Path) -> dict[str, object]:
    """Write the corpus; return, per file, the expected outcome: an error code,
    'ok' (a record), 'any' (a record or any catalogued error), or for JSONL the
    expected list of (id, outcome)."""
    expect: dict[str, object] = {}

    def put(name: str, data, outcome):
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = outcome

    put("empty.txt", b"", "E001")
    put("blank.txt", " \n\t \r\n\u00a0  \n\n", "E001")
    put("binary.txt", random.Random(8).randbytes(8192), "E002")
    put("nul.txt", b"The mayor\x00 said\x00 " * 200, "E002")
    with open(root / "huge.txt", "wb") as fh:  # 50 MB, sparse: refused by size before reading
        fh.truncate(50_000_000)
    expect["huge.txt"] = "E003"
    put("one_line.txt", "The mayor said the bridge would reopen. " * 25_000, "E013")   # 1 MB, no break
    put("quote_marks.txt", '"' * 10_000, "any")
    put("quote_marks_in_story.txt", STORY + "\n\n" + "\u201c" * 5_000 + "\n\n" + '"' * 5_000 + "\n", "any")
    put("unbalanced.txt", STORY + "\n\nHe said \"we will win. She replied \u201cnever, and \u2018left.\n\n"
        "\u201d\u201d They said \u00bb so \u00ab it \"\" was.\n", "any")
    put("nested.txt", STORY + "\n\n\"She told me \u2018he said \u201cno, \u2018never\u2019, never\u201d to "
        "them\u2019 yesterday,\" the aide said. " * 20, "any")
    put("mixed_encoding.txt", STORY.encode("utf-8") + "Caf\u00e9 \u201cna\u00efve\u201d owners "
        "said they were \u2018worried\u2019.\n".encode("cp1252") + "R\u00e9sum\u00e9 \u2014 ok.\n".encode("utf-8"), "ok")
    put("rtl_zero_width.txt", "Bridge\u200b to reopen\n\n" + (
        "The minister\u200d said \u202e\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\u202c "
        "\u201cwe\u200b will\u2060 win\u201d\ufeff on Monday, officials\u200f said.\n\n") * 10, "any")
    put("bomb_deep.html", "<html><body>" + "<div>" * 100_000 + P + "</div>" * 100_000 + "</body></html>", "any")
    put("bomb_unclosed.html", "<html><body>" + "<div><span><b>" * 30_000 + P, "any")
    put("bomb_attribute.html", html_page(P * 4, "class='" + "a" * 2_000_000 + "'"), "ok")
    put("bomb_attributes.html", html_page(P * 4, " ".join(f"a{i}='x'" for i in range(100_000))), "ok")

    good = json.dumps({"id": "good", "text": STORY})
    lines = [  # (line, expected id, expected outcome); two blank lines follow the ninth
        ("not \xff\xfe json at all", "bad:1", "E005"),   # invalid UTF-8 too
        ("[1, 2, 3]", "bad:2", "E005"),
        ('"a string"', "bad:3", "E005"),
        ('{"id": "no-text"}', "no-text", "E007"),
        ('{"id": "num-text", "text": 5}', "num-text", "E007"),
        ('{"id": "empty-text", "text": "  "}', "empty-text", "E001"),
        (json.dumps({"id": "nul-text", "text": "\u0000" * 500}), "nul-text", "E002"),
        ("[" * 100_000 + "]" * 100_000, "bad:8", "E005"),
        ('{"id": {"a": 1}, "text": "x"}', "bad:9", "any"),
        (good, "good", "ok"),
        ('{"text": "unterminated', "bad:13", "E005"),
    ]
    texts = [line for line, _, _ in lines]
    data = ("\n".join(texts[:9]) + "\n\n\n" + "\n".join(texts[9:])).encode("utf-8", "surrogateescape")
    (root / "bad.jsonl").write_bytes(data.replace("\xff\xfe".encode(), b"\xff\xfe"))
    expect["bad.jsonl"] = [(i, o) for _, i, o in lines]

    full = gzip.compress(((good.replace('"good"', '"g1"') + "\n" + good.replace('"good"', '"g2"') + "\n") * 3).encode())
    (root / "truncated.jsonl.gz").write_bytes(full[: len(full) * 2 // 3])
    expect["truncated.jsonl.gz"] = "gz"
    (root / "not_gzip.jsonl.gz").write_bytes(b'{"id": "x", "text": "plain"}\n')
    expect["not_gzip.jsonl.gz"] = "gz"
    corrupt = bytearray(gzip.compress((good + "\n").encode() * 50))
    corrupt[40:60] = b"\x00" * 20
    (root / "corrupt.jsonl.gz").write_bytes(bytes(corrupt))
    expect["corrupt.jsonl.gz"] = "gz"

    # issue 13: names, identities and text that used to crash, hang or overwrite
    for sub, place in (("a", "Springfield"), ("b", "Shelbyville")):     # one name, two folders: two articles
        (root / sub).mkdir()
        put(f"{sub}/index.txt", STORY.replace("Springfield", place), "ok")
    os.mkfifo(root / "pipe.txt")                                          # hung both engines for ever
    expect["pipe.txt"] = "E008"
    try:                                                                  # aborted the whole run
        fd = os.open(os.fsencode(root) + b"/caf\xe9.txt", os.O_WRONLY | os.O_CREAT)
        os.write(fd, STORY.encode())
        os.close(fd)
        expect["caf\\xe9.txt"] = "E008"
    except OSError:   # a file system that refuses such names
        pass
    surrogates = [json.dumps({"id": "LONE", "title": "Bridge LONE", "url": "https://example.com/LONE",
                              "text": STORY}).replace("LONE", "\\ud800"),
                  json.dumps({"id": "after-lone", "text": STORY})]
    (root / "surrogates.jsonl").write_text("\n".join(surrogates) + "\n")
    expect["surrogates.jsonl"] = [("\ufffd", "ok"), ("after-lone", "ok")]
    rng = random.Random(13)                                   # short unpunctuated tokens (was quadratic)
    put("unpunctuated.txt", "Headline\n\n" + " ".join(rng.choice(["ab", "cd", "ef", "Kim", "said"])
                                                      for _ in range(8_000)), "any")
    prose = "The council said on Tuesday that the harbour would reopen in May, officials told reporters. "
    put("clean_1_5_mb.txt", "Harbour\n\n" + "\n\n".join(prose * 4 + f"Part {i}." for i in range(4_000)),
        "E014")                                               # was E010, an internal error
    put("german.txt", "Neue Br\u00fccke im Mai\n\n" + "Der B\u00fcrgermeister sagte am Montag, die neue "
        "Br\u00fccke werde im Mai wieder ge\u00f6ffnet, und die Anwohner hoffen auf weniger Staus. " * 6, "ok")
    put("chinese.txt", "新桥五月开通\n\n市长周一表示，这座新桥将于五月正式开通。他对记者说，工程比计划提前完成。"
        "居民们希望交通拥堵能够缓解。\n\n市政府官员解释说，这座桥的建设花了三年时间。新桥连接河两岸的两个区。"
        "市长还说，明年将再建一座桥。\n", "ok")                 # was dropped: "no words"
    return expect


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    expect = build(root)
    out = root.parent / "out.jsonl"
    t = time.monotonic()
    result = CliRunner().invoke(main, ["extract", str(root), str(root / "missing.txt"), "-o", str(out),
                                       "--workers", "2", "--timeout", "20"])
    took = time.monotonic() - t
    assert result.exit_code == 1, result.output + repr(result.exception)   # all processed, some failed
    rows = [json.loads(line) for line in out.read_text().splitlines()]   # input order
    records = [r for r in rows if "error" not in r]
    errors = [r for r in rows if "error" in r]
    return root, expect, rows, records, errors, result, took


def by_file(root: Path, rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for r in rows:
        path = Path(r["source"].split(":")[0])
        name = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        grouped.setdefault(name, []).append(r)
    return grouped


def test_summary_adds_up(corpus_run):
    _, _, _, records, errors, result, took = corpus_run
    summary = [line for line in result.stderr.splitlines() if "inputs," in line][-1]
    n_in, n_ok, n_err = (int(w) for w in summary.replace(",", "").split() if w.isdigit())
    assert (n_ok, n_err) == (len(records), len(errors))
    assert n_in == n_ok + n_err
    assert took < 60, f"the hostile corpus took {took:.0f} s"


def test_every_error_has_a_catalogued_code(corpus_run):
    *_, errors, _, _ = corpus_run
    for e in errors:
        assert e["error"]["code"] in CODES, e
        assert e["error"]["message"]
        assert e["error"]["code"] not in (E.INTERNAL.value, E.WORKER_DIED.value), e  # no crash, no dead worker


def test_every_input_accounted_for(corpus_run):
    root, expect, rows, _, errors, _, _ = corpus_run
    got = by_file(root, rows)
    assert sorted(e["id"] for e in errors if e["error"]["code"] == "E008") == sorted(
        ["missing", "pipe"] + (["caf\\xe9"] if "caf\\xe9.txt" in expect else []))
    for name, outcome in expect.items():
        rows = got.get(name, [])
        if isinstance(outcome, list):   # JSONL: one result per non-blank line, in order
            assert [(r["id"], r.get("error", {}).get("code", "ok")) for r in rows] == [
                (i, (o if o not in ("any",) else rows[k].get("error", {}).get("code", "ok")))
                for k, (i, o) in enumerate(outcome)], name
        elif outcome == "gz":           # what was read stands; the damage is one error record
            assert rows, name
            assert [r["error"]["code"] for r in rows if "error" in r][-1:] in (["E005"], ["E004"]), (name, rows)
        else:
            assert len(rows) == 1, (name, rows)
            code = rows[0].get("error", {}).get("code", "ok")
            assert code == outcome or outcome == "any", (name, code, rows[0].get("error"))


def test_records_are_sound(corpus_run):
    _, _, _, records, _, _, _ = corpus_run
    for r in records:
        text = r["text"]
        for p in r["paragraphs"]:
            assert 0 <= p["start"] <= p["end"] <= len(text)
        for q in r["quotes"]:
            assert 0 <= q["start"] <= q["end"] <= len(text)
        for t in r["timexes"]:
            assert 0 <= t["start"] <= t["end"] <= len(text)


def test_defused_html_says_so(corpus_run):
    root, _, _, records, _, _, _ = corpus_run
    got = by_file(root, records)
    for name in ("bomb_attribute.html", "bomb_attributes.html"):
        (rec,) = got[name]
        assert rec["metadata"].get("defused_tags") == 1
        assert "bridge would reopen" in rec["text"]


def test_failed_inputs_are_listed_on_stderr(corpus_run):
    *_, errors, result, _ = corpus_run
    assert f"{len(errors)} inputs failed:" in result.stderr
    listed = [line for line in result.stderr.splitlines() if line.startswith("  ") and ": E0" in line]
    assert len(listed) == 5 and f"... and {len(errors) - 5} more" in result.stderr


def test_same_name_in_two_folders_is_two_articles(corpus_run):
    _, _, _, records, _, _, _ = corpus_run
    ids = {r["id"]: r for r in records}
    assert "Springfield" in ids["a/index"]["text"] and "Shelbyville" in ids["b/index"]["text"]
    assert ids["a/index"]["metadata"]["label"] == ids["b/index"]["metadata"]["label"] == "index.txt"


def test_other_languages_skip_the_english_stages(corpus_run):
    root, _, _, records, _, _, _ = corpus_run
    got = by_file(root, records)
    for name, code in (("german.txt", "de"), ("chinese.txt", "zh")):
        (rec,) = got[name]
        assert rec["language"] == code and rec["quotes"] == [] and rec["entities"] == []
        assert rec["metadata"]["skipped_stages"]["stages"] == ["parse", "entities", "quotes", "time"]
