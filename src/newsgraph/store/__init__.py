"""The corpus store: SQLite (WAL), one writer, per-thread readers, cross-article merges.

    from newsgraph.store import open_store, ingest_records, search_quotations
    store = open_store("news.db")
    ingest_records(store, records)          # ArticleRecords; extract-and-store is newsgraph.corpus
    search_quotations(store, speaker="Kim Jong Un", search="sanctions", since="2019-01-01")
"""
from .db import SCHEMA_VERSION, Store, StoreError, open_store
from .events_read import entity_events, search_events
from .export import FORMATS, TABLES, export
from .ingest import IngestReport, done_inputs, ingest_records, read_record_files
from .read import (date_problem, explain_entity, find_entities, get_article, get_quotation, get_speaker,
                   list_entities, occurrences_of, search_quotations, speaker_dates, stats, top_speakers)
from .sources import sources, speaker_profile
from .writer import ArticleWriter

__all__ = [
    "SCHEMA_VERSION", "Store", "StoreError", "open_store", "FORMATS", "TABLES", "export",
    "IngestReport", "done_inputs", "ingest_records", "read_record_files", "date_problem", "explain_entity",
    "find_entities", "get_article", "get_quotation", "get_speaker", "list_entities", "search_quotations",
    "stats", "top_speakers", "occurrences_of", "speaker_dates", "ArticleWriter", "sources", "speaker_profile",
    "search_events", "entity_events",
]
