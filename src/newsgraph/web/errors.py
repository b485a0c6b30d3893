"""The one error shape of the HTTP API, and how every failure maps onto it.

    {"error": {"code": "E201", "status": 400, "message": "...", "params": [...]}}

``params`` lists the offending query parameters (empty when none). Codes and messages
come from the one catalogue, ``newsgraph.errors`` (store errors E1xx, web errors E2xx).
"""
from __future__ import annotations

from typing import Optional

from ..errors import E, NewsgraphError
from ..store import StoreError


class WebError(Exception):
    """An HTTP error with a catalogue code; the message is the catalogue's, filled with
    ``detail``, unless ``message`` is given (a store message made fit to publish)."""

    def __init__(self, status: int, code: E, *, params: Optional[list] = None, headers: Optional[dict] = None,
                 message: Optional[str] = None, **detail):
        text = message if message is not None else NewsgraphError(code, **detail).message
        super().__init__(text)
        self.status, self.code, self.message = status, code.value, text
        self.params = params or []
        self.headers = headers or {}

    def body(self) -> dict:
        return error_body(self.status, self.code, self.message, self.params)


def error_body(status: int, code: str, message: str, params: Optional[list] = None) -> dict:
    return {"error": {"code": code, "status": status, "message": message, "params": params or []}}


STORE_STATUS = {E.NO_MATCH: 404, E.BAD_QUERY: 400, E.BAD_OPTION: 400, E.QUERY_TIMEOUT: 503,
                E.LOCKED: 503}
# HTTP errors raised by the framework (routing, static files) -> catalogue codes;
# any other status is HTTP_ERROR (4xx) or SERVER_ERROR (5xx), never a code computed from it
HTTP_CODES = {400: E.BAD_PARAM, 401: E.UNAUTHORIZED, 404: E.NO_ROUTE, 405: E.METHOD_NOT_ALLOWED,
              413: E.BODY_TOO_LARGE, 414: E.URI_TOO_LONG}


def not_found(what: str, name) -> WebError:
    """404: nothing of a kind by that name (the store's message, without the database path)."""
    return WebError(404, E.NO_MATCH, message=f"no {what} matches {str(name)!r}")


def from_store(exc: StoreError) -> WebError:
    status = STORE_STATUS.get(exc.code, 500)
    if exc.code == E.NO_MATCH:   # the store's message names the database path: keep it private
        return not_found(exc.detail.get("what", "item"), exc.detail.get("name"))
    params = ["q"] if exc.code == E.BAD_QUERY else []
    return WebError(status, exc.code, params=params, message=exc.message)


def bad_param(name: str, problem: str) -> WebError:
    return WebError(400, E.BAD_PARAM, params=[name], detail=f"{name}: {problem}")


def bad_body(detail: str) -> WebError:
    return WebError(400, E.BAD_BODY, detail=detail)
