"""Events in the store: the same event reported by several articles merged (same type, same
actors, dates within the window), kept apart otherwise; `newsgraph events`; the events
export; /api/events; an actor's page. Hand-built records, no spaCy."""
from __future__ import annotations

import csv
import io
import json
import warnings

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.records import Entity, Event, EventActor, Mention
from newsgraph.store import entity_events, ingest_records, open_store, search_events
from newsgraph.store.synthetic import article


def with_event(rec, sentence: str, etype: str, source: str, target: str | None, *, date=None, mode=None,
               negated=False, hypothetical=False, trigger: str):
    """Append ``sentence`` as a body paragraph and an event on it whose actors are entities."""
    from newsgraph.records import Paragraph

    start = len(rec.text) + 2
    rec.text += "\n\n" + sentence
    rec.paragraphs.append(Paragraph(start, start + len(sentence), "body"))

    def actor(name):
        if name is None:
            return None
        s = rec.text.index(name, start)
        ent = next((e for e in rec.entities if e.name == name), None)
        if ent is None:
            ent = Entity(id=f"x{len(rec.entities)}", name=name, type="GPE")
            rec.entities.append(ent)
        ent.mentions.append(Mention(name, s, s + len(name)))
        return EventActor(name, s, s + len(name), entity=ent.id, name=name, country=None, sector="GOV")

    t = rec.text.index(trigger, start)
    rec.events.append(Event(type=etype, trigger=Mention(trigger, t, t + len(trigger)), start=start,
                            end=start + len(sentence), source=actor(source), target=actor(target), mode=mode,
                            date=date, negated=negated, hypothetical=hypothetical))
    return rec


def corpus():
    a1 = with_event(article("a1", published="2021-03-02", site="one.example"),
                    "Freedonia imposed sanctions on Ruritania on Monday.", "SANCTION", "Freedonia", "Ruritania",
                    date="2021-03-01", trigger="imposed sanctions")
    a2 = with_event(article("a2", published="2021-03-03", site="two.example"),
                    "Freedonia has imposed sanctions on Ruritania.", "SANCTION", "Freedonia", "Ruritania",
                    trigger="imposed sanctions")
    # the same actors and type, but weeks later: another event
    a3 = with_event(article("a3", published="2021-04-20", site="one.example"),
                    "Freedonia imposed new sanctions on Ruritania.", "SANCTION", "Freedonia", "Ruritania",
                    trigger="imposed new sanctions")
    # the other way round: another event
    a4 = with_event(article("a4", published="2021-03-02", site="three.example"),
                    "Ruritania imposed sanctions on Freedonia.", "SANCTION", "Ruritania", "Freedonia",
                    trigger="imposed sanctions")
    a5 = with_event(article("a5", published="2021-03-05", site="two.example"),
                    "Ruritania threatened to expel the diplomats of Freedonia.", "THREATEN", "Ruritania", "Freedonia",
                    mode="expel", trigger="threatened")
    a5 = with_event(a5, "Ruritania did not attack Freedonia.", "ASSAULT", "Ruritania", "Freedonia", negated=True,
                    trigger="attack")
    return [a1, a2, a3, a4, a5]


@pytest.fixture
def store(tmp_path):
    st = open_store(tmp_path / "news.db")
    ingest_records(st, corpus())
    yield st
    st.close()


def test_same_event_from_two_articles_is_merged(store):
    res = search_events(store, type="SANCTION", actor="Freedonia", role="source")
    rows = [(e["source"]["name"], e["target"]["name"], e["date"], e["n_articles"]) for e in res["items"]]
    assert rows == [("Freedonia", "Ruritania", "2021-04-20", 1), ("Freedonia", "Ruritania", "2021-03-01", 2)]
    merged = res["items"][1]
    assert sorted(r["article"] for r in merged["reports"]) == ["a1", "a2"]


def test_filters_role_type_dates_and_negation(store):
    assert search_events(store, actor="Freedonia")["total"] == 4           # as source or target, negated left out
    assert search_events(store, actor="Freedonia", role="target")["total"] == 2
    assert search_events(store, type="threaten")["items"][0]["mode"] == "expel"
    assert search_events(store, since="2021-04-01")["total"] == 1
    assert search_events(store, until="2021-03-02", type="SANCTION")["total"] == 2
    assert search_events(store, include_negated=True)["total"] == 5
    assert search_events(store, actor="Nowhere")["total"] == 0


def test_bad_type_is_a_clear_error(store):
    from newsgraph.store import StoreError

    with pytest.raises(StoreError) as err:
        search_events(store, type="INVADE")
    assert err.value.code.value == "E107" and "AGREE" in err.value.message


def test_reingest_replaces_reports_and_drops_empty_events(tmp_path):
    st = open_store(tmp_path / "news.db")
    recs = corpus()
    ingest_records(st, recs)
    recs[2].events = []                     # a3 no longer reports the April sanctions
    recs[2].title = "changed"
    ingest_records(st, [recs[2]])
    assert search_events(st, type="SANCTION", since="2021-04-01")["total"] == 0
    st.close()


def test_entity_events_did_and_done_to(store):
    from newsgraph.store import find_entities

    [eid] = find_entities(store, "Ruritania")
    ev = entity_events(store, eid)
    assert [e["type"] for e in ev["did"]] == ["THREATEN", "SANCTION"]
    assert [e["type"] for e in ev["done_to"]] == ["SANCTION", "SANCTION"]


def test_migration_fills_events_from_stored_records(tmp_path):
    """A store one step old (before the events step, the newest) gets its events tables filled
    from the records it holds."""
    import sqlite3

    from newsgraph.store import db as DB

    path = str(tmp_path / "old.db")
    st = open_store(path)
    ingest_records(st, corpus())
    st.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE event_reports")
    conn.execute("DROP TABLE events")
    step = next(v for v, f in DB.MIGRATIONS.items() if f is DB._migrate_v6)   # the events step
    conn.execute(f"PRAGMA user_version = {step - 1}")   # later steps are idempotent
    conn.commit()
    conn.close()
    st = open_store(path)
    assert st.schema_version == DB.SCHEMA_VERSION
    assert search_events(st, include_negated=True)["total"] == 5
    st.close()


# ------------------------------------------------------------------ CLI, export, API, page

@pytest.fixture
def db(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in corpus()))
    db = str(tmp_path / "news.db")
    res = CliRunner().invoke(main, ["ingest", "--records", str(path), "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    return db


def test_cli_events(db):
    res = CliRunner().invoke(main, ["events", "--db", db, "--type", "SANCTION", "--actor", "Freedonia",
                                    "--since", "2021-03-01", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"] == 3 and {e["n_articles"] for e in data["items"]} == {1, 2}
    table = CliRunner().invoke(main, ["events", "--db", db, "--actor", "Ruritania", "--role", "source"])
    assert table.exit_code == 0 and "THREATEN/expel" in table.output and "2 events" in table.output
    bad = CliRunner().invoke(main, ["events", "--db", db, "--type", "INVADE"])
    assert bad.exit_code == 2 and "INVADE" in bad.output


def test_export_events_polecat_like(db):
    res = CliRunner().invoke(main, ["export", "--db", db, "--table", "events", "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 5
    first = rows[0]
    assert {"event_id", "date", "event_type", "mode", "source_actor", "source_country", "source_sector",
            "target_actor", "target_country", "context", "location", "article_ids", "n_articles"} <= set(first)
    merged = next(r for r in rows if r["n_articles"] == "2")
    assert sorted(merged["article_ids"].split("|")) == ["a1", "a2"] and merged["event_type"] == "SANCTION"


def test_api_and_actor_page(db):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from newsgraph.web import create_app

    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        r = client.get("/api/events", params={"type": "SANCTION", "actor": "Freedonia", "role": "source"})
        assert r.status_code == 200 and r.json()["total"] == 2
        assert client.get("/api/events", params={"type": "INVADE"}).status_code == 400
        assert client.get("/api/events", params={"role": "both"}).status_code == 400
        page = client.get("/speakers/Ruritania", headers={"accept": "text/html"})
        assert page.status_code == 200
        html = page.text
        assert "What Ruritania did" in html and "What was done to Ruritania" in html
        assert html.count('class="event did"') == 2 and 'class="event done-to"' in html


def test_actor_by_country_code(store):
    from newsgraph.store import ArticleWriter  # noqa: F401  (the same store module)

    conn = store.reader()
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 5
    # the faces pass the code of a country's name; events whose actor carries it match
    assert search_events(store, country="xyz")["total"] == 0
