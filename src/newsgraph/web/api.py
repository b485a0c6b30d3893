"""The JSON API under /api: thin calls into ``newsgraph.store``'s read API."""
from __future__ import annotations

import hmac
import json
from typing import Optional

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel

from .. import store as S
from ..records import ArticleRecord, ErrorRecord
from . import params as P
from ..errors import E
from .errors import WebError, bad_body, bad_param, not_found
from .validate import check_record
from ..records import valid_tree

MAX_DEPTH = 16   # an ArticleRecord nests about 7 levels (quotes, speaker, profile); metadata a few more


def _depth(obj, limit: int = MAX_DEPTH + 1) -> int:
    """How deeply a parsed JSON value nests, counted up to ``limit`` (without recursion)."""
    deepest, stack = 0, [(obj, 1)]
    while stack:
        value, d = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, d)
            if d >= limit:
                return d
            stack.extend((v, d + 1) for v in (value.values() if isinstance(value, dict) else value))
    return deepest


class ErrorDetail(BaseModel):
    code: str
    status: int
    message: str
    params: list[str]


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS = {400: {"model": ErrorBody, "description": "Bad query parameters"},
          404: {"model": ErrorBody, "description": "Not found"},
          503: {"model": ErrorBody, "description": "Query time limit reached"}}

router = APIRouter(tags=["corpus"], responses={400: ERRORS[400], 503: ERRORS[503]})
ingest_router = APIRouter(tags=["ingest"])


def store(request: Request) -> S.Store:
    return request.app.state.store


def page(request: Request, result: dict) -> dict:
    """Add ``next`` and ``previous`` links (relative URLs) to a page of results."""
    limit, offset, total = result["limit"], result["offset"], result["total"]
    url = request.url
    result["next"] = (f"{url.path}?{url.include_query_params(offset=offset + limit).query}"
                      if offset + limit < total and limit else None)
    result["previous"] = (f"{url.path}?{url.include_query_params(offset=max(0, offset - limit)).query}"
                          if offset > 0 else None)
    return result


def speaker_ref(value: str):
    """A speaker path segment as the store takes it: a numeric id or a name."""
    v = value.strip()
    if v.isascii() and v.isdigit():
        if len(v) > 18:
            raise not_found("speaker", value)
        return int(v)
    if any(c.isdigit() for c in v) and v.isdigit():   # other scripts' digits are not ids
        raise not_found("speaker", value)
    if not v:
        raise bad_param("speaker", "must not be empty")
    return v


@router.get("/quotations", summary="Search quotations")
def search_quotations(request: Request, args: P.SearchArgs = Depends(), limit: int = P.limit(),
                      offset: int = P.offset(), st: S.Store = Depends(store)) -> dict:
    """Quotations (the same statement merged across articles) matching full-text search and
    filters, one page of them, with speaker, dates, counts and outlets."""
    return page(request, S.search_quotations(st, **args.store_kwargs(), limit=limit, offset=offset))


@router.get("/quotations/{quotation_id}", summary="A quotation with its occurrences",
            responses={404: ERRORS[404]})
def get_quotation(quotation_id: int = Path(..., ge=1, le=2**62), st: S.Store = Depends(store)) -> dict:
    """One quotation with every occurrence (article, outlet, date, wording, how it matched)
    and the entities it is about."""
    return S.get_quotation(st, quotation_id)


@router.get("/speakers", summary="Most quoted speakers")
def top_speakers(request: Request, speaker_type: Optional[str] = P.choice(P.SpeakerType, "Kind of speaker."),
                 limit: int = P.limit(), offset: int = P.offset(), st: S.Store = Depends(store)) -> dict:
    """Speakers by number of distinct quotations."""
    return page(request, S.top_speakers(st, speaker_type=speaker_type or None, limit=limit, offset=offset))


@router.get("/speakers/{speaker}", summary="A speaker with their quotations", responses={404: ERRORS[404]})
def get_speaker(request: Request, speaker: str = Path(..., max_length=P.MAX_TEXT,
                                                      description="Corpus entity id or a name"),
                limit: int = P.limit(), offset: int = P.offset(), st: S.Store = Depends(store)) -> dict:
    """Canonical name, type, aliases, descriptors, counts and one page of quotations,
    newest first. A name matching several entities picks the most quoted; the others
    are listed in ``other_matches``."""
    out = S.get_speaker(st, speaker_ref(speaker), limit=limit, offset=offset)
    page(request, out["quotations"])
    return out


@router.get("/events", summary="Coded events (PLOVER)")
def search_events(request: Request,
                  type: Optional[str] = Query(None, max_length=20, description="PLOVER type: AGREE, THREATEN, ..."),
                  actor: Optional[str] = P.text("An actor: name, alias, surname or country."),
                  role: str = Query("any", pattern="^(any|source|target)$",
                                    description="The actor as source, target or either."),
                  since: Optional[str] = P.text("From this date (YYYY[-MM[-DD]]).", max_length=10),
                  until: Optional[str] = P.text("Up to this date, inclusive.", max_length=10),
                  limit: int = P.limit(), offset: int = P.offset(), st: S.Store = Depends(store)) -> dict:
    """Who did what to whom: events merged across the articles that report them (same
    type, same actors, dates within a few days), newest first, each with its first reports."""
    from ..events import country_code

    who = (actor or "").strip() or None
    return page(request, S.search_events(st, type=(type or "").strip() or None, actor=who,
                                         country=country_code(who) if who else None,
                                         role=role, since=since or None, until=until or None,
                                         limit=limit, offset=offset))


@router.get("/articles/{article_id:path}", summary="An article with its annotations",
            responses={404: ERRORS[404]})
def get_article(article_id: str = Path(..., max_length=1000), st: S.Store = Depends(store)) -> dict:
    """The ArticleRecord (clean text, paragraphs, quotes, entities, time expressions, all
    offsets into ``record.text``) and the store's annotations: the corpus entity each
    in-article entity was linked to and why, the quotation each quote joined, near-duplicates."""
    return S.get_article(st, article_id)


@router.get("/entities", summary="Corpus entities")
def list_entities(request: Request, type: Optional[str] = P.text("Entity label: PERSON, ORG, GPE, ...",
                                                                 max_length=20),
                  q: Optional[str] = P.text("Part of the name."), limit: int = P.limit(50),
                  offset: int = P.offset(), st: S.Store = Depends(store)) -> dict:
    """People, organisations, places... by number of articles."""
    return page(request, S.list_entities(st, type=(type or "").strip() or None, search=(q or "").strip() or None,
                                         limit=limit, offset=offset))


@router.get("/entities/explain", summary="Why names were merged into entities")
def explain_entity(name: str = Query(..., min_length=1, max_length=P.MAX_TEXT, description="A name"),
                   st: S.Store = Depends(store)) -> dict:
    """Every corpus entity the name may mean, with the rules that linked each in-article
    name to it, and suggestions when none matches."""
    return S.explain_entity(st, name)


@router.get("/sources", summary="Who gets quoted: gender and role figures")
def sources(by: Optional[str] = P.choice(P.Grouping, "One group per outlet, month or section; none: the corpus."),
            since: Optional[str] = P.date("Published from (inclusive)."),
            until: Optional[str] = P.date("Published up to (inclusive)."),
            top: int = Query(5, ge=0, le=50, description="Most quoted people listed per gender."),
            st: S.Store = Depends(store)) -> dict:
    """For the people quoted (syndicated copies once): counts and shares by gender and by
    role, the share of quotes from anonymous sources, the most quoted people of each
    gender; overall (``total``) and per group. Every figure has its base and the
    quotation-search filters (``search``) that list the quotations behind it."""
    return S.sources(st, by=by or None, since=since or None, until=until or None, top=top)


@router.get("/stats", summary="Corpus counts")
def stats(st: S.Store = Depends(store)) -> dict:
    return S.stats(st)


# ------------------------------------------------------------------ writing (only with a token)


@ingest_router.post("/ingest", summary="Store articles (needs the ingest token)",
                    responses={400: ERRORS[400], 401: {"model": ErrorBody}, 413: {"model": ErrorBody}})
async def ingest(request: Request, authorization: Optional[str] = Header(None)) -> dict:
    """Body: JSON lines, at most the server's body limit. Header ``Authorization: Bearer TOKEN``.

    A line is either an ArticleRecord (the output of ``newsgraph extract``), stored as
    it is, or a raw article as in a JSONL feed (``id``, ``text`` or ``html``, optional
    ``title``, ``url``, ``published``), extracted here with the server's options (its
    time and size limits) before it is stored."""
    token = request.app.state.ingest_token
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer":    # RFC 6750: "Bearer TOKEN"; a bare token is refused
        given = ""
    given = given.strip()
    if not token or not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise WebError(401, E.UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
    limit = request.app.state.max_body_bytes
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise WebError(413, E.BODY_TOO_LARGE, limit=limit)
        chunks.append(chunk)
    try:
        lines = b"".join(chunks).decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise bad_body("it is not UTF-8 text") from None
    records, raw_lines = [], []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            depth = _depth(data)
            if depth > MAX_DEPTH:
                raise ValueError(f"nested {depth} levels deep, over the {MAX_DEPTH} a record has")
            data, _ = valid_tree(data)      # a "\ud800" escape is no character: U+FFFD
            if _is_raw_article(data):
                raw_lines.append(line)
                continue
            rec = (ErrorRecord.from_dict(data) if "error" in data and "text" not in data
                   else ArticleRecord.from_dict(data))
            if isinstance(rec, ArticleRecord):
                check_record(rec)
        except RecursionError:   # [[[[... past the JSON parser's depth
            raise bad_body(f"line {n} is nested too deeply to be an ArticleRecord") from None
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise bad_body(f"line {n} is neither an ArticleRecord nor a raw article with 'id' and 'text' "
                           f"or 'html': {exc}") from None
        records.append(rec)
    if not records and not raw_lines:
        raise bad_body("it holds no records")
    from starlette.concurrency import run_in_threadpool

    options = request.app.state.options
    if raw_lines:
        records.extend(await run_in_threadpool(_extract_lines, raw_lines, options))
    report = await run_in_threadpool(S.ingest_records, request.app.state.store, records)
    return report.to_dict()


def _is_raw_article(data: dict) -> bool:
    """A feed line (text or HTML to extract), not an ArticleRecord (which has paragraphs and a schema version)."""
    return ("text" in data or "html" in data) and "schema_version" not in data and "paragraphs" not in data


def _extract_lines(lines: list[str], options) -> list:
    """Raw feed lines through the pipeline with the server's options."""
    import io

    from ..ingest import read_jsonl
    from ..pipeline import process_items

    items = read_jsonl(io.BytesIO("\n".join(lines).encode("utf-8")), source="<api>",
                       max_bytes=options.max_bytes, max_line=options.max_line)
    return list(process_items(items, options))
