"""TimeML conventions, one table each: sentence -> [(expression, type, value)], with the traps.

Every sentence is written for these tests and read with the publication date Saturday
2019-04-13 unless a row gives another. Where a convention fills a record field beyond the
triple (``mod``, ``anchor``, ``anaphoric``, ``range_end``, ``freq``, ``quant``), a second
table checks it. ``docs/timex.md`` explains each convention.
"""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.timex import tag_timexes

pytestmark = pytest.mark.slow

SAT = dt.date(2019, 4, 13)
MON = dt.date(2019, 4, 8)


def _triples(nlp, sentence, anchor=SAT):
    return [(t.text, t.type, t.value) for t in tag_timexes(nlp(sentence), anchor)]


def _fields(nlp, sentence, names, anchor=SAT):
    return [(t.text, *(getattr(t, n) for n in names)) for t in tag_timexes(nlp(sentence), anchor)]


# -- vague and implicit durations; ages and distances are not durations ----------------------
VAGUE_DURATIONS = [
    ("Rescuers dug through the rubble for hours.", [("hours", "DURATION", "PTXH")]),
    ("The talks dragged on for weeks.", [("weeks", "DURATION", "PXW")]),
    ("Prices have climbed in recent years.", [("recent years", "DURATION", "PXY")]),
    ("More layoffs are expected in the coming months.", [("the coming months", "DURATION", "PXM")]),
    ("He has served for several years.", [("several years", "DURATION", "PXY")]),
    ("Looting spread in the first hours of the blackout.", [("the first hours", "DURATION", "PTXH")]),
    ("They signed a two-year contract.", [("two-year", "DURATION", "P2Y")]),
    ("He waited for a while.", [("a while", "DURATION", "PXX")]),
    ("They met a while ago.", [("a while ago", "DATE", "PAST_REF")]),
    ("Once in a while he calls.", []),
    ("Sales rose over the past three summers.", []),
    # traps: an age, a distance
    ("The baby is eight months old.", []),
    ("An 8-month-old girl was rescued.", []),
    ("The museum is a ten-minute walk from the station.", []),
    ("The farm lies an hour's drive away.", []),
    # but how long a journey lasts is a duration
    ("Their 45-minute commute to the mine starts early.", [("45-minute", "DURATION", "PT45M")]),
]


@pytest.mark.parametrize("sentence,expected", VAGUE_DURATIONS, ids=[c[0] for c in VAGUE_DURATIONS])
def test_vague_durations(nlp, sentence, expected):
    assert _triples(nlp, sentence) == expected


# -- reference words: the present age, "at the time"; "current" is not a time -----------------
REFERENCE_WORDS = [
    ("Banks today lend far less than they did.", [("today", "DATE", "PRESENT_REF")]),
    ("In today's world, few people write letters.", [("today's", "DATE", "PRESENT_REF")]),
    ("At the time, she ran a small bakery.", [("the time", "DATE", "PAST_REF")]),
    ("He recently moved to Ohio.", [("recently", "DATE", "PAST_REF")]),
    ("She currently lives in Ohio.", [("currently", "DATE", "PRESENT_REF")]),
    # traps: "today" is the day itself in news of the day; "at the time of" is another event's
    ("The court rules today on the appeal.", [("today", "DATE", "2019-04-13")]),
    ("Today is the tenth day of the strike.", [("Today", "DATE", "2019-04-13")]),
    ("At the time of the merger, the bank was small.", []),
    ("The current system is unfair.", []),
    ("The river's current was strong.", []),
]


@pytest.mark.parametrize("sentence,expected", REFERENCE_WORDS, ids=[c[0] for c in REFERENCE_WORDS])
def test_reference_words(nlp, sentence, expected):
    assert _triples(nlp, sentence) == expected


# -- the anchor of a narrative -----------------------------------------------------------------
NARRATIVE = [
    # a clock time with no day of its own falls on the day its sentence names
    ("The blast struck at about 10:35 a.m. (0735 GMT) Friday.", SAT,
     [("about 10:35 a.m.", "TIME", "2019-04-12T10:35"), ("Friday", "DATE", "2019-04-12")]),
    # a deadline is the nearest such day, even told in the past tense
    ("The offer was extended until 9 a.m. Tuesday.", MON, [("9 a.m. Tuesday", "TIME", "2019-04-09T09:00")]),
    # a bare month in a past-tense sentence that names the year of the story
    ("In 1998 he moved to Ohio, and in March he found work.", SAT,
     [("1998", "DATE", "1998"), ("March", "DATE", "1998-03")]),
    ("In 2015 the mill cut jobs. By the end of the year it had closed.", SAT,
     [("2015", "DATE", "2015"), ("the end of the year", "DATE", "2015")]),
    # traps: news of the week keeps the publication date as anchor
    ("The firm was founded in 1980. In September, it announced a merger.", SAT,
     [("1980", "DATE", "1980"), ("September", "DATE", "2018-09")]),
    ("Police said Friday they found the car.", SAT, [("Friday", "DATE", "2019-04-12")]),
    ("The plant will close by the end of the year.", SAT, [("the end of the year", "DATE", "2019")]),
]


@pytest.mark.parametrize("sentence,anchor,expected", NARRATIVE, ids=[c[0] for c in NARRATIVE])
def test_narrative_anchor(nlp, sentence, anchor, expected):
    assert _triples(nlp, sentence, anchor) == expected


NARRATIVE_FIELDS = [
    ("The blast struck at about 10:35 a.m. (0735 GMT) Friday.",
     [("about 10:35 a.m.", "2019-04-12", False), ("Friday", None, False)]),
    ("In 1998 he moved to Ohio, and in March he found work.", [("1998", None, False), ("March", "1998", False)]),
    ("In 2015 the mill cut jobs. By the end of the year it had closed.",
     [("2015", None, False), ("the end of the year", "2015", True)]),
    ("At 9 a.m. the doors opened.", [("9 a.m.", None, False)]),
]


@pytest.mark.parametrize("sentence,expected", NARRATIVE_FIELDS, ids=[c[0] for c in NARRATIVE_FIELDS])
def test_narrative_anchor_fields(nlp, sentence, expected):
    assert _fields(nlp, sentence, ("anchor", "anaphoric")) == expected


# -- sets ---------------------------------------------------------------------------------------
SETS = [
    ("Each spring the river floods.", [("Each spring", "SET", "XXXX-SP", None, "EACH")]),
    ("She calls her mother every evening.", [("every evening", "SET", "XXXX-XX-XXTEV", None, "EVERY")]),
    ("The committee meets every Tuesday.", [("every Tuesday", "SET", "XXXX-WXX-2", None, "EVERY")]),
    ("Elections are held every other year.", [("every other year", "SET", "P2Y", None, "EVERY")]),
    ("The fee is paid yearly.", [("yearly", "SET", "P1Y", None, None)]),
    ("The board meets twice a month.", [("twice a month", "SET", "P1M", "2X", None)]),
    ("Nurses check on him three times a day.", [("three times a day", "SET", "P1D", "3X", None)]),
    ("The agency gives a daily tally of the dead.", [("daily", "SET", "P1D", None, None)]),
    # traps: rates, kinds of figures, a newspaper
    ("Sales rise 8% annually.", []),
    ("The airline runs four flights a week.", []),
    ("Average daily volume was 130 million shares.", []),
    ("He writes for the party daily in Havana.", []),
]


@pytest.mark.parametrize("sentence,expected", SETS, ids=[c[0] for c in SETS])
def test_sets(nlp, sentence, expected):
    got = [(t.text, t.type, t.value, t.freq, t.quant) for t in tag_timexes(nlp(sentence), SAT)]
    assert got == expected


# -- durations inside relative expressions: TimeML's split -------------------------------------
RELATIVE_DURATIONS = [
    ("He was arrested on March 3. A week earlier, he had resigned.",
     [("March 3", "DATE", "2019-03-03"), ("A week", "DURATION", "P1W")]),
    ("Three hours later, the fire was out.", [("Three hours", "DURATION", "PT3H")]),
    ("A few days later he fled.", [("A few days", "DURATION", "PXD")]),
    ("Five years from now, the plant will close.", [("Five years", "DURATION", "P5Y"), ("now", "DATE", "PRESENT_REF")]),
    # traps: a comparison with the same period a year before, and "ago", stay points in time
    ("Sales rose 5% from a year earlier.", [("a year earlier", "DATE", "2018")]),
    ("The talks began two weeks ago.", [("two weeks ago", "DATE", "2019-W13")]),
]


@pytest.mark.parametrize("sentence,expected", RELATIVE_DURATIONS, ids=[c[0] for c in RELATIVE_DURATIONS])
def test_relative_durations(nlp, sentence, expected):
    assert _triples(nlp, sentence) == expected


def test_relative_duration_anchor(nlp):
    got = _fields(nlp, "He was arrested on March 3. A week earlier, he had resigned. A few days later he fled.",
                  ("type", "anchor"))
    # "a few days later" counts from the day "a week earlier" landed on
    assert got == [("March 3", "DATE", None), ("A week", "DURATION", "2019-03-03"),
                   ("A few days", "DURATION", "2019-02-24")]


# -- anaphoric dates ----------------------------------------------------------------------------
ANAPHORIC = [
    ("He was arrested on Monday and released the next day.",
     [("Monday", "2019-04-08", None, False), ("the next day", "2019-04-09", "2019-04-08", True)]),
    ("He was arrested on Monday and released the next day. That evening he flew home.",
     [("Monday", "2019-04-08", None, False), ("the next day", "2019-04-09", "2019-04-08", True),
      ("That evening", "2019-04-09TEV", "2019-04-09", True)]),
    ("The treaty was signed in 2010; that day was cold.",
     [("2010", "2010", None, False), ("that day", "2010-XX-XX", "2010", True)]),
    ("The plant closed in June 2010 and reopened later that year.",
     [("June 2010", "2010-06", None, False), ("that year", "2010", "2010", True)]),
    # no earlier mention: the publication date, not marked anaphoric
    ("They met the same day.", [("the same day", "2019-04-13", None, False)]),
]


@pytest.mark.parametrize("sentence,expected", ANAPHORIC, ids=[c[0] for c in ANAPHORIC])
def test_anaphoric(nlp, sentence, expected):
    assert _fields(nlp, sentence, ("value", "anchor", "anaphoric")) == expected


# -- ranges -------------------------------------------------------------------------------------
RANGES = [
    ("The 2011-2012 season was his last.", [("2011-2012", "DATE", "2011", "2012")]),
    ("Profit peaked in 1987-88.", [("1987-88", "DATE", "1987", "1988")]),
    ("The 1999-00 budget was cut.", [("1999-00", "DATE", "1999", "2000")]),
    # traps: two ends written apart are two expressions; a falling pair is not a range
    ("He lived there from 1991 to 1997.", [("1991", "DATE", "1991", None), ("1997", "DATE", "1997", None)]),
    ("The vote was 1998-1996 against.", []),
]


@pytest.mark.parametrize("sentence,expected", RANGES, ids=[c[0] for c in RANGES])
def test_ranges(nlp, sentence, expected):
    assert _fields(nlp, sentence, ("type", "value", "range_end")) == expected


# -- decades and centuries ----------------------------------------------------------------------
DECADES = [
    ("Over the next decade the city will grow.", [("the next decade", "DURATION", "P10Y", None)]),
    ("Growth will pick up in the next decade.", [("the next decade", "DATE", "202", None)]),
    ("It was one of the great events of the past century.", [("the past century", "DURATION", "P100Y", None)]),
    ("It was built in the 20th century.", [("the 20th century", "DATE", "19", None)]),
    ("Crime fell through the nineties.", [("the nineties", "DATE", "199", None)]),
    ("The plant opened in the mid-1980s.", [("the mid-1980s", "DATE", "198", "MID")]),
    ("The group fell apart in mid-1996.", [("mid-1996", "DATE", "1996", "MID")]),
    ("Few post-1959 exiles returned.", [("post-1959", "DATE", "1959", "AFTER")]),
    # traps: ages
    ("He is in his fifties.", []),
    ("She moved to Paris in her twenties.", []),
]


@pytest.mark.parametrize("sentence,expected", DECADES, ids=[c[0] for c in DECADES])
def test_decades_and_centuries(nlp, sentence, expected):
    assert _fields(nlp, sentence, ("type", "value", "mod")) == expected


# -- one expression, not two --------------------------------------------------------------------
ONE_EXPRESSION = [
    ("The ceasefire began at 10:30 GMT Friday.", [("10:30 GMT Friday", "TIME", "2019-04-12T10:30")]),
    ("The vote closes at noon Thursday.", [("noon Thursday", "TIME", "2019-04-11T12:00")]),
    ("He arrived mid-afternoon yesterday.", [("mid-afternoon yesterday", "TIME", "2019-04-12TAF")]),
    # trap: a clock time with no zone and no day stays a time of the publication day
    ("The train left at 14:45.", [("14:45", "TIME", "2019-04-13T14:45")]),
]


@pytest.mark.parametrize("sentence,expected", ONE_EXPRESSION, ids=[c[0] for c in ONE_EXPRESSION])
def test_one_expression(nlp, sentence, expected):
    assert _triples(nlp, sentence) == expected


# -- the financial report: the quarter under discussion ---------------------------------------
REPORT_QUARTER = [
    # "the latest quarter" is the last complete one, not a forecast quarter named before it
    ("The insurer expects a fourth-quarter charge. Earnings fell in the latest quarter.", dt.date(1989, 11, 2),
     [("fourth-quarter", "DATE", "1989-Q4"), ("the latest quarter", "DATE", "1989-Q3")]),
    # "last year" on the other side of a comparison of quarterly figures is that quarter
    ("In the third quarter, it earned $24 million, compared with $3 million last year.", dt.date(1989, 11, 2),
     [("the third quarter", "DATE", "1989-Q3"), ("last year", "DATE", "1988-Q3")]),
    # trap: "last year" outside a comparison is the year
    ("In the third quarter, it earned $24 million. Last year it moved to Ohio.", dt.date(1989, 11, 2),
     [("the third quarter", "DATE", "1989-Q3"), ("Last year", "DATE", "1988")]),
]


@pytest.mark.parametrize("sentence,anchor,expected", REPORT_QUARTER, ids=[c[0] for c in REPORT_QUARTER])
def test_report_quarter(nlp, sentence, anchor, expected):
    assert _triples(nlp, sentence, anchor) == expected


def test_blank_pipeline_has_no_sentences_but_still_tags():
    """The context rules read sentences; a tokenizer-only pipeline has none and must not fail."""
    import spacy

    nlp = spacy.blank("en")
    doc = nlp.make_doc("Profit rose in the quarter, compared with $3 million last year.")
    got = [(t.text, t.value) for t in tag_timexes(doc, dt.date(1989, 11, 2))]
    assert got == [("the quarter", "1989-Q3"), ("last year", "1988-Q3")]
