"""Inputs that used to crash or hang a whole run (issue 13), generated here.

- a lone surrogate escape ("\\ud800") in a JSONL id, url or title (a traceback in
  extract; in ingest a poison pill: the error row itself failed, the batch rolled back);
- a file name that is not valid UTF-8 (the whole run aborted);
- a FIFO, a socket or a device in an input folder (both engines hung for ever);
- ``newsgraph.extract("/path/file.txt")`` read the characters of the string.
No spaCy: the readers and the store run for real, the pipeline is not needed.
"""
from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

import newsgraph
from newsgraph.ingest import RawDocument, as_paths, read_inputs
from newsgraph.ingest.identity import valid_text
from newsgraph.records import ArticleRecord, ErrorInfo, ErrorRecord, Paragraph
from newsgraph.store import ingest_records, open_store, read_record_files, stats

LONE = "\ud800"
BAD_NAME = b"caf\xe9-menu.txt"          # Latin-1 bytes: not UTF-8


def _items(paths, **kw):
    """read_inputs in a thread with a deadline, so a hang fails the test instead of the suite."""
    out: list = []
    t = threading.Thread(target=lambda: out.extend(read_inputs(paths, **kw)), daemon=True)
    t.start()
    t.join(20)
    assert not t.is_alive(), "reading the inputs hung"
    return out


def _encodable(item) -> None:
    json.dumps(item.to_dict() if isinstance(item, ErrorRecord) else vars(item), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("text, fixed, n", [
    ("plain", "plain", 0),
    (f"a{LONE}b", "a\ufffdb", 1),
    (f"{LONE}\udfff", "\ufffd\ufffd", 2),           # a reversed pair is two lone halves
    ("\U0001f600 emoji", "\U0001f600 emoji", 0),  # a real astral character is kept
    ("", "", 0),
])
def test_valid_text_table(text, fixed, n):
    assert valid_text(text) == (fixed, n)


def test_lone_surrogates_in_jsonl_fields_never_leave_the_reader(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [
        '{"id": "a\\ud800", "text": "The mayor spoke on Monday."}',
        '{"id": "b", "url": "https://example.com/\\udfff", "title": "T\\ud800", "text": "The council met."}',
        '{"id": "c", "text": "Pair \\ud83d\\ude00 kept, lone \\ud83d dropped."}',
        '{"id": "d", "text": "The harbour reopened."}',
    ]
    feed.write_text("\n".join(lines) + "\n")
    items = _items([str(feed)])
    assert [i.id for i in items] == ["a\ufffd", "b", "c", "d"]
    for item in items:
        assert isinstance(item, RawDocument)
        _encodable(item)
    assert [i.metadata.get("replaced_surrogates", 0) for i in items] == [1, 2, 1, 0]
    assert items[2].content == "Pair \U0001f600 kept, lone \ufffd dropped."


def test_an_error_row_can_always_be_written(tmp_path):
    """The poison pill: an error record whose id holds a lone surrogate rolled back the batch."""
    store = open_store(tmp_path / "news.db")
    bad = ErrorRecord(id=f"x{LONE}", source=f"feed.jsonl:1{LONE}", error=ErrorInfo("E005", f"bad {LONE}"))
    text = "Harbour\n\nThe harbour reopened."
    good = ArticleRecord(id="good", source="feed.jsonl:2", text=text, paragraphs=[Paragraph(0, len(text))])
    broken = ArticleRecord(id=f"y{LONE}", source="feed.jsonl:3", text=f"Text {LONE}.", paragraphs=[Paragraph(0, 7)])
    for _ in range(2):   # and again: a re-run does not die on the same line
        rep = ingest_records(store, [bad, broken, good])
        assert rep.errors == 2 and rep.stored == 1
    assert stats(store)["articles"] == 1 and stats(store)["ingest_errors"] == 2


def test_record_files_with_lone_surrogates_are_repaired(tmp_path):
    text = "Harbour\n\nThe harbour reopened."
    rec = ArticleRecord(id="r1", source="x.txt", text=text, title="T", paragraphs=[Paragraph(0, len(text))])
    line = rec.to_json().replace('"title": "T"', '"title": "T\\ud800"')
    path = tmp_path / "records.jsonl"
    path.write_text(line + "\n")
    (got,) = read_record_files(str(path))       # one path, not its characters
    assert got.title == "T\ufffd" and got.metadata["replaced_surrogates"] == 1


@pytest.fixture
def bad_name_dir(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        fd = os.open(os.fsencode(folder) + b"/" + BAD_NAME, os.O_WRONLY | os.O_CREAT)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    os.write(fd, b"Headline\n\nThe mayor spoke.\n")
    os.close(fd)
    (folder / "good.txt").write_text("Headline\n\nThe council met.\n")
    return folder


def test_a_file_name_that_is_not_utf8_is_one_error_record(bad_name_dir):
    items = _items([str(bad_name_dir)])
    assert [type(i).__name__ for i in items] == ["ErrorRecord", "RawDocument"]
    err = items[0]
    assert (err.id, err.error.code) == ("caf\\xe9-menu", "E008")
    assert err.source.endswith("caf\\xe9-menu.txt") and "not valid UTF-8" in err.error.message
    for item in items:
        _encodable(item)


def test_dask_shards_with_a_bad_file_name(bad_name_dir):
    from newsgraph.distributed import plan_shards, shard_items

    (shard,) = plan_shards([str(bad_name_dir)])
    items = list(shard_items(shard))
    assert [(type(i).__name__, i.id) for i in items] == [("ErrorRecord", "caf\\xe9-menu"), ("RawDocument", "good")]


@pytest.mark.parametrize("make, what", [
    (lambda p: os.mkfifo(p), "FIFO"),
    (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "socket"),
    (lambda p: os.symlink("/dev/zero", p), "character device"),
])
def test_non_regular_files_are_error_records_not_hangs(tmp_path, make, what):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nThe mayor spoke.\n")
    try:
        make(folder / "b.txt")
    except (OSError, AttributeError):
        pytest.skip(f"cannot make a {what} here")
    (folder / "c.jsonl").write_text('{"id": "c", "text": "The council met."}\n')
    items = _items([str(folder)])
    assert [i.id for i in items] == ["a", "b", "c"]
    assert isinstance(items[1], ErrorRecord) and items[1].error.code == "E008"
    assert what in items[1].error.message and "not a regular file" in items[1].error.message
    direct = _items([str(folder / "b.txt")])          # named on the command line: the same
    assert [(i.id, i.error.code) for i in direct] == [("b", "E008")]


def test_a_fifo_in_a_dask_shard(tmp_path):
    from newsgraph.distributed import plan_shards, shard_items

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    (shard,) = [s for s in plan_shards([str(folder)]) if s.kind == "jsonl"]
    out: list = []
    t = threading.Thread(target=lambda: out.extend(shard_items(shard)), daemon=True)
    t.start()
    t.join(20)
    assert not t.is_alive()
    assert [(i.id, i.error.code) for i in out] == [("pipe", "E008")]


@pytest.mark.parametrize("given, expected", [
    ("/x/a.txt", ["/x/a.txt"]),
    (Path("/x/a.txt"), ["/x/a.txt"]),
    (b"/x/a.txt", ["/x/a.txt"]),
    (["/x/a.txt", Path("b")], ["/x/a.txt", "b"]),
    ((p for p in ["-"]), ["-"]),
    ([], []),
])
def test_one_path_or_several(given, expected):
    assert as_paths(given) == expected


def test_public_extract_takes_one_path(tmp_path):
    missing = tmp_path / "nope.txt"           # an error record needs no model
    for given in (str(missing), missing):
        (rec,) = list(newsgraph.extract(given))
        assert (rec.id, rec.error.code, rec.source) == ("nope", "E008", str(missing))
