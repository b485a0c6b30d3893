"""The corpus store: merges across articles, re-ingest, near duplicates, schema, locking.

Records are built by hand (newsgraph.store.synthetic.article): no spaCy here.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import E
from newsgraph.store import (StoreError, explain_entity, find_entities, get_article, get_quotation, get_speaker,
                             ingest_records, list_entities, open_store, search_quotations, stats, top_speakers)
from newsgraph.store.db import migrate, MIGRATIONS
from newsgraph.store.synthetic import article

KIM = "Kim Jong Un"
Q = "We will never give up our nuclear weapons, whatever the sanctions say."
BODIES = [
    ["Pyongyang held a military parade on Saturday with new missiles on display."],
    ["Diplomats in Seoul said the remarks were aimed at Washington ahead of the talks."],
    ["Markets in Tokyo barely moved after the speech, traders said on Monday morning."],
    ["The speech lasted two hours and was broadcast on state television across the country."],
]


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "news.db")
    yield s
    s.close()


def counts(store) -> dict:
    conn = store.reader()
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'quotation_fts_%' AND name NOT LIKE 'sqlite_%' "
                                         "AND name != 'ingest_log'")]
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def three_articles():
    return [article("a1", [(KIM, Q)], published="2019-03-01", site="kcna.kp", body=BODIES[0]),
            article("a2", [(KIM, Q)], published="2019-03-04", site="reuters.com", body=BODIES[1]),
            article("a3", [(KIM, Q)], published="2019-03-02", site="bbc.co.uk", body=BODIES[2])]


# ------------------------------------------------------------------ quotations


def test_same_quotation_in_three_articles_is_one_quotation_with_three_occurrences(store):
    ingest_records(store, three_articles())
    res = search_quotations(store, speaker=KIM)
    assert res["total"] == 1
    q = get_quotation(store, res["items"][0]["id"])
    assert q["n_occurrences"] == 3 and q["n_articles"] == 3 and q["n_sources"] == 3
    assert q["first_seen"] == "2019-03-01"
    assert sorted(q["sources"]) == ["bbc.co.uk", "kcna.kp", "reuters.com"]
    assert [o["article"] for o in q["occurrences"]] == ["a1", "a3", "a2"]  # by publication date


@pytest.mark.parametrize("variant, match", [
    ("we will never give up our nuclear weapons whatever the sanctions say", "exact"),   # case, punctuation
    ("“We will never give up our nuclear weapons” — whatever the sanctions say!", "exact"),
    ("We will never give up our nuclear weapons", "trimmed"),                            # a clause cut
    ("We will never give up our nuclear weapons, whatever the sanctions claim.", "near"),  # one word
])
def test_near_identical_wordings_merge(store, variant, match):
    ingest_records(store, [article("a1", [(KIM, Q)], body=BODIES[0]),
                           article("a2", [(KIM, variant)], body=BODIES[1])])
    assert stats(store)["quotations"] == 1
    q = get_quotation(store, 1)
    assert [o["match"] for o in q["occurrences"]] == ["first", match]
    assert q["text"] == Q  # the fullest wording is kept


def test_trimmed_first_then_full_keeps_the_full_text(store):
    ingest_records(store, [article("a1", [(KIM, "We will never give up our nuclear weapons")], body=BODIES[0]),
                           article("a2", [(KIM, Q)], body=BODIES[1])])
    res = search_quotations(store, search="sanctions")
    assert res["total"] == 1 and res["items"][0]["text"] == Q


def test_different_speaker_or_words_stay_apart(store):
    ingest_records(store, [article("a1", [(KIM, Q)], body=BODIES[0]),
                           article("a2", [("Moon Jae-in", Q)], body=BODIES[1]),
                           article("a3", [(KIM, "The sanctions will fail and history will prove it.")], body=BODIES[2]),
                           article("a4", [(KIM, "Never.")], body=BODIES[3])])
    assert stats(store)["quotations"] == 4


# ------------------------------------------------------------------ entities


def test_same_name_is_one_entity_surname_sharers_stay_two(store):
    ingest_records(store, [
        article("a1", [(KIM, Q)], body=BODIES[0]),
        article("a2", [{"speaker": KIM, "text": "Another statement about the talks was made today."}], body=BODIES[1]),
        article("a3", [("Dong-Yub Kim", "The talks are not over yet, not by a long way.")], body=BODIES[2]),
        article("a4", [("John Smith", "Taxes will rise next year for everyone.")], body=BODIES[3]),
        article("a5", [("Jane Smith", "Taxes will fall next year for nobody.")], body=BODIES[0] + ["x"]),
    ])
    assert len(find_entities(store, KIM)) == 1
    assert len(find_entities(store, "Kim Jong-un")) == 1          # spelling variant, same key
    assert find_entities(store, "Dong-Yub Kim") != find_entities(store, KIM)
    assert len(find_entities(store, "John Smith")) == 1
    assert find_entities(store, "John Smith") != find_entities(store, "Jane Smith")
    assert get_speaker(store, KIM)["n_quotations"] == 2
    ents = list_entities(store, type="PERSON")
    assert ents["total"] == 4


def test_one_word_name_joins_the_only_candidate_and_says_why(store):
    ingest_records(store, [article("a1", [("Donald Trump", "The wall will be built, believe me.")], body=BODIES[0]),
                           article("a2", [("Trump", "I like him very much, we have a great relationship.")],
                                   body=BODIES[1])])
    (eid,) = find_entities(store, "Donald Trump")
    exp = explain_entity(store, "Donald Trump")["items"][0]
    rules = {m["rule"]: m for m in exp["merges"]}
    assert "partial" in rules and "'Trump'" in rules["partial"]["reason"]
    assert {a["alias"] for a in exp["aliases"]} == {"Donald Trump", "Trump"}
    assert get_speaker(store, "Donald Trump")["n_quotations"] == 2


def test_ambiguous_surname_is_decided_by_context_or_kept_apart(store):
    ingest_records(store, [
        article("a1", [("John Smith", "Taxes will rise next year for everyone.")], body=BODIES[0],
                entities=[("Treasury", "ORG")]),
        article("a2", [("Jane Smith", "The match was the best of the season.")], body=BODIES[1],
                entities=[("Arsenal", "ORG")]),
        article("a3", [("Smith", "Tax cuts are off the table this spring.")], body=BODIES[2],
                entities=[("Treasury", "ORG")]),
        article("a4", [("Smith", "Nobody knows who will win the cup final now.")], body=BODIES[3]),
    ])
    john = get_speaker(store, "John Smith")
    assert john["n_quotations"] == 2
    exp = explain_entity(store, "John Smith")["items"][0]
    assert any(m["rule"] == "context" and "Treasury" in m["reason"] for m in exp["merges"])
    assert get_speaker(store, "Jane Smith")["n_quotations"] == 1
    lone = [e for e in explain_entity(store, "Smith")["items"] if e["name"] == "Smith"]
    assert lone and "ambiguous" in lone[0]["merges"][0]["reason"]


def test_aliases_and_descriptors_are_recorded(store):
    ingest_records(store, [article("a1", [{"speaker": KIM, "text": Q, "aliases": ["Kim", "Mr Kim"],
                                           "descriptor": "North Korean leader"}], body=BODIES[0])])
    sp = get_speaker(store, KIM)
    assert {a["alias"] for a in sp["aliases"]} >= {"Kim", "Mr Kim", KIM}
    assert sp["descriptors"][0]["text"] == "North Korean leader"


# ------------------------------------------------------------------ articles


def test_reingest_same_id_or_same_text_never_duplicates(store):
    recs = three_articles()
    ingest_records(store, recs)
    before = counts(store)
    rep = ingest_records(store, three_articles())
    assert rep.unchanged == 3 and counts(store) == before
    # same id from the same input, changed content: updated in place
    changed = article("a1", [(KIM, "Sanctions are a crime against our people, a crime.")], body=BODIES[0],
                      site="kcna.kp")
    rep = ingest_records(store, [changed])
    assert rep.updated == 1 and stats(store)["articles"] == 3
    assert stats(store)["quotations"] == 2
    assert get_quotation(store, 1)["n_occurrences"] == 2
    # same text under another id: the same article
    copy = article("a1", [(KIM, "Sanctions are a crime against our people, a crime.")], body=BODIES[0])
    copy.id = "other-id"
    ingest_records(store, [copy])
    assert stats(store)["articles"] == 3
    assert get_article(store, "other-id")["record"]["title"] == "Article a1"
    assert get_article(store, "a1")["store"]["other_ids"] == ["other-id"]


def test_reingest_drops_entities_nobody_uses_any_more(store):
    ingest_records(store, [article("a1", [("Jane Doe", Q)], body=BODIES[0])])
    ingest_records(store, [article("a1", [(KIM, Q)], body=BODIES[0])])
    assert find_entities(store, "Jane Doe") == []
    assert stats(store)["entities"] == 1


def test_syndicated_copies_are_linked_and_counted_once(store):
    title = "Kim vows to keep nuclear arsenal"
    original = article("a1", [(KIM, Q)], body=BODIES[0] + BODIES[1] + BODIES[2], site="apnews.com", title=title)
    copy = article("a2", [(KIM, Q)], body=["(AP) -"] + BODIES[0] + BODIES[1] + BODIES[2], site="abcnews.com",
                   title=title)
    other = article("a3", [(KIM, Q)], body=BODIES[3], site="bbc.co.uk", title=title)
    ingest_records(store, [original, copy, other])
    art = get_article(store, "a2")["store"]
    assert art["duplicate_of"] == "a1" and art["duplicate_similarity"] >= 0.7
    assert get_article(store, "a1")["store"]["duplicates"] == ["a2"]
    q = get_quotation(store, 1)
    assert q["n_occurrences"] == 3 and q["n_articles"] == 2 and q["n_sources"] == 3
    assert top_speakers(store)["items"][0]["n_articles"] == 2
    assert stats(store)["near_duplicates"] == 1


# ------------------------------------------------------------------ search


def corpus_for_search(store):
    ingest_records(store, [
        article("a1", [{"speaker": KIM, "text": "Sanctions will never break our people.", "date": "2018-06-01"}],
                published="2018-06-03", site="kcna.kp", body=BODIES[0]),
        article("a2", [{"speaker": KIM, "text": "We are ready for talks on denuclearisation.", "kind": "indirect"}],
                published="2019-04-10", site="reuters.com", body=BODIES[1]),
        article("a3", [{"speaker": "Donald Trump", "text": "He wants a deal, the sanctions stay until then.",
                        "about": [KIM]}], published="2019-05-01", site="cnn.com", body=BODIES[2]),
        article("a4", [{"speaker": "the Foreign Ministry", "type": "organisation",
                        "text": "The sanctions are an act of hostility."}], published="2019-07-01",
                site="kcna.kp", body=BODIES[3]),
    ])


@pytest.mark.parametrize("kwargs, expected", [
    (dict(search="sanctions"), 3),
    (dict(search="sanction"), 3),                      # porter stemming
    (dict(search="sanc*"), 3),
    (dict(search='"never break"'), 1),
    (dict(search="talks OR hostility"), 2),
    (dict(speaker=KIM, search="sanctions", since="2019-01-01"), 0),
    (dict(speaker=KIM, search="sanctions", since="2018-01-01"), 1),
    (dict(speaker=KIM, since="2018-06-02", date_field="statement"), 1),
    (dict(speaker=KIM, since="2018-06-02", date_field="published"), 2),
    (dict(speaker=KIM, until="2018"), 1),
    (dict(speaker="Donald Trump", about=KIM), 1),
    (dict(about="Nobody Known"), 0),
    (dict(speaker_type="organisation"), 1),
    (dict(source="KCNA.kp"), 2),
    (dict(kind="indirect"), 1),
    (dict(speaker="Kim"), 2),                          # a surname finds the person
])
def test_search_filters(store, kwargs, expected):
    corpus_for_search(store)
    assert search_quotations(store, **kwargs)["total"] == expected


@pytest.mark.parametrize("text", [
    'say "unbalanced', '"', "NEAR(sanctions people)", "sanc*", "*", "(((", "sanctions)", "a OR", "OR", "AND NOT",
    "'; DROP TABLE quotations; --", "text:sanctions", "^sanctions", "sanctions + -", "日本 制裁", "",
])
def test_plain_search_text_never_breaks_sql(store, text):
    corpus_for_search(store)
    res = search_quotations(store, search=text)
    assert res["total"] >= 0
    assert stats(store)["quotations"] == 4  # nothing dropped


@pytest.mark.parametrize("text", ['"unbalanced', "NEAR(sanctions", "(((", "sanctions)", "AND", "nosuchcol:x",
                                  "'; DROP TABLE quotations; --"])
def test_fts_syntax_errors_are_clear(store, text):
    corpus_for_search(store)
    with pytest.raises(StoreError) as err:
        search_quotations(store, search=text, fts=True)
    assert err.value.code == E.BAD_QUERY and "full-text syntax" in err.value.message
    assert stats(store)["quotations"] == 4


def test_fts_mode_allows_near_and_prefix(store):
    corpus_for_search(store)
    assert search_quotations(store, search="NEAR(sanctions people, 4)", fts=True)["total"] == 1
    assert search_quotations(store, search="sanc* NOT hostility", fts=True)["total"] == 2


def test_pagination_and_total(store):
    ingest_records(store, [article(f"a{i}", [(KIM, f"Statement number {i} about sanctions and talks today.")],
                                   body=[f"Body paragraph {i} with unique words {i * 7919}."]) for i in range(7)])
    page = search_quotations(store, search="sanctions", limit=3, offset=3, order="date")
    assert page["total"] == 7 and len(page["items"]) == 3 and page["offset"] == 3
    assert search_quotations(store, search="sanctions", limit=3, offset=6)["items"].__len__() == 1
    with pytest.raises(StoreError):
        search_quotations(store, limit=-1)


def test_read_api_returns_plain_dicts(store):
    corpus_for_search(store)
    for data in (search_quotations(store, search="sanctions"), get_quotation(store, 1), get_speaker(store, KIM),
                 get_article(store, "a3"), list_entities(store), top_speakers(store), explain_entity(store, KIM),
                 stats(store)):
        assert json.loads(json.dumps(data)) == data
    art = get_article(store, "a3")
    assert art["store"]["quotes"][0]["quotation_id"]
    assert {e["entity_name"] for e in art["store"]["entities"]} >= {"Donald Trump", KIM}
    with pytest.raises(StoreError) as err:
        get_article(store, "nope")
    assert err.value.code == E.NO_MATCH


# ------------------------------------------------------------------ schema and concurrency


def test_newer_schema_is_refused_clearly(tmp_path):
    path = tmp_path / "news.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.code == E.NEWER_SCHEMA and "upgrade newsgraph" in err.value.message


def test_migrations_run_in_order_once(tmp_path):
    path = tmp_path / "news.db"
    open_store(path).close()
    nxt = max(MIGRATIONS) + 1
    extra = {**MIGRATIONS, nxt: "ALTER TABLE articles ADD COLUMN note TEXT;"}
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, str(path), extra) == nxt
    assert migrate(conn, str(path), extra) == nxt
    assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(articles)")]


def test_migration_2_from_a_version_1_file(tmp_path):
    """A version 1 file (weak MinHash, search over the text only) is brought to version 2."""
    from newsgraph.store.db import _configure
    from newsgraph.store.writer import ArticleWriter

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    _configure(conn)
    conn.row_factory = sqlite3.Row
    assert migrate(conn, str(path), {1: MIGRATIONS[1]}) == 1
    title = "Kim vows to keep nuclear arsenal"
    recs = [article("a1", [(KIM, Q)], body=BODIES[0] + BODIES[1] + BODIES[2], title=title),
            article("a2", [(KIM, Q)], body=["(AP) -"] + BODIES[0] + BODIES[1] + BODIES[2], title=title)]
    conn.execute("BEGIN")
    writer = ArticleWriter(conn)
    for rec in recs:
        writer.write(rec)
    # as version 1 could leave it: a near variant not in the search index, the duplicate link reversed
    conn.execute("INSERT INTO occurrences (quotation, article, idx, match, text, published) "
                 "VALUES (1, 1, 5, 'near', ?, '2019-03-01')", (Q.replace("say", "claim"),))
    conn.execute("UPDATE articles SET duplicate_of = 2 WHERE rowid = 1")
    conn.execute("UPDATE articles SET duplicate_of = NULL WHERE rowid = 2")
    conn.execute("COMMIT")
    conn.close()
    store = open_store(path)
    assert store.schema_version == max(MIGRATIONS) >= 2
    a2 = get_article(store, "a2")["store"]
    assert a2["duplicate_of"] == "a1" and get_article(store, "a1")["store"]["duplicate_of"] is None
    assert search_quotations(store, search="claim")["total"] == 1        # the variant's word is searchable
    assert get_quotation(store, 1)["n_articles"] == 1                    # a1 and its copy a2


def test_other_sqlite_files_are_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.code == E.NOT_A_STORE
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        open_store(tmp_path / "junk.db")


def test_one_writer_at_a_time_and_readers_never_blocked(store, tmp_path):
    ingest_records(store, three_articles())
    with store.writing() as conn:
        with pytest.raises(StoreError) as err:
            ingest_records(open_store(store.path), [article("a9", [(KIM, Q)])])
        assert err.value.code == E.LOCKED
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM occurrences")
        result = {}

        def read():
            t = time.perf_counter()
            result["total"] = search_quotations(store, speaker=KIM)["items"][0]["n_occurrences"]
            result["seconds"] = time.perf_counter() - t

        th = threading.Thread(target=read)
        th.start()
        th.join(5)
        conn.execute("ROLLBACK")
    assert result["total"] == 3 and result["seconds"] < 1  # the committed snapshot, at once
    assert ingest_records(store, [article("a9", [(KIM, Q)], body=BODIES[3])]).inserted == 1


def test_query_time_limit(store):
    corpus_for_search(store)
    store.query_timeout = 0.0
    conn = store.reader()
    with pytest.raises(StoreError) as err:
        with store.time_limit(conn):
            conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000) "
                         "SELECT COUNT(*) FROM c").fetchone()
    assert err.value.code == E.QUERY_TIMEOUT


# ------------------------------------------------------------------ property: any text is safe


@pytest.fixture(scope="module")
def search_store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("fts") / "news.db")
    corpus_for_search(s)
    yield s
    s.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list('ab sanctions"*()^:+-\'NEAROTD;{}[],.\\%_')), max_size=30)
       | st.text(max_size=30))
def test_any_plain_search_text_is_valid_fts(search_store, text):
    res = search_quotations(search_store, search=text, speaker=text or None, about=text or None, source=text or None)
    assert res["total"] >= 0


def test_one_word_name_seen_first_joins_the_full_name_later(store):
    ingest_records(store, [
        article("a1", [("Trump", "The wall will be built, believe me, and Mexico will pay.")], body=BODIES[0]),
        article("a2", [{"speaker": "Donald Trump", "text": "I like him very much, we have a great relationship."}],
                body=BODIES[1]),
        article("a3", [("Trump", "The wall will be built, believe me.")], body=BODIES[2]),
    ])
    assert len(find_entities(store, "Trump")) == 1
    sp = get_speaker(store, "Donald Trump")
    assert sp["n_quotations"] == 2 and sp["n_articles"] == 3          # a3 joined a1's quotation (trimmed)
    exp = explain_entity(store, "Donald Trump")["items"][0]
    assert any("seen before any full name" in m["reason"] for m in exp["merges"])


def test_a_one_word_name_two_people_share_is_not_absorbed(store):
    ingest_records(store, [
        article("a1", [("Smith", "Nobody knows who will win the cup final now.")], body=BODIES[0]),
        article("a2", [("John Smith", "Taxes will rise next year for everyone.")], body=BODIES[1]),
        article("a3", [("Jane Smith", "The match was the best of the season.")], body=BODIES[2]),
    ])
    names = {e["name"] for e in list_entities(store)["items"]}
    assert {"John Smith", "Jane Smith"} <= names
    # "Smith" joined John Smith (then the only Smith); Jane stays apart
    assert get_speaker(store, "Jane Smith")["n_quotations"] == 1


def test_words_of_a_near_variant_are_searchable(store):
    ingest_records(store, [article("a1", [(KIM, Q)], body=BODIES[0]),
                           article("a2", [(KIM, Q.replace("say", "claim"))], body=BODIES[1])])
    assert stats(store)["quotations"] == 1
    assert search_quotations(store, search="claim")["total"] == 1
    assert search_quotations(store, search="say")["total"] == 1


def test_migration_adds_the_confidence_of_each_occurrence(tmp_path):
    """A file of the step before gains occurrences.confidence; --min-confidence filters on it."""
    from newsgraph.store.db import _configure, _migrate_confidence

    step = next(v for v, f in MIGRATIONS.items() if f is _migrate_confidence)
    path = tmp_path / "before.db"
    conn = sqlite3.connect(path, isolation_level=None)
    _configure(conn)
    assert migrate(conn, str(path), {v: MIGRATIONS[v] for v in range(1, step)}) == step - 1
    assert "confidence" not in {r[1] for r in conn.execute("PRAGMA table_info(occurrences)")}
    conn.close()
    store = open_store(path)
    assert store.schema_version == max(MIGRATIONS) >= step
    rec = article("c1", [(KIM, Q)])
    rec.quotes[0].confidence = 0.42
    ingest_records(store, [rec])
    assert search_quotations(store, min_confidence=0.4)["total"] == 1
    assert search_quotations(store, min_confidence=0.5)["total"] == 0
    assert search_quotations(store)["total"] == 1
