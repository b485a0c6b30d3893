"""Pure text helpers of the store: article identity, MinHash, FTS queries.

Name keys, quotation keys and the near-duplicate rule for quotations are in
``newsgraph.keys`` (shared with entities and the Dask runner). Nothing here touches
SQLite; every function is deterministic across processes (no salted ``hash()``),
because its output is stored.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from typing import Optional

import numpy as np

from ..keys import fold, stable_hash

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)

# ------------------------------------------------------------------ articles

def content_hash(text: str) -> str:
    """The identity of an article's clean text (white space and case do not count)."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


_RNG = np.random.default_rng(20261128)
NUM_PERM = 64
BANDS, ROWS = 10, 6   # LSH: candidates from Jaccard ~0.68 up (at 0.8 found 95% of the time)
# multiply-shift hashing: (a*x + b) mod 2**64, top 32 bits; a odd. uint64 arithmetic wraps.
_A = _RNG.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _RNG.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)


def minhash(text: str, *, shingle: int = 5) -> np.ndarray:
    """A 64-value MinHash signature over word shingles of the folded text."""
    words = [w for w in _NON_WORD.split(fold(text)) if w]
    if len(words) < shingle:
        grams = {" ".join(words)}
    else:
        grams = {" ".join(words[i:i + shingle]) for i in range(len(words) - shingle + 1)}
    x = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    with np.errstate(over="ignore"):
        values = (np.outer(x, _A) + _B) >> np.uint64(32)
    return values.min(axis=0)


def lsh_bands(sig: np.ndarray) -> list[int]:
    """One hash per band of the signature; articles sharing a band are candidates."""
    return [stable_hash(f"{b}:" + sig[b * ROWS:(b + 1) * ROWS].tobytes().hex()) for b in range(BANDS)]


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two texts from their signatures."""
    return float(np.mean(sig_a == sig_b))


def sig_to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def blob_to_sig(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


# ------------------------------------------------------------------ search text

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_OPERATORS = {"OR", "AND", "NOT"}


def fts_phrase(words: str) -> str:
    """One FTS5 string literal: inner double quotes doubled, so nothing is syntax."""
    return '"' + words.replace('"', '""') + '"'


def plain_query(text: str) -> Optional[str]:
    """User search text as a safe FTS5 query.

    Words must all occur (any order); "a phrase" in double quotes must occur as
    written; ``word*`` matches a prefix; a bare ``OR`` between two terms means
    either. Every other character is quoted, so this never raises a syntax error.
    Returns None when no searchable word is left.
    """
    parts: list[str] = []
    for m in _TOKEN.finditer(text or ""):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            words = " ".join(w for w in _NON_WORD.split(phrase) if w)
            if words:
                parts.append(fts_phrase(words))
            continue
        if word in _OPERATORS:
            if word == "OR" and parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        prefix = word.endswith("*")
        words = [w for w in _NON_WORD.split(word) if w]
        if not words:
            continue
        term = fts_phrase(" ".join(words))
        parts.append(term + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or None


def escape_like(text: str) -> str:
    """A LIKE pattern matching ``text`` literally (ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

