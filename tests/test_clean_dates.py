"""Dates in page text (clean/dates.py): date lines, their calendar date in any language,
the page's own date among teaser and comment dates, and the one dateline definition."""
from __future__ import annotations

import pytest

from newsgraph.clean import clean_page_text
from newsgraph.clean.dates import dateline_prefix, date_line, numeric_order, parse_date, updated_line


@pytest.mark.parametrize("line, kind, value", [
    ("October 19, 2019", "date", "2019-10-19"),
    ("Oct. 19, 2019", "date", "2019-10-19"),
    ("Published 6:05 p.m. MT Nov. 19, 2026", "date", "2026-11-19"),
    ("19. Oktober 2019", "date", "2019-10-19"),
    ("Veröffentlicht am 13. März 2019 um 14:05 Uhr", "date", "2019-03-13"),
    ("Dienstag, 01. Februar 2022 12:10", "date", "2022-02-01"),
    ("19.10.19, 08:16 Uhr", "date", "2019-10-19"),
    ("4 de mayo de 2022", "date", "2022-05-04"),
    ("Miércoles, 4 de Mayo de 2022 a las 07:46 hrs.", "date", "2022-05-04"),
    ("publié le 3 mai 2021", "date", "2021-05-03"),
    ("16 marca 2021", "date", "2021-03-16"),
    ("2019-11-17T10:00", "date", "2019-11-17"),
    ("17/11/2019", "date", "2019-11-17"),       # the first number cannot be a month
    ("2025年8月2日 20:15", "date", "2025-08-02"),
    ("更新 2024年5月3日 14時05分", "date", "2024-05-03"),
    ("2024년 5월 3일", "date", "2024-05-03"),
    ("Mai 2020", "date", None),                  # no day: no calendar date
    ("3 hours ago", "date", None),
    ("vor 2 Stunden", "date", None),
    ("7 p.m.", "time", None),                    # a live-blog entry's clock time
    # nothing of a date
    ("+81 158-23-2012", None, None),             # a telephone number
    ("The council met on May 3, 2021 to vote.", None, "2021-05-03"),
    ("Mayor Maria Lopez", None, None),
    ("Non è mai stato così", None, None),        # Italian "mai" is no month in running text
    ("", None, None),
])
def test_date_lines(line, kind, value):
    assert date_line(line) == kind
    assert parse_date(line) == value


@pytest.mark.parametrize("line, day_first, value", [
    ("05/03/2022", False, "2022-05-03"),
    ("05/03/2022", True, "2022-03-05"),
    ("05.03.2022", False, "2022-03-05"),     # dots: always day first
    ("13/03/2022", False, "2022-03-13"),
    ("2022/03/05", True, "2022-03-05"),      # year first: never ambiguous
])
def test_numeric_dates_follow_the_page(line, day_first, value):
    assert parse_date(line, day_first=day_first) == value


def test_numeric_order_from_the_pages_other_dates():
    assert numeric_order(["Posted 05/03/2022", "Comment 19/03/2022"]) is True
    assert numeric_order(["Posted 05/03/2022", "Comment 03/19/2022"]) is False
    assert numeric_order(["Posted 05/03/2022", "05.03.2022"]) is None


@pytest.mark.parametrize("line, updated", [
    ("Updated March 3, 2024", True), ("Last updated: 3 March 2024", True),
    ("Aktualisiert am 3. März 2024", True), ("Mis à jour le 3 mars 2024", True),
    ("Published March 3, 2024", False), ("March 3, 2024", False),
])
def test_updated_lines(line, updated):
    assert updated_line(line) is updated


@pytest.mark.parametrize("paragraph, dateline, rest", [
    ("BRUSSELS, Nov 17 (Continental Post) - The ministers agreed.", "BRUSSELS, Nov 17 (Continental Post)",
     "The ministers agreed."),
    ("LAS CRUCES, N.M. — The City Council voted.", "LAS CRUCES, N.M.", "The City Council voted."),
    ("WASHINGTON (AP) — The Latest on the race.", "WASHINGTON (AP)", "The Latest on the race."),
    ("The council voted - again.", None, None),
    ("Rain all day — and more tomorrow.", None, None),
])
def test_dateline_prefix(paragraph, dateline, rest):
    m = dateline_prefix(paragraph)
    if dateline is None:
        assert m is None
        return
    assert m.group("line").strip() == dateline
    assert paragraph[m.end():] == rest


PAGE = """Harbour Times
News
Sport

Ferry fares rise for the first time in six years

By Ola Brenner
Updated March 9, 2026
March 6, 2026

The harbour authority raised ferry fares by ten per cent on Friday, the first increase since 2020, citing higher fuel and crew costs.

Commuters said the rise would cost them about forty euros a year, and a residents' group asked the authority to freeze the price of monthly passes.

Related stories
Bridge repairs delayed again
February 2, 2026

Comments
Jo M.
March 7, 2026 at 9:12 am
Another rise, and the boats are still late.
"""


def test_the_pages_own_date_not_updated_not_teasers_not_comments():
    page = clean_page_text(PAGE)
    assert page.metadata["published"] == "2026-03-06"
    assert page.metadata["published_source"] == "dateline"


def test_updated_only_when_nothing_else():
    page = clean_page_text(PAGE.replace("March 6, 2026\n", ""))
    assert (page.metadata["published"], page.metadata["published_source"]) == ("2026-03-09", "updated")


def test_byline_and_date_on_one_line_any_order():
    for line in ("By Ola Brenner on March 6, 2026", "March 6, 2026 by Ola Brenner",
                 "von Ola Brenner am 6. März 2026", "Par Ola Brenner le 06.03.2026 à 11h46"):
        page = clean_page_text(PAGE.replace("By Ola Brenner\nUpdated March 9, 2026\nMarch 6, 2026", line))
        assert page.metadata["published"] == "2026-03-06", line
        assert page.metadata["author"] == "Ola Brenner", line
        assert page.metadata["published_source"] == "byline", line


def test_no_date_anywhere_gives_none():
    page = clean_page_text(PAGE.replace("Updated March 9, 2026\nMarch 6, 2026\n", ""))
    assert "published" not in page.metadata
