"""Interviews in question-and-answer form: the answers are the interviewee's."""
from __future__ import annotations

from bisect import bisect_right

from .document import NO_STATEMENT_ROLES, QuoteDoc, Statement

# the label of an answer paragraph
_TURN = ("A:", "A.", "Answer:")


def interview_turns(qd: QuoteDoc) -> None:
    """Interviews in question-and-answer form: each answer ("A: ...") is a
    direct quotation of the interviewee, with no cue; "NAME: ..." paragraphs
    are turns of the person named. What the answers report inside them
    belongs to the answer."""
    res = qd.resolver
    text = qd.text
    spans: list[tuple[int, int]] = []
    interviewee = None
    for pi, p in enumerate(qd.paragraphs):
        if p.role in NO_STATEMENT_ROLES or p.role == "title":
            continue
        para = text[p.start:p.end]
        body = para.lstrip()
        lead = len(para) - len(body)
        label = next((x for x in _TURN if body.startswith(x + " ")), None)
        speaker = None
        if label is None:
            head, colon, rest = body.partition(": ")
            words = head.split()
            if colon and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
                i = bisect_right(qd.tok_starts, p.start + lead) - 1
                eid = res.entity_of(qd.doc[i]) if i >= 0 else None
                if eid is None and words[-1] in res.name_words:
                    eid = res.name_words[words[-1]]
                if eid and res.entities[eid].type == "PERSON":
                    speaker = res.speaker_for_entity(eid)
                    label = head + ":"
            if label is None:
                continue
        else:
            if interviewee is None:
                interviewee = res.main
            if interviewee is None:
                continue
            speaker = res.speaker_for_entity(interviewee)
            speaker.mention = None
        a = p.start + lead + len(label)
        b = p.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if len(text[a:b].split()) < 1:
            continue
        st = Statement(cue=[], subject=None, spans=[(a, b)], paragraph=pi, kind="direct",
                        speaker=speaker, channel="interview", from_quote=True, turn=True,
                       via="turn")
        qd.statements.append(st)
        spans.append((a, b))
    if spans:
        # cues inside an answer are the interviewee's words, not statements
        qd.statements = [st for st in qd.statements if st.turn or not st.cue
                           or not any(a <= st.cue[0].idx < b for a, b in spans)]
        qd.turn_spans = spans
