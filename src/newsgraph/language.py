"""The language of an article, so the English stages run only on English.

Every stage after cleaning is English: the spaCy model (``en_core_web_sm``: tokens,
tags, parse, entities), the quote cues and the time-expression rules. On a German,
Italian or Korean page they produce garbage entities and speakers (issue 13), so a
page that is confidently not English keeps its clean text, title, paragraphs and
stated date, and its record says ``language`` and why the stages were skipped
(``metadata.skipped_stages``).

Detection: ``py3langid`` (a maintained fork of langid.py, 97 languages, its model
shipped in the wheel: nothing downloaded), on the first ``SAMPLE_CHARS`` characters
of the clean text. It is trusted only when it is sure (``MIN_CONFIDENCE``) and has
enough letters to judge (``MIN_LETTERS``); otherwise the article is taken as English,
as before. Loaded once per process (about 90 MB, 1 s); about 1 ms per article
(measured by ``make bench``, section language).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

ENGLISH = "en"
SAMPLE_CHARS = 3000
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.9
SKIPPED = ["parse", "entities", "quotes", "time"]


@dataclass(frozen=True)
class Language:
    code: str                 # ISO 639-1 (py3langid's codes)
    confidence: Optional[float]
    letters: int

    @property
    def english(self) -> bool:
        return self.code == ENGLISH

    def skipped(self) -> dict:
        """What the record says when the English stages did not run."""
        return {"stages": list(SKIPPED),
                "reason": f"the text is in language {self.code!r} (py3langid, confidence {self.confidence:.2f}); "
                          f"the model, quotes and time expressions are English-only"}


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> None:
    """Load the detector now (once per process), so no article's time budget pays for it."""
    _identifier()


def detect(text: str) -> Language:
    """The language of ``text``: the detector's answer when it is sure, else English."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < MIN_LETTERS:
        return Language(ENGLISH, None, letters)
    code, confidence = _identifier().classify(sample)
    if code != ENGLISH and confidence < MIN_CONFIDENCE:
        return Language(ENGLISH, None, letters)
    return Language(code, round(float(confidence), 3), letters)
