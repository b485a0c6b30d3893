"""The run options every extracting command shares (extract, ingest, serve), as click options.

Each option defaults to "not given", so the layers of ``Options.load`` hold: the
defaults, then ``--settings FILE`` (or ``$NEWSGRAPH_SETTINGS``), then what the
command line says.
"""
from __future__ import annotations

import functools
from typing import Callable

import click

from .errors import E, NewsgraphError
from .options import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE, DEFAULT_TIMEOUT, SETTINGS_ENV, Options

_DECORATORS = (
    click.option("--settings", type=click.Path(dir_okay=False), default=None, envvar=SETTINGS_ENV, show_envvar=True,
                 help="A TOML settings file (the options below by name); the command line overrides it."),
    click.option("-w", "--workers", type=click.IntRange(1, 64), default=None,
                 help="Processes to run; the model is loaded once per worker.  [default: 1]"),
    click.option("--max-bytes", type=click.IntRange(1), default=None,
                 help=f"Largest article (file or JSONL line) accepted; larger inputs become error records.  "
                      f"[default: {DEFAULT_MAX_BYTES}]"),
    click.option("--max-line", type=click.IntRange(1), default=None,
                 help=f"Longest line (characters) of a text input; a page without line breaks becomes an error "
                      f"record.  [default: {DEFAULT_MAX_LINE}]"),
    click.option("--timeout", type=click.FloatRange(0), default=None,
                 help=f"Seconds one article may take per step (cleaning; the NLP pipeline) before it becomes an "
                      f"error record {E.TIMEOUT.value} (0: no limit).  [default: {DEFAULT_TIMEOUT:g}]"),
)


def extraction_options(fn: Callable) -> Callable:
    """Add the shared options to a command; it receives one ``options: Options`` instead."""
    @functools.wraps(fn)
    def wrapper(*args, settings, workers, max_bytes, max_line, timeout, **kwargs):
        try:
            options = Options.load(settings, workers=workers, max_bytes=max_bytes, max_line=max_line,
                                   timeout=timeout)
        except NewsgraphError as exc:
            raise click.UsageError(f"{exc.code.value}: {exc.message}") from exc
        return fn(*args, options=options, **kwargs)
    for decorate in reversed(_DECORATORS):
        wrapper = decorate(wrapper)
    return wrapper
