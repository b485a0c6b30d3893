"""Speaker profiles in the store: merged across articles (evidence adds up, conflicts kept),
the source-diversity figures (``sources``), the gender/role/section filters, the CLI
command, the API route and the migration step. Hand-written records, no spaCy."""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.records import ArticleRecord
from newsgraph.store import ingest_records, open_store, search_quotations, sources, speaker_profile
from newsgraph.store.db import MIGRATIONS, migrate
from newsgraph.store.profiles import article_section

from test_web_fixtures import articles, build_store, make_article, profile, with_profiles


@pytest.fixture()
def store(tmp_path):
    st = open_store(build_store(tmp_path / "news.db"))
    yield st
    st.close()


def _dekker_id(st) -> int:
    return st.reader().execute("SELECT id FROM entities WHERE name = 'Anna Dekker'").fetchone()[0]


def test_profiles_merge_across_articles(store):
    prof = speaker_profile(store, _dekker_id(store))
    assert (prof["gender"], prof["role"], prof["n_articles"], prof["gender_conflict"]) == ("female", "union", 3, 0)
    assert prof["gender_votes"] == {"female": 3}                    # she (1) + given name (1) + She (1)
    assert prof["evidence"] == "she x2; given name Anna"            # the evidence adds up, case folded
    assert [a["article"] for a in prof["articles"]] == ["dekker-interview", "harbour-deal", "harbour-strike"]


def test_a_conflicting_article_is_kept_and_shown(store):
    rec = make_article("dekker-profile", site="other.example", published="2026-10-01", title="Dekker again",
                       blocks=[("body", '"We stay out," Anna Dekker said.')],
                       entities=[("e1", "Anna Dekker", "PERSON", [], [])],
                       quotes=[{"text": "We stay out", "speaker": "Anna Dekker", "entity": "e1", "cue": "said"}])
    with_profiles(rec, {"e1": profile("person", "male", "business", [("honorific", "Mr.")])})
    ingest_records(store, [rec])
    prof = speaker_profile(store, _dekker_id(store))
    assert prof["gender_votes"] == {"female": 3, "male": 3}        # an honorific weighs 3
    assert (prof["gender"], prof["gender_conflict"]) == ("unknown", 1)  # no clear majority: unknown, flagged
    assert prof["role_votes"] == {"union": 3, "business": 1} and prof["role_conflict"] == 1
    assert prof["role"] == "union"
    # written again without the conflict, the article's row is replaced, not added
    with_profiles(rec, {"e1": profile("person", "female", "union", [("pronoun", "she")])})
    ingest_records(store, [rec])
    prof = speaker_profile(store, _dekker_id(store))
    assert (prof["gender"], prof["gender_conflict"], prof["n_articles"]) == ("female", 0, 4)


def test_records_without_profiles_store_nothing(tmp_path):
    st = open_store(tmp_path / "bare.db")
    recs = articles()
    for r in recs:
        for e in r.entities:
            e.profile = None
    ingest_records(st, recs)
    assert st.reader().execute("SELECT COUNT(*) FROM profiles").fetchone()[0] == 0
    figures = sources(st)["total"]
    assert figures["people"] == 0 and figures["quotes"] == 10
    assert figures["base"] == "of 0 quoted people, 0% of unknown gender; 0 of 10 quotes from anonymous sources"
    st.close()


def test_sources_figures_and_their_base(store):
    res = sources(store)
    t = res["total"]
    # Anna Dekker (female), Tomas Brink (male), Mallory Hacker (unknown); the Port Authority is no person
    assert t["people"] == 3 and t["sourced"] == 3
    assert {g: v["people"] for g, v in t["gender"].items()} == {"female": 1, "male": 1, "unknown": 1}
    assert t["gender"]["female"]["share"] == 33.3 and t["gender"]["female"]["quotes"] == 7
    assert {r: v["people"] for r, v in t["roles"].items()} == {"government": 1, "union": 1, "unknown": 1}
    assert t["quotes"] == 10 and t["anonymous_quotes"] == 0 and t["anonymous_share"] == 0.0
    assert t["base"] == "of 3 quoted people, 33.3% of unknown gender; 0 of 10 quotes from anonymous sources"
    assert [v["name"] for v in t["top"]["female"]] == ["Anna Dekker"]
    # every count links to the quotations behind it: the search finds exactly them
    for g in ("female", "male", "unknown"):
        found = search_quotations(store, **t["gender"][g]["search"], limit=100)
        occurrences = sum(q["n_occurrences"] for q in found["items"])
        assert occurrences == t["gender"][g]["quotes"], g


def test_sources_by_outlet_month_section_and_since(store):
    by_outlet = sources(store, by="outlet")
    assert [(g["group"], g["people"]) for g in by_outlet["groups"]] == [
        ("portnews.example", 2), ("coastal.example", 1), ("evil.example", 1)]
    assert by_outlet["groups"][0]["gender"]["female"]["search"] == {
        "gender": "female", "speaker_type": "person", "source": "portnews.example"}
    by_month = sources(store, by="month")
    assert [g["group"] for g in by_month["groups"]] == ["2026-03", "2026-05", "2026-06", "2026-09"]
    assert by_month["groups"][0]["gender"]["male"]["search"] == {
        "gender": "male", "speaker_type": "person", "since": "2026-03", "until": "2026-03", "date_field": "published"}
    by_section = sources(store, by="section")
    assert [g["group"] for g in by_section["groups"]] == [None]   # no section stated, no word in the URLs
    since = sources(store, since="2026-05")["total"]
    assert since["people"] == 2 and since["quotes"] == 5


@pytest.mark.parametrize("kwargs,detail", [
    ({"by": "speaker"}, "by must be one of"), ({"since": "May 2026"}, "since must be"),
    ({"until": "2026-5"}, "until must be"), ({"top": -1}, "top must be"),
])
def test_sources_bad_options(store, kwargs, detail):
    from newsgraph.store import StoreError

    with pytest.raises(StoreError, match=detail):
        sources(store, **kwargs)


def test_gender_role_and_section_filters(store):
    assert search_quotations(store, gender="female")["total"] == 6       # Dekker's distinct quotations
    assert search_quotations(store, gender="male")["total"] == 1
    assert search_quotations(store, role="union", gender="male")["total"] == 0
    assert search_quotations(store, role="government")["total"] == 2     # the mayor and the Port Authority
    assert search_quotations(store, section="nothing-here")["total"] == 0


@pytest.mark.parametrize("meta,section", [
    ({"section": "World"}, "world"), ({"categories": "['Markets', 'Chile']"}, "markets"),
    ({"categories": ["Policy"]}, "policy"), ({"url": "https://x.example/business/2026/11/story"}, "business"),
    ({"url": "https://x.example/2026/11/10/story"}, None), ({"url": "https://x.example/story"}, None), ({}, None),
])
def test_article_section(meta, section):
    assert article_section(ArticleRecord(id="a", source="a", text="x", metadata=meta)) == section


def test_migration_4_fills_profiles_from_a_version_3_file(tmp_path):
    """A version 3 file (no sections, no profiles) is brought to version 4 from its records."""
    from newsgraph.store.db import _configure
    from newsgraph.store.writer import ArticleWriter

    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path, isolation_level=None)
    _configure(conn)
    conn.row_factory = sqlite3.Row
    assert migrate(conn, str(path), {k: MIGRATIONS[k] for k in (1, 2, 3)}) == 3
    conn.execute("BEGIN")
    writer = ArticleWriter(conn)
    for rec in articles():
        writer.write(rec)
    conn.execute("COMMIT")
    conn.close()
    st = open_store(path)
    assert st.schema_version == max(MIGRATIONS) >= 4
    prof = speaker_profile(st, _dekker_id(st))
    assert (prof["gender"], prof["role"], prof["n_articles"]) == ("female", "union", 3)
    assert sources(st)["total"]["people"] == 3
    st.close()


def test_cli_sources(tmp_path):
    db = build_store(tmp_path / "news.db")
    runner = CliRunner()
    out = runner.invoke(main, ["sources", "--db", db, "--json", "--by", "outlet"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["by"] == "outlet" and data["total"]["people"] == 3
    out = runner.invoke(main, ["sources", "--db", db, "--csv"])
    assert out.exit_code == 0
    header, row = out.output.splitlines()[:2]
    assert header.startswith("group,people,female,male,unknown_gender,female_%")
    assert row.startswith("all,3,1,1,1,33.3,33.3,33.3,1,")
    out = runner.invoke(main, ["sources", "--db", db, "--by", "month"])
    assert out.exit_code == 0 and "of 3 quoted people" in out.output and "2026-03" in out.output
    out = runner.invoke(main, ["sources", "--db", db, "--since", "soon"])
    assert out.exit_code == 1 and "since must be YYYY" in out.output
    out = runner.invoke(main, ["quotes", "--db", db, "--gender", "male", "--json"])
    assert out.exit_code == 0 and json.loads(out.output)["total"] == 1


def test_api_sources(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    client = TestClient(create_app(build_store(tmp_path / "news.db")))
    r = client.get("/api/sources", params={"by": "month", "top": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["total"]["people"] == 3 and len(body["groups"]) == 4
    assert client.get("/api/sources", params={"by": "speaker"}).status_code == 400
    err = client.get("/api/sources", params={"since": "soon"}).json()["error"]
    assert err["code"] == "E201" and err["params"] == ["since"]
    page = client.get("/sources", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "Of 3 quoted people, 33.3% of unknown gender" in page.text
    assert 'href="/search?gender=female&amp;speaker_type=person&amp;source=portnews.example"' in page.text
    assert "<script" not in page.text.split("</head>")[1]
    r = client.get("/search", params={"gender": "female", "role": "union"})
    assert r.status_code == 200 and "publish its own proposal" in r.text
    assert client.get("/search", params={"gender": "other"}).status_code == 400
    assert "gender: female" in client.get("/speakers/Dekker").text
