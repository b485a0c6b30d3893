"""clean_page_text: page dumps -> headline, body, headings, captions.

Every text here was written for these tests. The page fixtures live in
tests/pages/*.txt, each with the exact expected result beside it.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from newsgraph.clean import Block, CleanedPage, author_line, clean_page_text, normalise_space, paragraph_dateline

PAGES = Path(__file__).resolve().parent / "pages"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "eval" / "gold"
REFERENCE = GOLD / "000_1c9d02aa7d9a6008"


def split(page: CleanedPage):
    """(title, body paragraphs, headings, captions)."""
    by = lambda role: [b.text for b in page.blocks if b.role == role]  # noqa: E731
    return page.title, by("body"), by("heading"), by("caption")


# page text -> (title, body paragraphs, headings, captions)
CASES = [
    pytest.param(
        "Skip to main content\n\nNews\nSport\nWeather\n\nTown Hall Clock Stops After 90 Years\n\n"
        "The clock on the town hall stopped at twenty past four on Friday, and nobody in the council knows how to fix it.\n\n"
        "The last clockmaker who serviced it retired in 2009, a council spokesman said on Saturday.",
        ("Town Hall Clock Stops After 90 Years",
         ["The clock on the town hall stopped at twenty past four on Friday, and nobody in the council knows how to fix it.",
          "The last clockmaker who serviced it retired in 2009, a council spokesman said on Saturday."], [], []),
        id="menu-then-headline"),
    pytest.param(
        "Bakers Protest Flour Prices\n\nHundreds of bakers parked their vans outside the ministry on Monday to protest the rising price of flour this year.\n\n"
        "“We will win,” she said.\n\n"
        "The ministry said it would meet the bakers' union next week to discuss a temporary subsidy for small shops.",
        ("Bakers Protest Flour Prices",
         ["Hundreds of bakers parked their vans outside the ministry on Monday to protest the rising price of flour this year.",
          "“We will win,” she said.",
          "The ministry said it would meet the bakers' union next week to discuss a temporary subsidy for small shops."], [], []),
        id="one-line-quote-survives"),
    pytest.param(
        "River Levels Fall Slowly\n\nThe river dropped by half a metre overnight, but several streets near the old mill are still under water this morning.\n\n"
        "Clean-up begins?\n\n"
        "Residents were told they could return to their homes on Thursday if the water keeps falling at the same rate.",
        ("River Levels Fall Slowly",
         ["The river dropped by half a metre overnight, but several streets near the old mill are still under water this morning.",
          "Residents were told they could return to their homes on Thursday if the water keeps falling at the same rate."],
         ["Clean-up begins?"], []),
        id="question-heading-in-body"),
    pytest.param(
        "By Ines Moreau\n\nJune 3, 2023 4:10 PM\n\nMuseum Returns Stolen Mask\n\n"
        "The city museum has returned a carved wooden mask that was taken from a village shrine in the 1930s, its director said on Saturday.",
        ("Museum Returns Stolen Mask",
         ["The city museum has returned a carved wooden mask that was taken from a village shrine in the 1930s, its director said on Saturday."],
         [], []),
        id="byline-and-date-before-headline"),
    pytest.param(
        "Volcano Calms After Week of Tremors\n\n"
        "FILE - Steam rises from the crater of the volcano above the village of Ostara, March 2, 2021.\n\n"
        "Scientists lowered the alert level for the volcano on Sunday after a week in which more than two hundred small earthquakes shook the island.\n\n"
        "Villagers watch the crater from the harbour wall at sunset.\n"
        "Villagers watch the crater from the harbour wall at sunset.\n\n"
        "The observatory said it would keep monitoring the mountain closely for at least another month before lifting the last restrictions.",
        ("Volcano Calms After Week of Tremors",
         ["Scientists lowered the alert level for the volcano on Sunday after a week in which more than two hundred small earthquakes shook the island.",
          "The observatory said it would keep monitoring the mountain closely for at least another month before lifting the last restrictions."],
         [],
         ["FILE - Steam rises from the crater of the volcano above the village of Ostara, March 2, 2021.",
          "Villagers watch the crater from the harbour wall at sunset."]),
        id="file-caption-and-repeated-caption-kept-once"),
    pytest.param(
        "Ferry Fares To Rise In Spring\n\nThe island ferry company will raise its fares by eight percent from April, blaming the cost of fuel and repairs to its oldest ship.\n\n"
        "Passengers queue for the morning ferry. REUTERS/Lena Holm\n\n"
        "Getty Images\n\n"
        "Commuters who buy season tickets will pay about ninety euros more a year, according to the company's own figures.",
        ("Ferry Fares To Rise In Spring",
         ["The island ferry company will raise its fares by eight percent from April, blaming the cost of fuel and repairs to its oldest ship.",
          "Commuters who buy season tickets will pay about ninety euros more a year, according to the company's own figures."],
         [],
         ["Passengers queue for the morning ferry. REUTERS/Lena Holm", "Getty Images"]),
        id="credit-lines-are-captions"),
    pytest.param(
        "School Roof Repairs Finished Early\n\nBuilders finished replacing the roof of the primary school two weeks ahead of schedule, the education office said on Friday.\n\n"
        "Related stories\nTeachers Vote On New Contract\nLibrary Extends Opening Hours\nSwimming Pool To Reopen In May\n\n"
        "Pupils will return to their classrooms on Monday, after a month of lessons in the sports hall and the church next door.",
        ("School Roof Repairs Finished Early",
         ["Builders finished replacing the roof of the primary school two weeks ahead of schedule, the education office said on Friday.",
          "Pupils will return to their classrooms on Monday, after a month of lessons in the sports hall and the church next door."],
         [], []),
        id="related-block-inside-body"),
    pytest.param(
        "Tram Line Extension Approved\n\nThe regional assembly approved a four-kilometre extension of the tram line to the new hospital on Wednesday, after years of delay.\n\n"
        "Work is expected to start next year and to take about three years, the transport department said in a statement.\n\n"
        "Share\nPrint\n\nMore Stories\nBus Drivers Accept Pay Offer\nNew Cycle Path Opens Along Canal\nParking Fees To Double Downtown\n\n"
        "© 2024 Example Regional News. All rights reserved.\nPrivacy Policy | Terms of Use | Contact Us",
        ("Tram Line Extension Approved",
         ["The regional assembly approved a four-kilometre extension of the tram line to the new hospital on Wednesday, after years of delay.",
          "Work is expected to start next year and to take about three years, the transport department said in a statement."],
         [], []),
        id="trailing-related-and-footer"),
    pytest.param(
        "Storm Closes Mountain Pass\n\nWe use cookies to give you the best experience. By continuing you accept our use of cookies.\n\n"
        "Snow and strong winds closed the mountain pass on Tuesday night, and police turned back dozens of lorries at the foot of the road.\n\n"
        "Subscribe now to keep reading. Your first month is free.\n\n"
        "Advertisement - story continues below\n\n"
        "The pass is expected to reopen on Thursday morning if the snow ploughs can clear the upper bends in time.",
        ("Storm Closes Mountain Pass",
         ["Snow and strong winds closed the mountain pass on Tuesday night, and police turned back dozens of lorries at the foot of the road.",
          "The pass is expected to reopen on Thursday morning if the snow ploughs can clear the upper bends in time."],
         [], []),
        id="banners-mid-text"),
    pytest.param(
        "Election Night Live\n\nPolls have closed across the state and the first results are expected within the hour, officials said.\n\n"
        "9:15 p.m.\n\nThe first county has reported, and turnout there was higher than at the last election.\n\n"
        "___\n\n8 p.m.\n\nVoting has ended. Anyone still in line at a polling station will be allowed to vote.",
        ("Election Night Live",
         ["Polls have closed across the state and the first results are expected within the hour, officials said.",
          "The first county has reported, and turnout there was higher than at the last election.",
          "Voting has ended. Anyone still in line at a polling station will be allowed to vote."],
         ["9:15 p.m.", "8 p.m."], []),
        id="liveblog-times-are-headings"),
    pytest.param(
        "Harvest Festival Draws Record Crowd.\n\nABSTRACT.\n\nThe festival sold more tickets than ever before.\n\nFULL TEXT.\n\n"
        "More than forty thousand people came to the harvest festival this weekend, the organisers said, the largest crowd in its sixty-year history.",
        ("Harvest Festival Draws Record Crowd.",
         ["The festival sold more tickets than ever before.",
          "More than forty thousand people came to the harvest festival this weekend, the organisers said, the largest crowd in its sixty-year history."],
         [], []),
        id="database-labels-dropped"),
    pytest.param(
        "Reservoir Plan Goes Ahead\n\nThe water board said on Monday that work on the new reservoir\nwill begin in the autumn, once the last land purchases are\ncompleted by the regional government.",
        ("Reservoir Plan Goes Ahead",
         ["The water board said on Monday that work on the new reservoir will begin in the autumn, once the last land purchases are completed by the regional government."],
         [], []),
        id="hard-wrapped-lines-join"),
    pytest.param(
        "Mayor Opens New Bridge\nThe new footbridge over the river opened on Saturday after two years of work and a long dispute over its cost.\n"
        "Hundreds of people crossed it in the first hour, many of them stopping to take photographs from the middle.",
        ("Mayor Opens New Bridge",
         ["The new footbridge over the river opened on Saturday after two years of work and a long dispute over its cost.",
          "Hundreds of people crossed it in the first hour, many of them stopping to take photographs from the middle."],
         [], []),
        id="paragraphs-on-single-newlines"),
    pytest.param(
        "Bake Sale Raises Record Sum\n\n"
        "The bakery sold more than ten thousand cookies at the fair, and our reporter tried several of them.\n\n"
        "Share prices of the bakery chain rose on Monday after it reported its best summer in a decade.\n\n"
        "The band lost the copyright to its early songs in a court case that lasted nearly a decade.\n\n"
        "Residents can sign up for the free flood alerts at the town hall until the end of the month.\n\n"
        "By the end of the day, the river had risen by two metres and the fair was packed away.\n\n"
        "Ad campaign draws complaints\n\n"
        "Print sales of the local paper have fallen by half since 2010, the report found.\n\n"
        "Related to this, the council approved a second plan for the park next to the bakery.",
        ("Bake Sale Raises Record Sum",
         ["The bakery sold more than ten thousand cookies at the fair, and our reporter tried several of them.",
          "Share prices of the bakery chain rose on Monday after it reported its best summer in a decade.",
          "The band lost the copyright to its early songs in a court case that lasted nearly a decade.",
          "Residents can sign up for the free flood alerts at the town hall until the end of the month.",
          "By the end of the day, the river had risen by two metres and the fair was packed away.",
          "Print sales of the local paper have fallen by half since 2010, the report found.",
          "Related to this, the council approved a second plan for the park next to the bakery."],
         ["Ad campaign draws complaints"], []),
        id="chrome-words-inside-real-sentences-survive"),
    pytest.param(
        "Village Keeps Its Post Office\nThe village voted on Tuesday to keep its post office open.\n"
        "The vote was close, with 412 for and 398 against.\nShare\nTweet\n"
        "The postmaster said she was relieved by the result.\nShe has run the branch for twenty-two years.\n"
        "Email\nPrint\nOpponents said they would ask for a second vote next year.",
        ("Village Keeps Its Post Office",
         ["The village voted on Tuesday to keep its post office open.",
          "The vote was close, with 412 for and 398 against.",
          "The postmaster said she was relieved by the result.",
          "She has run the branch for twenty-two years.",
          "Opponents said they would ask for a second vote next year."], [], []),
        id="short-sentence-article-with-share-buttons-between"),
    pytest.param(
        "Harbour Gets New Cranes\n\nTwo new cranes arrived at the harbour on Monday after a three-week voyage from the factory where they were built.\n\n"
        "Workers watch as the first crane is lifted onto the quay.\nREUTERS/Ola Dahl\nWorkers watch as the first crane is lifted onto the quay.\n\n"
        "The cranes will double the number of containers the port can handle each day, the port authority said.",
        ("Harbour Gets New Cranes",
         ["Two new cranes arrived at the harbour on Monday after a three-week voyage from the factory where they were built.",
          "The cranes will double the number of containers the port can handle each day, the port authority said."],
         [], ["Workers watch as the first crane is lifted onto the quay.", "REUTERS/Ola Dahl"]),
        id="description-repeated-around-credit"),
    pytest.param(
        'Flood Warnings Across The Valley\n\n'
        'Rivers rose overnight and the county opened two shelters for residents.\n\n'
        'Shelters open in two towns\nUpdated 9:15 AM\n\n'
        'The county opened shelters at the school and the church hall for anyone forced to leave home by the rising water.\n\n'
        'Roads closed near the bridge\nUpdated 8:40 AM\n\n'
        'Police closed three roads near the old bridge after water covered the carriageway in several places early on Tuesday.',
        ('Flood Warnings Across The Valley',
         ['Rivers rose overnight and the county opened two shelters for residents.',
          'The county opened shelters at the school and the church hall for anyone forced to leave home by the rising water.',
          'Police closed three roads near the old bridge after water covered the carriageway in several places early on Tuesday.'],
         ['Shelters open in two towns', 'Updated 9:15 AM', 'Roads closed near the bridge', 'Updated 8:40 AM'], []),
        id="live-entry-heading-is-not-the-title"),
    pytest.param(
        'News\nSport\nWeather\n\n'
        'Regional airport to add three new routes next spring\n\n'
        'By Lotte Vermeer\nMarch 2, 2025\nGift this article\n\n'
        'The regional airport will add flights to three new destinations next spring, its managing director said on Monday, after two airlines agreed to base aircraft there.\n\n'
        'The routes will run twice a week from April, the airport said.',
        ('Regional airport to add three new routes next spring',
         ['The regional airport will add flights to three new destinations next spring, its managing director said on Monday, after two airlines agreed to base aircraft there.',
          'The routes will run twice a week from April, the airport said.'],
         [], []),
        id="tool-line-under-byline-is-not-the-title"),
    pytest.param(
        'Allotment Waiting Lists Grow\n\n'
        'The number of people waiting for an allotment in the city has doubled in five years, figures released by the council on Friday show.\n\n'
        'Some residents have waited more than a decade for a plot, the council said, and it is looking for new land near the river.\n\n'
        'Enjoyed this story? Sign up for our weekly gardening newsletter and never miss an update.\n\n'
        '© 2025 Green City News',
        ('Allotment Waiting Lists Grow',
         ['The number of people waiting for an allotment in the city has doubled in five years, figures released by the council on Friday show.',
          'Some residents have waited more than a decade for a plot, the council said, and it is looking for new land near the river.'],
         [], []),
        id="reader-pitch-after-last-paragraph-dropped"),
    pytest.param(
        'Harbour Dredging To Begin In May\n\n'
        'The work will take about six weeks in total.\n\n'
        'What changes\n\n'
        'Ships will be diverted to the outer berth while the dredgers work, and the ferry timetable will change for the duration, the port authority said on Monday.',
        ('Harbour Dredging To Begin In May',
         ['The work will take about six weeks in total.',
          'Ships will be diverted to the outer berth while the dredgers work, and the ferry timetable will change for the duration, the port authority said on Monday.'],
         ['What changes'], []),
        id="subheading-after-short-lead-kept"),
    pytest.param(
        "Home\nTown\nGown\nSport\n\nLibrary Extends Weekend Opening Hours\n\nBy Odile Marchetti\n"
        "Posted: Friday, May 9, 2025 8:02 am\nComments (14)\nShare on Facebook\n\n"
        "The central library will open on Sunday afternoons from June, the council said on Thursday, "
        "after a petition signed by more than three thousand residents.",
        ("Library Extends Weekend Opening Hours",
         ["The central library will open on Sunday afternoons from June, the council said on Thursday, "
          "after a petition signed by more than three thousand residents."], [], []),
        id="comment-count-under-byline-is-not-the-title"),
    pytest.param("", (None, [], [], []), id="empty"),
    pytest.param("   \n\n\t  \n", (None, [], [], []), id="blank"),
    pytest.param("Accessibility links\n\nBreaking News\n\nShare\nPrint", (None, [], [], []), id="only-chrome"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_table(text, expected):
    assert split(clean_page_text(text)) == expected


def test_metadata_author_dateline_and_dropped_reasons():
    page = clean_page_text(
        "Accessibility links\n\nBridge Reopens After Repairs\n\nBy Jane Doe\n\nApril 13, 2019 10:32 AM\n\n"
        "The old stone bridge reopened to traffic on Friday after eight months of repairs to its arches and parapet walls.\n\n"
        "Share\n\nAdvertisement - story continues below")
    assert page.title == "Bridge Reopens After Repairs"
    assert page.metadata["author"] == "Jane Doe"
    assert page.metadata["dateline"] == "April 13, 2019 10:32 AM"
    assert page.metadata["published"] == "2019-04-13"
    dropped = page.metadata["dropped"]
    assert dropped["byline"] == 1 and dropped["dateline"] == 1
    assert sum(dropped.values()) == 5


@pytest.mark.parametrize("line, kind", [
    ("Updated 3 hours ago", "dateline"),
    ("Published 12:05 PM ET, Tue March 5, 2024", "dateline"),
    ("2024-03-05T12:05", "dateline"),
    ("Page 2 of 3", None),
    ("By Jane Doe, Associated Press", "byline"),
    ("By JANE DOE and RICHARD ROE", "byline"),
    ("By contrast, the union said the offer was too low.", None),
    ("Posted 9:40 a.m. CT Jan. 4, 2025", "dateline"),
    ("Mon 3 Feb 2025 18.15 AEDT", "dateline"),
])
def test_meta_lines(line, kind):
    text = ("A Headline For The Test\n\n" + line + "\n\nThe committee met on Tuesday evening to discuss the offer, "
            "which the union had rejected twice before the summer holidays.")
    page = clean_page_text(text)
    if kind is None:
        assert page.metadata["dropped"].get("byline", 0) + page.metadata["dropped"].get("dateline", 0) == 0
    else:
        assert page.metadata["dropped"].get(kind) == 1
        assert all(b.text != line for b in page.blocks)


@pytest.mark.parametrize("line, expected", [
    ("Farida Osei-Mensah", ("Farida Osei-Mensah", False)),
    ("Farida Osei-Mensah Education Correspondent", ("Farida Osei-Mensah", True)),
    ("Pablo de la Vega, Staff Writer", ("Pablo de la Vega", True)),
    ("Lisbon Bureau", (None, True)),
    ("Chief political reporter", (None, True)),
    ("Rents Rise Again In May", None),         # "In": a headline, not a name
    ("The Northern Echo Review", None),
    ("Sign up for our newsletter", None),
    ("Updated 3 hours ago", None),
])
def test_author_line_shapes(line, expected):
    assert author_line(line) == expected


@pytest.mark.parametrize("paragraph, expected", [
    ("OSLO, Feb 2 (Nordwire) - The central bank held its rate.", "OSLO, Feb 2 (Nordwire)"),
    ("SAN JUAN, Puerto Rico — Power returned to most homes on Friday.", "SAN JUAN, Puerto Rico"),
    ("NAIROBI (Wire) — Rains arrived early.", "NAIROBI (Wire)"),
    ("The council met on Monday - and voted.", None),
    ("US officials said talks would resume.", None),
])
def test_paragraph_dateline(paragraph, expected):
    assert paragraph_dateline(paragraph) == expected


def test_dateline_without_year_sets_no_publication_date():
    page = clean_page_text("Port Reopens After Strike\n\nLISBON, Sept 30 (Nordwire) - The container port reopened "
                           "on Tuesday after a nine-day strike by crane operators ended with a pay deal.")
    assert page.metadata["dateline"] == "LISBON, Sept 30 (Nordwire)"
    assert "published" not in page.metadata
    assert page.blocks[0].text.startswith("LISBON, Sept 30 (Nordwire) - The container port")


def test_blocks_are_clean_paragraphs():
    page = clean_page_text("Title Of A Page\n\nA  paragraph\twith   odd\u00a0spacing that goes on long enough to be a real sentence, "
                           "the reporter wrote.\n\n\n\n")
    assert page.blocks == [Block("A paragraph with odd spacing that goes on long enough to be a real sentence, "
                                 "the reporter wrote.", "body")]


def test_curly_quotes_untouched():
    line = "“It’s a ‘very’ good day,” said the mayor, who had waited for this moment since the summer."
    page = clean_page_text("Mayor Celebrates\n\n" + line)
    assert page.blocks[0].text == line


def test_no_article_gives_empty_page_not_error():
    for text in ("\x00\x01\x02", "....", "\u200b", "a", "Home\nNews\nSport"):
        page = clean_page_text(text)
        assert isinstance(page, CleanedPage)
        assert all(b.role != "body" for b in page.blocks) or text == "a"


def test_fast_on_a_large_page():
    para = ("The committee heard evidence from residents, engineers and the operator of the plant, "
            "and said it would publish its findings before the end of the year.")
    nav = "\n".join(f"Section {i}" for i in range(200))
    text = nav + "\n\nA Long Report On A Long Inquiry\n\n" + "\n\n".join(f"{para} ({i})" for i in range(5000))
    t = time.perf_counter()
    page = clean_page_text(text)
    assert time.perf_counter() - t < 10.0   # ~0.7 s on an idle core; generous for a busy machine
    assert len(page.blocks) == 5000 and page.title == "A Long Report On A Long Inquiry"


def test_no_catastrophic_backtracking():
    nasty = ["By " + "A " * 5000, "(" * 5000, "© " + "x" * 20000, "FILE - " + "a/" * 5000, "Photo: " + "Aa " * 5000,
             "1 " * 10000 + "ago", "Word" + ". Aa" * 3000 + "/Bb", "x" * 100000]
    t = time.perf_counter()
    for line in nasty:
        clean_page_text("Headline Here Now\n\n" + line)
    assert time.perf_counter() - t < 10.0   # well under a second when linear


# ---------------------------------------------------------------- hand-written page fixtures

PAGE_FILES = sorted(PAGES.glob("*.txt"))


def test_there_are_enough_page_fixtures():
    assert len(PAGE_FILES) >= 8


@pytest.mark.parametrize("path", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_page_fixture(path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    page = clean_page_text(path.read_text(encoding="utf-8"))
    assert page.title == expected["title"]
    assert [[b.role, b.text] for b in page.blocks] == expected["blocks"]
    for key, value in expected.get("metadata", {}).items():
        assert page.metadata.get(key) == value, key


# ---------------------------------------------------------------- property

def test_property_never_raises_and_blocks_come_from_the_input():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from([
        "Share", "By Jane Doe", "April 13, 2019", "Updated 3 hours ago", "FILE - A man walks by.",
        "“We will win,” she said.", "Positive message?", "Related stories", "Comments", "© 2024 Site",
        "The council voted on Tuesday to close the old library, despite protests from residents.",
        "REUTERS/Jane Doe", "___", "7 p.m.", "ABSTRACT.", "Home", "News", "", " ", "\t", "\u00a0",
        "A Headline In Title Case", "lower case continuation of a line", "\u2028", "\r\n", "\x0c",
        "Town\tMarch\tApril", "Orsa\t81 mm\t64 mm", "\t", "a\t\tb",
    ])
    lines = st.lists(st.one_of(pieces, st.text(max_size=60)), max_size=40)
    separators = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\r"])

    @settings(max_examples=300, deadline=None, database=None)
    @given(lines, separators)
    def check(parts, sep):
        text = sep.join(parts)
        page = clean_page_text(text)
        flat = normalise_space(text)
        assert page.title is None or (page.title and page.title in flat)
        for b in page.blocks:
            assert b.text and b.text.strip() == b.text
            assert "\n" not in b.text and "\r" not in b.text
            assert not re.search(r"\n\s*\n", b.text)
            assert b.role in ("body", "heading", "caption", "table")
            # a table row's cells come from the input, joined by " | "
            assert all(cell in flat for cell in b.text.split(" | ")) if b.role == "table" else b.text in flat
        assert isinstance(page.metadata.get("dropped"), dict)

    check()


# ---------------------------------------------------------------- the reference article

@pytest.mark.gold
def test_reference_article():
    if not REFERENCE.with_suffix(".txt").is_file():
        pytest.skip("../shared/eval is not present")
    text = REFERENCE.with_suffix(".txt").read_text(encoding="utf-8")
    gold = json.loads(REFERENCE.with_suffix(".json").read_text(encoding="utf-8"))
    page = clean_page_text(text)
    title, body, headings, captions = split(page)
    assert title == gold["title"]
    assert headings == ["Positive message?", "A small deal?"]
    assert captions == gold["captions"]
    clean = "\n\n".join(b.text for b in page.blocks)
    for line in gold["boilerplate"]:
        assert line not in clean.split("\n\n")
    # every other paragraph of the page is body, exactly as in the file
    expected = [normalise_space(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    expected = [p for p in expected if p not in gold["boilerplate"] and p != gold["title"]
                and p not in headings and not any(p.startswith(c) for c in gold["captions"])]
    assert body == expected
    assert page.metadata["dropped"] == {"chrome": 2, "duplicate": 1}


@pytest.mark.gold
def test_gold_titles_and_no_chrome():
    if not GOLD.is_dir():
        pytest.skip("../shared/eval is not present")
    for path in sorted(GOLD.glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        page = clean_page_text(path.read_text(encoding="utf-8"))
        assert normalise_space(page.title or "").rstrip(".") == normalise_space(gold["title"]).rstrip("."), path.name
        clean = [b.text for b in page.blocks]
        for line in gold.get("boilerplate") or []:
            assert line not in clean, path.name
        joined = "\n\n".join(clean)
        for caption in gold.get("captions") or []:
            assert joined.count(caption) == 1, path.name
        assert sum(1 for b in page.blocks if b.role == "body") >= 3, path.name
