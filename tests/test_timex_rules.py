"""One table row per rule of ``timex_rules.RULES``: (rule, sentence) -> [(text, type, value)].

Every sentence is read with the publication date Saturday 2019-04-13 (the reference
article's). ``test_every_rule_has_a_case`` keeps the table complete when a rule is added.
"""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.timex import RULES, explain_timexes

pytestmark = pytest.mark.slow

ANCHOR = dt.date(2019, 4, 13)

RULE_CASES = [
    ("date_mdy", "The summit took place in Hanoi on Feb. 28, 2019.", [('Feb. 28, 2019', 'DATE', '2019-02-28')]),
    ("date_md", "The talks resumed on March 12.", [('March 12', 'DATE', '2019-03-12')]),
    ("date_dmy", "He arrived on 28 February 2019.", [('28 February 2019', 'DATE', '2019-02-28')]),
    ("date_the_dmy", "It ended on the 3rd of March.", [('the 3rd of March', 'DATE', '2019-03-03')]),
    ("date_wmdy", "The vote is on Tuesday, April 16, 2019.", [('Tuesday, April 16, 2019', 'DATE', '2019-04-16')]),
    ("date_wdmy", "They met on Friday, 12 April 2019.", [('Friday, 12 April 2019', 'DATE', '2019-04-12')]),
    ("date_rel_md", "He was shot to death last Oct. 23.", [('last Oct. 23', 'DATE', '2018-10-23')]),
    ("date_numeric", "The filing is dated 04/13/2019.", [('04/13/2019', 'DATE', '2019-04-13')]),
    ("month_year", "Sales fell in February 2019.", [('February 2019', 'DATE', '2019-02')]),
    ("month_rel_year", "He resigned in June last year.", [('June last year', 'DATE', '2018-06')]),
    ("month", "The talks have been stalled since a February summit ended in no deal.", [('February', 'DATE', '2019-02')]),
    ("month_rel", "He was elected last November.", [('last November', 'DATE', '2018-11')]),
    ("year", "The firm was founded in 1990.", [('1990', 'DATE', '1990')]),
    ("year_fiscal", "Profit rose in fiscal 2018.", [('fiscal 2018', 'DATE', '2018')]),
    ("year_fy", "The plan covers FY2020.", [('FY2020', 'DATE', '2020')]),
    ("year_prefixed", "The group fell apart in mid-1996.", [('mid-1996', 'DATE', '1996')]),
    ("year_range", "The 2011-2012 season was his last.", [('2011-2012', 'DATE', '2011')]),
    ("year_spoken", "It happened in nineteen ninety-six.", [('nineteen ninety-six', 'DATE', '1996')]),
    ("year_two_thousand", "The system must work in the year two thousand.", [('the year two thousand', 'DATE', '2000')]),
    ("decade", "Prices soared in the 1990s.", [('1990s', 'DATE', '199')]),
    ("decade_apostrophe", "Prices soared in the '90s.", [("'90s", 'DATE', '199')]),
    ("decade_word", "Crime fell through the nineties.", [('the nineties', 'DATE', '199')]),
    ("decade_prefixed", "The plant opened in the mid-1980s.", [('the mid-1980s', 'DATE', '198')]),
    ("century", "The bridge was built in the 19th century.", [('the 19th century', 'DATE', '18')]),
    ("century_rel", "The deal was the biggest of this century.", [('this century', 'DATE', '20')]),
    ("quarter_ord", "Profit rose in the third quarter.", [('the third quarter', 'DATE', '2018-Q3')]),
    ("quarter_q", "Sales grew in Q1 2019.", [('Q1 2019', 'DATE', '2019-Q1')]),
    ("quarter_year", "Sales grew in 2018's fourth quarter.", [("2018's fourth quarter", 'DATE', '2018-Q4')]),
    ("quarter_rel", "Profit rose in the latest quarter.", [('the latest quarter', 'DATE', '2019-Q1')]),
    ("quarter_rel_year", "Profit rose in last year's fourth quarter.", [("last year's fourth quarter", 'DATE', '2018-Q4')]),
    ("quarter_the", "Profit rose 10% in the quarter.", [('the quarter', 'DATE', '2019-Q1')]),
    ("quarter_year_ago", "Net income fell from the year-ago quarter.", [('the year-ago quarter', 'DATE', '2018-Q1')]),
    ("quarter_year_ago_ord", "Net income fell from the year-earlier third quarter.", [('the year-earlier third quarter', 'DATE', '2017-Q3')]),
    ("quarter_year_period", "Third-quarter profit was $5 million, up from $4 million in the 2018 period.", [('Third-quarter', 'DATE', '2018-Q3'), ('the 2018 period', 'DATE', '2018-Q3')]),
    ("half_ord", "Growth slowed in the first half of 2018.", [('the first half of 2018', 'DATE', '2018-H1')]),
    ("fiscal_year_the", "Sales are expected to rise in the fiscal year.", [('the fiscal year', 'DATE', '2019')]),
    ("fiscal_year_rel", "Revenue fell in the last fiscal year.", [('the last fiscal year', 'DATE', '2018')]),
    ("season_year", "The film opens in the summer of 2020.", [('summer of 2020', 'DATE', '2020-SU')]),
    ("season_rel", "Prices rose last fall.", [('last fall', 'DATE', '2018-FA')]),
    ("season", "The bill will be voted on in the spring.", [('the spring', 'DATE', '2019-SP')]),
    ("holiday", "Gifts were sold out before Christmas.", [('Christmas', 'DATE', '2018-12-25')]),
    ("holiday_rel", "They met last Thanksgiving.", [('last Thanksgiving', 'DATE', '2018-11-22')]),
    ("weekday", "Trump on Thursday expressed openness to smaller deals.", [('Thursday', 'DATE', '2019-04-11')]),
    ("weekday_pod", "President Trump responded Saturday morning via Twitter.", [('Saturday morning', 'TIME', '2019-04-13TMO')]),
    ("weekday_rel", "They will meet next Tuesday.", [('next Tuesday', 'DATE', '2019-04-16')]),
    ("weekday_rel_pod", "It happened last Friday night.", [('last Friday night', 'TIME', '2019-04-12TNI')]),
    ("deictic", "The minister resigned yesterday.", [('yesterday', 'DATE', '2019-04-12')]),
    ("deictic_pod", "The minister resigned yesterday afternoon.", [('yesterday afternoon', 'TIME', '2019-04-12TAF')]),
    ("day_before_yesterday", "He left the day before yesterday.", [('the day before yesterday', 'DATE', '2019-04-11')]),
    ("pod_rel", "Fighting broke out last night.", [('last night', 'TIME', '2019-04-12TNI')]),
    ("pod_mid", "The storm hit mid-afternoon yesterday.", [('mid-afternoon yesterday', 'TIME', '2019-04-12TAF')]),
    ("ref_that_day", "Earlier that day, the police arrived.", [('that day', 'DATE', '2019-04-13')]),
    ("ref_same_day", "He was released the same day.", [('the same day', 'DATE', '2019-04-13')]),
    ("ref_next_day", "He was arrested on Monday and released the next day.", [('Monday', 'DATE', '2019-04-08'), ('the next day', 'DATE', '2019-04-09')]),
    ("ref_next_unit", "He was elected in 2010 and resigned the following year.", [('2010', 'DATE', '2010'), ('the following year', 'DATE', '2011')]),
    ("ref_day_before", "He was arrested on Monday; the guns had been bought the day before.", [('Monday', 'DATE', '2019-04-08'), ('the day before', 'DATE', '2019-04-07')]),
    ("ref_the_year", "Sales rose 5% in the first nine months of the year.",
     [('the first nine months', 'DURATION', 'P9M'), ('the year', 'DATE', '2019')]),
    ("rel_unit", "Trump this week said he is considering another meeting.", [('this week', 'DATE', '2019-W15')]),
    ("rel_the_unit", "Prices rose in the past year.", [('the past year', 'DATE', '2018')]),
    ("rel_this_past", "Prices rose this past week.", [('this past week', 'DATE', '2019-W14')]),
    ("weekend", "The talks collapsed over the weekend.", [('the weekend', 'DATE', '2019-W15-WE')]),
    ("unit_ended", "Profit rose for the year ended Sept. 30.", [('the year', 'DURATION', 'P1Y'), ('Sept. 30', 'DATE', '2018-09-30')]),
    ("for_the_unit", "For the year, volume was flat.", [('the year', 'DATE', '2019')]),
    ("end_of_unit", "He gave the U.S. until the end of the year to decide.", [('the end of the year', 'DATE', '2019')]),
    ("year_end", "The merger should close by year-end.", [('year-end', 'DATE', '2019')]),
    ("year_s_end", "The plant will close by year's end.", [("year's end", 'DATE', '2019')]),
    ("ago", "The talks began two weeks ago.", [('two weeks ago', 'DATE', '2019-W13')]),
    ("ago_a", "The talks began a year ago.", [('a year ago', 'DATE', '2018')]),
    ("ago_fuzzy", "The talks began several years ago.", [('several years ago', 'DATE', 'PAST_REF')]),
    ("ago_year_adj", "Sales fell from year-ago levels.", [('year-ago', 'DATE', '2018')]),
    ("ago_year_adj_a", "Net income fell from a year-earlier loss.", [('year-earlier', 'DATE', '2018')]),
    ("ref_word", "Kim is now open to talks.", [('now', 'DATE', 'PRESENT_REF')]),
    ("ref_the_past", "Such deals failed in the past.", [('the past', 'DATE', 'PAST_REF')]),
    ("ref_these_days", "These days, few people write letters.", [('These days', 'DATE', 'PRESENT_REF')]),
    ("ref_at_present", "At present, no talks are planned.", [('At present', 'DATE', 'PRESENT_REF')]),
    ("duration_a_while", "The line went quiet for a while.", [('a while', 'DURATION', 'PXX')]),
    ("ref_at_the_time", "At the time, he ran a small bakery.", [('the time', 'DATE', 'PAST_REF')]),
    ("duration_recent", "Talks are expected in the coming months.", [('the coming months', 'DURATION', 'PXM')]),
    ("ref_near_future", "A deal is expected in the near future.", [('the near future', 'DATE', 'FUTURE_REF')]),
    ("duration", "He served three years in prison.", [('three years', 'DURATION', 'P3Y')]),
    ("duration_adj", "They signed a two-year contract.", [('two-year', 'DURATION', 'P2Y')]),
    ("duration_a", "The strike lasted a week.", [('a week', 'DURATION', 'P1W')]),
    ("duration_half", "The trial took two and a half years.", [('two and a half years', 'DURATION', 'P2Y6M')]),
    ("duration_a_half", "The speech lasted a minute and a half.", [('a minute and a half', 'DURATION', 'PT1M30S')]),
    ("duration_last_n", "Prices rose over the past two months.", [('the past two months', 'DURATION', 'P2M')]),
    ("duration_the_n", "Sales rose 5% in the nine months.", [('the nine months', 'DURATION', 'P9M')]),
    ("duration_more", "He will stay two more weeks.", [('two more weeks', 'DURATION', 'P2W')]),
    ("duration_a_more", "The lease was extended by an additional year.", [('an additional year', 'DURATION', 'P1Y')]),
    ("duration_kind", "The index fell for eight trading days.", [('eight trading days', 'DURATION', 'P8D')]),
    ("duration_fuzzy", "The talks lasted several hours.", [('several hours', 'DURATION', 'PTXH')]),
    ("duration_fuzzy_last", "Prices rose over the past few weeks.", [('the past few weeks', 'DURATION', 'PXW')]),
    ("duration_units", "North Korea has spent decades building up its nuclear program.", [('decades', 'DURATION', 'PXDE')]),
    ("duration_units_long", "It ended a decades-long feud.", [('decades-long', 'DURATION', 'PXDE')]),
    ("duration_full_unit", "He spent the entire year in prison.", [('the entire year', 'DURATION', 'P1Y')]),
    ("full_year", "Sales fell for the full year.", [('the full year', 'DATE', '2019')]),
    ("set_every", "The committee meets every week.", [('every week', 'SET', 'P1W')]),
    ("set_every_n", "Elections are held every four years.", [('every four years', 'SET', 'P4Y')]),
    ("set_adverb", "The paper is published daily.", [('daily', 'SET', 'P1D')]),
    ("set_times_per", "The board meets twice a year.", [('twice a year', 'SET', 'P1Y')]),
    ("set_n_times_per", "The board meets three times a year.", [('three times a year', 'SET', 'P1Y')]),
    ("set_per", "Workers earn $20 per hour.", [('per hour', 'SET', 'PT1H')]),
    ("clock_ampm", "The meeting started at 10:30 a.m.", [('10:30 a.m.', 'TIME', '2019-04-13T10:30')]),
    ("clock_ampm_date", "Bids will be due by 5 p.m. EST Nov. 9.", [('5 p.m. EST Nov. 9', 'TIME', '2019-11-09T17:00')]),
    ("clock_oclock", "The meeting started at ten o'clock.", [("ten o'clock", 'TIME', '2019-04-13T10:00')]),
    ("clock_noon", "The deadline is noon Thursday.", [('noon Thursday', 'TIME', '2019-04-11T12:00')]),
    ("clock_hhmm", "The train left at 14:45.", [('14:45', 'TIME', '2019-04-13T14:45')]),
    ("clock_hhmm_tz", "The market opened at 08:00 GMT.", [('08:00 GMT', 'TIME', '2019-04-13T08:00')]),
    ("clock_hhmm_day", "The ceasefire began at 10:30 GMT Friday.", [('10:30 GMT Friday', 'TIME', '2019-04-12T10:30')]),
    ("clock_pod", "The blast hit at 4 in the morning.", [('4 in the morning', 'TIME', '2019-04-13T04:00')]),
    ("date_iso", "The filing is dated 2019-03-01.", [('2019-03-01', 'DATE', '2019-03-01')]),
    ("set_weekday_nights", "The club meets on Tuesday nights.", [('Tuesday nights', 'SET', 'XXXX-WXX-2TNI')]),
    ("set_weekdays", "The club meets on Tuesdays.", [('Tuesdays', 'SET', 'XXXX-WXX-2')]),
]

# Not time expressions (and the rule that must not fire on them).
NOT_TIMEXES = [
    ("He is open to meeting Trump one more time.", "one more time"),
    ("It came at a time when talks had stalled.", "a time"),
    ("The Times reported the deal.", "Times"),
    ("Theresa May spoke to reporters.", "May"),
    ("May I ask a question?", "May"),
    ("Thousands joined the March for Life.", "March"),
    ("Protesters will march on the capital.", "march"),
    ("April Ryan asked the president a question.", "April"),
    ("The company holds a quarter of the market.", "a quarter"),
    ("He paid $1.76 a year in dividends.", "a year"),
    ("Magna cut its quarterly dividend.", "quarterly"),
    ("The suspect, 52 years old, was arrested.", "52 years"),
    ("The 6-year-old boy was returned to Cuba.", "6-year"),
    ("He watched the film High Noon.", "Noon"),
    ("The firm employs 1500 workers.", "1500"),
    ("He will come as soon as possible.", "soon"),
    ("Prices fall when supply rises.", "fall"),
    ("The chip runs 15 million instructions per second.", "per second"),
    ("The quarter-to-quarter comparison improved.", "quarter"),
]


def _tag(nlp, sentence):
    return explain_timexes(nlp(sentence), ANCHOR)


@pytest.mark.parametrize("rule,sentence,expected", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_rule(nlp, rule, sentence, expected):
    got = _tag(nlp, sentence)
    assert [(t.text, t.type, t.value) for t, _ in got] == expected
    assert rule in {name for _, name in got}, f"{rule} did not fire"


def test_every_rule_has_a_case():
    covered = {c[0] for c in RULE_CASES}
    assert [r.name for r in RULES if r.name not in covered] == []


@pytest.mark.parametrize("sentence,trap", NOT_TIMEXES, ids=[t for _, t in NOT_TIMEXES])
def test_not_a_time_expression(nlp, sentence, trap):
    got = _tag(nlp, sentence)
    assert not any(trap.lower() in t.text.lower() or t.text.lower() in trap.lower() for t, _ in got), got


def test_offsets_point_into_the_text(nlp):
    text = "Kim said on Thursday, April 11, 2019, that talks could resume by the end of the year."
    doc = nlp(text)
    for t, _ in explain_timexes(doc, ANCHOR):
        assert text[t.start:t.end] == t.text
