"""WARC reading: HTML responses only, every skip counted, a truncated file ends in an error record."""
from __future__ import annotations

import io
from collections import Counter

import pytest

pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from newsgraph.ingest import RawDocument  # noqa: E402
from newsgraph.ingest.warc import read_warc  # noqa: E402
from newsgraph.records import ErrorRecord  # noqa: E402

PAGE = """<html><head><title>Port strike ends {i}</title></head><body><article>
<h1>Port strike ends {i}</h1>
<p>\u201cWe reached a fair agreement,\u201d union leader Maria Chen said on Monday, after talks that
lasted more than twelve hours at the port authority in the capital.</p>
<p>The port authority said ships would be unloaded again from Tuesday morning, and that the backlog
of containers should be cleared within two weeks if the weather holds.</p>
</article></body></html>"""


def _response(writer, url, body: bytes, *, ctype="text/html; charset=utf-8", status="200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def build_warc(path, *, gz=True, pages=3):
    """warcinfo, then per page: a request, an HTML response and an image; plus a 404 and a cp1252 page."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "newsgraph-test"}))
        for i in range(pages):
            url = f"https://news.example.com/2024/03/{i + 1:02d}/port-strike"
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            w.write_record(_response(w, url, PAGE.format(i=i).encode("utf-8")))
            w.write_record(_response(w, f"https://news.example.com/img{i}.png", b"\x89PNG\r\n" * 20,
                                     ctype="image/png"))
        w.write_record(_response(w, "https://news.example.com/gone", b"<html>not here</html>",
                                 status="404 Not Found"))
        w.write_record(_response(w, "https://news.example.com/2024/03/09/latin1",
                                 PAGE.format(i=9).encode("cp1252"), ctype="text/html; charset=windows-1252"))
    return path


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_raw_documents(tmp_path, gz):
    path = build_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz=gz)
    skipped = Counter()
    items = list(read_warc(path, skipped=skipped))
    assert all(isinstance(i, RawDocument) for i in items), items
    assert [i.url for i in items] == [f"https://news.example.com/2024/03/{n:02d}/port-strike" for n in (1, 2, 3)] + [
        "https://news.example.com/2024/03/09/latin1"]
    assert {i.media_type for i in items} == {"html"}
    assert len({i.id for i in items}) == 4 and all("@" in i.source for i in items)
    assert "\u201cWe reached a fair agreement,\u201d" in items[0].content
    assert "\u201cWe reached a fair agreement,\u201d" in items[-1].content  # declared charset honoured
    assert items[0].metadata["crawled"] and items[0].published is None  # crawl date is not publication date
    assert skipped == Counter({"not_html": 3, "status_404": 1})


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_keeps_what_was_read_and_ends_in_one_error(tmp_path, gz):
    whole = build_warc(tmp_path / "whole.warc", gz=gz).read_bytes()
    n_whole = len(list(read_warc(tmp_path / "whole.warc")))
    seen = set()
    for cut in range(200, len(whole) - 60, 97):  # inside headers, payloads and gzip members alike
        path = tmp_path / "cut.warc.gz"
        path.write_bytes(whole[:cut])
        items = list(read_warc(path))
        errors = [i for i in items if isinstance(i, ErrorRecord)]
        docs = [i for i in items if isinstance(i, RawDocument)]
        seen.add(len(docs))
        assert len(docs) < n_whole
        if errors:  # a cut right after a record's end (or in gzip's trailer) loses nothing
            assert len(errors) == 1 and items[-1] is errors[0]
            assert errors[0].error.code == "E004" and "WARC unreadable" in errors[0].error.message
    assert len(seen) >= 3


def test_truncated_mid_record_is_an_error(tmp_path):
    whole = build_warc(tmp_path / "whole.warc.gz").read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(read_warc(path))
    assert isinstance(items[-1], ErrorRecord) and isinstance(items[0], RawDocument)


def test_missing_and_empty_files(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert list(read_warc(tmp_path / "empty.warc.gz")) == []
    [err] = list(read_warc(tmp_path / "nope.warc.gz"))
    assert err.error.code == "E008" and err.id == "nope"
    (tmp_path / "junk.warc").write_bytes(b"this is not a WARC file at all\r\n" * 10)
    [err] = list(read_warc(tmp_path / "junk.warc"))
    assert isinstance(err, ErrorRecord)


@pytest.mark.slow
def test_truncated_warc_in_a_shard_batch_goes_on(tmp_path):
    """Through the Dask task in-process: the pages before the cut are articles, the cut one error row."""
    from newsgraph.distributed import plan_shards, process_shard
    from newsgraph.tables import read_table

    whole = build_warc(tmp_path / "whole.warc.gz", pages=4).read_bytes()
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.warc.gz").write_bytes(whole)
    (inputs / "cut.warc.gz").write_bytes(whole[: int(len(whole) * 0.6)])
    out = tmp_path / "out"
    shards = plan_shards([str(inputs)])
    assert [s.kind for s in shards] == ["warc", "warc"]
    results = {s.paths[0].rsplit("/", 1)[1]: process_shard(s, str(out)) for s in shards}
    assert results["good.warc.gz"]["articles"] + results["good.warc.gz"]["errors"] == 5
    assert results["good.warc.gz"]["skipped"] == {"not_html": 4, "status_404": 1}
    cut = results["cut.warc.gz"]
    assert cut["articles"] >= 1 and cut["errors"] >= 1
    errors = read_table(out, "errors").to_pylist()
    assert any("WARC unreadable" in e["message"] for e in errors)
    articles = read_table(out, "articles").to_pylist()
    assert {a["url"] for a in articles} >= {"https://news.example.com/2024/03/01/port-strike"}
