"""Statements: ``text -> [(speaker, cue, content)]`` tables, one row per pattern.

Every text here was written for these tests (none comes from the gold
articles). They load the spaCy model, so they are marked slow.
"""
from __future__ import annotations

import pytest

from conftest import quote_table, run_quotes

from newsgraph.entities import extract_entities
from newsgraph.nlp import STAGE_NAMES
from newsgraph.paragraphs import paragraph_spans
from newsgraph.quotes import extract_quotes
from newsgraph.records import Paragraph

pytestmark = pytest.mark.slow


run, table = run_quotes, quote_table


CASES = [
    # reported speech: a complement clause of a reporting verb
    ("Maria Lopez said the bridge would reopen in May.",
     [("Maria Lopez", "said", "the bridge would reopen in May.")]),
    # cue after the quotation, inverted
    ('"We will win this fight," said Maria Lopez, the mayor of Springfield.',
     [("Maria Lopez", "said", "We will win this fight,")]),
    ('"The reform is long overdue," says John Carver.',
     [("John Carver", "says", "The reform is long overdue,")]),
    # cue before, with a colon; several sentences in one quotation
    ('John Carver said: "The plan is dead. We start again."',
     [("John Carver", "said", "The plan is dead. We start again.")]),
    # cue after, not inverted; the parse splits the quotation in two sentences
    ('"We have done our part. Now it is their turn," the spokeswoman for the ministry told reporters.',
     [("spokeswoman for the ministry", "told", "We have done our part. Now it is their turn,")]),
    # participial cues
    ("Governor Ellen Marsh praised the budget on Monday, adding that taxes would fall next year.",
     [("Ellen Marsh", "praised", "the budget"),
      ("Ellen Marsh", "adding", "that taxes would fall next year.")]),
    ('The minister, Paul Henning, announced new rules on Monday, warning of "severe penalties" for firms that ignore them.',
     [("Paul Henning", "announced", "new rules"),
      ("Paul Henning", "warning of", '"severe penalties" for firms that ignore them')]),
    # according to
    ("Food prices will rise sharply next year, according to the World Bank.",
     [("World Bank", "according to", "Food prices will rise sharply next year")]),
    # two statements in one sentence (coordinated verbs)
    ("Peter Johnson said he is considering a new tax on sugar, but insisted the government will not raise income taxes.",
     [("Peter Johnson", "said", "he is considering a new tax on sugar"),
      ("Peter Johnson", "insisted", "the government will not raise income taxes.")]),
    # mixed quote: a quoted fragment inside reported speech
    ('Rosa Garcia said the trade deal was "a disaster for workers."',
     [("Rosa Garcia", "said", 'the trade deal was "a disaster for workers."')]),
    # a quotation paragraph attributed by the lead-in paragraph before it
    ('Senator Alice Walker responded on Twitter.\n\n"This bill will hurt families. We must stop it."',
     [("Alice Walker", "responded", "This bill will hurt families. We must stop it.")]),
    # a cue-less quotation right after a speaker's quotation continues that speaker
    ('"We are ready," said coach Tom Baker. "The team has worked hard all season."',
     [("Tom Baker", "said", "We are ready,"), ("Tom Baker", None, "The team has worked hard all season.")]),
    # a quotation over two paragraphs, the cue in the second
    ('"The first part of my remarks runs on here.\n\n"And here the remarks go on to the end," Tom Baker said.',
     [("Tom Baker", None, "The first part of my remarks runs on here."),
      ("Tom Baker", "said", "And here the remarks go on to the end,")]),
    # nested quotes stay inside the quotation
    ("\"He told me 'never again,' and I believed him,\" said Ann Lee.",
     [("Ann Lee", "said", "He told me 'never again,' and I believed him,")]),
    # pronoun resolved to the person named before
    ("Maria Lopez visited the plant on Monday. She said the factory would stay open.",
     [("Maria Lopez", "said", "the factory would stay open.")]),
    # a country, a group, an anonymous source
    ("The U.S. insists the sanctions will stay in place.",
     [("United States", "insists", "the sanctions will stay in place.")]),
    ("Local officials have conceded the budget is too small.",
     [("Local officials", "conceded", "the budget is too small.")]),
    ('"We will keep talking," said an official at the foreign ministry.',
     [("official at the foreign ministry", "said", "We will keep talking,")]),
    # a role description the article ties to a name
    ("Jane Doe, the Republican nominee, toured Ohio on Friday.\n\nThe nominee said the economy needs help.",
     [("Jane Doe", "said", "the economy needs help.")]),
    # title + surname
    ("Alice Walker is a senator from Maine.\n\nMs. Walker said the bill would pass.",
     [("Alice Walker", "said", "the bill would pass.")]),
    # an organisation and the pronoun that continues it
    ("The union has threatened to strike if wages stay frozen, and it warned that talks could collapse.",
     [("union", "threatened", "to strike if wages stay frozen"), ("union", "warned", "that talks could collapse.")]),
    ("Lena Hart told reporters that the vote would happen on Friday.",
     [("Lena Hart", "told", "that the vote would happen on Friday.")]),
    ("Experts say the drought will last another year.",
     [("Experts", "say", "the drought will last another year.")]),
    # no statement at all
    ("The river flooded the town on Tuesday, and the roads were closed.", []),
    # beliefs and perceptions are not statements
    ("The company views the merger as a threat to its business.", []),
    ("Helen Ford believes the plan will fail.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_statement_table(nlp, text, expected):
    quotes, _ = run(nlp, text)
    assert table(quotes) == expected


def test_kinds(nlp):
    quotes, _ = run(nlp, 'Rosa Garcia said the deal was "a disaster for workers."\n\n'
                         '"It is a fair deal," said Tom Baker.\n\n'
                         "Lena Hart said the vote would happen on Friday.")
    assert [q.kind for q in quotes] == ["mixed", "direct", "indirect"]


def test_channel_and_descriptor(nlp):
    quotes, _ = run(nlp, "Acme Corp. said in a statement that it would appeal the ruling.\n\n"
                         "Senator Alice Walker responded on Twitter.\n\n"
                         '"This bill will hurt families," she wrote.\n\n'
                         '"We will win this fight," said Maria Lopez, the mayor of Springfield.')
    assert quotes[0].channel == "statement"
    assert quotes[0].speaker.type == "organisation"
    assert quotes[-1].speaker.descriptor == "the mayor of Springfield"


def test_offsets_point_into_the_text(nlp):
    text = ('Headline here\n\n"We will win this fight," said Maria Lopez.\n\n'
            "Peter Johnson said he is considering a new tax on sugar.")
    quotes, _ = run(nlp, text)
    assert quotes
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.cue.start:q.cue.end] == q.cue.text
        m = q.speaker.mention
        assert text[m.start:m.end] == m.text
    assert [q.paragraph for q in quotes] == [1, 2]


def test_speaker_types(nlp):
    quotes, _ = run(nlp, "The U.S. insists the sanctions will stay in place.\n\n"
                         "Local officials have conceded the budget is too small.\n\n"
                         '"We will keep talking," said an official at the foreign ministry.\n\n'
                         "Maria Lopez said the bridge would reopen in May.")
    assert [q.speaker.type for q in quotes] == ["country", "group", "anonymous", "person"]


def test_about_resolves_pronouns_inside_the_quotation(nlp):
    quotes, _ = run(nlp, 'Governor Tom Reed spoke on Monday.\n\n"He has no plan at all," said Anna Cole.')
    assert table(quotes) == [("Anna Cole", "said", "He has no plan at all,")]
    assert [a.name for a in quotes[0].about] == ["Tom Reed"]


def test_headline_statement(nlp):
    quotes, _ = run(nlp, 'Walker says tax plan is "a disaster"\n\nAlice Walker attacked the tax plan on Monday.',
                    roles=["title", "body"])
    assert quotes[0].paragraph == 0 and quotes[0].speaker.name == "Alice Walker"


def test_captions_and_headings_carry_no_statement(nlp):
    quotes, _ = run(nlp, "Photo: Mayor Tom Hill said the park would open.\n\n"
                         "Tom Hill says the park will open\n\nThe park is large.",
                    roles=["caption", "heading", "body"])
    assert quotes == []


def test_shared_surname_stays_with_the_first_person(nlp):
    text = ("Park Ji Hoon, the trade minister, met investors on Monday. Park said exports would grow.\n\n"
            '"The outlook is fine," said Min-Jun Park, an economist at Hanyang University.')
    quotes, _ = run(nlp, text)
    assert table(quotes) == [("Park Ji Hoon", "said", "exports would grow."),
                             ("Min-Jun Park", "said", "The outlook is fine,")]
    assert quotes[1].speaker.descriptor == "an economist at Hanyang University"


def test_odd_marks_do_not_crash(nlp):
    quotes, _ = run(nlp, 'He called it "a mess and left the room.\n\n"Another "odd one.\n\nPlain text.')
    assert all(q.start < q.end for q in quotes)


def test_empty_and_unparsed_documents(nlp):
    import spacy

    assert extract_quotes(nlp(""), [], []) == []
    blank = spacy.blank("en")("Maria Lopez said the bridge would reopen.")
    assert extract_quotes(blank, [], []) == []


def test_spacy_components(nlp):
    import spacy

    import newsgraph.quotes  # noqa: F401  (registers the factories)

    # the factories are registered under versioned names
    fresh = spacy.blank("en")
    fresh.add_pipe("newsgraph_entities_v1")
    fresh.add_pipe("newsgraph_quotes_v1")
    # without a parser the stage says so instead of finding nothing
    with pytest.raises(ValueError, match="needs a dependency parse and named entities"):
        fresh("Nothing parsed here.")
    # on a parsed doc, the components fill the extensions
    from newsgraph.entities import entities_component
    from newsgraph.quotes import quotes_component

    doc = nlp("Lena Hart told reporters that the vote would happen on Friday.", disable=STAGE_NAMES)
    assert doc._.ng_quotes is None
    quotes_component(entities_component(doc))  # ng_paragraphs unset: blank-line blocks
    assert "Lena Hart" in [e.name for e in doc._.ng_entities]
    assert table(doc._.ng_quotes) == [("Lena Hart", "told", "that the vote would happen on Friday.")]


# ---------------------------------------------------------------- regressions

def test_regression_participle_is_not_swallowed_by_the_clause_before(nlp):
    # ", warning of ..." was once read as part of the "says" clause
    quotes, _ = run(nlp, 'The mayor, Jo Brandt, says she will close the road, warning of "long delays" ahead.')
    assert [q.cue.text for q in quotes] == ["says", "warning of"]


def test_regression_according_to_names_the_channel_when_the_sentence_has_a_speaker(nlp):
    quotes, _ = run(nlp, "Omar Reyes said he would run again, according to local radio.")
    assert table(quotes) == [("Omar Reyes", "said", "he would run again")]
    assert quotes[0].channel == "radio"


def test_regression_cue_inside_reported_speech_is_not_a_second_statement(nlp):
    quotes, _ = run(nlp, "Omar Reyes said that his rival once described the plan as a gift to banks.")
    assert [q.cue.text for q in quotes] == ["said"]


def test_regression_thing_subjects_do_not_speak(nlp):
    quotes, _ = run(nlp, "The new data confirmed what many farmers already knew.")
    assert all(q.speaker is not None for q in quotes)


REGRESSIONS = [
    # the parse hangs "argued" under "said": both share the subject, each keeps its clause
    ("Ms. Ortega argued that the money should go to schools, said the police had not explained their spending.",
     [("Ortega", "argued", "that the money should go to schools"),
      ("Ortega", "said", "the police had not explained their spending.")]),
    # "said that X and that Y": one statement per clause
    ("Dana Whitfield said that the clinic would stay open and that staff would be paid in full.",
     [("Dana Whitfield", "said", "that the clinic would stay open"),
      ("Dana Whitfield", "said", "that staff would be paid in full.")]),
    # a passive with its agent: the subject is what was reported
    ("The leak was first reported by the Boston Globe.",
     [("Boston Globe", "reported", "The leak")]),
    # 'X said: "..."' after a fronted clause: the quotation is the content
    ('Exports will probably fall next year, Tanaka said: "I expect a very hard winter."',
     [("Tanaka", "said", "I expect a very hard winter.")]),
    # phrasal cue with an infinitive after its object
    ("Helen Ortega called on the mayor to resign and apologize.",
     [("Helen Ortega", "called on", "the mayor to resign and apologize")]),
    # the same speaker's second statement inside the first one's clause ends it
    ("Lynn Ortega said the budget was fair, though she noted that some schools would lose staff.",
     [("Lynn Ortega", "said", "the budget was fair"),
      ("Lynn Ortega", "noted", "that some schools would lose staff.")]),
    # a "he" fixes the gender of the man it refers to, so a later "she" is someone else
    ('Dr Conor Walsh said the ward was full. He said more beds were coming.\n\n'
     'Professor Aoife Brennan disagreed.\n\n"We need more nurses, not more beds," she said.',
     [("Conor Walsh", "said", "the ward was full."), ("Conor Walsh", "said", "more beds were coming."),
      ("Aoife Brennan", "said", "We need more nurses, not more beds,")]),
    # a surname with a particle is the full name's
    ('Pieter van Loon leads the union. "We are not moving," Van Loon said.',
     [("Pieter van Loon", "said", "We are not moving,")]),
    # an honorific without a dot, tagged as an organisation by the model
    ("Ms Kearney said the clinics would open on Saturday.",
     [("Kearney", "said", "the clinics would open on Saturday.")]),
    # "the statement" speaks for the organisation that issued it
    ("The company said in a statement that it would cut 200 jobs. The statement said the cuts were painful.",
     [("company", "said", "that it would cut 200 jobs."), ("company", "said", "the cuts were painful.")]),
]


@pytest.mark.parametrize("text, expected", REGRESSIONS, ids=[c[0][:40] for c in REGRESSIONS])
def test_regression_table(nlp, text, expected):
    quotes, _ = run(nlp, text)
    assert table(quotes) == expected


def test_random_texts_never_break_offsets(nlp):
    """Shuffled fragments with stray marks, breaks and cues: no crash, offsets exact."""
    import random

    rng = random.Random(11)
    pieces = ['"', "\u201c", "\u201d", "''", "'", " said ", " Mr. ", " Kim ", "\n\n", " he ", " she ",
              " according to ", ",", ".", ":", " \u2014 ", " (", ")", " Ms ", " told ", " adding that ",
              " it ", " they ", " van ", " Loon ", " Maria Lopez ", " the council ", " warned of "]
    words = "the plan would fail and voters in Ohio were angry about taxes on Monday".split()
    for _ in range(60):
        text = "".join(rng.choice(pieces) if rng.random() < 0.4 else " " + rng.choice(words)
                       for _ in range(rng.randint(1, 50))).strip()
        if not text:
            continue
        blocks = paragraph_spans(text)
        roles = [rng.choice(["body", "body", "title", "caption", "heading"]) for _ in blocks]
        paragraphs = [Paragraph(s, e, r) for (s, e), r in zip(blocks, roles)]
        doc = nlp(text)
        entities = extract_entities(doc)
        for q in extract_quotes(doc, entities, paragraphs):
            assert text[q.start:q.end] == q.text
            assert roles[q.paragraph] not in ("caption", "heading")
            if q.cue:
                assert text[q.cue.start:q.cue.end] == q.cue.text
        for e in entities:
            assert all(text[m.start:m.end] == m.text for m in e.mentions)


def test_regression_headline_statement_runs_to_the_end_of_the_title(nlp):
    quotes, _ = run(nlp, "Walker says budget 'a disgrace' in rebuking council\n\nAlice Walker spoke on Monday.",
                    roles=["title", "body"])
    assert table(quotes) == [("Alice Walker", "says", "budget 'a disgrace' in rebuking council")]


def test_regression_infinitive_cue_does_not_cut_the_clause_it_sits_in(nlp):
    quotes, _ = run(nlp, "Omar Reyes says he has been paying the bills himself until he can persuade "
                         "the banks to agree to a loan.")
    assert table(quotes) == [("Omar Reyes", "says", "he has been paying the bills himself until he can "
                                                    "persuade the banks to agree to a loan.")]


def test_regression_event_noun_stands_for_whoever_held_it(nlp):
    quotes, _ = run(nlp, "Nora Platt spoke at a news conference announcing that the city would sue the state.")
    assert table(quotes) == [("Nora Platt", "announcing", "that the city would sue the state.")]
