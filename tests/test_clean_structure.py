"""The dump cleaner on the structure a page keeps as text, in any language: running text,
template lines the page repeats, lists, tables, the page title, page furniture in other
languages, what closes an article. Own texts; exact expectations, cases with nothing."""
from __future__ import annotations

import pytest

from newsgraph.clean import clean_page_text, closing_matter, line_kind, normalise_space, strip_site


def split(page):
    return page.title, [(b.role, b.text) for b in page.blocks]


# ---------------------------------------------------------------- running text in any language

@pytest.mark.parametrize("line, kind", [
    # German, French, Polish prose: few English stop words, many small words
    ("Die Stadt will mit der neuen Fähre den Verkehr auf der alten Brücke entlasten und den Hafen besser anbinden.",
     "prose"),
    ("Le conseil municipal a voté mardi soir la fermeture de la vieille bibliothèque malgré les protestations.",
     "prose"),
    ("Rada miasta zdecydowała we wtorek, że stara biblioteka zostanie zamknięta mimo protestów mieszkańców.",
     "prose"),
    # Japanese: measured in characters, sentence punctuation inside
    ("港町の海岸で二日夜、十年ぶりとなる花火大会が開かれ、約三万人の見物客が夏の夜空を彩る花火を楽しんだ。", "prose"),
    # not running text: a menu, names, a Title Case headline, a short Japanese label
    ("Startseite Region Politik Wirtschaft Sport Kultur Wetter Service Reisen Auto Jobs Leben", "link"),
    ("Anna Berg, Jonas Lind, Maria Ek, Peter Holm, Sara Falk, Erik Dahl, Lena Ask", "link"),
    ("Council Votes To Close The Old Library Despite Protests From Residents Of The Town", "link"),
    ("関連記事", "link"),
])
def test_running_text_without_knowing_the_language(line, kind):
    assert line_kind(line).kind == kind


def test_japanese_length_in_characters():
    assert line_kind("港町で十年ぶりの花火大会").words == 6      # 12 characters, two to a word
    assert line_kind("ホーム").words == 2


# ---------------------------------------------------------------- page furniture in other languages

@pytest.mark.parametrize("line, kind, reason", [
    ("Kommentare", "end", None),
    ("Schreibe einen Kommentar", "end", None),
    ("Kommentar verfassen Antwort abbrechen", "end", None),
    ("Deja un comentario", "end", None),
    ("Das könnte Sie auch interessieren", "list", None),
    ("Lesen Sie auch", "list", None),
    ("À lire aussi", "list", None),
    ("Lesen Sie auch: Brückensanierung dauert länger als geplant", "drop", "link"),
    ("VEA TAMBIÉN: Un puente nuevo para el puerto", "drop", "link"),
    ("Teilen", "drop", "chrome"),
    ("Foto: Stadtarchiv", "caption", None),
    ("Von Jana Roth", "drop", "byline"),
    ("4 Min. Lesedauer", "drop", "reading_time"),
    ("Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Webseite zu ermöglichen.", "drop", "cookie"),
    ("Abonniere unseren Newsletter und verpasse keine Neuigkeiten mehr!", "drop", "subscription"),
    # regression: "You" opening a sentence is the reader too
    ("To read on, please subscribe. You can cancel at any time.", "drop", "subscription"),
    ("À lire aussi » Le port ferme ses quais le dimanche", "drop", "link"),     # » a separator, no quote
    ("Das Thema könnte dich auch interessieren:", "list", None),
    ("Your email address will not be published. Required fields are marked *", "end", None),
    ("Please understand that we moderate comments before they are published.", "drop", "comment_policy"),
    ("Advertising disclosure: We may receive compensation for some of the links in our stories.", "drop",
     "advertisement"),
    ("This site participates in an affiliate program and earns a commission on purchases.", "drop", "advertisement"),
    # the same words inside the news: kept
    ("Die Stadt verwendet Cookies nicht, sagte der Datenschutzbeauftragte am Montag vor dem Ausschuss.", "prose",
     None),
    ("The minister's comments drew criticism from three parties on Tuesday, officials said.", "prose", None),
    ("Readers left more than two hundred comments under the mayor's post by the evening.", "prose", None),
])
def test_furniture_in_other_languages(line, kind, reason):
    unit = line_kind(line)
    assert (unit.kind, unit.reason) == (kind, reason)


# ---------------------------------------------------------------- template lines, lists, tables

STEPS = """Wooden bird box, step by step

Build a simple nest box for small garden birds from one plank of untreated pine in an afternoon.

Step 1 of 3
Show image
Cut the plank into six pieces as in the drawing, and sand the edges so that no splinters remain.
Step 2 of 3
Show image
Drill an entrance hole of twenty-eight millimetres in the front piece, well above the floor.
Step 3 of 3
Show image
Nail the sides to the back, then the floor and the front, and fix the roof with a hinge for cleaning.

Hang the box at least two metres up, facing away from the midday sun and the prevailing wind.
"""


def test_template_lines_between_steps_go_and_the_steps_stay_one_article():
    title, blocks = split(clean_page_text(STEPS))
    assert title == "Wooden bird box, step by step"
    assert [t[:20] for _, t in blocks] == ["Build a simple nest ", "Cut the plank into s", "Drill an entrance ho",
                                          "Nail the sides to th", "Hang the box at leas"]
    assert {r for r, _ in blocks} == {"body"}


def test_a_menu_shown_three_times_is_still_a_menu():
    menu = "Home\nNews\nSport\n\n"
    text = menu + "Ferry fares rise\n\n" + menu + (
        "The harbour authority raised ferry fares by ten per cent on Friday, the first increase since 2020.\n\n") + menu
    title, blocks = split(clean_page_text(text))
    assert blocks == [("body", "The harbour authority raised ferry fares by ten per cent on Friday, the first "
                               "increase since 2020.")]


CONSENT = "\n".join(
    f"{svc}\nPurpose: statistics\nLegal basis for the transfer to the USA: the {svc} group transfers personal data of "
    f"visitors to its servers in the United States, where it may be accessed by the authorities.\nStorage: two years"
    for svc in ("Alpha Analytics", "Beta Video", "Gamma Maps"))


def test_paragraphs_a_consent_box_repeats_go_an_faq_repeated_per_section_stays():
    article = ("The harbour authority raised ferry fares by ten per cent on Friday, the first increase since 2020, "
               "citing higher fuel and crew costs for the island routes.")
    page = clean_page_text(f"Ferry fares rise\n\n{article}\n\n{CONSENT}\n")
    assert split(page)[1] == [("body", article)]
    question = "Are the buses on this route accessible to passengers who use a wheelchair or a walking frame?"
    faq = "\n\n".join(f"{line}\n\n{question}\n\n{answer}" for line, answer in (
        ("North line", "Yes: every bus on the north line has a ramp at the middle door and two spaces inside it."),
        ("South line", "Most do, but two older buses on the south line have steps, so please call us before you go."),
        ("Coast line", "All coast line buses are low-floor vehicles with a ramp that the driver folds out for you.")))
    page = clean_page_text(f"Bus replacement advice\n\nBy the Travel Desk\n3 March 2025\n\n{faq}\n")
    assert page.title == "Bus replacement advice"
    assert [t for _, t in split(page)[1]].count(question) == 1      # the question once, every answer
    assert sum(1 for _, t in split(page)[1] if t.startswith(("Yes:", "Most do", "All coast"))) == 3


def test_a_block_of_quantities_is_a_list_of_the_text_a_block_of_links_is_not():
    page = clean_page_text("""Barley soup

A thick winter soup that needs one pot and about an hour, most of it simmering on its own.

Ingredients
2 tbsp butter
3 leeks, sliced
150 g pearl barley
1.5 litres stock

Simmer the barley in the stock for forty minutes, until it is tender, and season well before serving.

More recipes
Tomato Soup
Green Pea Soup
Onion Tart
""")
    assert split(page)[1] == [
        ("body", "A thick winter soup that needs one pot and about an hour, most of it simmering on its own."),
        ("heading", "Ingredients"), ("body", "2 tbsp butter"), ("body", "3 leeks, sliced"),
        ("body", "150 g pearl barley"), ("body", "1.5 litres stock"),
        ("body", "Simmer the barley in the stock for forty minutes, until it is tender, and season well before "
                 "serving.")]


def test_tab_separated_rows_are_a_table_a_lone_tab_is_not():
    body = ("The weather office published the spring rainfall totals for the three valley towns on Friday, "
            "showing a wetter season than usual.")
    page = clean_page_text(f"Rainfall totals\n\n{body}\n\nTown\tMarch\nOrsa\t81 mm\n")
    assert split(page)[1] == [("body", body), ("table", "Town | March"), ("table", "Orsa | 81 mm")]
    page = clean_page_text(f"Rainfall totals\n\n{body.replace(' the three', chr(9) + 'the three')}\n")
    assert [b.role for b in page.blocks] == ["body"]


# ---------------------------------------------------------------- the page title

def test_the_page_title_line_names_the_headline_not_the_site_or_a_teaser():
    text = """Ferry fares rise for the first time in six years | Harbour Times

Harbour Times
Ferry fares rise for the first time in six years
Bridge repairs delayed again

Most read
Bridge repairs delayed again

Ferry fares rise for the first time in six years

March 6, 2026

The harbour authority raised ferry fares by ten per cent on Friday, the first increase since 2020, citing fuel costs.

Commuters said the rise would cost them about forty euros a year, and asked for a freeze on monthly passes.
"""
    page = clean_page_text(text)
    assert page.title == "Ferry fares rise for the first time in six years"
    assert page.metadata["published"] == "2026-03-06"
    assert [b.text[:20] for b in page.blocks] == ["The harbour authorit", "Commuters said the r"]


@pytest.mark.parametrize("title, names, out", [
    ("Ferry fares rise | Harbour Times", ("Harbour Times",), "Ferry fares rise"),
    ("Ferry fares rise - IGN", ("www.ign.com",), "Ferry fares rise"),
    ("Reuters | Ferry fares rise", ("reuters.com",), "Ferry fares rise"),
    ("Ferry fares rise – Local – Harbour Times", ("harbourtimes.example",), "Ferry fares rise – Local"),
    ("Ferry fares rise - again", ("Harbour Times",), "Ferry fares rise - again"),   # no site named
    ("Harbour Times", ("Harbour Times",), "Harbour Times"),                          # nothing would be left
    ("Ferry fares rise | Harbour Times", (None,), "Ferry fares rise | Harbour Times"),
])
def test_strip_site(title, names, out):
    assert strip_site(title, *names) == out


# ---------------------------------------------------------------- what closes an article

@pytest.mark.parametrize("text, author, why", [
    ("Want more from us? Sign up for our weekly newsletter!", None, "promotion"),
    ("Sie wollen mehr von uns?", None, "promotion"),
    ("Get the latest news straight to your phone with our app.", None, "promotion"),
    ("Jane Doe is a professor of history at the university and writes about ports.", None, "author"),
    ("Ich bin Steffi, Tiernärrin und Bloggerin, und schreibe hier über meine Katzen.", None, "author"),
    ("Ola Brenner covers the harbour and the city council for the paper.", "Ola Brenner", "author"),
    # the article's own last paragraphs
    ("The council will vote on the plan again in June, the mayor said.", None, None),
    ("Jane Doe said she would appeal against the decision.", None, None),
    ("“Will you sign up for the new scheme?” the mayor asked the farmers.", None, None),
])
def test_closing_matter(text, author, why):
    assert closing_matter(text, author) == why


def test_soft_hyphens_go_from_clean_text():
    assert normalise_space("Mit\xadtel\xadal\xadter  und\u00a0mehr") == "Mittelalter und mehr"


def test_a_comments_link_in_the_share_bar_does_not_end_the_article():
    page = clean_page_text("""Through the longest night

Lead a resistance group in a strategy game about a dark year, and decide whom to trust.

By Luke Kemp
Comments
Shares

The game follows a small group in a city under a new regime, and every choice has a cost that the player sees later.

Its art is drawn like a woodcut, and the music is spare, which makes the quiet scenes all the more tense to play.
""")
    assert [b.text[:12] for b in page.blocks] == ["Lead a resis", "The game fol", "Its art is d"]
