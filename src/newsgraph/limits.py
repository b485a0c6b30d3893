"""A per-article time limit, so pathological text cannot stall a worker.

In the main thread of a process (the CLI, each process-pool worker) the limit is
enforced with a real-time interval timer: an overrun raises ``ArticleTimeout``
between Python bytecodes, and the article becomes an error record. The alarm then
repeats every ``REFIRE`` seconds until the block ends, so code that swallows the
exception (a library's ``except Exception``, a retry loop) cannot keep going.
Code stuck inside one C call (a regex, a parser) is only interrupted when the call
returns; the process pool's hard deadline covers that case.
Elsewhere (threads, e.g. a Dask worker's executor) signals cannot be used, and the
limit is only checked after the step finishes.
"""
from __future__ import annotations

import signal
import threading
import time
from typing import Optional

REFIRE = 0.25           # seconds between repeated alarms once the limit has passed

# Memory per worker is bounded by what one article may hold (issue 13: 600 KB of short
# unpunctuated tokens drove a worker to 7.7 GB). The model's own components need about
# 15 KB per token at once (tok2vec over the whole Doc), so a long text is parsed in
# pieces of at most PIECE_TOKENS tokens, cut at paragraph breaks (else line breaks, else
# anywhere), and joined back into one Doc for our stages; a clean text longer than
# MAX_TEXT_CHARS is refused (E014). Articles below PIECE_TOKENS (every article of the
# evaluation sets) are parsed whole, as before. The peak these give is measured by
# ``make bench`` (section worst_inputs) on the worst inputs of the bad-input corpus.
PIECE_TOKENS = 10_000
MAX_TEXT_CHARS = 500_000
# A page dump (text, not HTML) this long cannot clean down under MAX_TEXT_CHARS (page chrome
# is a small part of a dump): the reader refuses it at once (E014), before any worker sees it.
TEXT_CHARS_READ = 4 * MAX_TEXT_CHARS
# The process pool sends a worker batches of at most this many characters, and keeps at
# most WINDOW_CHARS characters in flight, so the parent's memory is bounded whatever the
# input (a 4 MB .jsonl.gz of 10 MB lines grew it to 1.4 GB).
BATCH_CHARS = 2_000_000
WINDOW_CHARS = 24_000_000


class ArticleTimeout(Exception):
    """Raised when one article's processing exceeds its time limit."""

    def __init__(self, limit: float):
        super().__init__(f"over the {limit:g} s limit")
        self.limit = limit


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class time_limit:  # noqa: N801 - used as a function: ``with time_limit(seconds):``
    """Raise ArticleTimeout in the block once ``seconds`` have passed (None or 0: no limit).

    Limits nest: an inner block gets its own timer and the outer one resumes with
    what is left of it.
    """

    def __init__(self, seconds: Optional[float]):
        self.seconds = seconds if seconds and seconds > 0 else None
        self._mode: Optional[str] = None

    def __enter__(self) -> "time_limit":
        if self.seconds is None:
            return self
        self._start = time.monotonic()
        if not _signals_usable():
            self._mode = "check"
            return self
        self._mode = "signal"
        self._previous = signal.signal(signal.SIGALRM, self._alarm)
        self._outer = signal.setitimer(signal.ITIMER_REAL, self.seconds, REFIRE)
        return self

    def _alarm(self, signum, frame) -> None:
        # Never raise while arming or disarming (the timer would outlive the block);
        # the alarm repeats, so the next one lands in the block itself.
        if frame is not None and frame.f_code in _OWN_CODE:
            return
        raise ArticleTimeout(self.seconds)

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self._mode == "signal":
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            outer_delay, outer_interval = self._outer
            if outer_delay:  # an outer limit keeps running, minus the time spent here
                left = outer_delay - (time.monotonic() - self._start)
                signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), outer_interval)
        # A block that ended past its limit is an overrun however it ended: in check mode
        # this is the only test, and in signal mode an alarm that fell while arming was let by.
        if self._mode is not None and exc_type is None and time.monotonic() - self._start > self.seconds:
            raise ArticleTimeout(self.seconds)
        return False


_OWN_CODE = (time_limit.__enter__.__code__, time_limit.__exit__.__code__)
