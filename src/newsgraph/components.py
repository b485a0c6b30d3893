"""spaCy components of newsgraph, registered under versioned names
(``newsgraph_<stage>_v<N>``: spaCy forbids dots in factory names).

Each component only calls the pure functions of its stage and stores the
result on a ``Doc`` extension attribute, so a spaCy user can add them to a
pipeline of their own:

    nlp.add_pipe("newsgraph_paragraph_breaks_v1", before="parser")
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Paragraph roles, set by the pipeline before our stages run: list[Paragraph].
if not Doc.has_extension("ng_paragraphs"):
    Doc.set_extension("ng_paragraphs", default=None)


@Language.component(
    "newsgraph_paragraph_breaks_v1",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """No sentence runs across a blank line: the token after one starts a sentence."""
    newlines = 0
    for tok in doc:
        if tok.is_space:
            newlines += tok.text.count("\n")
            continue
        if newlines >= 2 and tok.i > 0:
            tok.is_sent_start = True
        newlines = tok.whitespace_.count("\n")
    return doc


def register_all() -> None:
    """Import every stage so its component is registered with spaCy.

    (Installed packages are also found without this through the ``spacy_factories``
    entry points in pyproject.toml.)
    """
    from . import entities, events, quotes, timex  # noqa: F401
