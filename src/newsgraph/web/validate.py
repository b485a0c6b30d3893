"""Check a posted ArticleRecord before it reaches the store: every field of the declared
type, every offset inside ``text``. (Records from our own pipeline always pass.)"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from ..records import ArticleRecord


def check_record(rec: ArticleRecord) -> None:
    """Raise ValueError naming the first field that is wrong."""
    _check(rec, ArticleRecord, "record")
    n = len(rec.text)
    for path, obj in _walk(rec, "record"):
        start, end = getattr(obj, "start", None), getattr(obj, "end", None)
        if isinstance(start, int) and isinstance(end, int) and not 0 <= start <= end <= n:
            raise ValueError(f"{path}: offsets {start}..{end} are not inside the text ({n} characters)")
    for i, q in enumerate(rec.quotes):
        if not 0 <= q.paragraph < max(1, len(rec.paragraphs)):
            raise ValueError(f"record.quotes[{i}].paragraph: {q.paragraph} is not a paragraph index")


def _check(value: Any, tp: Any, path: str) -> None:
    origin = typing.get_origin(tp)
    if tp is Any:
        return
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return
        for a in args:
            if a is not type(None):
                return _check(value, a, path)
    if origin is list:
        if not isinstance(value, list):
            raise ValueError(f"{path}: expected a list")
        (inner,) = typing.get_args(tp)
        for i, v in enumerate(value):
            _check(v, inner, f"{path}[{i}]")
        return
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError(f"{path}: expected an object")
        return
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, tp):
            raise ValueError(f"{path}: expected {tp.__name__}")
        hints = typing.get_type_hints(tp)
        for f in dataclasses.fields(tp):
            _check(getattr(value, f.name), hints[f.name], f"{path}.{f.name}")
        return
    if tp is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(f"{path}: expected a whole number")
    if tp is str and not isinstance(value, str):
        raise ValueError(f"{path}: expected a string")


def _walk(obj: Any, path: str):
    if dataclasses.is_dataclass(obj):
        yield path, obj
        for f in dataclasses.fields(obj):
            yield from _walk(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, f"{path}[{i}]")
