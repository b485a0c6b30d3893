"""How far to trust a quote's speaker: a calibrated probability.

``features`` describes how a statement was found and attributed (how the speaker
was reached: a name, a pronoun, a noun phrase, a quotation continuing the one
before; the cue; the kind; the content's length); ``score`` turns them into the
probability that the speaker is right, with a logistic model and a calibration
table fitted on development data (``scripts/fit_confidence.py``, on polnear-train;
the fitted model ships as ``confidence_model.json`` and loads offline).

Calibrated means: among quotes given about 0.9, about 90% had the right speaker
on the data it was checked on (the fit/check split of ``scripts/quote_dev.py``);
a quote that is no statement at all counts as wrong there.
"""
from __future__ import annotations

import functools
import json
import math
from importlib import resources

from .lexicon import lemma_of, verb_class
from .speakers import FEMALE, MALE, NEUTER, PLURAL

MODEL_FILE = "confidence_model.json"
_COMMON = {"say": "say", "tell": "tell", "add": "say", "write": "write", "tweet": "write"}


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n < e:
            return f"<{e}"
    return f">={edges[-1]}"


def subject_class(subject) -> str:
    """The kind of word that names the speaker: he/she, they/it, I/we/you, a proper name, a noun."""
    if subject is None:
        return "none"
    w = subject.lower_
    if w in MALE or w in FEMALE:
        return "he_she"
    if w in PLURAL or w in NEUTER:
        return "they_it"
    if subject.pos_ == "PRON":
        return "pron"
    if subject.pos_ == "PROPN":
        return "propn"
    if subject.pos_ == "NOUN":
        return "noun"
    return "other"


def features(*, via: str, subject, speaker, kind: str, cue_text: str | None, n_words: int,
             role: str, mentions: int) -> list[str]:
    """The features of one statement (strings, one-hot)."""
    if cue_text is None:
        cue = "none"
    elif cue_text.lower().startswith("according"):
        cue = "according"
    else:
        first = cue_text.split()[0]
        lem = lemma_of(first)
        cue = _COMMON.get(lem or "", verb_class(first) or "other")
    subj = subject_class(subject)
    stype = speaker.type if speaker is not None else "none"
    named = "entity" if speaker is not None and speaker.entity else "text"
    return [f"via={via}", f"subj={subj}", f"type={stype}", f"named={named}", f"kind={kind}", f"cue={cue}",
            f"len={_bucket(n_words, (4, 10, 25, 50))}", f"title={role == 'title'}",
            f"mentions={_bucket(mentions, (1, 2, 4, 8))}",
            f"via|subj={via}|{subj}", f"kind|subj={kind}|{subj}", f"type|cue={stype}|{cue}"]


@functools.lru_cache(maxsize=1)
def load_model() -> dict | None:
    """The fitted model shipped with the package, or None when it is absent."""
    try:
        text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return json.loads(text)


def raw_score(feats: list[str], model: dict) -> float:
    """The logistic model's probability, before calibration."""
    w = model["weights"]
    z = model["bias"] + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrate(p: float, table: list[list[float]]) -> float:
    """The calibrated probability of raw score ``p``: ``table`` is [[upper bound, value], ...]
    in increasing order (isotonic regression, a step function)."""
    for upper, value in table:
        if p <= upper:
            return value
    return table[-1][1] if table else p


def score(feats: list[str], model: dict | None = None) -> float | None:
    """The calibrated probability that the speaker is right; None without a model."""
    model = model if model is not None else load_model()
    if model is None:
        return None
    return round(calibrate(raw_score(feats, model), model["calibration"]), 3)
