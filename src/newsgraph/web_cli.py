"""``newsgraph serve``: the HTTP API and web UI over a corpus database (uvicorn)."""
from __future__ import annotations

import ipaddress
import os

import click

from .cli_options import extraction_options

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--db", "db_path", default="news.db", show_default=True, envvar="NEWSGRAPH_DB",
              type=click.Path(dir_okay=False), help="The corpus database written by 'newsgraph ingest'; env NEWSGRAPH_DB.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default answers this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--ingest-token", envvar="NEWSGRAPH_INGEST_TOKEN", default=None, show_envvar=True,
              help="Turn on POST /api/ingest for clients sending this bearer token (off by default: read-only).")
@extraction_options
def serve(db_path: str, host: str, port: int, ingest_token, options):
    """Serve the JSON API (documented at /docs) and the web pages for the corpus in --db."""
    import uvicorn

    from .store import StoreError
    from .web import create_app

    if not os.path.exists(db_path):
        raise click.ClickException(f"{db_path} does not exist; build it first with 'newsgraph ingest PATHS --db {db_path}'")
    if ingest_token is not None and len(ingest_token) < 16:
        raise click.ClickException("the ingest token must be at least 16 characters")
    loopback = is_loopback(host)
    try:
        app = create_app(db_path, ingest_token=ingest_token,
                         allowed_hosts=LOOPBACK_NAMES if loopback else None, options=options)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if not loopback:
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsgraph: serving {db_path} at http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs; "
               f"{'ingest on' if ingest_token else 'read-only'}; Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                limit_concurrency=64, timeout_keep_alive=5)


def register(group: click.Group) -> None:
    """Add ``serve`` to the newsgraph command group."""
    group.add_command(serve)
