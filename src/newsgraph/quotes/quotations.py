"""Pass 2: quotations that no cue of pass 1 reported.

A quotation takes the bare cue of its own sentence ("...," said X; X said:
"..."); the second half of a quotation broken by its cue takes the first half's
speaker; otherwise it continues the statement before it in the paragraph, or in
the paragraph before (a lead-in such as "X responded via Twitter.", an earlier
quotation of the same speaker). A lead-in that ends with a colon reports the
unmarked paragraph after it. A short quoted phrase inside a longer sentence with
no cue is a scare quote, not a statement.
"""
from __future__ import annotations

from bisect import bisect_right

from .content import trim
from .document import NO_STATEMENT_ROLES, QuoteDoc, Statement
from .marks import QuoteSpan


def quotation_statements(qd: QuoteDoc) -> None:
    """Pass 2: a statement for every quotation not yet covered by one."""
    doc = qd.doc
    covered: set[int] = set()
    for st in qd.statements:
        if st.spans:
            s, e = st.spans[0]
            for qi in st.quote_ids:
                q = qd.quotes[qi]
                if min(e, q.end) - max(s, q.start) >= 0.8 * (q.end - q.start):
                    covered.add(qi)
    # bare cues: reporting verbs with no content, by sentence
    bare_by_sent: dict[int, list[Statement]] = {}
    for st in qd.statements:
        if not st.spans:
            bare_by_sent.setdefault(qd.sent_id[st.cue[0].i], []).append(st)
    used_bare: set[int] = set()
    pending: list[tuple[int, Statement]] = []
    for qi, q in enumerate(qd.quotes):
        if qi in covered or any(a <= q.start < b for a, b in qd.turn_spans):
            continue
        pi = q.paragraph
        if qd.role_of(pi) in NO_STATEMENT_ROLES:
            continue
        i0 = bisect_right(qd.tok_starts, q.start) - 1
        i1 = bisect_right(qd.tok_starts, q.end - 1) - 1
        if i0 < 0 or i1 < i0:
            continue
        words = [t for t in doc[i0:i1 + 1] if not t.is_punct and not t.is_space]
        k0, k1 = qd.sent_id[i0], qd.sent_id[i1]
        sent_words = [t for t in doc[qd.sents[k0][0]:qd.sents[k1][1]] if not t.is_punct and not t.is_space]
        outside = [t for t in sent_words if qd.in_quote[t.i] != qi]
        # a cue in the quotation's own sentences
        cands = []
        for k in {k0, k1}:
            cands.extend(st for st in bare_by_sent.get(k, []) if id(st) not in used_bare)
        cue_st = None
        if cands:
            cue_st = min(cands, key=lambda st: min(abs(st.cue[0].idx - q.start), abs(st.cue[0].idx - q.end)))
        # a short quotation is a statement only with its cue right beside it ('"We won!"
        # shouted the coach', 'she wrote: "Done."'); otherwise a quoted phrase
        beside = cue_st is not None and (0 < cue_st.cue[0].i - i1 <= 4 or 0 < i0 - cue_st.cue[0].i <= 3)
        fragment = (len(words) < 3 and not (beside and words)) or (
            len(outside) > 4 and len(words) < 6 and cue_st is None)
        if fragment:
            continue
        content_toks = [i for i in range(i0, i1 + 1)]
        t = trim(doc, content_toks[0], content_toks[-1] + 1)
        if t is None:
            continue
        span = (q.start, q.end)
        if cue_st is not None:
            used_bare.add(id(cue_st))
            cue_st.spans = [span]
            cue_st.kind = "direct"
            cue_st.from_quote = True
            cue_st.quote_ids = [qi]
            cue_st.via = "quote_cue"
            continue
        # the second half of a quotation broken by its cue ("A," he said, "B.")
        halves = [st for st in qd.statements if st.spans and st.quote_ids and st.cue
                  and qd.sent_id[st.cue[0].i] in (k0, k1) and qi not in st.quote_ids
                  and len(words) >= 4]
        if halves:
            src = min(halves, key=lambda st: abs(st.cue[0].idx - q.start))
            qd.statements.append(Statement(cue=[], subject=None, spans=[span], paragraph=pi, kind="direct",
                                              from_quote=True, quote_ids=[qi], inherit=src, via="half"))
            continue
        # no cue here: a scare quote inside a longer sentence is not a statement
        if len(outside) > max(6, len(words)):
            continue
        st = Statement(cue=[], subject=None, spans=[span], paragraph=pi, kind="direct",
                       from_quote=True, quote_ids=[qi], via="context")
        st.inherit = context_for(qd, q, st)
        if st.inherit is None and q.continued:
            pending.append((qi, st))  # "...<paragraph break> "... ," she said.
            continue
        if st.inherit is None and not q.continues:
            continue
        qd.statements.append(st)
    for qi, st in pending:
        nxt = [x for x in qd.statements if qi + 1 in x.quote_ids and x is not st]
        if nxt:
            st.inherit = nxt[0]
            st.via = "continued"
            qd.statements.append(st)
    lead_ins(qd)


def lead_ins(qd: QuoteDoc) -> None:
    """'The weather service posted a warning on X:' and then a paragraph with
    no quotation marks (an embedded post, a block quotation): that paragraph
    is what the cue reports."""
    text = qd.text
    taken = {st.paragraph for st in qd.statements if st.spans}
    for st in list(qd.statements):
        if st.spans or not st.cue or st.subject is None:
            continue
        pi = st.paragraph
        para = qd.paragraphs[pi]
        if not text[para.start:para.end].rstrip().endswith(":"):
            continue
        if qd.sent_id[st.cue[0].i] != qd.sent_id[qd.tok_at(para.end - 1)]:
            continue   # the cue must be in the sentence that ends with the colon
        k = pi + 1
        if k >= len(qd.paragraphs) or k in taken or qd.role_of(k) in NO_STATEMENT_ROLES or qd.role_of(k) == "title":
            continue
        nxt = qd.paragraphs[k]
        body = text[nxt.start:nxt.end].strip()
        if not body or body[0] in ('"', "\u201c", "\u2018", "'") or len(body.split()) < 4:
            continue
        st.spans = [(nxt.start, nxt.start + len(text[nxt.start:nxt.end].rstrip()))]
        st.kind = "direct"
        st.from_quote = True
        st.via = "lead_in"
        taken.add(k)


def context_for(qd: QuoteDoc, q: QuoteSpan, st: Statement) -> Statement | None:
    """The statement whose speaker a cue-less quotation continues."""
    pi = q.paragraph
    same = [s for s in qd.statements if s.paragraph == pi and s is not st and (s.spans or s.subject is not None)]
    before = [s for s in same if (s.spans[0][0] if s.spans else s.cue[0].idx) < q.start]
    if before:
        return max(before, key=lambda s: s.spans[0][0] if s.spans else s.cue[0].idx)
    after = [s for s in same if s.kind == "direct" and s.subject is not None]
    if after and q.start == qd.paragraphs[pi].start or after and qd.text[qd.paragraphs[pi].start:q.start].strip() in ("", '"', "\u201c", "''"):
        return min(after, key=lambda s: s.spans[0][0] if s.spans else s.cue[0].idx)
    # the paragraph before: a lead-in or an earlier quotation
    k = pi - 1
    while k >= 0 and qd.role_of(k) in NO_STATEMENT_ROLES:
        k -= 1
    if k < 0:
        return None
    # only a quotation that fills its paragraph continues the paragraph before
    para = qd.paragraphs[pi]
    lead = qd.text[para.start:q.start].strip(" \"\u201c'")
    if lead:
        return None
    prev = [s for s in qd.statements if s.paragraph == k and s is not st and (s.subject is not None or s.inherit or s.turn)]
    if not prev:
        return None
    last = max(prev, key=lambda s: s.cue[0].idx if s.cue else s.spans[0][0])
    prev_text = qd.text[qd.paragraphs[k].start:qd.paragraphs[k].end].rstrip()
    if q.continues or prev_text.endswith(":") or not last.spans or last.kind == "direct" \
            or prev_text.endswith(("\u201d", '"')):
        return last
    return None
