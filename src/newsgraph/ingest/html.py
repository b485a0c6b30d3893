"""HTML pages: the article through trafilatura, the publication date through htmldate.

trafilatura finds the main text, headings and metadata (title, author, site,
url, description); it leaves photo captions out, so ``<figcaption>`` elements
of the article are taken from the page itself and put back in reading order.
The blocks then go through the same line rules as page dumps (``clean.line_kind``)
so that bylines, date lines, adverts and share prompts that trafilatura keeps
are dropped and counted; before the first body paragraph, a short kicker or
section label and author / job-title lines go too; after the last, what closes an
article and is no part of it (``clean.closing_matter``). Tables are kept (data tables as
rows of role ``table``). A dateline opening the first paragraph is recorded in
``metadata["dateline"]``; the site's name leaves the title. When trafilatura keeps
(almost) nothing, the page's own text (``page_text``) goes through the page-dump
cleaner. See docs/cleaning.md.
"""
from __future__ import annotations

import copy
import logging
import re
from collections import Counter
from typing import Optional
from urllib.parse import urlsplit

from ..clean import (
    Block, CleanedPage, author_line, clean_page_text, closing_matter, line_kind, normalise_space,
    paragraph_dateline, strip_site,
)
from ..clean.dates import parse_date
from ..clean.vocab import _ADDRESSED
from ..errors import E, NewsgraphError

__all__ = ["clean_html"]

log = logging.getLogger(__name__)

# containers whose captions belong to other stories or to the page, not the article
_OUTSIDE_TAGS = frozenset(("nav", "aside", "footer"))
_OUTSIDE_CLASS = re.compile(
    r"related|promo|sidebar|comment|teaser|recirc|newsletter|footer|\bnav|menu|banner|"
    r"advert|\bads?\b|sponsor|social|share|outbrain|taboola|most-?read|trending", re.I)
_CONTAINERS = frozenset(("div", "section", "span", "td", "li", "blockquote", "dd"))
_BLOCK_CHILD = frozenset(("p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                          "blockquote", "figure", "table", "article", "header", "footer", "aside", "nav"))
_CAPTION_CLASS = re.compile(r"(?:^|\s)(?:wp-caption-text|(?:image|photo|media|article|figure|img)[-_]?caption|"
                            r"caption(?:[-_]text)?|caption)(?:$|\s)", re.I)
_TEXT_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
                        "figcaption", "td", "dd", "dt", "pre", "div", "span", "section"))


def clean_html(html: str, *, url: Optional[str] = None) -> CleanedPage:
    """An HTML page -> headline, blocks (body, heading, caption) and metadata.

    Raises ``NewsgraphError(E.NO_ARTICLE)`` when the page holds no article text.
    """
    import trafilatura
    from trafilatura.utils import load_html

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html or not html.strip():
        raise NewsgraphError(E.NO_ARTICLE, detail="the page is empty")
    tree = load_html(html)
    if tree is None:
        raise NewsgraphError(E.NO_ARTICLE, detail="the page could not be parsed as HTML")
    page_tree = copy.deepcopy(tree)   # trafilatura prunes the tree it is given
    date_tree = copy.deepcopy(tree)

    doc = None
    for recall in (False, True):
        try:
            # trafilatura's own date search stays on the markup (fast): see below for the rest
            doc = trafilatura.bare_extraction(
                copy.deepcopy(tree), url=url, with_metadata=True, include_comments=False,
                include_tables=True, include_images=False, include_formatting=False,
                favor_recall=recall, date_extraction_params=_FAST_DATE)
        except Exception as exc:  # a trafilatura failure is this page's problem only
            log.warning("trafilatura failed on %s: %s", url or "<html>", exc)
            doc = None
        if doc is not None and doc.body is not None and len(doc.body):
            break
    if doc is None or doc.body is None or not len(doc.body):
        fallback = _from_page_text(page_tree, url)
        if fallback is None:
            raise NewsgraphError(E.NO_ARTICLE, detail="trafilatura found no main text in the page")
        return fallback

    metadata: dict = {}
    for key, attr in (("author", "author"), ("site", "sitename"), ("url", "url"),
                      ("description", "description"), ("hostname", "hostname"),
                      ("categories", "categories"), ("tags", "tags")):
        value = getattr(doc, attr, None)
        if value:
            metadata[key] = value
    shape = author_line(metadata["author"]) if isinstance(metadata.get("author"), str) else None
    if shape and shape[0]:
        metadata["author"] = shape[0]   # "Jane Doe Transport correspondent" -> the name
    if url and "url" not in metadata:
        metadata["url"] = url
    # meta tags and markup first (fast); else trafilatura's own htmldate run, which
    # also searched the text (extensive search)
    published = _published(date_tree, url) or (doc.date if isinstance(doc.date, str) else None)

    title = normalise_space(doc.title or "") or None
    if title:   # "Headline | Site": the site's name is no part of the headline
        title = strip_site(title, metadata.get("site"), metadata.get("hostname"), url and urlsplit(url).hostname)
    dropped: Counter = Counter()
    blocks = _body_blocks(doc.body, title, metadata, dropped)
    # no date in the markup: the article's own date line, else the page's date as the
    # page-dump cleaner reads it from the page's text (around the headline, in any
    # language; htmldate's search of the text lets dateparser guess the language, about
    # a second a page)
    published = published or parse_date(metadata.get("dateline") or "") \
        or clean_page_text(page_text(copy.deepcopy(page_tree))).metadata.get("published")
    if published:
        metadata["published"] = published[:10]
    _trim_close(blocks, metadata.get("author"), dropped)
    if title is None and blocks and blocks[0].role == "heading":
        title = blocks.pop(0).text   # no <title>, no meta tags: the first heading
    words = _words_of(blocks)   # in words; in Chinese and Japanese from characters
    if words < _FEW_WORDS:   # trafilatura kept (almost) nothing: the page's own text, cleaned
        fallback = _from_page_text(page_tree, url, least=max(3 * words, 1))
        if fallback is not None:
            fallback.metadata.update({k: v for k, v in metadata.items() if k not in fallback.metadata})
            return fallback
    if not any(b.role == "body" for b in blocks):
        raise NewsgraphError(E.NO_ARTICLE, detail="no body paragraph in the main text")
    _add_captions(page_tree, blocks)
    lead = next((b.text for b in blocks if b.role == "body"), None)
    place = paragraph_dateline(lead) if lead else None
    if place and "dateline" not in metadata:
        metadata["dateline"] = place   # "SANTIAGO —": kept in the text, recorded here
    metadata["dropped"] = dict(dropped)
    return CleanedPage(title, blocks, metadata)


_FAST_DATE = {"original_date": True, "extensive_search": False}
_FEW_WORDS = 50   # fewer words of text than this from trafilatura: try the page's own text


def _words_of(blocks: list[Block]) -> int:
    return sum(line_kind(b.text).words for b in blocks if b.role in ("body", "heading"))


def _from_page_text(tree, url: Optional[str], least: int = 1) -> Optional[CleanedPage]:
    """The page cleaned as the text a browser shows (``page_text``) by the page-dump
    cleaner, when it finds an article of at least ``least`` words; else None."""
    page = clean_page_text(page_text(tree))
    words = _words_of(page.blocks)
    if words < least or not any(b.role == "body" for b in page.blocks):
        return None
    published = page.metadata.get("published") or _published(copy.deepcopy(tree), url)
    if published:
        page.metadata["published"], page.metadata["published_source"] = published[:10], "html"
    page.metadata["dropped"] = {**page.metadata.get("dropped", {}), "page_text": 1}
    return page


# the elements a browser shows as blocks; <p> with an empty line around it; cells with tabs
_BLOCKS = frozenset(("p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "ul", "ol",
                     "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "figure",
                     "figcaption", "pre", "form", "dl", "dt", "dd", "address", "details", "summary", "hr"))
_HIDDEN = frozenset(("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed",
                     "canvas", "select", "option", "button", "input", "textarea", "rt", "rp"))


def page_text(tree) -> str:
    """The text of a page as a browser shows it (its innerText): the <title> line first,
    a line per block, an empty line around paragraphs, table cells separated by tabs."""
    from lxml import etree

    out: list[str] = []
    pending = 0   # line breaks owed before the next text: 1 between blocks, 2 around a <p>

    def text(value: Optional[str]) -> None:
        nonlocal pending
        if not value or not value.strip() and not out:
            return
        value = value.replace("\n", " ").replace("\r", " ")   # white space in markup is a space
        if value.strip() and pending:
            out.append("\n" * pending)
            pending = 0
        out.append(value)

    def brk(n: int) -> None:
        nonlocal pending
        pending = max(pending, n)

    body = tree.find(".//body")
    root = body if body is not None else tree
    skip = 0   # depth inside a hidden element
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag in _HIDDEN or tag is None:
                skip += 1
            elif not skip:
                if tag in _BLOCKS:
                    brk(2 if tag == "p" else 1)
                elif tag == "br":
                    brk(1)
                elif tag in ("td", "th") and el.getprevious() is not None:
                    text("\t")
                text(el.text)
            continue
        if tag in _HIDDEN or tag is None:
            skip -= 1
        elif not skip and tag in _BLOCKS:
            brk(2 if tag == "p" else 1)
        if not skip and el is not root:
            text(el.tail)
    lines = []
    for line in "".join(out).split("\n"):
        cells = [normalise_space(c) for c in line.split("\t")]
        lines.append("\t".join(c for c in cells if c))
    title = normalise_space(tree.findtext(".//title") or "")
    return (title + "\n\n" if title else "") + "\n".join(lines).strip()


def _published(tree, url: Optional[str]) -> Optional[str]:
    """The original publication date by htmldate, from meta tags and markup only (fast)."""
    try:
        from htmldate import find_date

        return find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception as exc:  # htmldate is best effort
        log.debug("htmldate failed: %s", exc)
        return None


def _text(el) -> str:
    """An element's text, line breaks as spaces, white space normalised."""
    parts = []
    for node in el.iter():
        if node.tag in ("lb", "br"):
            parts.append(" ")
        elif node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return normalise_space("".join(parts))


def _items(body):
    """(role, text) for each paragraph of trafilatura's body, in order."""
    for el in body:
        tag = el.tag
        if tag == "head":
            yield "heading", _text(el)
        elif tag == "list":
            for item in el.iter("item"):
                yield "body", _text(item)
        elif tag == "quote" and any(child.tag in ("p", "list") for child in el):
            yield from _items(el)
        elif tag == "table":
            yield from _table_items(el)
        elif tag in ("graphic", "ref"):
            continue
        else:
            yield "body", _text(el)


def _trim_close(blocks: list[Block], author: Optional[str], dropped: Counter) -> None:
    """What trafilatura keeps after the article's last paragraph and the page cleaner
    would not: a call to the reader, a note about the author, a heading, a list header
    or a link-shaped line with nothing under it. A heading right above another goes
    anywhere."""
    prose = [i for i, b in enumerate(blocks) if b.role == "body" and line_kind(b.text).kind == "prose"]
    while blocks and prose and len(blocks) - 1 > prose[0]:   # the first paragraph stays
        b = blocks[-1]
        why = None
        if b.role == "heading":
            why = "label"
        elif b.role == "body":
            unit = line_kind(b.text)
            why = closing_matter(b.text, author) if unit.kind in ("prose", "sentence", "link") else None
            if why is None and (unit.kind in ("list", "end") or _link_like(b.text, unit)):
                why = "navigation"
        if why is None:
            break
        dropped[why] += 1
        blocks.pop()
    for i in range(len(blocks) - 2, -1, -1):   # "Share this:" then another heading
        if blocks[i].role == "heading" and blocks[i + 1].role == "heading" and line_kind(blocks[i].text).kind != "time":
            dropped["label"] += 1
            del blocks[i]


def _link_like(text: str, unit) -> bool:
    """A short line in the words of a link or a section name ("Top Stories at X",
    "Empfohlene Beiträge"): no digits, most words capitalised. An address, a date, a
    signature or a phrase in small words is text."""
    words = text.split()
    return (unit.kind == "link" and len(words) <= 8 and not any(ch.isdigit() for ch in text)
            and sum(1 for w in words if w[:1].isupper()) * 3 >= 2 * len(words))


def _article_goes_on(items: list, k: int) -> bool:
    """After a closing header ("Sign up for our newsletter", "Comments") the main text
    still holds two long paragraphs: the article goes on (trafilatura leaves
    comments out; what follows a real closing header is short: teasers, links)."""
    long = seen = 0
    for role, text in items[k:k + 10]:
        unit = line_kind(text)
        if unit.kind in ("end", "list"):
            break
        if unit.kind == "drop":
            continue
        seen += 1   # the box's own pitch speaks to the reader; the article does not
        long += role == "body" and unit.kind == "prose" and unit.words >= 20 and not _ADDRESSED.search(text)
        if seen == 6:
            break
    return long >= 2


def _table_items(table):
    """A table's text: a layout table (one column, or cells that are mostly
    paragraphs) gives its cells as body paragraphs; a table of data gives one block
    of role "table" per row, its cells joined by " | "."""
    rows = [[_text(cell) for cell in row.iter("cell")] for row in table.iter("row")]
    rows = [row for row in rows if any(row)]
    cells = [c for row in rows for c in row if c]
    if not cells:
        return
    prose = sum(1 for c in cells if len(c.split()) >= 12)
    if max(len(row) for row in rows) == 1 or 2 * prose >= len(cells):
        for cell in cells:
            yield "body", cell
        return
    for row in rows:
        yield "table", " | ".join(row)


def _body_blocks(body, title: Optional[str], metadata: dict, dropped: Counter) -> list[Block]:
    """trafilatura's paragraphs as blocks, minus the chrome it lets through."""
    blocks: list[Block] = []
    seen: set[str] = set()
    title_key = (title or "").casefold()
    body_seen = False
    in_list = False   # after a "Related stories" header: its links go too
    items = [(role, text) for role, text in _items(body) if text]
    for k, (role, text) in enumerate(items):
        if role == "table":
            if text.casefold() not in seen:
                seen.add(text.casefold())
                blocks.append(Block(text, "table"))
            continue
        unit = line_kind(text)
        if in_list and unit.kind in ("link", "drop"):
            dropped["link_list"] += 1
            continue
        in_list = False
        if unit.kind == "drop":
            dropped[unit.reason] += 1
            if unit.meta:
                for key, value in zip(unit.meta[::2], unit.meta[1::2]):
                    if value and key not in metadata:
                        metadata[key] = value
            continue
        if unit.kind == "end" and body_seen:
            if _article_goes_on(items, k + 1):
                dropped["navigation"] += 1   # a sign-up box inside the article: the header goes
                continue
            dropped["end"] += 1
            break
        if unit.kind in ("end", "list"):
            dropped["navigation"] += 1
            in_list = True
            continue
        key = text.casefold()
        if key == title_key:
            dropped["duplicate"] += 1
            continue
        if not body_seen and role == "body" and unit.kind == "link" and author_line(text) is not None:
            author, _ = author_line(text)
            dropped["byline"] += 1   # "Jane Doe", "Senior policy reporter" in the header
            if author and "author" not in metadata:
                metadata["author"] = author
            continue
        if not body_seen and role == "body" and unit.kind == "link" and unit.words <= 3:
            dropped["section"] += 1   # a kicker or section label above the headline
            continue
        if key in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(key)
        if unit.kind == "caption":
            role = "caption"
        elif unit.kind == "time":
            role = "heading"
        if role == "body":
            body_seen = True
        blocks.append(Block(text, role))
    return blocks


def _outside(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in _OUTSIDE_TAGS:
            return True
        marks = " ".join(filter(None, (anc.get("class"), anc.get("id"), anc.get("role"))))
        if marks and _OUTSIDE_CLASS.search(marks):
            return True
    return False


def _add_captions(tree, blocks: list[Block]) -> None:
    """Put the article's <figcaption> texts back among the blocks, in reading order."""
    captions = _caption_elements(tree)
    if not captions:
        return
    caption_set = set(captions)
    # every text element of the page in document order, to place blocks and captions
    order: dict = {}
    sequence, texts = [], []
    for i, el in enumerate(tree.iter()):
        if not isinstance(el.tag, str) or (el.tag not in _TEXT_TAGS and el not in caption_set):
            continue
        order[el] = i
        if el in caption_set or any(anc in caption_set for anc in el.iterancestors()):
            continue
        if el.tag in _CONTAINERS and any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILD for c in el):
            continue   # a container of paragraphs: its paragraphs are placed instead
        text = normalise_space(el.text_content())
        if text and len(text) <= 20000:
            sequence.append(el)
            texts.append(text)
    # the page position of each block: first later element whose text is the block's
    position: list[Optional[int]] = []
    cursor = 0
    for b in blocks:
        found = None
        for k in range(cursor, len(sequence)):
            if texts[k] == b.text:
                found = k
                break
        if found is None:  # looser: the element holds the block text (nearby only)
            for k in range(cursor, min(len(sequence), cursor + 400)):
                if b.text in texts[k] and len(texts[k]) < 3 * len(b.text) + 200:
                    found = k
                    break
        if found is not None:
            position.append(order[sequence[found]])
            cursor = found + 1
        else:
            position.append(None)
    placed = [p for p in position if p is not None]
    if not placed:
        return
    placed_set = set(placed)
    scope = _scope([el for el in sequence if order[el] in placed_set])
    known = {b.text for b in blocks}
    inserts: list[tuple[int, str]] = []
    for el in captions:
        text = normalise_space(el.text_content())
        if not text or _outside(el) or (scope is not None and not _inside(el, scope)):
            continue
        if text in known:
            for b in blocks:   # trafilatura kept it as a paragraph: it is a caption
                if b.text == text:
                    b.role = "caption"
            continue
        known.add(text)
        inserts.append((order[el], text))
    # insert each caption before the first block placed after it
    out: list[Block] = []
    pending = sorted(inserts)
    k = 0
    for b, pos in zip(blocks, position):
        while k < len(pending) and pos is not None and pending[k][0] < pos:
            out.append(Block(pending[k][1], "caption"))
            k += 1
        out.append(b)
    last = max(placed)
    for where, text in pending[k:]:   # after the last paragraph, still inside the article
        if where > last:
            out.append(Block(text, "caption"))
    blocks[:] = out


def _caption_elements(tree) -> list:
    """<figcaption> elements, and elements whose class or itemprop says caption."""
    found, seen = [], set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        marks = " ".join(filter(None, (el.get("class"), el.get("itemprop"))))
        if el.tag == "figcaption" or (marks and _CAPTION_CLASS.search(marks)):
            if not any(anc in seen for anc in el.iterancestors()):
                found.append(el)
                seen.add(el)
    return found


def _scope(elements):
    """The article element around the placed paragraphs (nearest <article>/<main>, else
    their common ancestor); None when that is the whole page."""
    if not elements:
        return None
    common = list(elements[0].iterancestors())
    for el in elements[1:]:
        ancestors = set(el.iterancestors())
        common = [a for a in common if a in ancestors]
    if not common:
        return None
    lca = common[0]
    for anc in [lca, *lca.iterancestors()]:
        if anc.tag in ("article", "main"):
            return anc
        if anc.tag in ("body", "html"):
            break
    if lca.tag in ("body", "html"):
        return None
    parent = lca.getparent()   # one level up: a figure beside the text container
    return lca if parent is None or parent.tag in ("body", "html") else parent


def _inside(el, scope) -> bool:
    return any(anc is scope for anc in el.iterancestors())
