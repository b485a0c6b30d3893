"""The app factory: the store, the limits, the error shape, the routes.

Read-only unless an ingest token is given. Every error, API or not, is the one JSON
shape of ``errors.py`` (a browser asking for HTML gets the same code and message as
a page). Limits: query string and body sizes, page sizes, search text lengths, and
the store's own query time limit.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..version import __version__
from ..options import Options
from ..store import StoreError, open_store
from ..errors import E
from .errors import HTTP_CODES, WebError, bad_param, from_store

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent

MAX_QUERY_BYTES = 2048
MAX_BODY_BYTES = 8 * 1024 * 1024     # the ingest endpoint; every other route takes no body

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def create_app(db_path, *, ingest_token: Optional[str] = None, allowed_hosts: Optional[Iterable[str]] = None,
               max_body_bytes: int = MAX_BODY_BYTES, max_query_bytes: int = MAX_QUERY_BYTES,
               query_timeout: float = 5.0, options: Options = Options()) -> FastAPI:
    """A FastAPI app serving the corpus at ``db_path`` (which must exist).

    ``ingest_token`` turns on ``POST /api/ingest`` (Bearer token, body up to
    ``max_body_bytes``; raw articles in it are extracted with ``options``). ``allowed_hosts`` restricts the Host header (DNS-rebinding
    defence; ``newsgraph serve`` passes the loopback names when bound to loopback).
    """
    store = open_store(db_path, create=False, query_timeout=query_timeout)
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Who said what, about whom, and when: quotations, speakers, articles and "
                              "entities of a newsgraph corpus. Every list is paginated (`limit`, `offset`, "
                              "`total`, `next`); every error has the shape "
                              '`{"error": {"code", "status", "message", "params"}}`.')
    app.state.store = store
    app.state.ingest_token = ingest_token or None
    app.state.max_body_bytes = max_body_bytes
    app.state.options = options
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    from ..records import ROLES
    env.globals.update(version=__version__, ingest_enabled=bool(ingest_token), roles=ROLES)
    from . import filters
    filters.install(env)
    app.state.templates = env

    _install_errors(app)
    from . import api, pages
    app.include_router(api.router, prefix="/api")
    if ingest_token:
        app.include_router(api.ingest_router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(Limits, max_query_bytes=max_query_bytes, max_body_bytes=max_body_bytes,
                       allowed_hosts=list(allowed_hosts) if allowed_hosts else None)
    app.router.add_event_handler("shutdown", store.close)
    app.router.add_event_handler("startup", _fewer_threads)
    app.openapi = lambda: _openapi(app)
    return app


WORKER_THREADS = 8   # request handlers run in threads that share one GIL: more only contend


async def _fewer_threads() -> None:
    """Cap the thread pool the handlers run in (anyio's default is 40): under load more
    threads only contend for the GIL, and each holds its own SQLite connection and cache."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS


def _openapi(app: FastAPI) -> dict:
    """FastAPI's schema without its 422 responses: a bad parameter is a 400 here."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for methods in schema.get("paths", {}).values():
        for op in methods.values():
            op.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    app.openapi_schema = schema
    return schema


# ------------------------------------------------------------------ errors


def wants_html(request: Request) -> bool:
    path = request.url.path
    return (not path.startswith("/api") and not path.endswith(".json")
            and "text/html" in request.headers.get("accept", ""))


def error_response(request: Request, err: WebError):
    if wants_html(request):
        env = request.app.state.templates
        html = env.get_template("error.html").render(request=request, error=err.body()["error"], title="Error")
        return HTMLResponse(html, status_code=err.status, headers=err.headers)
    return JSONResponse(err.body(), status_code=err.status, headers=err.headers)


def _hint(name: str, e: dict) -> str:
    from .params import CHOICES, HINTS

    if e.get("type") == "string_pattern_mismatch":
        if name in HINTS:
            return HINTS[name]
        if name in CHOICES:
            return HINTS[CHOICES[name]]
        return "not in the accepted form"
    return str(e.get("msg", "invalid")).replace("Input should", "should").replace("String should", "should")


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError):
        return error_response(request, exc)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        err = from_store(exc)
        if err.status >= 500:
            log.warning("store error on %s: %s", request.url.path, exc)
            err.headers = {"Retry-After": "5"}
        return error_response(request, err)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        params, problems = [], []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
            name = ".".join(loc) or "request"
            params.append(name)
            problems.append(f"{name}: {_hint(name, e)}")
        return error_response(request, WebError(400, E.BAD_PARAM, params=sorted(set(params)),
                                                detail="; ".join(problems)))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        status = exc.status_code
        code = HTTP_CODES.get(status, E.HTTP_ERROR if status < 500 else E.SERVER_ERROR)
        headers = dict(exc.headers or {})
        if code == E.NO_ROUTE:
            err = WebError(status, code, path=request.url.path)
        elif code == E.METHOD_NOT_ALLOWED:
            err = WebError(status, code, headers=headers, method=request.method, path=request.url.path)
        elif code == E.BAD_PARAM:
            err = bad_param("request", str(exc.detail))
        elif code in (E.BODY_TOO_LARGE, E.URI_TOO_LONG):
            err = WebError(status, code, headers=headers, message=str(exc.detail))
        else:
            err = WebError(status, code, headers=headers, http=status, detail=exc.detail)
        return error_response(request, err)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return error_response(request, WebError(500, E.SERVER_ERROR))


# ------------------------------------------------------------------ limits and headers (pure ASGI)


def _json(err: WebError) -> bytes:
    import json

    return json.dumps(err.body()).encode()


class Limits:
    """Refuse oversized query strings (414) and bodies (413) before routing, check the Host
    header when asked, and add the security headers to every response."""

    def __init__(self, app, *, max_query_bytes: int, max_body_bytes: int, allowed_hosts: Optional[list[str]]):
        self.app = app
        self.max_query_bytes = max_query_bytes
        self.max_body_bytes = max_body_bytes
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        refusal = None
        if self.allowed is not None:
            host = headers.get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed:
                refusal = WebError(400, E.BAD_HOST, host=host)
        if refusal is None and len(scope.get("query_string", b"")) > self.max_query_bytes:
            refusal = WebError(414, E.URI_TOO_LONG, limit=self.max_query_bytes)
        if refusal is None:
            length = headers.get(b"content-length")
            try:
                too_big = length is not None and int(length) > self.max_body_bytes
            except ValueError:
                too_big = False
                refusal = WebError(400, E.BAD_BODY, detail="its Content-Length header is not a number")
            if too_big:
                refusal = WebError(413, E.BODY_TOO_LARGE, limit=self.max_body_bytes)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in have]
            await send(message)

        if scope["method"] == "HEAD":   # answer HEAD as GET without the body
            scope = dict(scope, method="GET")
            inner_send = send_with_headers

            async def send_with_headers(message):
                if message["type"] == "http.response.body":
                    message = dict(message, body=b"")
                await inner_send(message)

        if refusal:
            body = _json(refusal)
            await send_with_headers({"type": "http.response.start", "status": refusal.status,
                                     "headers": [(b"content-type", b"application/json"),
                                                 (b"content-length", str(len(body)).encode())]})
            await send_with_headers({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_with_headers)
