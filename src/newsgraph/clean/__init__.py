"""Page-dump text cleaning: headline, body paragraphs, headings, captions, tables.

A scraper saved a page's visible text, one element per line, in any language: the
cleaner reads the structure the text keeps (line lengths and shapes, blocks between
blank lines, lines the page repeats, the page title, position) and never needs to know
the language; word lists (``vocab.py`` in English, ``furniture.py`` in the larger
European languages) only name page furniture. Dates: ``dates.py``. The whole design,
and its figures: docs/cleaning.md. ``clean_page_text``
keeps the article and drops the page around it (menus, share bars, related
headlines, comments, footers), counting every dropped line under its reason in
``metadata["dropped"]``. It never raises: odd input gives an empty page, and the
pipeline decides what "no body" means.

How it works (linear in the input, pure Python):

1. Lines become *units* (one per line; hard-wrapped lines are joined again; rows
   of tab-separated cells are table rows).
2. Each unit gets a *kind* from its shape alone (``line_kind``): ``prose`` (long,
   sentence-shaped running text: dense in English function words, or mostly small
   words in a script with case, or with sentence punctuation in one without; length
   in characters for Chinese and Japanese), ``sentence`` (short, ends like a
   sentence), ``link`` (no final punctuation, or Title Case: a menu item, a
   headline, a heading), ``time`` (a bare clock time, a live-blog entry),
   ``caption``, a section header that ends the article (``end``: comments, most
   read, footer) or opens a list of links (``list``: related stories), or ``drop``
   with its reason (chrome, byline, dateline, cookie, subscription, footer...).
   Then the page's structure: template lines it repeats (``template`` between
   paragraphs, cheap; ``repeated`` elsewhere), blocks of list content (``item``), the
   lines that repeat the page's title line (the headline; its first paragraph gets a
   bonus).
3. The article is the run of units with the highest score, a maximum-sum
   subarray: prose scores, link-like and chrome lines cost; a box of links with
   prose on both sides costs little, so the article runs across it.
4. The run ends earlier at an ``end`` header, before a teaser list (headline +
   summary pairs) or before a tail that breaks into one-paragraph fragments
   between link-like lines (a comment section without a header).
   Before the run is taken, lines that speak for the site beside a sign-up box (a
   newsletter pitch, its call to action) go; after it, author lines in the page
   head are judged with their neighbours (``_mark_bylines``): a job title or desk
   alone, a name with a job title, a name after a lone "By", or a bare name
   (two to four capitalised words) beside the date/byline lines under a longer
   headline. A short paragraph that speaks for the publication after the last
   body paragraph (a republishing notice, "sign up for ...") ends the article.
5. The headline: walking up from the article (from its byline block when there is
   one) over chrome, bylines, dates, captions, share buttons and the site's name,
   the first title-like line; a longer sentence-case line right under a headline
   is its deck, one-word lines above it are section labels. When that walk meets
   a paragraph or a live-blog entry, the older rule decides: the last Title Case
   line after the leading menu, else the first title-like line. A headline inside
   the run with its own byline (a gallery's captions above it) wins.
6. Inside the article, link lists go, repeated lines keep one copy (a
   description shown twice in a row is a caption; a lone credit line and the
   short description under it are captions), short lines become headings, a deck
   between the headline and the article stays body. A dateline opening the first
   paragraph ("BRUSSELS, Nov 17 (Agency) -") stays in the text and is recorded
   in ``metadata["dateline"]``; it gives ``published`` only when it has a year.

A small list of very common exact chrome strings supplements the shapes.
"""
from .lines import author_line, line_kind
from .model import Block, CleanedPage, normalise_space
from .page import clean_page_text, closing_matter, paragraph_dateline, strip_site

__all__ = ["Block", "CleanedPage", "clean_page_text", "closing_matter", "normalise_space", "line_kind",
           "paragraph_dateline", "author_line", "strip_site"]
