"""HTTP API and web UI: ``create_app(db_path)`` gives a FastAPI app over a corpus store.

Importing this package starts nothing; ``newsgraph serve`` (``web_cli.py``) runs uvicorn.
"""
from .app import create_app

__all__ = ["create_app"]
