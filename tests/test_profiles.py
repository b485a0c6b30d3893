"""Speaker profiles: (sentence or descriptor) -> (gender, role) tables, hard cases included.

The sentences are written for these tests. The fast tables exercise the pure pieces
(descriptor heads, the role lexicon, the names data rule, countries); the slow table runs
the spaCy model and every stage up to the profiles on each sentence.
"""
from __future__ import annotations

import pytest

from newsgraph.profiles import (country_of, descriptor_head, given_name, given_name_gender, org_role,
                                role_of_phrase)

# ------------------------------------------------------------------ descriptors -> role

ROLE_TABLE = [
    ("a North Korea specialist at an institute in Seoul", "expert", "specialist", False),
    ("a former State Department diplomat who focuses on Korea", "government", "diplomat", True),
    ("a spokesman for the dockworkers' union", "union", "spokesman", False),
    ("a spokesman", None, "spokesman", False),                 # generic: the organisation decides
    ("Opposition health spokesman", "party", "spokesman", False),
    ("the chief executive of a software company", "business", "chief executive", False),
    ("a law professor", "expert", "professor", False),
    ("Conservative economist", "expert", "economist", False),
    ("Small groups of protesters", "ordinary", "protesters", False),
    ("one of the doctors who signed the letter", "expert", "doctors", False),
    ("the club's captain", "sports_culture", "captain", False),
    ("Police Chief", "police_military", "chief", False),
    ("State Rep.", "legislator", "rep", False),
    ("U.S. District Judge", "judiciary", "judge", False),
    ("the Rev.", "religious", "rev", False),
    ("Republican vice-presidential nominee", "party", "nominee", False),
    ("a retired Air Force general", "police_military", "general", True),
    ("a resident of the valley for 22 years", "ordinary", "resident", False),
    ("White House press secretary", "government", "press secretary", False),
    ("the 68-year-old", None, None, None),                      # nothing the lexicon knows
    ("events that limit her time", None, None, None),
    ("", None, None, None),
]


@pytest.mark.parametrize("text,role,head,former", ROLE_TABLE)
def test_role_of_phrase(text, role, head, former):
    found = role_of_phrase(text)
    if head is None:
        assert found is None
    else:
        assert found == (role, head, former)


def test_descriptor_head_stops_at_the_first_preposition_or_clause():
    assert descriptor_head("a former State Department diplomat who focuses on Korea") == (
        ["former", "State", "Department", "diplomat"], ["who", "focuses", "on", "Korea"])
    assert descriptor_head("the chairwoman of the committee")[0] == ["chairwoman"]
    assert descriptor_head("")[0] == []


ORG_TABLE = [
    ("Chicago Police Department", "police_military"),
    ("United Mine Workers of America", "union"),
    ("Spanish Union of Airline Pilots", "union"),
    ("Federal Bureau of Prisons", "government"),
    ("Ministry of Economy, Trade and Industry", "government"),
    ("West Virginia University", "expert"),
    ("The Wall Street Journal", "media"),
    ("Lakeside Savings Bank", "business"),
    ("Norwegian Refugee Council", "civil_society"),
    ("the council", "legislator"),          # the noun alone
    ("European Union", "government"),       # a union of states, not a trade union
    ("Trump campaign", "party"),
    ("Kingsbridge Athletic", None),         # a name with no telling word
    ("Iberomar", None),
]


@pytest.mark.parametrize("name,role", ORG_TABLE)
def test_org_role(name, role):
    found = org_role(name)
    assert (found[0] if found else None) == role


# ------------------------------------------------------------------ given names

NAME_TABLE = [
    ("Margaret", "female"), ("Donald", "male"), ("Hillary", "female"), ("Sean", "male"),
    ("Nick", "male"), ("Loretta", "female"), ("Eric", "male"),
    # ambiguous in the names data: stay unknown
    ("Kim", None), ("Jean", None), ("Andrea", None), ("Robin", None), ("Terry", None), ("Chris", None),
    ("Lindsey", None), ("Carmel", None),
    # not in the data
    ("Mintaro", None), ("Dong-Yub", None), ("Xqzvb", None), ("", None),
]


@pytest.mark.parametrize("name,gender", NAME_TABLE)
def test_given_name_gender(name, gender):
    assert given_name_gender(name) == gender


@pytest.mark.parametrize("full,given", [
    ("Margaret Berg", "Margaret"), ("Joseph R. Biden Jr.", "Joseph"), ("Vann R. Newkirk II", "Vann"),
    ("Okonjo", None),                    # a surname alone says nothing
    ("J. Smith", None),                  # an initial
    ("de Souza", None),
])
def test_given_name(full, given):
    assert given_name(full) == given


@pytest.mark.parametrize("words,country", [
    ("U.S.", "United States"), ("North Korean", "North Korea"), ("South Korean", "South Korea"),
    ("French", "France"), ("Chinese", "China"), ("Seoul", "South Korea"), ("Germany", "Germany"),
    ("Britain", "United Kingdom"), ("Springfield", None), ("IN", None), ("", None),
])
def test_country_of(words, country):
    assert country_of(words) == country


# ------------------------------------------------------------------ whole sentences (the model)

# text -> [(speaker, gender, role)] for every quote, in order
SENTENCES = [
    # a woman called "Chairman": the title says nothing of gender, "She" does
    ("Chairman Mary Okafor of Lakeside Bank said profits fell. She added that the bank would hire.",
     [("Mary Okafor", "female", "business")] * 2),
    # men named Kim, Jean, Andrea: the text wins over the names data
    ("Kim Sorensen, a geologist at the University of Oslo, said the slope was unstable. He said residents "
     "should leave.", [("Kim Sorensen", "male", "expert")] * 2),
    ("Jean Moreau said he would not resign.", [("Jean Moreau", "male", "unknown")]),
    ("Andrea Rossi, a police commander, said he had ordered more patrols.",
     [("Andrea Rossi", "male", "police_military")] * 2),
    # no text evidence and an ambiguous given name: unknown, not a guess
    ("Andrea Costa, a spokesperson for the dockworkers' union, said talks would resume.",
     [("Andrea Costa", "unknown", "union")]),
    # a pronoun that refers to someone else (the minister) is no evidence
    ("Taylor Quint said the minister had misled parliament and he should resign.",
     [("Taylor Quint", "unknown", "unknown")]),
    ("Taylor Quint said the minister had misled parliament. He denied it.",
     [("Taylor Quint", "unknown", "unknown")]),
    ("\u201cShe was right to drop me,\u201d said Robin Hale, the club's captain, of the coach.",
     [("Robin Hale", "unknown", "sports_culture")]),
    # a speaker whose only mention is a surname
    ("\u201cWe are not finished,\u201d Okonjo said.", [("Okonjo", "unknown", "unknown")]),
    # honorifics and gendered nouns
    ("\u201cThe plan is sound,\u201d said Ms. Varga, the finance minister.", [("Varga", "female", "government")]),
    ("The company's chairwoman, Pat Ellison, said sales rose.", [("Pat Ellison", "female", "business")]),
    # an anonymous source keeps its kind and gets a role
    ("\u201cWe will respond,\u201d said an official at the Interior Ministry who asked not to be named.",
     [("official at the Interior Ministry", "unknown", "government")]),
    # a given name the data knows, and a past role
    ("Carl Jensen, a former ambassador, said the talks were stalled.", [("Carl Jensen", "male", "government")]),
    # no quote, no profile
    ("The river rose overnight and the bridge was closed.", []),
]


def _profiles(nlp, text: str):

    doc = nlp(text)
    rows = []
    for q in doc._.ng_quotes:
        sp = q.speaker
        if sp is None:
            rows.append(None)
            continue
        ent = next((e for e in doc._.ng_entities if e.id == sp.entity), None)
        prof = ent.profile if ent is not None else sp.profile
        rows.append((sp.name, prof.gender.value, prof.role.value))
    return rows, doc


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentence_profiles(nlp, text, expected):
    rows, _ = _profiles(nlp, text)
    assert rows == expected


@pytest.mark.slow
def test_evidence_is_kept_with_offsets(nlp):
    text = "Kim Sorensen, a geologist at the University of Oslo, said the slope was unstable. He said residents should leave."
    _, doc = _profiles(nlp, text)
    ent = next(e for e in doc._.ng_entities if e.name == "Kim Sorensen")
    ev = ent.profile.gender.evidence
    assert [(e.kind, e.text, e.value) for e in ev] == [("pronoun", "He", "male")]
    assert text[ev[0].start:ev[0].end] == "He"
    assert ent.profile.affiliation.label == "University of Oslo"
    assert ent.profile.affiliation.value in {e.id for e in doc._.ng_entities}
    assert doc._.ng_profiles[ent.id] is ent.profile


@pytest.mark.slow
def test_country_from_the_descriptor(nlp):
    _, doc = _profiles(nlp, "\u201cWe are ready,\u201d said a South Korean official. "
                            "\u201cThe talks will take longer than anyone hoped,\u201d said Lena Hart, a U.S. diplomat.")
    quotes = doc._.ng_quotes
    anon = quotes[0].speaker.profile
    assert (anon.kind, anon.anonymous, anon.role.value, anon.country.value) == (
        "anonymous", True, "government", "South Korea")
    hart = next(e for e in doc._.ng_entities if e.name == "Lena Hart").profile
    assert (hart.role.value, hart.country.value) == ("government", "United States")


@pytest.mark.slow
def test_profiles_component_needs_the_quotes(nlp):
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("newsgraph_profiles_v1")
    with pytest.raises(ValueError, match="after newsgraph_entities_v1 and newsgraph_quotes_v1"):
        blank("Some text.")
