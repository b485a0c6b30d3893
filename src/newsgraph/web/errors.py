"""The one error shape of the HTTP API, and how every failure maps onto it.

    {"error": {"code": "E201", "status": 400, "message": "...", "params": [...]}}

``params`` lists the offending query parameters (empty when none). Store errors keep
their own codes (E1xx); web errors are E2xx (to be folded into ``newsgraph.errors``).
"""
from __future__ import annotations

from enum import Enum
from typing import Optional

from ..errors import E
from ..store import StoreError


class WE(str, Enum):
    BAD_PARAM = "E201"
    NO_ROUTE = "E202"
    TOO_LARGE = "E203"
    URI_TOO_LONG = "E204"
    METHOD = "E205"
    UNAUTHORIZED = "E206"
    BAD_BODY = "E207"
    INTERNAL = "E209"


class WebError(Exception):
    def __init__(self, status: int, code: str, message: str, params: Optional[list] = None,
                 headers: Optional[dict] = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.params = params or []
        self.headers = headers or {}

    def body(self) -> dict:
        return error_body(self.status, self.code, self.message, self.params)


def error_body(status: int, code: str, message: str, params: Optional[list] = None) -> dict:
    return {"error": {"code": code, "status": status, "message": message, "params": params or []}}


STORE_STATUS = {E.NO_MATCH: 404, E.BAD_QUERY: 400, E.BAD_OPTION: 400, E.QUERY_TIMEOUT: 503,
                E.LOCKED: 503}


def from_store(exc: StoreError) -> WebError:
    status = STORE_STATUS.get(exc.code, 500)
    if exc.code == E.NO_MATCH:   # the store's message names the database path: keep it private
        message = f"no {exc.detail.get('what', 'item')} matches {str(exc.detail.get('name'))!r}"
    else:
        message = exc.message
    params = ["q"] if exc.code == E.BAD_QUERY else []
    return WebError(status, exc.code.value, message, params)


def bad_param(name: str, problem: str) -> WebError:
    return WebError(400, WE.BAD_PARAM.value, f"query parameter {name!r}: {problem}", [name])
