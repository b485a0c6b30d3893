"""newsgraph: who said what, about whom, and when, from raw news pages.

Public API (imports nothing heavy until called):

    from newsgraph import extract, process_text, open_store
    for record in extract(["samples/"]):          # ArticleRecord | ErrorRecord
        ...
    record = process_text("Headline\\n\\nBody ...", published="2024-03-05")
    store = open_store("news.db")
"""
from .records import SCHEMA_VERSION, ArticleRecord, ErrorRecord

__version__ = "0.1.0"
__all__ = ["ArticleRecord", "ErrorRecord", "SCHEMA_VERSION", "__version__", "extract", "process_text",
           "open_store"]


def extract(paths, **options):
    """Paths (files, folders, JSONL feeds, '-') to ArticleRecords and ErrorRecords; see pipeline.extract."""
    from .pipeline import extract as _extract

    return _extract(paths, **options)


def process_text(text: str, **options):
    """One article given as a string; see pipeline.process_text."""
    from .pipeline import process_text as _process_text

    return _process_text(text, **options)


def open_store(path, **options):
    """The corpus database (SQLite); see store.open_store."""
    from .store import open_store as _open_store

    return _open_store(path, **options)
