"""In-document entity clusters and canonical names.

Every text here was written for these tests. They load the spaCy model.
"""
from __future__ import annotations

import pytest

from newsgraph.entities import entity_gender, extract_entities, norm_key

pytestmark = pytest.mark.slow


def clusters(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    """canonical name -> (type, mention texts)"""
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in extract_entities(nlp(text))}


def test_full_name_title_surname_and_possessive_are_one_person(nlp):
    out = clusters(nlp, "Anna Cole runs the clinic. Ms. Cole said the clinic's budget was cut. Cole's staff agreed.")
    assert out == {"Anna Cole": ("PERSON", ["Anna Cole", "Ms. Cole", "Cole"])}


def test_canonical_name_has_no_title(nlp):
    ents = extract_entities(nlp("President Mark Hill visited Denver. Hill said the visit went well."))
    hill = next(e for e in ents if e.type == "PERSON")
    assert hill.name == "Mark Hill"
    assert [m.text for m in hill.mentions] == ["President Mark Hill", "Hill"]


def test_fullest_name_wins(nlp):
    out = clusters(nlp, "Paul D. Ryan spoke. Paul Ryan left. Ryan returned.")
    assert list(out) == ["Paul D. Ryan"]
    assert out["Paul D. Ryan"][1] == ["Paul D. Ryan", "Paul Ryan", "Ryan"]


def test_surname_with_particle(nlp):
    out = clusters(nlp, "Chandler Van Doren planted trees. Mr. Van Doren said the trees grow fast.")
    assert list(out) == ["Chandler Van Doren"]


def test_shared_surname_goes_to_the_person_it_was_established_for(nlp):
    text = ("Kim Jong Un met officials. Kim said talks would go on. "
            "Dong-Yub Kim, an analyst, disagreed. Kim's speech was short.")
    out = clusters(nlp, text)
    assert out["Kim Jong Un"][1] == ["Kim Jong Un", "Kim", "Kim"]
    assert out["Dong-Yub Kim"][1] == ["Dong-Yub Kim"]
    assert "Kim" not in out


def test_gendered_title_picks_the_right_namesake(nlp):
    out = clusters(nlp, "Tom Hill met Sara Hill on Monday. Mrs. Hill said the meeting was good.")
    assert "Mrs. Hill" in out["Sara Hill"][1]
    assert "Mrs. Hill" not in out["Tom Hill"][1]


def test_country_aliases_merge(nlp):
    out = clusters(nlp, "The U.S. sent envoys. Officials in the United States agreed.")
    assert out["United States"] == ("GPE", ["U.S.", "United States"])


def test_possessive_place_before_an_organisation(nlp):
    out = clusters(nlp, "He works at Boston's Institute for Urban Policy.")
    assert out["Boston"][0] == "GPE"
    assert out["Institute for Urban Policy"][0] == "ORG"


def test_parent_organisation_inside_a_sub_unit(nlp):
    out = clusters(nlp, "She joined the Central Committee of the Green Party of Canada last year.")
    assert "Green Party of Canada" in out


def test_acronym_merges_with_its_long_form(nlp):
    out = clusters(nlp, "Officials of the Federal Bureau of Investigation spoke. The FBI declined to comment.")
    assert out == {"Federal Bureau of Investigation": ("ORG", ["Federal Bureau of Investigation", "FBI"])}


def test_descriptor_from_apposition(nlp):
    ents = extract_entities(nlp("Dong-Yub Kim, an analyst at a Seoul institute, disagreed."))
    person = next(e for e in ents if e.type == "PERSON")
    assert person.descriptors == ["an analyst at a Seoul institute"]


def test_gender_from_title_and_given_name(nlp):
    ents = {e.name: e for e in extract_entities(nlp("Ms. Ortiz met Robert Lane and Quinn Avery."))}
    assert entity_gender(ents["Ortiz"]) == "f"
    assert entity_gender(ents["Robert Lane"]) == "m"
    assert entity_gender(ents["Quinn Avery"]) is None


def test_offsets_point_into_the_text(nlp):
    text = "Anna Cole runs the clinic in Boston. Ms. Cole said so."
    for e in extract_entities(nlp(text)):
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_no_entities(nlp):
    assert extract_entities(nlp("it rained all day and nobody came.")) == []


def test_norm_key():
    assert norm_key("The U.S.") == "us"
    assert norm_key("Seoul\u2019s") == "seoul's"


def test_regression_a_name_in_another_script_does_not_crash(nlp):
    # a cleaning page crashed with IndexError: a Greek phrase tagged PERSON has no
    # a-z word, so its name key was empty and the full-name merge indexed an empty list
    from spacy.tokens import Span

    text = "Die Rede von Anna Berg und Στην Ευρώπη Νέα wurde gelobt. Anna Berg sprach lange."
    doc = nlp(text)
    start = text.index("Στην")
    greek = doc.char_span(start, start + len("Στην Ευρώπη Νέα"), label="PERSON", alignment_mode="expand")
    berg = doc.char_span(text.index("Anna"), text.index("Anna") + 9, label="PERSON")
    doc.ents = [Span(doc, berg.start, berg.end, "PERSON"), greek]
    names = {e.name for e in extract_entities(doc) if e.type == "PERSON"}
    assert "Στην Ευρώπη Νέα" in names and "Anna Berg" in names


def test_name_keys_fold_accents_and_keep_every_script():
    assert norm_key("José Pérez") == "jose perez"
    assert norm_key("Στην Ευρώπη") == "στην ευρωπη"
    assert norm_key("The New York Times") == "new york times"
    assert norm_key("\u2014") == ""
