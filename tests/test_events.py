"""PLOVER events: sentence -> [(type, source, target)] tables in our own sentences (every
type, negated and conditional cases, sentences with no event), the actors' countries, the
spaCy component. Slow: the spaCy model parses each sentence."""
from __future__ import annotations

import pytest

from newsgraph.events import country_code, country_name

slow = pytest.mark.slow


def events_of(text: str):
    from newsgraph.pipeline import process_text

    rec = process_text("Headline here\n\n" + text, published="2021-06-01")
    return rec.events


def who(actor):
    return None if actor is None else (actor.name or actor.text)


def table(text: str) -> list[tuple]:
    return [(e.type, who(e.source), who(e.target)) for e in events_of(text)]


EVERY_TYPE = [
    ("Chile and Peru agreed to build a new bridge across their border.", [("AGREE", "Peru", "Chile")]),
    ("The Kenyan president met the Ugandan prime minister in Nairobi on Monday.",
     [("CONSULT", "Kenyan president", "Ugandan prime minister")]),
    ("Brazil praised Argentina for its handling of the floods.", [("SUPPORT", "Brazil", "Argentina")]),
    ("The government of Ghana lifted the curfew in Accra.", [("CONCEDE", "Ghana", "Accra")]),
    ("Norway extradited two suspects to Sweden.", [("COOPERATE", "Norway", "Sweden")]),
    ("Japan sent food aid to Haiti.", [("AID", "Japan", "Haiti")]),
    ("Russia withdrew its troops from Moldova.", [("RETREAT", "Russia", "Moldova")]),
    ("Germany demanded that Turkey release the journalists.", [("REQUEST", "Germany", "Turkey")]),
    ("Egypt accused Ethiopia of breaking the water agreement.", [("ACCUSE", "Egypt", "Ethiopia")]),
    ("Serbia rejected a proposal from Kosovo.", [("REJECT", "Serbia", "Kosovo")]),
    ("Iran threatened to close the strait to American ships.", [("THREATEN", "Iran", "American ships")]),
    ("Thousands of farmers protested against the Indian government in Delhi.",
     [("PROTEST", "farmers", "Indian government")]),
    ("Canada imposed sanctions on Belarus.", [("SANCTION", "Canada", "Belarus")]),
    ("Armenia deployed troops along its border with Azerbaijan.", [("MOBILIZE", "Armenia", None)]),
    ("Police in Minsk arrested forty protesters.", [("COERCE", "Police in Minsk", "forty protesters")]),
    ("Militants attacked a police station in northern Nigeria.", [("ASSAULT", "Militants", "Nigeria")]),
    # frames: a report of intent, a demand through "must", openness
    ("Poland said it would send soldiers to Lithuania.", [("AGREE", "Poland", "Lithuania")]),
    ("Hungary said Austria must reopen the border.", [("REQUEST", "Hungary", "Austria")]),
    ("Somali police opened fire on demonstrators in Mogadishu.", [("ASSAULT", "Somali police", "demonstrators")]),
    ("Workers in Lagos went on strike on Friday.", [("PROTEST", "Workers in Lagos", None)]),
    # no event
    ("The weather in Oslo was mild on Tuesday.", []),
    ("The minister said the economy grew by two percent.", []),
    ("Officials met the deadline for the report.", []),
    ("The company recognized the benefits of the new software.", []),
]


@slow
@pytest.mark.parametrize("text,expected", EVERY_TYPE)
def test_sentence_table(text, expected):
    assert table(text) == expected


@slow
def test_every_plover_type_is_in_the_table():
    from newsgraph.records import EVENT_TYPES

    assert {t for _, rows in EVERY_TYPE for t, _, _ in rows} == set(EVENT_TYPES)


@slow
@pytest.mark.parametrize("text,expected", [
    # (type, source, target, negated, hypothetical)
    ("Colombia did not sign the treaty with Venezuela.", [("SUPPORT", "Colombia", "Venezuela", True, False)]),
    ("Russia will not accept the plan.", [("REJECT", "Russia", None, False, False)]),   # a refusal, not a negation
    ("The union threatened to strike if the government cut wages.",
     [("THREATEN", "union", "government", False, True)]),
    ("Mexico is open to talks with Guatemala.", [("CONSULT", "Mexico", "Guatemala", False, True)]),
])
def test_negated_and_conditional(text, expected):
    assert [(e.type, who(e.source), who(e.target), e.negated, e.hypothetical) for e in events_of(text)] == expected


@slow
def test_fields_modes_dates_and_offsets():
    [e] = events_of("Somali police opened fire on demonstrators in Mogadishu on Monday.")
    assert (e.mode, e.date, e.source.country, e.source.sector) == ("firearms", "2021-05-31", "SOM", "COP")
    assert e.location.name == "Mogadishu" and e.location.country == "SOM"
    [t] = events_of("Workers in Lagos went on strike on Friday.")
    assert t.mode == "strike" and t.date == "2021-05-28"


@slow
def test_offsets_point_into_the_text_and_captions_are_not_coded():
    from newsgraph.pipeline import process_text

    text = ("Talks resume\n\nIsrael and Jordan signed a water agreement on Tuesday.\n\n"
            "FILE - Soldiers attacked a village near the border in 2015.")
    rec = process_text(text, published="2021-06-02")
    for e in rec.events:
        assert rec.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert rec.text[e.source.start:e.source.end] == e.source.text
        assert 0 <= e.start < e.end <= len(rec.text)
    roles = {i: p.role for i, p in enumerate(rec.paragraphs)}
    for e in rec.events:
        para = next(i for i, p in enumerate(rec.paragraphs) if p.start <= e.start < p.end)
        assert roles[para] in ("title", "body")


@slow
def test_a_threat_in_a_quotation_points_to_it():
    from newsgraph.pipeline import process_text

    rec = process_text('Headline here\n\n"We will impose sanctions on Ruritania," the foreign minister of Freedonia '
                       'warned on Sunday.', published="2021-06-01")
    threats = [e for e in rec.events if e.type == "THREATEN"]
    assert threats and threats[0].quote == 0


@pytest.mark.parametrize("name,code", [
    ("Pyongyang", "PRK"), ("Washington", "USA"), ("the U.S.", "USA"), ("Jordanian", "JOR"), ("North Korean", "PRK"),
    ("Iraqis", "IRQ"), ("Great Britain", "GBR"), ("Moscow", "RUS"), ("Seoul", "KOR"), ("Chad", "TCD"),
    ("Kremlin", None), ("Monday", None), ("", None),
])
def test_country_codes_from_the_package_data(name, code):
    assert country_code(name) == code


def test_country_names():
    assert country_name("PRK") == "North Korea" and country_name("XXX") is None


@slow
def test_component_reads_the_earlier_stages(nlp):
    import spacy

    import newsgraph.events  # noqa: F401  (registers the factory)

    assert "newsgraph_events_v1" in spacy.registry.factories.get_all()
    from newsgraph.entities import extract_entities
    from newsgraph.events import events_component

    doc = nlp("Canada imposed sanctions on Belarus.")        # the loader's pipeline ran every stage
    assert [(e.type, e.source.name, e.target.name) for e in doc._.ng_events] == [("SANCTION", "Canada", "Belarus")]
    doc._.ng_entities = extract_entities(doc)
    doc._.ng_quotes, doc._.ng_timexes, doc._.ng_paragraphs = [], [], None
    events_component(doc)                                       # again, by hand, on the same doc
    assert [(e.type, e.source.name, e.target.name) for e in doc._.ng_events] == [("SANCTION", "Canada", "Belarus")]


@slow
def test_frames_nested_without_end_do_not_recurse_forever():
    """Regression: a reporting frame inside a reporting frame ... (a hostile page) once raised
    RecursionError through the frame reader."""
    text = "Canada said " + "that Peru said " * 400 + "that Chile imposed sanctions on Bolivia."
    events = events_of(text)
    assert isinstance(events, list)
