"""Extract and store: raw inputs through the pipeline into the corpus store.

This sits above both the pipeline and the store, which never import each other:
the store reads ArticleRecords and nothing else.

    from newsgraph.corpus import ingest_paths
    report = ingest_paths(open_store("news.db"), ["samples/"], Options(workers=2))
"""
from __future__ import annotations

import collections
from typing import Iterable, Iterator

from .ingest import RawDocument, as_paths, read_inputs
from .options import Options
from .pipeline import process_items
from .store.db import Store
from .store.ingest import IngestReport, Progress, done_inputs, ingest_records, raw_hash


def ingest_paths(store: Store, paths: Iterable[str], options: Options = Options(), *, batch_size: int = 20,
                 resume: bool = True, progress: Progress = None, stdin=None) -> IngestReport:
    """Extract PATHS through the pipeline (with ``options``: limits, workers) and store the records.

    Raw inputs already stored (same id, same bytes) are skipped before extraction,
    so an interrupted run restarts where it stopped.
    """
    paths = as_paths(paths)      # one path (str, os.PathLike) or several
    done = done_inputs(store) if resume else set()
    order: collections.deque = collections.deque()
    skipped = 0

    def todo() -> Iterator:
        nonlocal skipped
        for item in read_inputs(paths, max_bytes=options.max_bytes, max_line=options.max_line, stdin=stdin):
            if isinstance(item, RawDocument):
                key = (item.id, raw_hash(item.content))
                if key in done:
                    skipped += 1
                    continue
                order.append(key)
            else:
                order.append((None, None))
            yield item

    def results() -> Iterator[tuple]:
        for rec in process_items(todo(), options):
            rid, rhash = order.popleft()
            yield rec, rid, rhash

    report = ingest_records(store, results(), batch_size=batch_size, progress=progress)
    report.skipped = skipped
    return report
