"""atheris harness: the page-dump reader and the cleaner.

Bytes -> ``ingest.read_stream`` (decoding, binary refusal, size and line limits,
media sniffing; JSONL when the bytes open a JSON object) -> for each text article,
``pipeline.prepare`` (``clean.clean_page_text``, the headline, paragraphs and the
stated publication date). A ``NewsgraphError`` is the expected refusal; any other
exception, or a broken invariant, is a finding. HTML is left out (trafilatura is
slow and not ours to fuzz).

    .venv/bin/python fuzz/fuzz_text_dump.py -max_total_time=60 -timeout=10 out/fuzz/text
"""
from __future__ import annotations

import io
import sys

import atheris

sys.path.insert(0, __import__("os").path.dirname(__file__))
from _common import REPO, codes, run  # noqa: E402

with atheris.instrument_imports(include=["newsgraph"]):
    import newsgraph.clean  # noqa: F401  (imported lazily by the pipeline: instrument it now)
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest import RawDocument, read_stream
    from newsgraph.pipeline import Timings, prepare
    from newsgraph.records import ErrorRecord

CODES = codes()
MAX_BYTES = 200_000
MAX_LINE = 20_000


def TestOneInput(data: bytes) -> None:
    items = list(read_stream(io.BytesIO(data), name="fuzz", max_bytes=MAX_BYTES, max_line=MAX_LINE))
    assert items, "every input yields a document or an error record"
    for item in items:
        if isinstance(item, ErrorRecord):
            assert item.error.code in CODES and item.error.message, item
            continue
        assert isinstance(item, RawDocument) and isinstance(item.content, str) and item.content.strip()
        if item.media_type != "text":
            continue
        try:
            prep = prepare(item, Timings())
        except NewsgraphError:
            continue
        text = prep.text
        for a, b in zip(prep.paragraphs, prep.paragraphs[1:]):
            assert text[a.end:b.start] == "\n\n", (a, b)
        for p in prep.paragraphs:
            assert 0 <= p.start < p.end <= len(text) and "\n\n" not in text[p.start:p.end], p


def seeds() -> dict[str, bytes]:
    out = {"empty": b"", "utf16": "Bridge\n\nThe mayor said \u201cyes\u201d.".encode("utf-16"),
           "cp1252": "Caf\u00e9 \u201cquoted\u201d said the mayor.\n".encode("cp1252")}
    for p in sorted((REPO / "tests" / "pages").glob("*.txt"))[:20]:
        out[p.name] = p.read_bytes()[:20_000]
    return out


def main() -> None:
    run(TestOneInput, seeds())


if __name__ == "__main__":
    main()
