"""Page layouts, one rule each: (page dump) -> (title, caption roles). Own texts."""
from __future__ import annotations

from newsgraph.clean import clean_page_text

PHOTO_UNDER_BYLINE = """The Valley Courier
News | Sports | Business
Subscribe

Harbor board approves dredging plan despite fishermen's objections

By Tomas Albrecht
October 2, 2026, 7:10 a.m.

A dredging barge waits at the mouth of Pell Harbor on Thursday afternoon. Courier photo by Ines Marlow

Share
Print

The harbor board voted 5-2 on Thursday to deepen the main channel, a project that supporters say will keep cargo ships coming to the port for another generation.

Commercial fishermen packed the meeting to argue that the work would disturb spawning grounds during the spring run, and several asked the board to wait a year.

"We are not against the port," said Ruth Ekland, who has fished out of Pell Harbor for thirty years. "We are against doing it in April."
"""

DECK_UNDER_BYLINE = PHOTO_UNDER_BYLINE.replace(
    "A dredging barge waits at the mouth of Pell Harbor on Thursday afternoon. Courier photo by Ines Marlow",
    "The vote clears the way for the largest harbor project in forty years, though opponents vowed to keep fighting.")


def test_photo_caption_between_byline_and_article():
    page = clean_page_text(PHOTO_UNDER_BYLINE)
    assert page.title == "Harbor board approves dredging plan despite fishermen's objections"
    captions = [b.text for b in page.blocks if b.role == "caption"]
    assert captions == ["A dredging barge waits at the mouth of Pell Harbor on Thursday afternoon. "
                        "Courier photo by Ines Marlow"]
    assert page.blocks[-1].text.startswith('"We are not against the port,"')


def test_deck_between_byline_and_article_is_not_the_title_nor_a_caption():
    page = clean_page_text(DECK_UNDER_BYLINE)
    assert page.title == "Harbor board approves dredging plan despite fishermen's objections"
    assert not [b for b in page.blocks if b.role == "caption"]
    assert page.blocks[0].text.startswith("The vote clears the way")


def test_combined_meta_line_and_place_dateline():
    from newsgraph.clean import line_kind

    table = [
        ("Updated Friday, March 6, 2026 | By Ola Brenner | obrenner@courier.example",
         ("author", "Ola Brenner", "dateline", "Updated Friday, March 6, 2026")),
        ("By Ola Brenner | March 6, 2026", ("author", "Ola Brenner", "dateline", "March 6, 2026")),
        ("NAIROBI, March 6, 2026", ("dateline", "March 6, 2026")),
    ]
    for line, meta in table:
        unit = line_kind(line)
        assert (unit.kind, unit.meta) == ("drop", meta), line
    # a list of places is no meta line
    assert line_kind("Nairobi | Lagos | Accra").kind != "drop"


def test_place_dateline_gives_the_publication_date():
    page = clean_page_text(PHOTO_UNDER_BYLINE.replace("October 2, 2026, 7:10 a.m.", "PELL HARBOR, October 2, 2026"))
    assert page.title == "Harbor board approves dredging plan despite fishermen's objections"
    assert page.metadata["published"] == "2026-10-02"
