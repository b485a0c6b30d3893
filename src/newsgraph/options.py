"""One immutable ``Options`` for a run, layered as trafilatura's settings are:
the defaults below, then an optional settings file, then the caller's arguments.

    opts = Options.load("newsgraph.toml", timeout=5)     # file, then the caller wins
    opts = Options()                                       # the defaults
    opts.replace(workers=4)                                # a new object; options never change in place

Every entry point takes one ``Options`` and passes it on unchanged: local
``extract``, the process pool, the Dask runner, ``newsgraph ingest`` and the
HTTP ingest endpoint. The settings file is TOML with the same names, at the top
level or under a ``[newsgraph]`` table; ``NEWSGRAPH_SETTINGS`` names a default file.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from .errors import E, NewsgraphError

# One article (a file, a JSONL line, a WARC record); a JSONL file may be larger, each line is limited.
DEFAULT_MAX_BYTES = 10_000_000
# A page dump whose line (paragraph) is this long is no article text: a minified page, a dump
# without line breaks. Parsing it would take minutes; it is refused (E013).
DEFAULT_MAX_LINE = 100_000
# Seconds one article may take per step (cleaning; the NLP pipeline) before it becomes E009.
DEFAULT_TIMEOUT = 60.0
SETTINGS_ENV = "NEWSGRAPH_SETTINGS"


@dataclass(frozen=True)
class Options:
    """Settings of one run. Frozen: build a new one with ``replace`` or ``load``."""
    max_bytes: int = DEFAULT_MAX_BYTES          # largest article accepted, in bytes
    max_line: int = DEFAULT_MAX_LINE            # longest line of a text input, in characters
    timeout: Optional[float] = DEFAULT_TIMEOUT  # seconds per article and step; None: no limit
    workers: int = 1                            # processes (local) or worker processes (Dask LocalCluster)
    batch: int = 16                             # articles parsed together (nlp.pipe) per task

    def __post_init__(self) -> None:
        for name, low in (("max_bytes", 1), ("max_line", 1), ("workers", 1), ("batch", 1)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < low:
                raise NewsgraphError(E.BAD_OPTION, detail=f"option {name!r} must be a whole number >= {low}, "
                                                          f"not {value!r}")
        t = self.timeout
        if t is not None and (isinstance(t, bool) or not isinstance(t, (int, float)) or t < 0):
            raise NewsgraphError(E.BAD_OPTION, detail=f"option 'timeout' must be seconds >= 0, not {t!r}")
        if t == 0:  # 0 means no limit, as on the command line
            object.__setattr__(self, "timeout", None)
        elif t is not None:
            object.__setattr__(self, "timeout", float(t))

    def replace(self, **changes: Any) -> "Options":
        """A new Options with ``changes`` applied (None values are ignored: "not given")."""
        unknown = set(changes) - NAMES
        if unknown:
            raise NewsgraphError(E.BAD_OPTION, detail=f"unknown option(s) {', '.join(sorted(unknown))}; "
                                                      f"known: {', '.join(sorted(NAMES))}")
        given = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **given) if given else self

    @classmethod
    def load(cls, settings: Union[str, os.PathLike, None] = None, **overrides: Any) -> "Options":
        """Defaults, then the settings file (``settings``, else ``$NEWSGRAPH_SETTINGS`` when set),
        then ``overrides`` (None values mean "not given" and leave the layer below)."""
        opts = cls()
        path = settings if settings is not None else os.environ.get(SETTINGS_ENV) or None
        if path is not None:
            opts = opts.replace(**read_settings(path))
        return opts.replace(**overrides)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


NAMES = frozenset(f.name for f in dataclasses.fields(Options))


def read_settings(path: Union[str, os.PathLike]) -> dict:
    """The options a TOML settings file sets (top level, or its ``[newsgraph]`` table)."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NewsgraphError(E.BAD_OPTION, detail=f"the settings file {str(p)!r} cannot be read "
                                                  f"({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NewsgraphError(E.BAD_OPTION, detail=f"the settings file {str(p)!r} is not valid TOML ({exc})") from exc
    table = data.get("newsgraph", data)
    if not isinstance(table, dict):
        raise NewsgraphError(E.BAD_OPTION, detail=f"the settings file {str(p)!r}: [newsgraph] must be a table")
    unknown = set(table) - NAMES
    if unknown:
        raise NewsgraphError(E.BAD_OPTION, detail=f"the settings file {str(p)!r} sets unknown option(s) "
                                                  f"{', '.join(sorted(unknown))}; known: {', '.join(sorted(NAMES))}")
    return dict(table)
