"""One article through every stage, and the batch runner.

``process_document`` is the core function: the CLI, the store's ingest and the
Dask runner all call it. It never returns a partial record: a failure becomes an
``ErrorRecord`` with a code from the error catalogue.
"""
from __future__ import annotations

import datetime as dt
import logging
import multiprocessing as mp
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Union

from .errors import E, NewsgraphError
from .ingest import DEFAULT_MAX_BYTES, RawDocument, error_record, read_inputs
from .records import ArticleRecord, ErrorRecord, Paragraph, Quote

log = logging.getLogger(__name__)

Result = Union[ArticleRecord, ErrorRecord]
STAGES = ("clean", "parse", "entities", "quotes", "time")

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# A date in a file name or URL: 2016-09-19, 2016_09_19, /2016/09/19/
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass
class Options:
    """Immutable settings of one run (layered: defaults, then the caller's)."""
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class Timings:
    """Seconds spent per stage over a batch, for the benchmark."""
    seconds: Counter = field(default_factory=Counter)

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - since
        return now


def parse_date(value: object) -> Optional[dt.date]:
    """YYYY-MM-DD (or an ISO datetime) to a date; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_DATE.match(str(value or "").strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def date_in_path(path: str) -> Optional[dt.date]:
    """A publication date written into a file name or URL (scrapers and CMSs do)."""
    m = _PATH_DATE.search(path or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


def assemble(title: Optional[str], blocks) -> tuple[str, list[Paragraph], list[str]]:
    """The clean text: headline, then each block, separated by a blank line."""
    parts: list[tuple[str, str]] = []
    if title:
        parts.append((title, "title"))
    parts.extend((b.text, b.role) for b in blocks)
    text, paragraphs, captions, pos = [], [], [], 0
    for body, role in parts:
        if text:
            text.append("\n\n")
            pos += 2
        text.append(body)
        paragraphs.append(Paragraph(start=pos, end=pos + len(body), role=role))
        pos += len(body)
        if role == "caption":
            captions.append(body)
    return "".join(text), paragraphs, captions


def clean(raw: RawDocument):
    """RawDocument -> CleanedPage, by media type."""
    from .clean import clean_page_text

    if raw.media_type == "html":
        from .ingest.html import clean_html

        return clean_html(raw.content, url=raw.url)
    content = raw.content
    if raw.title and raw.title.strip() not in content[:len(raw.title) + 200]:
        # a feed gives the headline apart: put it where the cleaner looks for it
        content = raw.title.strip() + "\n\n" + content
    return clean_page_text(content)


def process_document(raw: RawDocument, nlp=None, *, timings: Optional[Timings] = None) -> Result:
    """One article through every stage; an ErrorRecord when it cannot be processed."""
    try:
        return _process(raw, nlp, timings or Timings())
    except NewsgraphError as exc:
        return error_record(raw.id, raw.source, exc)
    except Exception as exc:  # one bad article never stops the batch
        log.exception("internal error on %s", raw.source)
        return error_record(raw.id, raw.source, NewsgraphError(E.INTERNAL, detail=f"{type(exc).__name__}: {exc}"))


def _process(raw: RawDocument, nlp, timings: Timings) -> ArticleRecord:
    from .entities import extract_entities
    from .nlp import load_model
    from .quotes import extract_quotes
    from .timex import infer_published, statement_date, tag_timexes

    t = time.perf_counter()
    page = clean(raw)
    title = (raw.title or page.title or "").strip() or None
    body_blocks = [b for b in page.blocks if b.role == "body"]
    if not body_blocks:
        raise NewsgraphError(E.NO_ARTICLE, detail="no body paragraph survived cleaning")
    text, paragraphs, captions = assemble(title, page.blocks)
    metadata = {k: v for k, v in page.metadata.items() if v not in (None, "", {}, [])}
    metadata.update(raw.metadata)
    if raw.url:
        metadata["url"] = raw.url
    t = timings.add("clean", t)

    published, published_source = None, None
    if raw.published is not None:
        published = parse_date(raw.published)
        if published:
            published_source = "supplied"
        else:
            metadata["published_invalid"] = raw.published
    if published is None and parse_date(page.metadata.get("published")):
        published, published_source = parse_date(page.metadata["published"]), raw.media_type
    if published is None:
        for where, value in (("url", raw.url or page.metadata.get("url")), ("path", raw.source)):
            published = date_in_path(value or "")
            if published:
                published_source = where
                break

    nlp = nlp or load_model()
    doc = nlp(text)
    doc._.ng_paragraphs = paragraphs
    t = timings.add("parse", t)

    if published is None:
        published = infer_published(doc)
        published_source = "inferred"
    entities = extract_entities(doc)
    t = timings.add("entities", t)
    quotes = extract_quotes(doc, entities, paragraphs)
    t = timings.add("quotes", t)
    timexes = tag_timexes(doc, published)
    for q in quotes:
        _date_quote(q, doc, timexes, published, statement_date)
    timings.add("time", t)

    return ArticleRecord(
        id=raw.id, source=raw.source, text=text, title=title,
        published=published.isoformat() if published else None,
        published_source=published_source if published else "inferred",
        paragraphs=paragraphs, captions=captions, metadata=metadata,
        quotes=quotes, entities=entities, timexes=timexes,
    )


def _date_quote(q: Quote, doc, timexes, published, statement_date) -> None:
    value = statement_date(doc, q.cue.start, q.cue.end, timexes) if q.cue else None
    if value:
        q.date, q.date_source = value, "text"
    elif published:
        q.date, q.date_source = published.isoformat(), "published"


# ---------------------------------------------------------------- batch runner

_worker_nlp = None


def _init_worker() -> None:
    global _worker_nlp
    from .nlp import load_model

    _worker_nlp = load_model()


def _work(raw: RawDocument) -> Result:
    return process_document(raw, _worker_nlp)


def process_items(items: Iterable[Union[RawDocument, ErrorRecord]], *, workers: int = 1) -> Iterator[Result]:
    """Every item through ``process_document``, in input order; errors pass through.

    With ``workers > 1`` a process pool runs the articles, the model loaded once
    per worker by the pool initializer (never pickled with a task).
    """
    if workers <= 1:
        from .nlp import load_model

        nlp = None
        for item in items:
            if isinstance(item, ErrorRecord):
                yield item
            else:
                nlp = nlp or load_model()
                yield process_document(item, nlp)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        pending: list = []
        for item in items:
            pending.append(item if isinstance(item, ErrorRecord) else pool.apply_async(_work, (item,)))
            while len(pending) > workers * 8:
                yield _resolve(pending.pop(0))
        while pending:
            yield _resolve(pending.pop(0))


def _resolve(item) -> Result:
    return item if isinstance(item, ErrorRecord) else item.get()


def extract(paths: Iterable[str], *, workers: int = 1, options: Options = Options(), stdin=None) -> Iterator[Result]:
    """The public core: paths (files, directories, '-') to records and error records."""
    return process_items(read_inputs(paths, max_bytes=options.max_bytes, stdin=stdin), workers=workers)


def process_text(text: str, *, id: str = "text", title: Optional[str] = None,
                 published: Optional[str] = None, html: bool = False) -> Result:
    """Convenience: one article given as a string."""
    raw = RawDocument(id=id, source="<string>", media_type="html" if html else "text",
                      content=text, title=title, published=published)
    return process_document(raw)
