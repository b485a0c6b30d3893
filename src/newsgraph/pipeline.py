"""One article through every stage, and the batch runner.

``prepare`` (clean, assemble the text, take the stated date) -> the spaCy pipeline
of ``nlp.load_model`` (the one assembly of the stages) -> ``record_from_doc``.
``process_batch`` is the core function: local ``extract``, ``corpus.ingest_paths``
and the Dask runner all call it, with one ``Options``. It never returns a partial
record: a failure becomes an ``ErrorRecord`` with a code from the error catalogue.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing as mp
import re
import signal
import time
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Union

from .errors import E, NewsgraphError
from .ingest import RawDocument, error_record, read_inputs
from .limits import BATCH_CHARS, MAX_TEXT_CHARS, PIECE_TOKENS, WINDOW_CHARS, ArticleTimeout, time_limit
from .options import Options
from .records import ArticleRecord, ErrorRecord, Paragraph

log = logging.getLogger(__name__)

Result = Union[ArticleRecord, ErrorRecord]

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# A date in a file name or URL: 2016-09-19, 2016_09_19, /2016/09/19/
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_/])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


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


@dataclass
class Prepared:
    """An article cleaned and assembled, waiting for the parse."""
    raw: RawDocument
    title: Optional[str]
    text: str
    paragraphs: list[Paragraph]
    captions: list[str]
    metadata: dict
    published: Optional[dt.date]
    published_source: Optional[str]
    language: Optional[object] = None   # language.Language of the clean text


def process_document(raw: RawDocument, nlp=None, *, options: Options = Options(),
                     timings: Optional[Timings] = None) -> Result:
    """One article through every stage; an ErrorRecord when it cannot be processed."""
    return process_batch([raw], nlp, options=options, timings=timings)[0]


def process_batch(raws: list[RawDocument], nlp=None, *, options: Options = Options(),
                  timings: Optional[Timings] = None) -> list[Result]:
    """Several articles through the pipeline, the model's part with ``nlp.pipe`` (faster than
    one by one), then the newsgraph stages of the same pipeline, article by article.

    Each article fails alone: an error or a time overrun in one becomes its ErrorRecord.
    ``options.timeout`` is one budget per article for all its steps (cleaning, the parse,
    the stages): each step gets what the earlier ones left. A batch parse gets the sum of
    its articles' budgets, each charged its share (by length), and when it overruns or
    fails it is redone one article at a time to find the culprit. A text longer than
    ``limits.PIECE_TOKENS`` tokens is parsed in pieces (bounded memory).
    """
    from .nlp import STAGE_NAMES, load_model, stage_pipes

    from .language import load as load_language

    timings = timings or Timings()
    timeout = options.timeout
    nlp = nlp or load_model()
    load_language()          # once per process, outside every article's time budget
    results: list[Optional[Result]] = [None] * len(raws)
    ready: list[tuple[int, Prepared]] = []
    spent: list[float] = [0.0] * len(raws)       # seconds of each article's budget used
    left = lambda i: max(timeout - spent[i], 0.001) if timeout else None  # noqa: E731
    for i, raw in enumerate(raws):
        t = time.perf_counter()
        results[i] = _guard(raw, lambda: ready.append((i, prepare(raw, timings))), timeout)
        spent[i] += time.perf_counter() - t
    for i, prep in [(i, p) for i, p in ready if p.language is not None and not p.language.english]:
        results[i] = record_without_stages(prep)     # the English stages run only on English
    ready = [(i, p) for i, p in ready if p.language is None or p.language.english]
    docs = [new_doc(nlp, p) for _, p in ready]
    t = time.perf_counter()
    try:
        with time_limit(sum(left(i) for i, _ in ready) if timeout else None):
            docs = parse_docs(nlp, docs, batch_size=options.batch, disable=STAGE_NAMES)
        took, total = time.perf_counter() - t, sum(len(p.text) for _, p in ready) or 1
        for i, p in ready:
            spent[i] += took * len(p.text) / total
    except Exception:  # one text broke or stalled the batch: parse one by one to isolate it
        docs = []
        for i, p in ready:
            t1 = time.perf_counter()
            docs.append(_guard(p.raw, lambda p=p: parse_docs(nlp, [new_doc(nlp, p)], batch_size=1,
                                                             disable=STAGE_NAMES)[0], left(i),
                                  limit=timeout))
            spent[i] += time.perf_counter() - t1
    timings.add("parse", t)
    stages = stage_pipes(nlp)
    for (i, prep), doc in zip(ready, docs):
        results[i] = doc if isinstance(doc, ErrorRecord) else _guard(
            prep.raw, lambda: record_from_doc(run_stages(doc, stages, timings), prep), left(i),
            limit=timeout)
    return results  # type: ignore[return-value]


def parse_docs(nlp, docs: list, *, batch_size: int, disable) -> list:
    """The model's components on each Doc, in order; a Doc longer than ``PIECE_TOKENS`` is
    parsed in pieces (cut at paragraph breaks, else line breaks) joined back into one Doc
    with the same text, so no component ever holds more than a piece at once."""
    out: list = [None] * len(docs)
    short = [k for k, d in enumerate(docs) if len(d) <= PIECE_TOKENS]
    for k, doc in zip(short, nlp.pipe([docs[k] for k in short], batch_size=batch_size, disable=disable)):
        out[k] = doc
    for k, doc in enumerate(docs):
        if out[k] is None:
            out[k] = parse_in_pieces(nlp, doc, disable=disable)
    return out


def parse_in_pieces(nlp, doc, *, disable, max_tokens: int = PIECE_TOKENS):
    from spacy.tokens import Doc

    pieces = [doc[a:b].as_doc() for a, b in piece_bounds(doc, max_tokens)]
    joined = Doc.from_docs([nlp(p, disable=disable) for p in pieces], ensure_whitespace=False)
    joined._.ng_paragraphs, joined._.ng_published = doc._.ng_paragraphs, doc._.ng_published
    return joined


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def piece_bounds(doc, max_tokens: int) -> list[tuple[int, int]]:
    """Token ranges of at most ``max_tokens`` covering ``doc``: each ends at the last paragraph
    break that fits, else the last line break, else at ``max_tokens`` tokens."""
    from bisect import bisect_left, bisect_right

    n = len(doc)
    if n <= max_tokens:
        return [(0, n)]
    starts = doc.to_array("IDX").tolist()
    text = doc.text
    para = sorted({bisect_left(starts, m.end()) for m in _PARAGRAPH_BREAK.finditer(text)} - {0, n})
    line = sorted({bisect_left(starts, m.end()) for m in re.finditer("\n", text)} - {0, n})
    bounds, a = [], 0
    while n - a > max_tokens:
        cut = None
        for breaks in (para, line):
            j = bisect_right(breaks, a + max_tokens) - 1
            if j >= 0 and breaks[j] > a:
                cut = breaks[j]
                break
        cut = cut or a + max_tokens
        bounds.append((a, cut))
        a = cut
    bounds.append((a, n))
    return bounds


def new_doc(nlp, prep: "Prepared"):
    """The Doc the pipeline runs on: the clean text with its paragraph roles and stated date."""
    doc = nlp.make_doc(prep.text)
    doc._.ng_paragraphs = prep.paragraphs
    doc._.ng_published = prep.published
    return doc


def run_stages(doc, stages, timings: Timings):
    """The newsgraph stages of the pipeline (``nlp.stage_pipes``) on a parsed Doc, each timed."""
    for _name, figure, proc in stages:
        t = time.perf_counter()
        doc = proc(doc)
        timings.add(figure, t)
    return doc


def _guard(raw: RawDocument, fn, timeout: Optional[float] = None, *, limit: Optional[float] = None):
    """Run one article's step within ``timeout`` seconds (what is left of its budget
    ``limit``); its failure or overrun becomes its ErrorRecord."""
    try:
        with time_limit(timeout):
            return fn()
    except NewsgraphError as exc:
        return error_record(raw.id, raw.source, exc)
    except ArticleTimeout as exc:
        return error_record(raw.id, raw.source, NewsgraphError(E.TIMEOUT, limit=f"{limit or exc.limit:g}"))
    except Exception as exc:  # one bad article never stops the batch
        log.exception("internal error on %s", raw.source)
        return error_record(raw.id, raw.source, NewsgraphError(E.INTERNAL, detail=f"{type(exc).__name__}: {exc}"))


def prepare(raw: RawDocument, timings: Timings) -> Prepared:
    """Clean, assemble the text, and take the publication date the input states."""
    t = time.perf_counter()
    page = clean(raw)
    title = (raw.title or page.title or "").strip() or None
    if not any(b.role == "body" for b in page.blocks):
        raise NewsgraphError(E.NO_ARTICLE, detail="no body paragraph survived cleaning")
    text, paragraphs, captions = assemble(title, page.blocks)
    if len(text) > MAX_TEXT_CHARS:   # a size error, not spaCy's text-length error as an internal one (issue 13)
        raise NewsgraphError(E.TEXT_TOO_LONG, what="clean text", size=len(text), limit=MAX_TEXT_CHARS)
    metadata = {k: v for k, v in page.metadata.items() if v not in (None, "", {}, [])}
    metadata.update(raw.metadata)
    if raw.url:
        metadata["url"] = raw.url

    published, source = None, None
    if raw.published is not None:
        published = parse_date(raw.published)
        if published:
            source = "supplied"
        else:
            metadata["published_invalid"] = raw.published
    if published is None and parse_date(page.metadata.get("published")):
        published, source = parse_date(page.metadata["published"]), raw.media_type
    if published is None:
        for where, value in (("url", raw.url or page.metadata.get("url")), ("path", raw.source)):
            published = date_in_path(value or "")
            if published:
                source = where
                break
    timings.add("clean", t)
    from .language import detect

    return Prepared(raw, title, text, paragraphs, captions, metadata, published, source, detect(text))


def record_from_doc(doc, prep: Prepared) -> ArticleRecord:
    """The ArticleRecord of an article whose Doc has been through the whole pipeline."""
    published = doc._.ng_anchor
    raw = prep.raw
    return ArticleRecord(
        id=raw.id, source=raw.source, text=prep.text, title=prep.title,
        published=published.isoformat() if published else None,
        published_source=prep.published_source if prep.published else doc._.ng_published_source,
        paragraphs=prep.paragraphs, captions=prep.captions, metadata=prep.metadata,
        quotes=doc._.ng_quotes, entities=doc._.ng_entities, timexes=doc._.ng_timexes,
        events=doc._.ng_events or [],
        language=prep.language.code if prep.language else "en",
    )


def record_without_stages(prep: Prepared) -> ArticleRecord:
    """The record of an article the English stages do not run on (``language.py``): its clean
    text, paragraphs, title and stated date, the language, and why nothing was extracted."""
    raw = prep.raw
    return ArticleRecord(
        id=raw.id, source=raw.source, text=prep.text, title=prep.title,
        published=prep.published.isoformat() if prep.published else None,
        published_source=prep.published_source if prep.published else None,
        paragraphs=prep.paragraphs, captions=prep.captions,
        metadata={**prep.metadata, "skipped_stages": prep.language.skipped()}, language=prep.language.code,
    )


# ---------------------------------------------------------------- batch runner

# A worker stuck where the SIGALRM limit cannot reach (C code that never returns to
# Python) is killed by the parent once its batch has run this long past the sum of
# its own limits (each article: clean, parse, re-parse alone, extraction).
HARD_GRACE = 30.0
_worker_nlp = None


def _init_worker(setup=None, ready=None) -> None:
    global _worker_nlp
    from .nlp import load_model

    if setup is not None:  # tests only: e.g. make one article kill its worker
        setup()
    _worker_nlp = load_model()
    if ready is not None:  # the parent's hard deadline does not count model loading
        with ready.get_lock():
            ready.value += 1


def _work(raws: list[RawDocument], options: Options) -> list[Result]:
    return process_batch(raws, _worker_nlp, options=options)


def _chunks(items: Iterable[Union[RawDocument, ErrorRecord]], size: int, max_chars: int = BATCH_CHARS):
    """Runs of up to ``size`` items and ``max_chars`` characters (one item at least);
    an ErrorRecord travels as its own chunk."""
    chunk: list[RawDocument] = []
    chars = 0
    for item in items:
        if isinstance(item, ErrorRecord):
            if chunk:
                yield chunk
                chunk, chars = [], 0
            yield item
        else:
            if chunk and chars + len(item.content) > max_chars:
                yield chunk
                chunk, chars = [], 0
            chunk.append(item)
            chars += len(item.content)
            if len(chunk) >= size:
                yield chunk
                chunk, chars = [], 0
    if chunk:
        yield chunk


def _chars(chunk) -> int:
    return sum(len(r.content) for r in chunk) if isinstance(chunk, list) else 0


def _hard_deadline(n: int, timeout: Optional[float]) -> Optional[float]:
    return 4 * timeout * n + HARD_GRACE if timeout else None


class _Pool:
    """A process pool that can be thrown away and started again.

    ``concurrent.futures.ProcessPoolExecutor`` (unlike ``multiprocessing.Pool``)
    notices a worker that died (SIGKILL, segfault, out of memory): every pending
    task fails with ``BrokenProcessPool`` instead of waiting forever.
    """

    DEAD_STARTS = 3  # pools in a row whose workers never got through the initializer

    def __init__(self, options: Options, setup=None):
        self.workers, self.options, self.setup = options.workers, options, setup
        self.restarts = self.dead_starts = 0
        self._start()

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        self.ready = ctx.Value("i", 0)
        self.ex = ProcessPoolExecutor(self.workers, mp_context=ctx,
                                      initializer=_init_worker, initargs=(self.setup, self.ready))

    def _all_ready(self) -> bool:
        return self.ready.value >= len(getattr(self.ex, "_processes", None) or ())

    def wait(self, fut: Future, deadline: Optional[float]) -> list[Result]:
        """The future's result; FutureTimeout once it has had ``deadline`` seconds of
        workers that are up (time spent starting workers and loading the model is not counted)."""
        if deadline is None:
            return fut.result()
        spent = 0.0
        while True:
            t = time.monotonic()
            try:
                return fut.result(timeout=min(1.0, max(deadline - spent, 0.01)))
            except FutureTimeout:
                if self._all_ready():
                    spent += time.monotonic() - t
                if spent >= deadline:
                    raise

    def submit(self, chunk: list[RawDocument]) -> Future:
        try:
            return self.ex.submit(_work, chunk, self.options)
        except BrokenProcessPool as exc:  # broke since the last look: fail like its other tasks
            fut: Future = Future()
            fut.set_exception(exc)
            return fut

    def _kill(self) -> None:
        for p in list((getattr(self.ex, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                p.kill()

    def restart(self, *, kill: bool = False) -> str:
        """A fresh pool; returns how the dead worker ended (for the error message)."""
        procs = list((getattr(self.ex, "_processes", None) or {}).values())
        if kill:
            self._kill()
        self.ex.shutdown(wait=True, cancel_futures=True)
        how = _how_died(procs)
        # no worker ever loaded the model: not an article's fault, and restarting will not help
        self.dead_starts = self.dead_starts + 1 if self.ready.value == 0 else 0
        if self.dead_starts >= self.DEAD_STARTS:
            raise RuntimeError(f"the worker processes die while starting ({how}); "
                               "see the log above (is the spaCy model installed?)")
        self.restarts += 1
        self._start()
        return how

    def close(self, *, kill: bool = False) -> None:
        if kill:
            self._kill()
        self.ex.shutdown(wait=True, cancel_futures=True)


def _how_died(procs) -> str:
    for p in procs:
        code = p.exitcode
        if code is None or code == 0 or code == -signal.SIGTERM:  # alive, or stopped by the pool
            continue
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit status {code}"
    return "the process ended abruptly"


@dataclass
class _Slot:
    chunk: Union[list[RawDocument], ErrorRecord]
    future: Optional[Future] = None


def _succeeded(fut: Optional[Future]) -> bool:
    return fut is not None and fut.done() and not fut.cancelled() and fut.exception() is None


def process_items(items: Iterable[Union[RawDocument, ErrorRecord]], options: Options = Options(), *,
                  _worker_setup=None) -> Iterator[Result]:
    """Every item through the stages, in input order; error records pass through.

    With ``options.workers > 1`` a process pool runs batches of ``options.batch``
    articles, the model loaded once per worker by the pool initializer (never pickled
    with a task). A worker that dies (killed, segfault) or hangs past the hard deadline
    does not stop the run: the pool is started again, the lost batch is redone one
    article at a time so the culprit becomes an error record (E012, or E009 for a
    hang), and the other lost batches are resubmitted. Every input yields exactly one
    result. ``_worker_setup`` (tests only) is a picklable callable each worker runs first.
    """
    timeout, workers = options.timeout, options.workers
    if workers <= 1:
        nlp = None
        for chunk in _chunks(items, options.batch):
            if isinstance(chunk, ErrorRecord):
                yield chunk
            else:
                from .nlp import load_model

                nlp = nlp or load_model()
                yield from process_batch(chunk, nlp, options=options)
        return
    pool = _Pool(options, _worker_setup)
    window: deque[_Slot] = deque()
    chunks = iter(_chunks(items, options.batch))
    exhausted = finished = False
    try:
        while True:
            # a window of chunks in flight, bounded in number and in characters (the parent's memory)
            while not exhausted and len(window) < workers * 4 and (
                    not window or sum(_chars(s.chunk) for s in window) < WINDOW_CHARS):
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    window.append(_Slot(chunk, None if isinstance(chunk, ErrorRecord) else pool.submit(chunk)))
            if not window:
                break
            slot = window.popleft()
            if isinstance(slot.chunk, ErrorRecord):
                yield slot.chunk
                continue
            try:
                results = pool.wait(slot.future, _hard_deadline(len(slot.chunk), timeout))
            except (BrokenProcessPool, FutureTimeout) as exc:
                hung = isinstance(exc, FutureTimeout)
                how = pool.restart(kill=hung)
                if hung and len(slot.chunk) == 1:  # the very task waited on: no doubt who hung
                    raw = slot.chunk[0]
                    log.error("article %s hung its worker past the hard deadline", raw.source)
                    results = [error_record(raw.id, raw.source, NewsgraphError(E.TIMEOUT, limit=f"{timeout:g}"))]
                else:
                    log.warning("a worker %s on a batch starting with %s; redoing it one article at a time",
                                "hung" if hung else f"died ({how})", slot.chunk[0].source)
                    results = list(_isolate(pool, slot.chunk, timeout))  # alone in the pool: exact blame
                for later in window:
                    if isinstance(later.chunk, list) and not _succeeded(later.future):
                        later.future = pool.submit(later.chunk)
            yield from results
        finished = True
    finally:
        pool.close(kill=not finished)


def _isolate(pool: _Pool, chunk: list[RawDocument], timeout: Optional[float]) -> Iterator[Result]:
    """Each article of a lost batch alone in the pool; one that kills or hangs its
    worker again becomes its error record."""
    for raw in chunk:
        try:
            yield from pool.wait(pool.submit([raw]), _hard_deadline(1, timeout))
        except BrokenProcessPool:
            how = pool.restart()
            log.error("article %s killed its worker (%s)", raw.source, how)
            yield error_record(raw.id, raw.source, NewsgraphError(E.WORKER_DIED, detail=how))
        except FutureTimeout:
            pool.restart(kill=True)
            log.error("article %s hung its worker past the hard deadline", raw.source)
            yield error_record(raw.id, raw.source, NewsgraphError(E.TIMEOUT, limit=f"{timeout:g}"))


def extract(paths: Iterable[str], options: Options = Options(), *, stdin=None) -> Iterator[Result]:
    """The public core: paths (files, directories, '-') to records and error records."""
    items = read_inputs(paths, max_bytes=options.max_bytes, max_line=options.max_line, stdin=stdin)
    return process_items(items, options)


def process_text(text: str, *, id: str = "text", title: Optional[str] = None,
                 published: Optional[str] = None, html: bool = False, options: Options = Options()) -> Result:
    """Convenience: one article given as a string."""
    raw = RawDocument(id=id, source="<string>", media_type="html" if html else "text",
                      content=text, title=title, published=published)
    return process_document(raw, options=options)
