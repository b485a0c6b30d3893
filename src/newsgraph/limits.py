"""A per-article time limit, so pathological text cannot stall a worker.

In the main thread of a process (the CLI, each process-pool worker) the limit is
enforced with a real-time interval timer: an overrun raises ``ArticleTimeout``
between Python bytecodes, and the article becomes an error record. Elsewhere
(threads, e.g. a Dask worker's executor) signals cannot be used, and the limit is
only checked after the step finishes.
"""
from __future__ import annotations

import contextlib
import signal
import threading
import time
from typing import Iterator, Optional

DEFAULT_TIMEOUT = 60.0  # seconds per article and step


class ArticleTimeout(Exception):
    """Raised when one article's processing exceeds its time limit."""

    def __init__(self, limit: float):
        super().__init__(f"over the {limit:g} s limit")
        self.limit = limit


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise ArticleTimeout in the block once ``seconds`` have passed (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    if not _signals_usable():
        start = time.monotonic()
        yield
        if time.monotonic() - start > seconds:
            raise ArticleTimeout(seconds)
        return

    def _alarm(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, _alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:  # an outer limit keeps running
            signal.setitimer(signal.ITIMER_REAL, old_delay, old_interval)
