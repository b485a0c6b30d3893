"""SpeakerResolver: lookups that return their decisions and never change the resolver.

What depends on the statements before (the last speaker, the nouns that named a
group) is the caller's ``Discourse``; a lookup reads it and returns a ``Decision``.
"""
from __future__ import annotations

import pytest

from newsgraph.entities import extract_entities
from newsgraph.quotes.speakers import Discourse, Focus, SpeakerResolver

pytestmark = pytest.mark.slow


def resolver(nlp, text):
    doc = nlp(text)
    return doc, SpeakerResolver(doc, extract_entities(doc))


def tok(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def test_a_lookup_returns_what_it_named_and_leaves_the_discourse_alone(nlp):
    doc, res = resolver(nlp, "Many young voters said the tax was unfair. These voters said they would march.")
    first, again = tok(doc, "voters", 0), tok(doc, "voters", 1)
    discourse = Discourse()
    d = res.resolve(first, discourse)
    assert d.speaker.name == "Many young voters" and d.speaker.type == "group"
    assert dict(d.named) == {"voters": ("Many young voters", "group", first.i)}
    assert discourse.nominals == {}                       # nothing kept by the lookup itself
    assert res.resolve(again, discourse).speaker.name == "voters"
    discourse.take(d)                                      # the caller keeps it
    assert res.resolve(again, discourse).speaker.name == "Many young voters"


def test_the_same_lookup_twice_gives_the_same_decision(nlp):
    doc, res = resolver(nlp, "Maria Lopez met the board. She said the plan was dead.")
    she = tok(doc, "She")
    assert res.resolve(she) == res.resolve(she)
    assert res.resolve(she).speaker.name == "Maria Lopez"


def test_focus_is_the_callers(nlp):
    text = "Maria Lopez spoke on Monday. The campaign said the polls were wrong."
    doc, res = resolver(nlp, text)
    campaign = tok(doc, "campaign")
    lopez = res.entity_of(tok(doc, "Lopez"))
    said = tok(doc, "spoke")
    assert res.resolve(campaign).speaker.name == "campaign"
    focused = Discourse(focus=Focus(lopez, said.i))
    assert res.resolve(campaign, focused).speaker.name == "Lopez campaign"


def test_a_pronoun_teaches_the_gender_of_a_sure_antecedent(nlp):
    # names of unknown gender: the "He" right after Alex Dunn's sentence makes him a he,
    # so the "she" after it can only be Robin Kay
    doc, res = resolver(nlp, "Robin Kay spoke first. Then Alex Dunn spoke. He said the plan was dead. She disagreed.")
    dunn = res.entity_of(tok(doc, "Dunn"))
    assert res.gender[dunn] == "m"
    pick = res.pick_pronoun(tok(doc, "He"))
    assert pick.entity == dunn and not pick.sure   # now known, so nothing left to learn
    assert res.entities[res.resolve_pronoun(tok(doc, "She"))].name == "Robin Kay"
    assert res.resolve_pronoun(tok(doc, "He"), exclude=dunn) != dunn


def test_person_mentions_between(nlp):
    doc, res = resolver(nlp, "Robin Kay met Alex Dunn. Later Kay left.")
    assert [doc[i].text for i in res.person_mentions_between(0, len(doc))] == ["Kay", "Dunn", "Kay"]
    assert res.person_mentions_between(tok(doc, "Dunn").i, tok(doc, "Later").i) == []
