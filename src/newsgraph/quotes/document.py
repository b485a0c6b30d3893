"""The document a quote pass reads, and the statements the passes build.

``QuoteDoc`` indexes one parsed article once: its paragraphs and roles, the quoted
spans (``marks.py``), which token lies in which quotation, sentences with the
parser's breaks inside quotations mended, the tokens worth a look (reporting-verb
forms, statement nouns, "according"), and the ``SpeakerResolver`` built from the
entity clusters. The passes (``cues``, ``turns``, ``quotations``) append
``Statement``s to ``QuoteDoc.statements``; ``attribution`` turns them into records.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..records import Entity, Paragraph, Speaker
from .lexicon import CLAIM_NOUNS, FORMS, verb_class
from .marks import find_quote_spans
from .speakers import SpeakerResolver

NO_STATEMENT_ROLES = ("caption", "heading", "table", "comments")


@dataclass
class Statement:
    """One statement being built: its cue tokens, the subject that names the
    speaker, the character ranges of what was said."""
    cue: list[Token]
    subject: Token | None
    spans: list[tuple[int, int]]           # character ranges of the content
    paragraph: int
    kind: str = "indirect"
    speaker: Speaker | None = None
    channel: str | None = None
    inherit: "Statement | None" = None     # takes the speaker of another statement
    from_quote: bool = False
    quote_ids: list[int] = field(default_factory=list)
    turn: bool = False                     # an interview answer: the speaker is fixed
    via: str = "verb"                      # how it was found (a feature of its confidence)


_HASHES: dict[tuple[int, str], frozenset[int]] = {}


def _hashes(strings, name: str, words) -> frozenset[int]:
    """Hashes of a word list in a vocabulary's string store, computed once."""
    key = (id(strings), name)
    if key not in _HASHES:
        _HASHES[key] = frozenset(strings[w] for w in words)
    return _HASHES[key]


# A sentence mended from the parser's pieces never grows past this many tokens: text without
# final punctuation (a list of words, a page of tags) would otherwise become one sentence
# as long as the page, and the stage quadratic in it (issue 13: 100 KB took minutes).
MAX_MENDED = 250
_CLOSERS = ('"', "\u201d", "''", "'", ")", "\u2019")


def _last_word(doc: Doc, a: int, b: int):
    """The last token of doc[a:b] that is neither space nor a closing quote (None if none);
    walks back from the end, so mending sentences stays linear."""
    for i in range(b - 1, a - 1, -1):
        tok = doc[i]
        if not tok.is_space and tok.text not in _CLOSERS:
            return tok
    return None


_CLOSING = ('"', "\u201d", "''")


def _closes_quotation(doc: Doc, end: int) -> bool:
    """True when the sentence ending at token ``end`` ends with a closing quotation
    mark right after "?", "!" or "." (the parser ends the sentence there)."""
    k = end - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    return k > 0 and doc[k].text in _CLOSING and doc[k - 1].text in ("?", "!", ".")


def _is_cue_tail(words: list[Token]) -> bool:
    """A short sentence that is only a cue: a reporting verb and a subject of at most
    five words before or after it ("Ms. Ortiz said.", "said the mayor of Dunmore."),
    with no quotation mark of its own."""
    if len(words) > 9 or any(t.text in _CLOSING or t.text == "\u201c" for t in words):
        return False
    verbs = [k for k, t in enumerate(words) if verb_class(t.text) == "speech" and t.tag_.startswith("VB")]
    return bool(verbs) and verbs[0] <= 5 and words[0].text[:1] != "(" and not words[0].is_punct


class QuoteDoc:
    """One parsed article, indexed for the quote passes."""

    def __init__(self, doc: Doc, entities: list[Entity], paragraphs: list[Paragraph]):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs
        self.pstarts = [p.start for p in paragraphs]
        self.quotes = find_quote_spans(doc.text, [(p.start, p.end) for p in paragraphs])
        arr = doc.to_array(["LOWER", "IDX"]).tolist()
        self.tok_starts = [row[1] for row in arr]
        # tokens worth a look, found by hash without building Token objects
        strings = doc.vocab.strings
        verb_hashes = _hashes(strings, "verbs", FORMS)
        noun_hashes = _hashes(strings, "nouns", CLAIM_NOUNS)
        according = strings["according"]
        self.verb_ids = [i for i, row in enumerate(arr) if row[0] in verb_hashes]
        self.noun_ids = [i for i, row in enumerate(arr) if row[0] in noun_hashes]
        self.according_ids = [i for i, row in enumerate(arr) if row[0] == according]
        # token -> quote index (or -1)
        self.in_quote = [-1] * len(doc)
        for qi, q in enumerate(self.quotes):
            i = bisect_right(self.tok_starts, q.start - 1)
            while i < len(doc) and doc[i].idx < q.end:
                if doc[i].idx >= q.start:
                    self.in_quote[i] = qi
                i += 1
        self.resolver = SpeakerResolver(doc, entities, {i for i, q in enumerate(self.in_quote) if q >= 0},
                                        starts=self.tok_starts, lowers=[row[0] for row in arr])
        self.statements: list[Statement] = []
        self.turn_spans: list[tuple[int, int]] = []
        # sentences, with the parser's breaks inside quotations mended: a break
        # that follows no final punctuation is not a sentence end
        self.sent_id = [0] * len(doc)
        self.sents: list[tuple[int, int]] = []
        for sent in doc.sents:
            last = [t for t in sent if not t.is_space]
            if self.sents:
                a, b = self.sents[-1]
                prev = _last_word(doc, a, b)
                gap = doc[b - 1].is_space and "\n" in doc[b - 1].text or "\n\n" in doc[b - 1].whitespace_
                if (prev is not None and prev.text not in (".", "?", "!", ":", "...", "\u2026") and not gap and last
                        and sent.end - a <= MAX_MENDED):
                    self.sents[-1] = (a, sent.end)
                    continue
                if not gap and last and _closes_quotation(doc, b) and _is_cue_tail(last):
                    # '"Where did the money go?" Ms. Ortiz said.': the cue after a question
                    # or exclamation inside the marks belongs to the quotation's sentence
                    self.sents[-1] = (a, sent.end)
                    continue
            self.sents.append((sent.start, sent.end))
        for k, (a, b) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_id[i] = k

    def sent_bounds(self, i: int) -> tuple[int, int]:
        return self.sents[self.sent_id[i]]

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.pstarts, char) - 1)

    def role_of(self, pi: int) -> str:
        return self.paragraphs[pi].role if 0 <= pi < len(self.paragraphs) else "body"

    def char_range(self, lo: int, hi: int) -> tuple[int, int]:
        doc = self.doc
        return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)

    def tok_at(self, char: int) -> int:
        return max(0, bisect_right(self.tok_starts, char) - 1)

    def quote_ids(self, lo: int, hi: int) -> list[int]:
        """The quotations that tokens [lo, hi) reach into."""
        return sorted({self.in_quote[i] for i in range(lo, hi) if self.in_quote[i] >= 0})
