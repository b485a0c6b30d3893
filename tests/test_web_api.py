"""The HTTP API and pages in-process (TestClient): every route, its filters, pagination,
and one JSON error shape for every error (400 for bad parameters, never 500)."""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import warnings  # noqa: E402

with warnings.catch_warnings():   # starlette asks for httpx2; httpx still works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.web import create_app  # noqa: E402
from test_web_fixtures import articles, build_store  # noqa: E402

HTML = {"accept": "text/html,application/xhtml+xml"}
TOKEN = "s3cret-token-for-tests-only"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "news.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def ids(client):
    """Corpus ids by name (the store assigns them)."""
    speakers = {s["name"]: s["id"] for s in client.get("/api/speakers").json()["items"]}
    quotes = {q["text"]: q["id"] for q in client.get("/api/quotations?limit=100").json()["items"]}
    return {"speakers": speakers, "quotes": quotes}


def assert_error(resp, status: int, code: str | None = None, params: list | None = None) -> dict:
    """The one error shape, exactly."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"code", "status", "message", "params"}
    assert err["status"] == status
    assert re.fullmatch(r"E\d{3}", err["code"])
    assert isinstance(err["message"], str) and err["message"]
    assert isinstance(err["params"], list)
    if code:
        assert err["code"] == code
    if params is not None:
        assert err["params"] == params
    return err


# ------------------------------------------------------------------ quotations


def test_search_all_newest_first(client):
    r = client.get("/api/quotations")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 9 and len(body["items"]) == 9
    dates = [q["first_seen"] for q in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert set(body) >= {"total", "limit", "offset", "items", "next", "previous"}


@pytest.mark.parametrize("query, expect", [
    ("q=ship", {"We will not load a single ship until the night shifts are paid fairly"}),
    ("q=%22standing+together%22", {"This is what standing together looks like"}),
    ("speaker=Dekker&kind=indirect", {"the union had offered a compromise in January",
                                      "the union would publish its own proposal before the end of the year"}),
    ("speaker_type=organisation", {'the strike was "unlawful and reckless" and that it would seek an injunction '
                                   "next month"}),
    ("about=Port+Authority", {"We will not load a single ship until the night shifts are paid fairly"}),
    ("speaker=Anna+Dekker&since=2026-05&until=2026-05-31", {"This is what standing together looks like",
        "We will not load a single ship until the night shifts are paid fairly"}),   # repeated in May
    ("speaker=Dekker&since=2026-08", {"Automation is coming, and we want a say in how",
                                      "the union would publish its own proposal before the end of the year"}),
    ("source=coastal.example&kind=direct", {"This is what standing together looks like",
                                            "We will not load a single ship until the night shifts are paid fairly"}),
    ("date_field=published&since=2026-09-01", {"Automation is coming, and we want a say in how",
                                               "the union would publish its own proposal before the end of the year"}),
    ("q=nothingmatchesthis", set()),
    ("about=Nobody+Known", set()),
])
def test_search_filters(client, query, expect):
    r = client.get(f"/api/quotations?{query}&limit=50")
    assert r.status_code == 200, r.text
    assert {q["text"] for q in r.json()["items"]} == expect


def test_search_empty_form_values_mean_any(client):
    r = client.get("/api/quotations?q=&speaker=&about=&speaker_type=&since=&until=&source=&kind=&order=&date_field=")
    assert r.status_code == 200 and r.json()["total"] == 9


def test_search_orders(client):
    for order in ("date", "first_seen", "occurrences"):
        assert client.get(f"/api/quotations?order={order}").status_code == 200
    top = client.get("/api/quotations?order=occurrences").json()["items"][0]
    assert top["n_occurrences"] == 2                               # the pledge, said twice
    assert client.get("/api/quotations?order=relevance&q=ship").status_code == 200
    assert client.get("/api/quotations?order=relevance").status_code == 200   # no q: falls back to date


def test_pagination_links(client):
    first = client.get("/api/quotations?limit=4").json()
    assert first["limit"] == 4 and first["offset"] == 0 and first["previous"] is None
    seen = [q["id"] for q in first["items"]]
    page = first
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [q["id"] for q in page["items"]]
    assert len(seen) == len(set(seen)) == 9
    assert page["previous"] and client.get(page["previous"]).json()["offset"] == 4
    assert client.get("/api/quotations?offset=500").json()["items"] == []


def test_fts_syntax_error_is_400(client):
    assert_error(client.get('/api/quotations?fts=true&q=%22unbalanced'), 400, "E102", ["q"])
    assert client.get('/api/quotations?q=%22unbalanced').status_code == 200   # plain text made safe


def test_quotation_with_occurrences(client, ids):
    qid = ids["quotes"]["We will not load a single ship until the night shifts are paid fairly"]
    q = client.get(f"/api/quotations/{qid}").json()
    assert q["speaker"]["name"] == "Anna Dekker" and q["n_articles"] == 2
    assert {o["article"] for o in q["occurrences"]} == {"harbour-strike", "harbour-deal"}
    assert {a["name"] for a in q["about"]} == {"Port Authority"}


# ------------------------------------------------------------------ speakers, articles, entities


def test_top_speakers(client):
    body = client.get("/api/speakers?limit=2").json()
    assert body["total"] == 4 and [s["name"] for s in body["items"]][0] == "Anna Dekker"
    assert body["next"]
    orgs = client.get("/api/speakers?speaker_type=organisation").json()["items"]
    assert [s["name"] for s in orgs] == ["Port Authority"]


def test_speaker_by_id_and_name(client, ids):
    sid = ids["speakers"]["Anna Dekker"]
    by_id = client.get(f"/api/speakers/{sid}?limit=2").json()
    assert by_id["name"] == "Anna Dekker" and by_id["n_quotations"] == 6
    assert "Dekker" in {a["alias"] for a in by_id["aliases"]}
    assert "union leader" in {d["text"] for d in by_id["descriptors"]}
    page = by_id["quotations"]
    assert page["total"] == 6 and len(page["items"]) == 2 and page["next"]
    dates = [q["first_seen"] for q in client.get(f"/api/speakers/{sid}").json()["quotations"]["items"]]
    assert dates == sorted(dates, reverse=True)
    assert client.get("/api/speakers/Anna%20Dekker").json()["id"] == sid
    assert client.get("/api/speakers/Dekker").json()["id"] == sid


def test_article_with_annotations(client):
    body = client.get("/api/articles/harbour-strike").json()
    rec = body["record"]
    assert rec["id"] == "harbour-strike" and len(rec["quotes"]) == 5
    for q in rec["quotes"]:
        assert rec["text"][q["start"]:q["end"]] == q["text"]
    assert {p["role"] for p in rec["paragraphs"]} == {"title", "caption", "body", "heading"}
    assert {e["entity_name"] for e in body["store"]["entities"]} >= {"Anna Dekker", "Port Authority"}
    assert len(body["store"]["quotes"]) == 5


def test_entities(client):
    body = client.get("/api/entities?limit=2").json()
    assert body["total"] >= 4 and len(body["items"]) == 2 and body["next"]
    people = client.get("/api/entities?type=PERSON&limit=50").json()["items"]
    assert {"Anna Dekker", "Tomas Brink"} <= {e["name"] for e in people}
    assert all(e["type"] == "PERSON" for e in people)
    assert [e["name"] for e in client.get("/api/entities?q=dekk").json()["items"]] == ["Anna Dekker"]
    explained = client.get("/api/entities/explain?name=Dekker").json()
    assert explained["items"][0]["name"] == "Anna Dekker"


def test_stats(client):
    s = client.get("/api/stats").json()
    assert s["articles"] == len(articles()) and s["quotations"] == 9


def test_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/quotations", "/api/quotations/{quotation_id}", "/api/speakers", "/api/speakers/{speaker}",
                 "/api/articles/{article_id}", "/api/entities", "/api/entities/explain", "/api/stats"):
        assert path in schema["paths"], path
    assert "/api/ingest" not in schema["paths"]                 # read-only: no write route at all
    params = {p["name"] for p in schema["paths"]["/api/quotations"]["get"]["parameters"]}
    assert params >= {"q", "speaker", "about", "speaker_type", "since", "until", "source", "kind", "limit", "offset"}
    docs = client.get("/docs", headers=HTML)
    assert docs.status_code == 200 and "/api/quotations" in docs.text
    assert "cdn" not in docs.text.lower()                        # no Swagger UI from a CDN


# ------------------------------------------------------------------ errors: one shape, never 500


@pytest.mark.parametrize("url, status, params", [
    ("/api/quotations?limit=0", 400, ["limit"]),
    ("/api/quotations?limit=201", 400, ["limit"]),
    ("/api/quotations?limit=abc", 400, ["limit"]),
    ("/api/quotations?limit=99999999999999999999999999", 400, ["limit"]),
    ("/api/quotations?offset=-1", 400, ["offset"]),
    ("/api/quotations?offset=1e3", 400, ["offset"]),
    ("/api/quotations?since=yesterday", 400, ["since"]),
    ("/api/quotations?until=2026-13-01", 400, ["until"]),
    ("/api/quotations?speaker_type=alien", 400, ["speaker_type"]),
    ("/api/quotations?kind=shouted", 400, ["kind"]),
    ("/api/quotations?order=random", 400, ["order"]),
    ("/api/quotations?date_field=tomorrow", 400, ["date_field"]),
    ("/api/quotations?fts=maybe", 400, ["fts"]),
    ("/api/quotations?q=" + "x" * 501, 400, ["q"]),
    ("/api/quotations?limit=0&kind=x", 400, ["kind", "limit"]),
    ("/api/quotations/abc", 400, ["quotation_id"]),
    ("/api/quotations/0", 400, ["quotation_id"]),
    ("/api/quotations/99999999999999999999999", 400, ["quotation_id"]),
    ("/api/quotations/424242", 404, []),
    ("/api/speakers/424242", 404, []),
    ("/api/speakers/99999999999999999999999999", 404, []),
    ("/api/speakers/Nobody%20At%20All", 404, []),
    ("/api/speakers/%C2%B2", 404, []),
    ("/api/speakers?speaker_type=robot", 400, ["speaker_type"]),
    ("/api/articles/no-such-article", 404, []),
    ("/api/entities?limit=-5", 400, ["limit"]),
    ("/api/entities/explain", 400, ["name"]),
    ("/api/nothing-here", 404, []),
    ("/nothing-here", 404, []),
])
def test_errors_have_the_shape(client, url, status, params):
    assert_error(client.get(url), status, params=params)


def test_not_found_hides_the_database_path(client, db):
    err = assert_error(client.get("/api/articles/missing"), 404, "E104")
    assert str(db) not in err["message"] and "missing" in err["message"]


def test_query_string_limit_is_414(client):
    err = assert_error(client.get("/api/quotations?q=" + "a" * 3000), 414, "E204")
    assert "2048" in err["message"]


def test_method_not_allowed_and_no_write_routes(client):
    assert_error(client.post("/api/quotations", json={}), 405, "E205")
    assert_error(client.delete("/api/articles/harbour-strike"), 405, "E205")
    assert_error(client.post("/api/ingest", content=b"{}"), 404)


def test_oversized_body_is_413(client):
    assert_error(client.post("/api/quotations", content=b"x" * (9 * 1024 * 1024)), 413, "E203")


@pytest.mark.parametrize("value", ["%00", "\x01", "';DROP TABLE quotations;--", "\"", "*", "(", "OR", "NEAR(",
                                   "\U0001F600", "\u202e\u200b", "a" * 500, "%", "_", "\\", "{}", "<script>"])
def test_hostile_parameters_never_500(client, value):
    for name in ("q", "speaker", "about", "source"):
        r = client.get("/api/quotations", params={name: value})
        assert r.status_code in (200, 400), (name, value, r.text)
        if r.status_code == 400:
            assert_error(r, 400)
    for url in ("/api/entities", "/api/entities/explain"):
        r = client.get(url, params={"q": value, "name": value})
        assert r.status_code in (200, 400), (url, value, r.text)
    r = client.get("/api/speakers/" + quote(value, safe=""))
    assert r.status_code in (400, 404, 200), (value, r.text)
    r = client.get("/search", params={"q": value, "speaker": value}, headers=HTML)
    assert r.status_code in (200, 400), (value, r.text)


def test_nul_and_bad_utf8_in_query(client):
    for raw in ("q=%00", "speaker=%00", "q=%ff%fe", "about=%ed%a0%80", "q=%", "q=%zz", "limit=%00"):
        r = client.get("/api/quotations?" + raw)
        assert r.status_code in (200, 400), (raw, r.text)
        if r.status_code == 400:
            assert_error(r, 400)


def test_store_still_clean_after_hostile_search(client):
    assert client.get("/api/stats").json()["quotations"] == 9


# ------------------------------------------------------------------ pages


def test_pages_render(client, ids):
    sid = ids["speakers"]["Anna Dekker"]
    qid = ids["quotes"]["This is what standing together looks like"]
    for url in ("/", "/search", "/search?q=ship&speaker=Dekker&kind=direct&since=2026", "/articles/harbour-strike",
                f"/speakers/{sid}", "/speakers/Dekker", f"/quotations/{qid}", "/entities", "/entities?type=ORG",
                "/docs"):
        r = client.get(url, headers=HTML)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
        assert "Content-Security-Policy" in r.headers and "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in r.text                         # only <script src=...> of our own


def test_article_page_marks_quotes_speakers_cues_dates(client):
    html = client.get("/articles/harbour-strike", headers=HTML).text.split("<aside")[0]
    assert html.count('class="quote ') == 5
    assert len(set(re.findall(r'class="quote (c\d)', html))) == 3          # three speakers, three colours
    assert html.count('class="speaker ') == 5 and html.count('class="cue ') == 5
    assert 'class="timex date" title="DATE: 2026-04" data-value="2026-04">next month</span>' in html
    assert '<h2 class="p-heading">Ships wait at anchor</h2>' in html
    assert '<figure class="p-caption">' in html and '<h1 class="p-title">' in html
    assert 'href="https://portnews.example/2026/03/harbour-strike"' in html


def test_speaker_page_has_timeline_and_links(client, ids):
    html = client.get(f"/speakers/{ids['speakers']['Anna Dekker']}", headers=HTML).text
    assert '<svg class="timeline"' in html
    months = set(re.findall(r'data-month="([\d-]+)"', html))
    assert months == {"2026-03", "2026-05", "2026-08", "2026-09"} or months >= {"2026-03", "2026-05", "2026-08"}
    assert "union leader" in html and ">Dekker<" in html
    assert 'href="/articles/harbour-deal#s' in html
    assert html.index("Automation is coming") < html.index("standing together")   # newest first


def test_page_errors_are_html_for_browsers(client):
    r = client.get("/speakers/Nobody%20Here", headers=HTML)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "E104" in r.text
    r = client.get("/search?since=never", headers=HTML)
    assert r.status_code == 400 and "E201" in r.text and "YYYY" in r.text
    assert_error(client.get("/search?since=never"), 400, "E201", ["since"])   # the same error, as JSON


# ------------------------------------------------------------------ hostile article text


def test_hostile_article_is_escaped(client):
    html = client.get("/articles/hostile", headers=HTML).text
    body = html.split("<main", 1)[1]
    assert "<script" not in body and "<img" not in body and "<a href=\"javascript" not in body
    assert "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', html))
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in body
    assert "original page" not in body                          # the javascript: url is not linked
    for page in ("/", "/search?q=script", f"/speakers/Mallory%20Hacker", "/entities"):
        text = client.get(page, headers=HTML).text.split("<main", 1)[1]
        assert "<script" not in text and "<img" not in text and "<b>" not in text, page


def test_hostile_article_json_is_json(client):
    r = client.get("/api/articles/hostile")
    assert r.headers["content-type"] == "application/json"
    assert "<script>" in r.json()["record"]["text"]               # data kept as is, only never rendered as HTML


# ------------------------------------------------------------------ hosts and the write endpoint


def test_host_header_check(db):
    with TestClient(create_app(db, allowed_hosts=["127.0.0.1", "localhost"]),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert_error(c.get("/api/stats", headers={"host": "evil.example"}), 400, "E208")
        assert_error(c.get("/api/stats", headers={"host": "evil.example:8000"}), 400, "E208")


def test_ingest_needs_token_and_limits_size(tmp_path):
    db = build_store(tmp_path / "w.db")
    from newsgraph.records import ArticleRecord
    from test_web_fixtures import make_article
    rec = make_article("posted-article", site="post.example", published="2026-10-01", title="Posted",
                       blocks=[("body", '"Posting works," said Anna Dekker.')],
                       quotes=[{"text": "Posting works", "speaker": "Anna Dekker", "cue": "said"}])
    line = rec.to_json().encode()
    with TestClient(create_app(db, ingest_token=TOKEN, max_body_bytes=len(line) + 100)) as c:
        assert "/api/ingest" in c.get("/openapi.json").json()["paths"]
        assert_error(c.post("/api/ingest", content=line), 401, "E206")
        assert_error(c.post("/api/ingest", content=line, headers={"authorization": "Bearer wrong"}), 401)
        auth = {"authorization": f"Bearer {TOKEN}"}
        assert_error(c.post("/api/ingest", content=line * 2, headers=auth), 413, "E203")
        assert_error(c.post("/api/ingest", content=b"{not json", headers=auth), 400, "E207")
        assert_error(c.post("/api/ingest", content=b"", headers=auth), 400, "E207")
        assert_error(c.post("/api/ingest", content=b"\xff\xfe", headers=auth), 400, "E207")
        r = c.post("/api/ingest", content=line, headers=auth)
        assert r.status_code == 200 and r.json()["inserted"] == 1, r.text
        assert c.get("/api/articles/posted-article").status_code == 200
        assert ArticleRecord.from_dict(c.get("/api/articles/posted-article").json()["record"]).id == "posted-article"


def test_missing_database_is_refused(tmp_path):
    from newsgraph.store import StoreError
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_serve_command(tmp_path):
    import click
    from click.testing import CliRunner

    from newsgraph.web_cli import is_loopback, register

    group = click.Group()
    register(group)
    assert "serve" in group.commands
    res = CliRunner().invoke(group, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code != 0 and "does not exist" in res.output
    res = CliRunner().invoke(group, ["serve", "--help"])
    assert "127.0.0.1" in res.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.com")


def test_openapi_has_no_422(client):
    schema = client.get("/openapi.json").json()
    for methods in schema["paths"].values():
        for op in methods.values():
            assert "422" not in op["responses"]
            assert "400" in op["responses"] or op.get("operationId", "").startswith("stats")


def test_store_timeout_is_503_and_crash_is_500_with_the_shape(db, monkeypatch):
    import newsgraph.store as S
    from newsgraph.errors import E
    from newsgraph.store import StoreError

    def slow(*a, **k):
        raise StoreError(E.QUERY_TIMEOUT, limit=5.0)

    def broken(*a, **k):
        raise RuntimeError("boom")

    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        monkeypatch.setattr(S, "search_quotations", slow)
        r = c.get("/api/quotations")
        assert_error(r, 503, "E105")
        assert r.headers["retry-after"] == "5"
        monkeypatch.setattr(S, "search_quotations", broken)
        err = assert_error(c.get("/api/quotations"), 500, "E209")
        assert "boom" not in err["message"]                       # no internals leak


def test_static_assets_are_bundled_and_inert(client):
    js = client.get("/static/app.js")
    css = client.get("/static/style.css")
    assert js.status_code == css.status_code == 200
    assert "innerHTML" not in js.text and "eval(" not in js.text and "http" not in js.text
    assert "http" not in css.text and "@import" not in css.text      # no CDN, no web fonts
    assert_error(client.get("/static/../app.py"), 404)


@pytest.mark.parametrize("change, problem", [
    ({"metadata": [1, 2]}, "record.metadata"),
    ({"published": 2019}, "record.published"),
    ({"text": 5}, "record.text"),
    ({"quotes": 5}, "not iterable"),
    ({"quotes": [{"text": "hi"}]}, "missing"),
    ({"timexes": [{"text": "x", "start": 0, "end": 10**6, "type": "DATE", "value": "2019"}]}, "not inside the text"),
    ({"timexes": [{"text": "x", "start": True, "end": 2, "type": "DATE", "value": "2019"}]}, "whole number"),
    ({"entities": [{"id": "e", "name": "n", "type": "PERSON", "aliases": [1]}]}, "aliases[0]"),
])
def test_ingest_refuses_malformed_records(tmp_path, change, problem):
    db = build_store(tmp_path / "v.db")
    rec = {**articles()[0].to_dict(), "id": "malformed", **change}
    with TestClient(create_app(db, ingest_token=TOKEN), raise_server_exceptions=False) as c:
        r = c.post("/api/ingest", content=json.dumps(rec).encode(), headers={"authorization": f"Bearer {TOKEN}"})
        err = assert_error(r, 400, "E207")
        assert problem in err["message"]
        assert_error(c.get("/api/articles/malformed"), 404)


def test_head_is_answered_like_get(client):
    r = client.head("/api/stats")
    assert r.status_code == 200 and r.content == b""
    assert client.head("/api/articles/none").status_code == 404


def test_search_min_confidence(client):
    # the fixture corpus was stored without confidences: a minimum leaves nothing, none leaves all
    assert client.get("/api/quotations?min_confidence=0.5").json()["items"] == []
    assert client.get("/api/quotations?min_confidence=0").json()["total"] == client.get("/api/quotations").json()["total"]
    assert_error(client.get("/api/quotations?min_confidence=1.5"), 400)


# ------------------------------------------------------------------ issue 13: the web items


@pytest.mark.parametrize("url, params", [
    ("/api/quotations?since=2019-02-30", ["since"]),     # the pattern let these through
    ("/api/quotations?until=2019-04-31", ["until"]),
    ("/search?since=2023-02-29", ["since"]),
])
def test_dates_that_are_not_calendar_dates_are_400(client, url, params):
    err = assert_error(client.get(url), 400, "E201", params)
    assert "calendar date" in err["message"] and "YYYY-MM-DD" in err["message"]


def test_leap_day_is_a_date(client):
    assert client.get("/api/quotations?since=2024-02-29").status_code == 200


def test_ingest_refuses_a_token_without_the_bearer_scheme(tmp_path):
    db = build_store(tmp_path / "w.db")
    with TestClient(create_app(db, ingest_token=TOKEN)) as c:
        for header in (TOKEN, f"Basic {TOKEN}", f"Bearer{TOKEN}", "Bearer ", f"{TOKEN} Bearer"):
            assert_error(c.post("/api/ingest", content=b"{}", headers={"authorization": header}), 401, "E206")
        # the scheme is case-insensitive (RFC 7235); the body is then checked
        assert_error(c.post("/api/ingest", content=b"{}", headers={"authorization": f"bearer {TOKEN}"}), 400, "E207")


@pytest.mark.parametrize("body", [
    b"[" * 100_000 + b"]" * 100_000,                                  # past the JSON parser's depth
    (b'{"id": "x", "text": "t", "metadata": ' + b'{"a": ' * 500 + b"1" + b"}" * 500 + b"}"),
])
def test_ingest_deeply_nested_json_is_400(tmp_path, body):
    db = build_store(tmp_path / "w.db")
    with TestClient(create_app(db, ingest_token=TOKEN), raise_server_exceptions=False) as c:
        err = assert_error(c.post("/api/ingest", content=body, headers={"authorization": f"Bearer {TOKEN}"}),
                           400, "E207")
        assert "nested" in err["message"]


@pytest.mark.parametrize("status, code", [
    (401, "E206"),    # was computed as "E2" + "01": E201, the code of a bad parameter
    (403, "E210"),    # was E203, the code of a body over the limit
    (406, "E210"),    # was E206, the code of a missing token
    (418, "E210"), (400, "E201"), (413, "E203"), (503, "E209"),
])
def test_framework_http_errors_take_catalogue_codes(db, status, code):
    """Regression: an HTTP error raised by the framework got a code computed from its
    status, which collided with other codes; now each maps onto the catalogue."""
    from starlette.exceptions import HTTPException

    app = create_app(db)

    @app.get("/api/raise")
    def raise_it():
        raise HTTPException(status_code=status, detail="refused by the framework")

    with TestClient(app, raise_server_exceptions=False) as c:
        err = assert_error(c.get("/api/raise"), status, code)
        assert err["message"] and "{" not in err["message"]
