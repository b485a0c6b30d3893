"""newsgraph: who said what, about whom, and when, from raw news pages.

Public API (imports nothing heavy until called):

    from newsgraph import extract, process_text, open_store
    for record in extract(["samples/"], workers=2):   # ArticleRecord | ErrorRecord
        ...
    record = process_text("Headline\\n\\nBody ...", published="2024-03-05")
    store = open_store("news.db")
"""
from .records import SCHEMA_VERSION, ArticleRecord, ErrorRecord
from .version import __version__
__all__ = ["ArticleRecord", "ErrorRecord", "SCHEMA_VERSION", "__version__", "extract", "process_text",
           "open_store"]


def extract(paths, options=None, **overrides):
    """Paths (files, folders, JSONL feeds, '-') to ArticleRecords and ErrorRecords; see pipeline.extract.

    ``options``: an ``newsgraph.options.Options`` (default: the defaults and $NEWSGRAPH_SETTINGS);
    keyword ``overrides`` (``workers=2``, ``timeout=10`` ...) replace single options."""
    from .options import Options
    from .pipeline import extract as _extract

    return _extract(paths, (options or Options.load()).replace(**overrides))


def process_text(text: str, *, options=None, **fields):
    """One article given as a string (``title``, ``published``, ``html``, ``id``); see pipeline.process_text."""
    from .options import Options
    from .pipeline import process_text as _process_text

    return _process_text(text, options=options or Options.load(), **fields)


def open_store(path, **options):
    """The corpus database (SQLite); see store.open_store."""
    from .store import open_store as _open_store

    return _open_store(path, **options)
