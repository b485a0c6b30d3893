from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "eval" / "gold"
REFERENCE = GOLD / "000_1c9d02aa7d9a6008.txt"


def need_shared():
    if not GOLD.is_dir():
        pytest.skip("../shared/eval is not present")


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_model

    return load_model()
