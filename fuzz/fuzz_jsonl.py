"""atheris harness: the JSONL reader, plain and gzip-compressed.

The first byte picks the form (even: plain, odd: the rest is read through gzip,
so truncated and corrupt streams are exercised). Checked: no exception escapes;
every item is a RawDocument or an error record with a catalogued code; for plain
input, exactly one item per non-blank line (an over-long line is one error).

    .venv/bin/python fuzz/fuzz_jsonl.py -max_total_time=60 -timeout=10 out/fuzz/jsonl
"""
from __future__ import annotations

import gzip
import io
import json
import sys

import atheris

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _common import REPO, codes, run  # noqa: E402

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.ingest import RawDocument, read_jsonl
    from newsgraph.records import ErrorRecord

CODES = codes()
MAX_BYTES = 4096


def expected_items(data: bytes) -> int:
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return sum(1 for line in lines if len(line) > MAX_BYTES or line.strip())


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    compressed, body = data[0] & 1, data[1:]
    fh = gzip.GzipFile(fileobj=io.BytesIO(body)) if compressed else io.BytesIO(body)
    items = list(read_jsonl(fh, source="fuzz.jsonl", max_bytes=MAX_BYTES))
    for item in items:
        if isinstance(item, ErrorRecord):
            assert item.error.code in CODES and item.error.message, item
            json.dumps(item.to_dict())  # the error record can be written out
        else:
            assert isinstance(item, RawDocument), item
            assert isinstance(item.id, str) and isinstance(item.content, str) and item.content.strip()
            assert item.media_type in ("text", "html")
            assert item.published is None or isinstance(item.published, str)
    if not compressed:
        assert len(items) == expected_items(body), (len(items), expected_items(body))


def seeds() -> dict[str, bytes]:
    good = json.dumps({"id": "a", "text": "The mayor said \u201cyes\u201d.", "published": "2019-04-13"}).encode()
    out = {"plain": b"\x00" + good + b"\n" + b'{"html": "<p>x</p>"}\n[1]\nnot json\n\n',
           "gzip": b"\x01" + gzip.compress(good + b"\n" + good + b"\n"),
           "truncated": b"\x01" + gzip.compress(good * 5)[:40]}
    feed = REPO / "samples" / "feed" / "wire.jsonl"
    if feed.exists():
        out["wire"] = b"\x00" + feed.read_bytes()[:20_000]
    return out


def main() -> None:
    run(TestOneInput, seeds())


if __name__ == "__main__":
    main()
