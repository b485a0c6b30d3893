"""The time limit holds against code that swallows exceptions, and nests."""
from __future__ import annotations

import time

import pytest

from newsgraph.limits import ArticleTimeout, time_limit


def test_swallowed_timeout_fires_again():
    """A library that catches Exception (trafilatura retries, htmldate) cannot
    keep an article past its limit: the alarm repeats until the block ends."""
    def stall():
        while True:
            time.sleep(0.01)

    start = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            for _attempt in range(3):  # a retry loop that swallows every failure
                try:
                    stall()
                except Exception:
                    pass
            stall()  # and then more slow work
    assert time.monotonic() - start < 3


def test_timer_disarmed_after_block():
    import signal

    with time_limit(0.05):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with pytest.raises(ArticleTimeout):
        with time_limit(0.05):
            while True:
                time.sleep(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(0.4)  # no stray alarm after the block


def test_outer_limit_counts_time_spent_in_inner():
    start = time.monotonic()
    with pytest.raises(ArticleTimeout) as info:
        with time_limit(0.6):
            with time_limit(5):
                time.sleep(0.4)
            while True:
                time.sleep(0.01)
    assert info.value.limit == 0.6
    assert time.monotonic() - start < 1.0
