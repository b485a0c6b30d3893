"""Pass 1: statements found from their cues.

- reporting verbs of the lexicon outside quotation marks (``verb_statements``):
  the verb is read as a cue unless a filter of ``CUE_FILTERS`` says otherwise;
  its subject (``cue_subject``) and its content (``content.content_tokens``,
  then bounded) make a statement, or a bare cue that a quotation of pass 2 takes;
- a reporting verb the tagger read as a noun ("Lind charges that");
- statement nouns with a possessor and a that-clause ("Trump's claim that ...");
- "according to X" and its clause.

Each filter and step is a function of its own, named for what it decides, and
tested on its own (``tests/test_quote_passes.py``).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from .content import MAX_CONTENT_TOKENS, NO_OBJECT_CONTENT, channel_of, content_tokens, drop_asides, extend_right, trim
from .document import NO_STATEMENT_ROLES, QuoteDoc, Statement
from .lexicon import CHANNELS, CLAIM_NOUNS, CLAIM_PREPS, PHRASAL, STATEMENT_NOUNS, lemma_of, verb_class
from .speakers import FEMALE, MALE
from .syntax import antecedent, inherited_subject, subject_of

# ---------------------------------------------------------------- cue filters
# A reporting-verb form outside quotation marks is a cue unless one of these
# readings of the parse says it is not. Each takes the verb and its lexicon class.


def passive_without_agent(v: Token, klass: str) -> bool:
    """"he was told", "it was reported": a passive that names no speaker."""
    return any(c.dep_ == "auxpass" for c in v.children) and not any(c.dep_ == "agent" for c in v.children)


def modifier_participle(v: Token, klass: str) -> bool:
    """"the so-called deal", "a plan announced on Monday", "Asked by a reporter,
    ...": a participle that modifies a noun or sets the scene, with no subject."""
    return v.dep_ == "amod" or (v.dep_ in ("acl", "advcl") and v.tag_ == "VBN"
                                and not any(c.dep_ in ("aux", "nsubj") for c in v.children))


def defers_to_inner_cue(v: Token, klass: str) -> bool:
    """"continued to call for", "went on to say": the inner verb is the cue; but
    "asked the council to declare": an object, then the request, is the outer one's."""
    return any(c.dep_ == "xcomp" and verb_class(c.text) for c in v.children) \
        and not (klass in ("speech", "urge") and any(c.dep_ in ("dobj", "dative") for c in v.children))


def anonymity_formula(v: Token, klass: str) -> bool:
    """"asked not to be named", "spoke on condition that he not be identified":
    the terms of anonymity, not a statement."""
    return any(c.dep_ == "xcomp" and any(x.lower_ in ("named", "identified", "quoted") for x in c.subtree)
               for c in v.children)


CUE_FILTERS = (passive_without_agent, modifier_participle, defers_to_inner_cue, anonymity_formula)


def rejected_cue(v: Token, klass: str) -> str | None:
    """The name of the first filter that says ``v`` is no cue, or None."""
    for f in CUE_FILTERS:
        if f(v, klass):
            return f.__name__
    return None


# ---------------------------------------------------------------- cue parts


def colon_quotation_follows(qd: QuoteDoc, v: Token) -> bool:
    """'X said: "..."': the quotation after the colon is the content, not a clause the parse gives."""
    doc = qd.doc
    return v.i + 2 < len(doc) and doc[v.i + 1].text == ":" and qd.in_quote[v.i + 2] >= 0 or (
        v.i + 3 < len(doc) and doc[v.i + 1].text == ":" and qd.in_quote[v.i + 3] >= 0)


def passive_subject_content(v: Token) -> tuple[int, int] | None:
    """"The story was first reported by the Post": with an agent, the passive
    subject is what was reported."""
    passive = [c for c in v.children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in v.children):
        return passive[0].left_edge.i, passive[0].right_edge.i + 1
    return None


def cue_subject(qd: QuoteDoc, v: Token) -> Token | None:
    """The token that names the speaker of cue ``v``: its subject, or the one it
    shares with the verb it hangs on; a proper noun right before a cue the parse
    left without one; a person named just before when the subject is inside a
    quotation or missing; the noun a relative pronoun stands for. A clausal
    subject names nobody."""
    subj = subject_of(v) or inherited_subject(v) or proper_noun_before(qd, v)
    if subj is None or qd.in_quote[subj.i] >= 0:
        subj = nearby_name(qd, v) or (None if subj is None or qd.in_quote[subj.i] >= 0 else subj)
    if subj is not None and subj.dep_ == "csubj":
        subj = None
    if subj is not None:
        subj = antecedent(subj, v)
    return subj


def proper_noun_before(qd: QuoteDoc, v: Token) -> Token | None:
    """A proper noun right before a cue the parse gave no subject ("... the
    Washington Post Trump said that": the name was read as part of the phrase
    before it), unless it is a compound inside a longer name."""
    if v.i > 0 and qd.doc[v.i - 1].pos_ == "PROPN" and qd.doc[v.i - 1].dep_ != "compound":
        return qd.doc[v.i - 1]
    return None


def cue_tokens(v: Token, lemma: str | None) -> list[Token]:
    """The cue's words: the verb, its particle, the preposition of a phrasal cue ("warning of")."""
    return [v] + [c for c in v.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in PHRASAL.get(lemma, ()))
                  and c.i == v.i + 1]


def headline_content(qd: QuoteDoc, v: Token, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """Headline grammar ("Flynn says Trump 'absolutely right' in saying ..."): the
    content runs from the cue to the end of the title when the parse gives less."""
    end = qd.sent_bounds(v.i)[1]
    if rng is None or rng[1] - rng[0] < end - v.i - 2:
        return v.i + 1, end
    return rng


def bound_content(qd: QuoteDoc, v: Token, subj: Token | None, rng: tuple[int, int],
                  min_len: int) -> tuple[int, int] | None:
    """The content range trimmed, without the subject or the cue itself, without
    the writer's asides, widened to the whole quotations it cuts into."""
    doc = qd.doc
    t = trim(doc, *rng, min_len=min_len)
    if t is None:
        return None
    lo, hi = t
    if subj is not None and lo <= subj.i < hi:
        if subj.i < v.i:
            lo = max(lo, v.i + 1)
        else:
            hi = min(hi, subj.left_edge.i)
    if lo <= v.i < hi:
        if v.i - lo < hi - v.i - 1:
            lo = v.i + 1
        else:
            hi = v.i
    t = trim(doc, lo, hi, min_len=min_len)
    if t is None:
        return None
    t = trim(doc, *drop_asides(doc, *t), min_len=min_len) or t
    t = cut_trailing_aside(qd, t)
    return snap(qd, t, v)


def cut_trailing_aside(qd: QuoteDoc, t: tuple[int, int]) -> tuple[int, int]:
    """Reported content without a long writer's aside at its end: a relative clause
    set off by a comma (", who also held a rally in ...", ", which took a hit ...")
    or an apposition to the clause (", a charge that ...") that runs to the end of
    the content and makes up more than 40% of it. Words inside quotation
    marks are never cut."""
    doc = qd.doc
    lo, hi = t
    for j in range(lo + 3, hi - 2):
        if doc[j].text != "," or qd.in_quote[j] >= 0:
            continue
        w = doc[j + 1]
        aside = (w.lower_ in ("who", "which", "whose") and w.head.dep_ == "relcl") or (
            w.lower_ in ("a", "an") and w.head.dep_ == "appos" and w.head.head.i < j)
        if not aside or any(qd.in_quote[k] >= 0 for k in range(j, hi)):
            continue
        if w.head.right_edge.i + 1 >= hi - 1 and hi - j > 0.4 * (hi - lo):
            return lo, j
        break
    return t


def coordinated_that_clauses(qd: QuoteDoc, v: Token, after: int) -> list[tuple[int, int]]:
    """"said X but that Y": that-clauses coordinated with the cue itself, after token ``after``."""
    doc = qd.doc
    out = []
    for c in v.children:
        if c.dep_ == "conj" and c.i > after and not verb_class(c.text) and not subject_of(c) is None \
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            t = trim(doc, c.left_edge.i, c.right_edge.i + 1)
            if t is not None:
                out.append(t)
    return out


# ---------------------------------------------------------------- the verb pass


def verb_statements(qd: QuoteDoc) -> None:
    """A statement (or a bare cue) for every reporting verb outside quotations."""
    doc = qd.doc
    for vi in qd.verb_ids:
        v = doc[vi]
        klass = verb_class(v.text)
        if klass is None or qd.in_quote[v.i] >= 0:
            continue
        if v.pos_ not in ("VERB", "AUX") and not (v.tag_.startswith("VB")):
            noun_tagged_cue(qd, v, klass)
            continue
        lemma = lemma_of(v.text)
        pi = qd.para_of(v.idx)
        if qd.role_of(pi) in NO_STATEMENT_ROLES or rejected_cue(v, klass):
            continue
        rng = content_tokens(v, klass, lemma, qd.sent_bounds(v.i)[1])
        if rng is not None and rng[1] - rng[0] > MAX_CONTENT_TOKENS:
            rng = (rng[0], rng[0] + MAX_CONTENT_TOKENS)
        if rng is None:
            rng = passive_subject_content(v)
        if colon_quotation_follows(qd, v):
            rng = None
        tail = None
        if rng is None and klass == "speech":
            rng, tail = parenthetical(qd, v)
        elif rng is not None and klass == "speech" and rng[1] <= v.i:
            # "A, she said, and B.": the parse gives A as the clause; B follows
            left, tail = parenthetical(qd, v, own_clause=True)
            if left is None or tail is None:
                tail = None
        # an object of one proper noun is content enough ("praised Merkel")
        min_len = 1 if klass == "object" and rng is not None and rng[1] - rng[0] == 1 \
            and doc[rng[0]].pos_ == "PROPN" else 2
        subj = cue_subject(qd, v)
        cue = cue_tokens(v, lemma)
        if qd.role_of(pi) == "title" and klass == "speech" and subj is not None and subj.i < v.i:
            rng = headline_content(qd, v, rng)
        st = Statement(cue=cue, subject=subj, spans=[], paragraph=pi, channel=channel_of(v))
        if rng is not None:
            t = bound_content(qd, v, subj, rng, min_len)
            if t is None:
                continue
            parts = split_that_clauses(qd, t)
            t = parts[0]
            extras = parts[1:] + coordinated_that_clauses(qd, v, t[1])
            for part in extras:
                # "said that X and that Y", "said X but that Y": one statement per clause
                extra = Statement(cue=cue, subject=subj, spans=[qd.char_range(*part)], paragraph=pi,
                                  channel=st.channel)
                extra.quote_ids = qd.quote_ids(*part)
                qd.statements.append(extra)
            if tail is not None:
                t2 = trim(doc, *tail)
                if t2 is not None:
                    qd.statements.append(Statement(cue=cue, subject=subj, spans=[qd.char_range(*t2)],
                                                   paragraph=pi, channel=st.channel))
            st.spans = [qd.char_range(*t)]
            st.quote_ids = qd.quote_ids(*t)
        qd.statements.append(st)


def noun_statements(qd: QuoteDoc) -> None:
    """"Trump's claim that ...", "his denial that ...", "Berlin's pledge to add ...", "the
    senator's call for ...": a claim noun with a possessor (a name, a noun or a
    possessive pronoun) and its content: a that-clause, an infinitive, or the
    object of "for"/"of"/"against" after call, warning, threat."""
    doc = qd.doc
    for ni in qd.noun_ids:
        n = doc[ni]
        if n.lower_ not in CLAIM_NOUNS or qd.in_quote[n.i] >= 0 or n.pos_ != "NOUN":
            continue
        poss = [c for c in n.children if c.dep_ == "poss" and c.lower_ not in ("my", "our", "your")]
        if not poss:
            continue
        clause = [c for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > n.i and (
            any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            or c.dep_ == "acl" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children))]
        prep = [c for c in n.children if c.dep_ == "prep" and c.i == n.i + 1 and c.lower_ in CLAIM_PREPS
                and n.lower_ not in STATEMENT_NOUNS and any(p.dep_ in ("pobj", "pcomp") for p in c.children)]
        if not clause and not prep:
            continue
        pi = qd.para_of(n.idx)
        if qd.role_of(pi) in NO_STATEMENT_ROLES:
            continue
        if clause:
            c = clause[0]
            t = trim(doc, c.left_edge.i, extend_right(n, c.right_edge.i + 1, qd.sent_bounds(n.i)[1]))
        else:
            t = trim(doc, prep[0].i + 1, prep[0].right_edge.i + 1)
        if t is None:
            continue
        st = Statement(cue=[n], subject=poss[0], spans=[qd.char_range(*t)], paragraph=pi, via="noun")
        st.quote_ids = qd.quote_ids(*t)
        qd.statements.append(st)


def according_statements(qd: QuoteDoc) -> None:
    """"according to X": the rest of the sentence, as X's statement; in a sentence
    that already has a speaker, X names the channel instead."""
    doc = qd.doc
    for ti in qd.according_ids:
        tok = doc[ti]
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" \
                and qd.in_quote[tok.i] < 0:
            pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if not pobj:
                continue
            pi = qd.para_of(tok.idx)
            if qd.role_of(pi) in NO_STATEMENT_ROLES:
                continue
            sent = doc[slice(*qd.sent_bounds(tok.i))]
            skip = set(range(tok.left_edge.i, tok.right_edge.i + 1)) | {tok.i, tok.i + 1}
            skip |= {i for i in range(pobj[0].left_edge.i, pobj[0].right_edge.i + 1)}
            # the clause: the sentence minus the "according to" phrase
            toks = [i for i in range(sent.start, sent.end) if i not in skip]
            if tok.i > sent.start + 2:
                toks = [i for i in toks if i < tok.i]
            else:
                toks = [i for i in toks if i > pobj[0].right_edge.i]
            if not toks:
                continue
            t = trim(doc, toks[0], toks[-1] + 1)
            if t is None:
                continue
            own = [x for x in qd.statements if x.spans and x.cue and qd.sent_id[x.cue[0].i] == qd.sent_id[tok.i]
                   and x.subject is not None]
            if own:
                src = doc[pobj[0].left_edge.i:pobj[0].right_edge.i + 1].text.lower()
                channel = next((ch for k, ch in CHANNELS.items() if k in src.split() or (" " in k and k in src)), None)
                for x in own:
                    x.channel = x.channel or channel or src
                continue
            st = Statement(cue=[tok, doc[tok.i + 1]], subject=pobj[0], spans=[qd.char_range(*t)],
                           paragraph=pi, via="according")
            st.quote_ids = qd.quote_ids(*t)
            qd.statements.append(st)


def cue_statements(qd: QuoteDoc) -> None:
    """Pass 1: verbs, statement nouns, "according to"."""
    verb_statements(qd)
    noun_statements(qd)
    according_statements(qd)


# ---------------------------------------------------------------- helpers of pass 1


def noun_tagged_cue(qd: QuoteDoc, v: Token, klass: str) -> None:
    """'Lind charges that ...', 'Park claims that ...': a reporting verb the
    tagger read as a plural noun, right after a name or pronoun and right
    before "that". The parse around it is wrong, so the words decide."""
    doc = qd.doc
    if klass != "speech" or v.tag_ not in ("NNS", "NN") or not v.lower_.endswith("s"):
        return
    if v.i < 1 or v.i + 3 >= len(doc) or doc[v.i + 1].lower_ != "that" or qd.in_quote[v.i] >= 0:
        return
    subj = doc[v.i - 1]
    s0, s1 = qd.sent_bounds(v.i)
    known = subj.lower_ in MALE | FEMALE or qd.resolver.entity_of(subj) or subj.text in qd.resolver.name_words
    if not known or subj.i not in (s0, s0 + 1):
        return
    pi = qd.para_of(v.idx)
    if qd.role_of(pi) in NO_STATEMENT_ROLES:
        return
    t = trim(doc, v.i + 1, s1)
    if t is None:
        return
    st = Statement(cue=[v], subject=subj, spans=[qd.char_range(*t)], paragraph=pi, via="noun_tagged")
    st.quote_ids = qd.quote_ids(*t)
    qd.statements.append(st)


def parenthetical(qd: QuoteDoc, v: Token, own_clause: bool = False) -> tuple:
    """'This year, she says, was the first ...': a cue set off by commas in a
    sentence with no quotation reports the rest of the sentence (the longer
    side of it; both sides when the second opens with "and"/"but"). A cue that
    ends its sentence after a comma ("The plant is struggling, said Ana Ruiz, its
    chief executive." / "..., she told reporters on Monday.") reports what comes before.
    Returns (content, second content or None)."""
    doc = qd.doc
    if own_clause:
        subj = subject_of(v)
        if subj is None or subj.i > v.i:
            return None, None
        a, b = subj.left_edge.i, v.i   # just "she said"
    else:
        kids = [c for c in v.subtree if not c.is_punct]
        a, b = kids[0].i, kids[-1].i
    s0, s1 = qd.sent_bounds(v.i)
    trailing = not own_clause and _only_punct(doc, b + 1, s1)
    if a < 1 or doc[a - 1].text != "," or not trailing and (b + 1 >= len(doc) or doc[b + 1].text not in (",", "\u2014")):
        return None, None
    if own_clause:
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") and c.i > v.i for c in v.children):
            return None, None
    elif any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and lemma_of(v.text) not in NO_OBJECT_CONTENT
             or c.dep_ == "prep" and not trailing for c in v.children):
        return None, None   # the cue has content of its own ("said of the plan", "told them to")
    if any(qd.in_quote[i] >= 0 or doc[i].text in ('"', "\u201c", "\u201d") for i in range(s0, s1)):
        return None, None
    left, right = (s0, a - 1), (b + 2, s1)
    if trailing:
        return ((left, None) if left[1] - left[0] >= 4 else (None, None))
    if right[0] < s1 and doc[right[0]].lower_ in ("and", "but") and left[1] - left[0] >= 3 \
            and right[1] - right[0] >= 4:
        # "A, she said, and B.": two statements around one cue
        return left, (right[0] + 1, right[1])
    best = max(left, right, key=lambda r: r[1] - r[0])
    return (best, None) if best[1] - best[0] >= 4 else (None, None)


def _only_punct(doc, lo: int, hi: int) -> bool:
    """True when tokens [lo, hi) are punctuation or space only (lo may equal hi)."""
    return all(doc[i].is_punct or doc[i].is_space for i in range(lo, min(hi, len(doc))))


def split_that_clauses(qd: QuoteDoc, t: tuple[int, int]) -> list[tuple[int, int]]:
    """[lo, hi) cut before each coordinated "and that ..." clause."""
    doc = qd.doc
    lo, hi = t
    cuts = [j for j in range(lo + 3, hi - 2)
            if doc[j].lower_ == "that" and doc[j].dep_ == "mark" and doc[j - 1].lower_ in ("and", "but")
            and doc[j].head.dep_ == "conj" and qd.in_quote[j] < 0]
    if not cuts:
        return [t]
    parts, start = [], lo
    for j in cuts:
        part = trim(doc, start, j - 1)
        if part:
            parts.append(part)
        start = j
    part = trim(doc, start, hi)
    if part:
        parts.append(part)
    return parts or [t]


def snap(qd: QuoteDoc, t: tuple[int, int], v: Token) -> tuple[int, int]:
    """Widen content to whole quotations it cuts into (the parse often ends a
    clause inside the marks: "(check out ...) Alicia M", "obsolete. ... NATO")."""
    lo, hi = t
    qs = {qd.in_quote[i] for i in range(lo, hi) if qd.in_quote[i] >= 0}
    for qi in qs:
        q = qd.quotes[qi]
        a = bisect_right(qd.tok_starts, q.start) - 1
        b = bisect_right(qd.tok_starts, q.end - 1)
        if a < lo and (a > v.i or b <= v.i):
            lo = a
        if b > hi and (v.i < lo or v.i >= b):
            hi = b
    return balance_marks(qd, lo, hi)


_MARKS = ('"', "\u201c", "\u201d", "''")


def balance_marks(qd: QuoteDoc, lo: int, hi: int) -> tuple[int, int]:
    """Quotation marks inside content stay balanced: an opening mark whose closing one
    follows right after the content takes it in ('called the plan "a mess"')."""
    doc = qd.doc
    marks = [j for j in range(lo, hi) if doc[j].text in _MARKS]
    if len(marks) % 2 and hi < len(doc) and doc[hi].text in _MARKS and qd.in_quote[hi - 1] >= 0:
        return lo, hi + 1
    return lo, hi


def nearby_name(qd: QuoteDoc, v: Token) -> Token | None:
    """A named person just before a cue that the parse left without a
    subject ("Flynn, a top Trump surrogate, said ... on “Fox and Friends.”")."""
    a = qd.sent_bounds(v.i)[0]
    for j in range(v.i - 1, max(a, v.i - 15) - 1, -1):
        t = qd.doc[j]
        if qd.in_quote[j] >= 0:
            break
        eid = qd.resolver.entity_of(t)
        if eid and qd.resolver.entities[eid].type == "PERSON" and t.dep_ in ("appos", "nsubj", "dep", "npadvmod", "ROOT", "conj"):
            return t
    return None
