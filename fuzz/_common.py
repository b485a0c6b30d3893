"""Shared bits of the atheris harnesses: the error catalogue and seed writing."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def codes() -> set[str]:
    from newsgraph.errors import E

    return {e.value for e in E}


def seed(corpus_args: list[str], seeds: dict[str, bytes]) -> None:
    """Write the seeds into the first corpus directory when it is empty."""
    dirs = [a for a in corpus_args if not a.startswith("-")]
    if not dirs:
        return
    first = Path(dirs[0])
    first.mkdir(parents=True, exist_ok=True)
    if not any(first.iterdir()):
        for name, data in seeds.items():
            (first / name).write_bytes(data)


def argv() -> list[str]:
    return sys.argv


def run(test_one_input, seeds: dict[str, bytes]) -> None:
    """Seed the corpus, then fuzz ``test_one_input`` with libFuzzer's command line."""
    import atheris

    seed(sys.argv[1:], seeds)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
