"""The passes of ``extract_entities`` one at a time.

The cluster passes (merging and folding) run on clusters built by hand, without
the model; the passes that read the parse run on sentences written for these tests.
"""
from __future__ import annotations

import pytest
import spacy

from newsgraph import entities as E
from newsgraph.entities import _Bare, _Cluster


def cl(label: str, *names: str, at: int = 0) -> _Cluster:
    c = _Cluster(label, first=at)
    for k, n in enumerate(names):
        c.names.append(n)
        c.mentions.append((at + 100 * k, at + 100 * k + len(n)))
    return c


# the bare-name pass reads the parse only for a pronoun after the name: none here
BLANK = spacy.blank("en")("Obama")


def others(*clusters: _Cluster) -> dict[str, _Cluster]:
    return {f"{c.label}:{E.norm_key(c.names[0])}": c for c in clusters}


EXTENDS = [
    ("Paul D. Ryan", "Paul Ryan", True),            # a middle initial
    ("Paul Ryan", "Paul D. Ryan", True),
    ("Universe Alicia Machado", "Alicia Machado", True),   # a stray word before a given name
    ("Alicia Machado", "Universe Alicia Machado", True),
    ("Tom Hill", "Sara Hill", False),               # same surname, other person
    ("Hill Street", "Tom Hill", False),
    ("Anna Berg", "Anna Berg Lund", False),         # a longer name that does not end the same
]


@pytest.mark.parametrize("name, other, expected", EXTENDS)
def test_extends(name, other, expected):
    assert E._extends(name, other) is expected


def test_merge_full_names_keeps_the_first_and_takes_the_rest():
    a, b, c = cl("PERSON", "Paul Ryan", at=0), cl("PERSON", "Tom Hill", at=50), cl("PERSON", "Paul D. Ryan", at=90)
    a.gender = None
    c.gender = "m"
    merged = E.merge_full_names([c, b, a])
    assert merged == [a, b]
    assert a.names == ["Paul Ryan", "Paul D. Ryan"] and a.gender == "m"


def test_attach_bare_names_goes_to_the_person_named_before_and_stays():
    kim = cl("PERSON", "Kim Jong Un", at=0)
    dong = cl("PERSON", "Dong-Yub Kim", at=200)
    people = [kim, dong]
    bare = [_Bare(100, 103, "kim", [], "Kim", [], 0), _Bare(300, 303, "kim", [], "Kim", [], 0)]
    links = E.attach_bare_names(BLANK, people, bare)
    assert (100, 103) in kim.mentions and (300, 303) in kim.mentions   # established for Kim Jong Un
    assert links.established == {"kim": kim}
    assert people == [kim, dong]


def test_attach_bare_names_a_gendered_title_picks_the_namesake():
    tom, sara = cl("PERSON", "Tom Hill", at=0), cl("PERSON", "Sara Hill", at=20)
    tom.gender, sara.gender = "m", "f"
    E.attach_bare_names(BLANK, [tom, sara], [_Bare(100, 109, "hill", ["mrs"], "Hill", [], 0)])
    assert (100, 109) in sara.mentions and (100, 109) not in tom.mentions


def test_attach_bare_names_an_unknown_word_is_a_person_of_its_own():
    people = [cl("PERSON", "Tom Hill", at=0)]
    links = E.attach_bare_names(BLANK, people, [_Bare(50, 55, "osei", [], "Osei", [], 0)])
    assert [c.names for c in people] == [["Tom Hill"], ["Osei"]]
    assert links.singles["osei"] is people[1]


def test_settle_forward_guesses_yields_to_the_majority():
    # a headline "Obama" guessed for the first Obama named, then "Mr. Obama" three times for another
    first, other = cl("PERSON", "Michelle Obama", at=50), cl("PERSON", "Barack Obama", at=80)
    first.gender, other.gender = "f", "m"
    bare = [_Bare(0, 5, "obama", [], "Obama", ["a headline"], 0)] + [
        _Bare(200 + 10 * k, 209 + 10 * k, "obama", ["mr"], "Obama", [], 0) for k in range(3)]
    people = [first, other]
    links = E.attach_bare_names(BLANK, people, bare)
    assert (0, 5) in first.mentions
    E.settle_forward_guesses(people, links)
    assert (0, 5) in other.mentions and (0, 5) not in first.mentions
    assert "a headline" in other.descriptors


def test_fold_person_words():
    trump = cl("PERSON", "Donald Trump")
    o = others(cl("ORG", "Trump", at=10), cl("ORG", "Trump Tower", at=20))
    E.fold_person_words(o, {"trump": trump})
    assert list(o) == ["ORG:trump tower"]
    assert (10, 15) in trump.mentions and trump.names == ["Donald Trump"]


def test_fold_compass_words():
    nk = cl("GPE", "North Korea")
    o = others(nk, cl("LOC", "North", at=40))
    E.fold_compass_words(o)
    assert list(o) == ["GPE:north korea"] and (40, 45) in nk.mentions
    # two places starting with "north": no fold
    o = others(cl("GPE", "North Korea"), cl("GPE", "North Dakota"), cl("LOC", "North", at=40))
    E.fold_compass_words(o)
    assert "LOC:north" in o


def test_fold_last_words():
    times = cl("ORG", "The New York Times")
    o = others(times, cl("ORG", "Times", at=60))
    E.fold_last_words(o)
    assert list(o) == ["ORG:new york times"] and times.names == ["The New York Times", "Times"]


def test_fold_company_stems():
    q = cl("ORG", "Quillon Systems")
    o = others(q, cl("ORG", "Quillon", at=30), cl("GPE", "Ohio", at=70))
    E.fold_company_stems(o)
    assert list(o) == ["ORG:quillon systems", "GPE:ohio"] and "Quillon" in q.names


def test_fold_acronyms():
    fbi = cl("ORG", "Federal Bureau of Investigation")
    o = others(fbi, cl("ORG", "FBI", at=80), cl("ORG", "NASA", at=90))
    E.fold_acronyms(o)
    assert list(o) == ["ORG:federal bureau of investigation", "ORG:nasa"] and "FBI" in fbi.names


def test_to_entities_orders_by_first_mention_and_keeps_aliases():
    text = "Paul Ryan met NASA. Ryan left. Paul D. Ryan"
    ryan = _Cluster("PERSON", names=["Paul Ryan", "Ryan", "Paul D. Ryan"],
                    mentions=[(0, 9), (20, 24), (31, 43), (0, 9)], descriptors=["", "speaker"])
    nasa = _Cluster("ORG", names=["NASA"], mentions=[(14, 18)])
    ents = E.to_entities(text, [nasa, ryan])
    assert [(e.id, e.name, e.type) for e in ents] == [("E1", "Paul D. Ryan", "PERSON"), ("E2", "NASA", "ORG")]
    assert [m.text for m in ents[0].mentions] == ["Paul Ryan", "Ryan", "Paul D. Ryan"]
    assert ents[0].aliases == ["Paul Ryan", "Ryan"] and ents[0].descriptors == ["speaker"]


# ---------------------------------------------------------------- passes that read the parse

@pytest.mark.slow
def test_candidate_spans(nlp):
    doc = nlp("Ms Kearney met officials of the Sofitel Legend Metropole hotel in Hanoi.")
    spans = {(doc[s:e].text, label) for s, e, label in E.candidate_spans(doc)}
    assert ("Ms Kearney", "PERSON") in spans
    assert ("Sofitel Legend Metropole hotel", "FAC") in spans
    assert ("Hanoi", "GPE") in spans


@pytest.mark.slow
def test_candidate_spans_finds_nothing_in_plain_prose(nlp):
    assert E.candidate_spans(nlp("the river rose and the roads were closed.")) == []


@pytest.mark.slow
def test_collect_mentions(nlp):
    text = "Talks go on\n\nPresident Mark Hill visited Denver on Monday. Hill said the talks would go on."
    doc = nlp(text)
    found = E.collect_mentions(doc, E.candidate_spans(doc))
    at = text.index("President")
    assert [(c.names, c.mentions) for c in found.people] == [(["Mark Hill"], [(at, at + 19)])]  # title in the mention
    assert [(b.text, b.key) for b in found.bare] == [("Hill", "hill")]
    assert list(found.others) == ["GPE:denver"]
    assert found.pairs == []


def test_attach_name_pairs():
    doc = spacy.blank("en")("The Trump-Kim talks")   # tokens: The Trump - Kim talks
    trump, kim = cl("PERSON", "Donald Trump"), cl("PERSON", "Kim Jong Un", at=20)
    links = E._BareLinks({"trump": trump, "kim": kim}, {}, [], {})
    E.attach_name_pairs(doc, [(1, 4)], [trump, kim], links)
    assert (4, 9) in trump.mentions and (10, 13) in kim.mentions
    # one of the two unknown: the hyphenated name of one person
    doc = spacy.blank("en")("Jo-Ann spoke")
    people = [cl("PERSON", "Tom Hill")]
    E.attach_name_pairs(doc, [(0, 3)], people, E._BareLinks({}, {}, [], {}))
    assert people[-1].names == ["Jo-Ann"] and people[-1].mentions == [(0, 6)]
