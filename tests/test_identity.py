"""Article identity: ids unique per source, and two inputs are one article only when they are.

Issue 13: ``a/index.html`` and ``b/index.html`` became one article; two texts piped on
stdin shared the id ``stdin``; the text dump of a page "updated" its HTML record.
The pipeline is replaced by a fast fake (the text becomes a record as it is), so
the real readers, ingest log and store run without spaCy.
"""
from __future__ import annotations

import io
import json

import pytest

from newsgraph.ingest import RawDocument, read_inputs
from newsgraph.ingest.identity import Claims
from newsgraph.records import ArticleRecord, ErrorRecord, Paragraph
from newsgraph.corpus import ingest_paths
from newsgraph.store import get_article, ingest_records, open_store, stats
from newsgraph.store.identity import canonical_url, origin


def _record(item: RawDocument) -> ArticleRecord:
    text = item.content.strip()
    return ArticleRecord(id=item.id, source=item.source, text=text, title=text.split("\n")[0],
                         paragraphs=[Paragraph(0, len(text), "body")],
                         metadata={**item.metadata, **({"url": item.url} if item.url else {})})


@pytest.fixture
def fake_pipeline(monkeypatch):
    import newsgraph.corpus as corpus

    def fake(items, options=None):
        for item in items:
            yield item if isinstance(item, ErrorRecord) else _record(item)

    monkeypatch.setattr(corpus, "process_items", fake)


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "news.db")


def _write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ readers: ids unique per source


def test_same_file_name_in_two_folders_is_two_ids(tmp_path):
    _write(tmp_path / "in" / "a" / "index.html", "<html><body><p>The harbour reopened.</p></body></html>")
    _write(tmp_path / "in" / "b" / "index.html", "<html><body><p>The bridge closed.</p></body></html>")
    _write(tmp_path / "in" / "top.txt", "Top story\n\nThe ferry ran late.")
    items = list(read_inputs(str(tmp_path / "in")))
    assert [(i.id, i.metadata["label"]) for i in items] == [
        ("top", "top.txt"), ("a/index", "index.html"), ("b/index", "index.html")]


def test_a_file_given_by_itself_keeps_its_name_as_id(tmp_path):
    _write(tmp_path / "a" / "index.html", "<html><body><p>The harbour reopened.</p></body></html>")
    (item,) = read_inputs([str(tmp_path / "a" / "index.html")])
    assert item.id == "index"


def test_stdin_id_is_a_digest_of_the_text():
    one = next(read_inputs(["-"], stdin=io.BytesIO(b"First text\n\nThe mayor spoke.")))
    two = next(read_inputs(["-"], stdin=io.BytesIO(b"Second text\n\nThe council voted.")))
    again = next(read_inputs(["-"], stdin=io.BytesIO(b"First text\n\nThe mayor spoke.")))
    assert one.id != two.id and one.id == again.id and one.id.startswith("stdin-")


@pytest.mark.parametrize("texts, ids", [
    (["Alpha text.", "Beta text.", "Gamma text."], ["7", "7~2", "7~3"]),
    (["Alpha text.", "Alpha text."], ["7", "7"]),                 # the same article twice: one id
    (["Alpha text.", "Beta text.", "Alpha text."], ["7", "7~2", "7"]),
])
def test_two_inputs_of_a_run_claiming_one_id_are_both_kept(texts, ids):
    feed = "".join(json.dumps({"id": "7", "text": t}) + "\n" for t in texts).encode()
    items = list(read_inputs(["-"], stdin=io.BytesIO(feed)))
    assert [i.id for i in items] == ids
    for item in items:
        if item.id != "7":
            assert item.metadata["id_conflict"] == {"claimed": "7", "held_by": "-:1"}
        else:
            assert "id_conflict" not in item.metadata


def test_a_renamed_id_never_takes_an_id_given_later():
    claims = Claims()
    docs = [RawDocument(id=i, source=f"s{n}", media_type="text", content=c)
            for n, (i, c) in enumerate([("x", "one"), ("x", "two"), ("x~2", "three")])]
    assert [claims.claim(d).id for d in docs] == ["x", "x~2", "x~2~2"]


# ------------------------------------------------------------------ the store: same article or conflict


def test_nested_index_pages_are_two_articles(tmp_path, store, fake_pipeline):
    _write(tmp_path / "in" / "a" / "index.txt", "Harbour\n\nThe harbour reopened on Monday.")
    _write(tmp_path / "in" / "b" / "index.txt", "Bridge\n\nThe bridge closed on Tuesday.")
    rep = ingest_paths(store, [str(tmp_path / "in")])
    assert (rep.inserted, rep.updated, rep.conflicting) == (2, 0, 0)
    assert stats(store)["articles"] == 2


def test_html_then_text_dump_of_a_page_keeps_both(tmp_path, store, fake_pipeline):
    _write(tmp_path / "html" / "story.txt", "Rich version\n\nThe harbour reopened on Monday, officials said.")
    _write(tmp_path / "dump" / "story.txt", "Menu Home News\n\nThe harbour reopened.")
    first = ingest_paths(store, [str(tmp_path / "html")])
    second = ingest_paths(store, [str(tmp_path / "dump")])
    assert (first.inserted, second.inserted, second.updated, second.conflicting) == (1, 0, 0, 1)
    kept = get_article(store, "story")["record"]
    assert kept["title"] == "Rich version"                    # not overwritten by the dump
    copy = get_article(store, "story~2")["record"]
    assert copy["metadata"]["id_conflict"] == {"claimed": "story", "held_by": str(tmp_path / "html" / "story.txt")}
    again = ingest_paths(store, [str(tmp_path / "dump")], resume=False)   # the same input again: no third copy
    assert (again.unchanged, again.conflicting, stats(store)["articles"]) == (1, 0, 2)


def test_an_edited_file_updates_its_article(tmp_path, store, fake_pipeline):
    path = tmp_path / "in" / "story.txt"
    _write(path, "Draft\n\nThe harbour may reopen.")
    ingest_paths(store, [str(tmp_path / "in")])
    _write(path, "Final\n\nThe harbour reopened on Monday.")
    rep = ingest_paths(store, [str(tmp_path / "in")])
    assert (rep.updated, rep.conflicting, stats(store)["articles"]) == (1, 0, 1)
    assert get_article(store, "story")["record"]["title"] == "Final"


def test_a_feed_updating_an_article_under_its_own_id(tmp_path, store, fake_pipeline):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "n1", "text": "Early\n\nA storm is coming."}) + "\n")
    ingest_paths(store, [str(feed)])
    feed.write_text(json.dumps({"id": "n0", "text": "Other\n\nThe port closed."}) + "\n"
                    + json.dumps({"id": "n1", "text": "Later\n\nThe storm arrived."}) + "\n")   # moved to line 2
    rep = ingest_paths(store, [str(feed)])
    assert (rep.inserted, rep.updated, rep.conflicting) == (1, 1, 0)
    assert get_article(store, "n1")["record"]["title"] == "Later"


def test_same_canonical_url_is_one_article(store):
    a = _record(RawDocument(id="feed-1", source="feed.jsonl:1", media_type="text", content="Harbour\n\nShort.",
                            url="https://www.example.com/news/harbour-reopens?utm_source=rss#top"))
    b = _record(RawDocument(id="page-9", source="pages/9.html", media_type="text",
                            content="Harbour reopens\n\nThe longer text of the same story.",
                            url="http://example.com/news/harbour-reopens/"))
    ingest_records(store, [a])
    rep = ingest_records(store, [b])
    assert (rep.updated, rep.inserted, stats(store)["articles"]) == (1, 0, 1)
    assert get_article(store, "page-9")["store"]["other_ids"] == ["page-9"]


def test_a_site_home_page_url_never_merges_articles(store):
    recs = [_record(RawDocument(id=f"p{i}", source=f"p{i}.html", media_type="text", content=f"Story {i}\n\nText {i}.",
                                url="https://example.com/")) for i in range(3)]
    rep = ingest_records(store, recs)
    assert rep.inserted == 3


@pytest.mark.parametrize("url, canon", [
    ("https://www.Example.com/a/b/?utm_medium=x&id=3#frag", "example.com/a/b?id=3"),
    ("http://example.com/a/b", "example.com/a/b"),
    ("https://example.com:8443/a", "example.com:8443/a"),
    ("https://example.com/a?b=2&a=1", "example.com/a?a=1&b=2"),
    ("https://example.com/", None),
    ("https://example.com/?utm_source=feed", None),
    ("ftp://example.com/a", None),
    ("not a url", None),
    ("", None),
    (None, None),
    ("http://[::1/a", None),
])
def test_canonical_url_table(url, canon):
    assert canonical_url(url) == canon


@pytest.mark.parametrize("source, expected", [
    ("in/feed.jsonl:12", "in/feed.jsonl"), ("crawl.warc.gz@4096", "crawl.warc.gz"), ("feed.jsonl:end", "feed.jsonl"),
    ("in/a/index.html", "in/a/index.html"), ("-", "-"),
])
def test_origin_table(source, expected):
    assert origin(source) == expected
