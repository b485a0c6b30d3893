"""One catalogue of error codes, for every layer. Each message says what went wrong and what to do.

E0xx: one input (an error record); E1xx: the corpus store; E2xx: the HTTP API and web pages.
Nothing else in the package writes a code: it names a member of ``E`` (a test walks the
source for code literals and checks every code here is used once).
"""
from __future__ import annotations

from enum import Enum


class E(str, Enum):
    EMPTY = "E001"
    BINARY = "E002"
    TOO_LARGE = "E003"
    DECODE = "E004"
    BAD_JSONL = "E005"
    NO_ARTICLE = "E006"
    NO_TEXT_FIELD = "E007"
    NOT_FOUND = "E008"
    TIMEOUT = "E009"
    INTERNAL = "E010"
    BAD_DATE = "E011"
    WORKER_DIED = "E012"
    LINE_TOO_LONG = "E013"
    TEXT_TOO_LONG = "E014"
    # the corpus store
    NEWER_SCHEMA = "E101"
    BAD_QUERY = "E102"
    LOCKED = "E103"
    NO_MATCH = "E104"
    QUERY_TIMEOUT = "E105"
    NOT_A_STORE = "E106"
    BAD_OPTION = "E107"
    NO_DATABASE = "E108"
    WRITE_FAILED = "E109"
    # the HTTP API and web pages
    BAD_PARAM = "E201"
    NO_ROUTE = "E202"
    BODY_TOO_LARGE = "E203"
    URI_TOO_LONG = "E204"
    METHOD_NOT_ALLOWED = "E205"
    UNAUTHORIZED = "E206"
    BAD_BODY = "E207"
    BAD_HOST = "E208"
    SERVER_ERROR = "E209"
    HTTP_ERROR = "E210"


MESSAGES = {
    E.EMPTY: "the input is empty or holds only white space; nothing to extract",
    E.BINARY: "the input looks binary ({detail}), not text or HTML; pass text, HTML or JSONL files",
    E.TOO_LARGE: "the input is {size} bytes, over the limit of {limit} bytes; split it or raise --max-bytes",
    E.DECODE: "the bytes could not be decoded as text ({detail}); save the file as UTF-8",
    E.BAD_JSONL: "line {line} is not a valid JSON object ({detail}); fix or remove that line",
    E.NO_ARTICLE: "no article text was found in the page ({detail})",
    E.NO_TEXT_FIELD: "line {line} has neither a 'text' nor an 'html' field; each JSONL article needs one",
    E.NOT_FOUND: "the path does not exist or cannot be read ({detail})",
    E.TIMEOUT: "processing took longer than the {limit} s limit; the article was skipped",
    E.INTERNAL: "an internal error occurred ({detail}); please report it with this input",
    E.BAD_DATE: "the supplied published date {value!r} is not a date (use YYYY-MM-DD)",
    E.WORKER_DIED: "the worker process died while processing this article ({detail}); "
                   "the other articles were redone, please report this input",
    E.LINE_TOO_LONG: "line {line} is {size} characters long, over the limit of {limit}; a page dump "
                     "without line breaks is not article text: break it into paragraphs",
    E.TEXT_TOO_LONG: "the {what} is {size} characters long, over the {limit} characters of clean text one "
                     "article may have (memory and time per worker are bounded by it); split the article",
    E.NEWER_SCHEMA: "the database {path} has schema version {found}, newer than the {supported} this "
                    "newsgraph understands; upgrade newsgraph (pip install -U newsgraph) to open it",
    E.BAD_QUERY: "the search query {query!r} is not valid full-text syntax ({detail}); put phrases in "
                 "double quotes, balance parentheses, or search plain words without --fts",
    E.LOCKED: "another process is writing to {path}; one writer at a time: wait for it to finish "
              "(readers are never blocked)",
    E.NO_MATCH: "no {what} matches {name!r} in {path}",
    E.QUERY_TIMEOUT: "the query took longer than the {limit} s limit; narrow it with filters",
    E.NOT_A_STORE: "{path} is not a newsgraph database ({detail}); pass another --db path",
    E.BAD_OPTION: "{detail}",
    E.WRITE_FAILED: "the article {id!r} could not be stored ({detail}); the ingest went on without it, "
                    "please report it with this input",
    E.NO_DATABASE: "the database {path} does not exist; create it with `newsgraph ingest PATH... --db {path}`",
    E.BAD_PARAM: "bad request parameters: {detail}; see /docs for what each one accepts",
    E.NO_ROUTE: "nothing at {path}; the API is under /api, documented at /docs",
    E.BODY_TOO_LARGE: "the request body is over {limit} bytes; send smaller batches",
    E.URI_TOO_LONG: "the query string is over {limit} bytes; shorten the search",
    E.METHOD_NOT_ALLOWED: "{method} is not allowed on {path}; the server is read-only unless started with an "
                          "ingest token",
    E.UNAUTHORIZED: "a valid ingest token is needed: send the header 'Authorization: Bearer TOKEN'",
    E.BAD_BODY: "the request body cannot be used ({detail}); send the JSON lines written by 'newsgraph extract'",
    E.BAD_HOST: "the Host header {host!r} is not one this server answers to; open it by its loopback address",
    E.SERVER_ERROR: "internal error; please report it with the URL that caused it",
    E.HTTP_ERROR: "the request could not be served (HTTP {http}: {detail})",
}


class NewsgraphError(Exception):
    """An error tied to one input; becomes an ErrorRecord, never a crash of the batch."""

    def __init__(self, code: E, **detail):
        self.code = code
        self.detail = detail
        template = MESSAGES[code]
        try:
            message = template.format(**detail)
        except (KeyError, IndexError):
            message = template
        super().__init__(message)

    @property
    def message(self) -> str:
        return str(self)

    def to_dict(self) -> dict:
        return {"error": {"code": self.code.value, "message": self.message}}
