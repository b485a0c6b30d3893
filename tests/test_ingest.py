"""Readers: encodings, JSONL, directories, stdin and bad input (no spaCy needed)."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from newsgraph.errors import E
from newsgraph.ingest import RawDocument, read_inputs, read_jsonl, sniff_media_type
from newsgraph.ingest.decode import decode_bytes
from newsgraph.errors import NewsgraphError
from newsgraph.records import ErrorRecord

SENTENCE = "The mayor said the bridge “will reopen” in the spring, café owners said."


@pytest.mark.parametrize("data, expected", [
    (SENTENCE.encode("utf-8"), SENTENCE),
    (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), SENTENCE),
    (SENTENCE.encode("utf-16"), SENTENCE),                 # with BOM
    (SENTENCE.encode("utf-16-le"), SENTENCE),              # without BOM
    (SENTENCE.encode("utf-16-be"), SENTENCE),
    (SENTENCE.encode("cp1252"), SENTENCE),
    ("Ça coûte déjà trop cher, dit le maire de Besançon à la réunion.".encode("latin-1"),
     "Ça coûte déjà trop cher, dit le maire de Besançon à la réunion."),
])
def test_decode_table(data, expected):
    assert decode_bytes(data) == expected


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00" * 50, bytes(range(256)) * 4])
def test_binary_refused(data):
    with pytest.raises(NewsgraphError) as info:
        decode_bytes(data)
    assert info.value.code == E.BINARY


def test_invalid_utf8_bytes_do_not_crash():
    text = decode_bytes(b"Plain text with a stray byte \xff\xfe\x81 in it, and more words here.")
    assert text.startswith("Plain text")


def _items(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return list(read_inputs([str(p)]))


def test_text_file_id_and_type(tmp_path):
    (item,) = _items(tmp_path, "story-01.txt", SENTENCE.encode())
    assert isinstance(item, RawDocument)
    assert (item.id, item.media_type, item.source) == ("story-01", "text", str(tmp_path / "story-01.txt"))


def test_html_by_suffix_and_by_content(tmp_path):
    (a,) = _items(tmp_path, "page.html", b"<html><body><p>Hi</p></body></html>")
    (b,) = _items(tmp_path, "page2.txt", b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert a.media_type == b.media_type == "html"


@pytest.mark.parametrize("data, code", [
    (b"", E.EMPTY.value),
    (b"  \n\t\n ", E.EMPTY.value),
    (b"\x00\x00\x00\x01" * 100, E.BINARY.value),
])
def test_bad_files_become_error_records(tmp_path, data, code):
    (item,) = _items(tmp_path, "bad.txt", data)
    assert isinstance(item, ErrorRecord)
    assert item.error.code == code and item.id == "bad"
    assert item.error.message


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 1000)
    (item,) = list(read_inputs([str(p)], max_bytes=100))
    assert isinstance(item, ErrorRecord) and item.error.code == E.TOO_LARGE.value
    assert "100" in item.error.message


def test_missing_path(tmp_path):
    (item,) = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(item, ErrorRecord) and item.error.code == E.NOT_FOUND.value


def test_directory_recursive_sorted_supported_only(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed story text.")
    (tmp_path / "a.html").write_text("<html><body><p>A</p></body></html>")
    (tmp_path / "notes.json").write_text("{}")           # annotations, not inputs
    (tmp_path / ".hidden.txt").write_text("hidden")
    ids = [i.id for i in read_inputs([str(tmp_path)])]
    assert ids == ["a", "b/z"]   # relative to the folder given: unique per source


JSONL = b"\n".join([
    json.dumps({"id": "w1", "title": "T1", "text": "Body one.", "url": "https://x.test/a", "published": "2020-05-04"}).encode(),
    b"{not json",
    json.dumps({"id": "w3", "html": "<html><body><p>B</p></body></html>"}).encode(),
    b"",
    json.dumps({"id": "w5", "body": "no text field"}).encode(),
    json.dumps(["a", "list"]).encode(),
    json.dumps({"text": "No id here."}).encode(),
])


def test_jsonl_lines():
    items = list(read_jsonl(io.BytesIO(JSONL), source="feed.jsonl"))
    assert [type(i).__name__ for i in items] == [
        "RawDocument", "ErrorRecord", "RawDocument", "ErrorRecord", "ErrorRecord", "RawDocument"]
    w1, bad, w3, w5, lst, noid = items
    assert (w1.id, w1.title, w1.url, w1.published, w1.media_type) == ("w1", "T1", "https://x.test/a", "2020-05-04", "text")
    assert bad.error.code == E.BAD_JSONL.value and bad.id == "feed:2" and "line 2" in bad.error.message
    assert w3.media_type == "html"
    assert w5.error.code == E.NO_TEXT_FIELD.value and w5.id == "w5"
    assert lst.error.code == E.BAD_JSONL.value
    assert noid.id == "feed:7"


def test_jsonl_gz_and_truncated_gz(tmp_path):
    good = tmp_path / "f.jsonl.gz"
    good.write_bytes(gzip.compress(JSONL))
    assert len(list(read_inputs([str(good)]))) == 6
    cut = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(b"\n".join(json.dumps({"id": f"n{i}", "text": f"Story {i} " * (i % 7 + 1)}).encode()
                                      for i in range(3000)))
    cut.write_bytes(whole[: len(whole) // 2])
    items = list(read_inputs([str(cut)]))
    assert items and isinstance(items[-1], ErrorRecord)


def test_stdin_text_and_jsonl():
    (doc,) = list(read_inputs(["-"], stdin=io.BytesIO(SENTENCE.encode())))
    assert doc.id.startswith("stdin-") and doc.content == SENTENCE   # a digest of the text: see test_identity
    items = list(read_inputs(["-"], stdin=io.BytesIO(JSONL)))
    assert len(items) == 6


def test_sniff():
    assert sniff_media_type("  <html><head></head><body></body></html>") == "html"
    assert sniff_media_type("Headline\n\nThe <b> tag is mentioned in text.") == "text"


def test_error_catalogue_complete():
    """Every code has a message, and codes are unique."""
    from newsgraph.errors import MESSAGES

    assert set(MESSAGES) == set(E)
    assert len({e.value for e in E}) == len(E)


# -- hostile input at the reader (issue 8) ----------------------------------------------------------

def test_one_megabyte_line_refused_quickly(tmp_path):
    import time

    t = time.perf_counter()
    (item,) = _items(tmp_path, "one_line.txt", b"The mayor said the bridge would reopen. " * 25_000)
    assert item.error.code == E.LINE_TOO_LONG.value and "line 1" in item.error.message
    assert time.perf_counter() - t < 2


def test_long_line_limit_is_a_parameter(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"short line\n" + b"x" * 500 + b"\n")
    (item,) = list(read_inputs([str(p)], max_line=100))
    assert item.error.code == E.LINE_TOO_LONG.value and "line 2" in item.error.message
    (item,) = list(read_inputs([str(p)], max_line=1000))
    assert isinstance(item, RawDocument)


def test_fifty_megabytes_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50_000_000)  # sparse: nothing is written, nothing must be read
    (item,) = list(read_inputs([str(p)]))
    assert item.error.code == E.TOO_LARGE.value


def test_mixed_encodings_in_one_file():
    data = "Caf\u00e9 owners said \u201cno\u201d.\n".encode("utf-8") + "Na\u00efve \u201cquoted\u201d text.\n".encode("cp1252")
    assert decode_bytes(data) == "Caf\u00e9 owners said \u201cno\u201d.\nNa\u00efve \u201cquoted\u201d text.\n"


def test_html_bomb_tags_defused():
    from newsgraph.ingest import defuse_html

    page = "<html><body><div class='" + "a" * 50_000 + "'><p>Kept text.</p></div>" \
           + "<img " + " ".join(f"a{i}=x" for i in range(10_000)) + "></body></html>"
    html, cut = defuse_html(page)
    assert cut == 2 and "<p>Kept text.</p>" in html and len(html) < 200
    ok = "<p>" + "word " * 10_000 + "</p>"   # long text between tags is content, untouched
    assert defuse_html(ok) == (ok, 0)


def test_html_bomb_in_jsonl_is_defused():
    line = json.dumps({"id": "h", "html": "<html><body><div " + "b=1 " * 10_000 + "><p>Text.</p></div></body></html>"})
    (item,) = list(read_jsonl(io.BytesIO(line.encode()), source="f.jsonl"))
    assert item.metadata == {"defused_tags": 1} and "<p>Text.</p>" in item.content


@pytest.mark.parametrize("line, code", [
    (b"[" * 100_000 + b"]" * 100_000, "E005"),                  # nested past the JSON parser's depth
    (json.dumps({"text": "\u0000" * 100}).encode(), "E002"),    # NUL bytes through JSON escapes
    (json.dumps({"text": "ok " * 50_000}).encode(), "E013"),    # a 150,000-character line of text
    (b'{"text": "unterminated', "E005"),
    (b"\xff\xfe\x00garbage", "E005"),                          # a UTF-16 BOM, then nonsense
    (b"{\x00\x01\x02 binary}", "E002"),
])
def test_malformed_jsonl_lines(line, code):
    (item,) = list(read_jsonl(io.BytesIO(line), source="f.jsonl"))
    assert item.error.code == code, item


@pytest.mark.parametrize("value, expected", [(0, "0"), (12, "12"), ("", "f:1"), ({"a": 1}, "f:1"),
                                             ([1], "f:1"), (True, "f:1"), ("x" * 1000, "x" * 300)])
def test_jsonl_ids_are_short_strings(value, expected):
    (item,) = list(read_jsonl(io.BytesIO(json.dumps({"id": value, "text": "Some text."}).encode()), source="f.jsonl"))
    assert item.id == expected


def test_corrupt_gzip_is_an_error_record(tmp_path):
    data = bytearray(gzip.compress(b'{"id": "a", "text": "Some text here."}\n' * 200))
    data[30:50] = b"\x00" * 20
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(bytes(data))
    items = list(read_inputs([str(p)]))
    assert items and isinstance(items[-1], ErrorRecord) and items[-1].error.code == "E005"
    not_gz = tmp_path / "plain.jsonl.gz"
    not_gz.write_bytes(b'{"id": "a", "text": "x"}\n')
    (item,) = list(read_inputs([str(not_gz)]))
    assert isinstance(item, ErrorRecord)


def test_stdin_jsonl_is_streamed_not_slurped():
    class Stream(io.BytesIO):
        def read(self, n=-1):
            assert n != -1, "stdin read whole"
            return super().read(n)

    lines = b"".join(json.dumps({"id": f"s{i}", "text": "Text %d." % i}).encode() + b"\n" for i in range(500))
    items = list(read_inputs(["-"], stdin=Stream(lines), max_bytes=1000))
    assert [i.id for i in items] == [f"s{i}" for i in range(500)]


def test_unreadable_subdirectory_is_reported(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every directory")
    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "a.txt").write_text("text")
    sub.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        sub.chmod(0o755)
    assert [i.error.code for i in items if isinstance(i, ErrorRecord)] == ["E008"]


def test_defuse_never_swallows_a_real_tag():
    from newsgraph.ingest import defuse_html

    page = "<html><body><script>if (a<b) { x = 1; " + "y = 2; " * 5_000 + "}</script><p>Kept.</p></body></html>"
    assert defuse_html(page) == (page, 0)


def test_every_html_raw_document_is_defused():
    """WARC, Parquet and process_text(html=True) build RawDocuments too: the cut happens there."""
    doc = RawDocument(id="w", source="x.warc.gz", media_type="html",
                      content="<html><body><div " + "c=1 " * 10_000 + "><p>Text.</p></div></body></html>")
    assert doc.metadata == {"defused_tags": 1} and len(doc.content) < 100
    text = RawDocument(id="t", source="t", media_type="text", content="<div " + "c=1 " * 10_000 + ">")
    assert text.metadata == {} and len(text.content) > 40_000
