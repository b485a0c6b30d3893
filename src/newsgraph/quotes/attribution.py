"""Pass 3: speakers resolved, statements settled, records made.

Speakers are resolved in text order, so that a pronoun sees the speaker before
it; the article's ``Discourse`` (the last speaker, the nouns that named a group)
is kept here and handed to the resolver, which returns its decisions. A he/she
right after an anonymous source, with no named person between, is that source.
Then statements that inherit a speaker take it; reported speech with nobody
saying it goes; a statement of the same speaker inside another one's clause ends
that clause; a cue inside someone else's report is part of the report.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..records import About, Cue, Mention, Quote, Speaker
from .confidence import features, load_model, score
from .document import QuoteDoc, Statement
from .lexicon import CHANNELS
from .speakers import FEMALE, MALE, PERSON_NOUNS, ROLE_NOUNS, Discourse, Focus


def resolve_speakers(qd: QuoteDoc, stmts: list[Statement]) -> Discourse:
    """Each statement's speaker from its subject, in text order (``stmts`` sorted);
    returns the discourse as it stands after the last one."""
    res = qd.resolver
    discourse = Discourse()
    anon: tuple | None = None   # the last anonymous speaker, where
    for st in stmts:
        if st.inherit is not None or st.turn:
            continue
        sp = None
        if st.subject is not None:
            if anon is not None and st.subject.lower_ in MALE | FEMALE and anonymous_antecedent(qd, anon, st):
                # "A police officer, who asked not to be named, said ... 'X,' he said."
                subj = st.subject
                sp = replace(anon[0], mention=Mention(subj.text, subj.idx, subj.idx + len(subj.text)))
            else:
                sp = discourse.take(res.resolve(st.subject, discourse))
        st.speaker = sp
        if sp is not None and sp.type == "anonymous" and st.subject is not None \
                and st.subject.lower_ in PERSON_NOUNS | ROLE_NOUNS:
            anon = (sp, st.subject.i, st.paragraph, st.spans[0])
        elif sp is not None and sp.type != "anonymous" and not (
                anon is not None and st.cue and anon[3][0] <= st.cue[0].idx < anon[3][1]):
            anon = None   # someone else spoke (a cue inside the anonymous report does not count)
        if sp is not None and sp.entity:
            discourse.focus = Focus(sp.entity, st.cue[0].i if st.cue else None)
    return discourse


def inherit_speakers(qd: QuoteDoc, stmts: list[Statement], discourse: Discourse) -> None:
    """A statement that continues another (a cue-less quotation, the second half of
    a broken one) takes its speaker, channel and, when it has none, its cue."""
    for st in stmts:
        if st.inherit is not None:
            src = st.inherit
            depth = 0
            while src.inherit is not None and depth < 5:
                src = src.inherit
                depth += 1
            if src.speaker is None and src.subject is not None and not src.turn:
                src.speaker = discourse.take(qd.resolver.resolve(src.subject, discourse))
            st.speaker = src.speaker
            st.channel = st.channel or src.channel or sentence_channel(qd, src)
            if not st.cue and src.spans == [] or (src.cue and not src.spans):
                st.cue = src.cue


def has_speaker(st: Statement) -> bool:
    """Reported speech with nobody saying it is not a statement we can use; nor is
    one whose subject is a thing that cannot speak ("brain cancer confirmed")."""
    return st.inherit is not None or st.from_quote or (
        st.subject is not None and (st.speaker is not None or st.subject.pos_ != "NOUN"))


def end_at_second_statement(qd: QuoteDoc, stmts: list[Statement]) -> None:
    """"Lynch said X, though she noted Y": the same speaker's second statement
    inside the first one's clause ends the first one."""
    for inner in stmts:
        if not inner.cue or inner.speaker is None or inner.inherit is not None or inner.from_quote:
            continue
        if inner.cue[0].dep_ not in ("advcl", "conj", "ccomp", "parataxis"):
            continue  # "to agree", "in saying": part of the clause, not a new one
        c = inner.cue[0]
        for outer in stmts:
            if outer is inner or not outer.cue or outer.speaker is None or outer.from_quote:
                continue
            a, b = outer.spans[0]
            if a < c.idx < b and outer.speaker.entity and outer.speaker.entity == inner.speaker.entity:
                clause = c
                while clause.dep_ in ("conj", "xcomp") and clause.head.idx > a:
                    clause = clause.head
                cut = qd.doc[clause.left_edge.i].idx if clause.left_edge.idx > a else c.idx
                j = bisect_right(qd.tok_starts, cut - 1) - 1
                while j >= 0 and qd.doc[j].idx > a and (qd.doc[j].is_punct or qd.doc[j].is_space):
                    j -= 1
                if j >= 0 and qd.doc[j].idx > a:
                    outer.spans = [(a, qd.doc[j].idx + len(qd.doc[j].text))]


def end_at_other_speaker(qd: QuoteDoc, stmts: list[Statement]) -> None:
    """"Supporters said X, while other voters said Y": a cue with a subject of its own,
    joined to the content by a conjunction after a comma, starts another speaker's
    statement; the first one's content ends before the conjunction."""
    doc = qd.doc
    for inner in stmts:
        if not inner.cue or inner.inherit is not None or inner.from_quote or inner.subject is None:
            continue
        c = inner.cue[0]
        if inner.subject.i > c.i or not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            continue
        left = inner.subject.left_edge.i - 1
        if left < 1 or doc[left].lower_ not in ("while", "but", "and", "whereas") or doc[left - 1].text != ",":
            continue
        for outer in stmts:
            if outer is inner or not outer.cue or outer.from_quote or not outer.spans:
                continue
            a, b = outer.spans[0]
            if a < doc[left].idx < b and outer.cue[0].i < left and (
                    outer.speaker is None or inner.speaker is None or outer.speaker.entity != inner.speaker.entity
                    or outer.speaker.entity is None and outer.speaker.name != inner.speaker.name):
                end = doc[left - 2]
                if end.idx > a:
                    outer.spans = [(a, end.idx + len(end.text))]


def drop_reported_cues(stmts: list[Statement]) -> list[Statement]:
    """A cue inside what someone else reports belongs to the report ("Trump said
    that Clinton once described the deal as ..."): not a statement of its own."""
    ranges = [st.spans[0] for st in stmts if st.cue]
    keep = []
    for st in stmts:
        if st.cue and st.inherit is None:
            c = st.cue[0].idx
            a0, b0 = st.spans[0]
            if any(a <= c < b and a <= a0 and b0 <= b for a, b in ranges if (a, b) != st.spans[0]):
                continue
        keep.append(st)
    return keep


def records(qd: QuoteDoc) -> list[Quote]:
    """Pass 3: the statements as Quote records, in text order."""
    return [q for q, _ in records_with_features(qd)]


def records_with_features(qd: QuoteDoc) -> list[tuple[Quote, list[str]]]:
    """Pass 3, each record with the features its confidence was scored from."""
    stmts = sorted([s for s in qd.statements if s.spans], key=lambda s: s.spans[0][0])
    discourse = resolve_speakers(qd, stmts)
    inherit_speakers(qd, stmts, discourse)
    stmts = [st for st in stmts if has_speaker(st)]
    end_at_second_statement(qd, stmts)
    end_at_other_speaker(qd, stmts)
    stmts = drop_reported_cues(stmts)
    out: list[tuple[Quote, list[str]]] = []
    seen: set[tuple[int, int]] = set()
    model = load_model()
    for st in stmts:
        s, e = st.spans[0]
        if (s, e) in seen:
            continue
        seen.add((s, e))
        kind = st.kind
        if kind != "direct" and st.quote_ids:
            kind = "direct" if only_quoted(qd, s, e) else "mixed"
        cue = None
        if st.cue:
            a = st.cue[0].idx
            b = max(t.idx + len(t.text) for t in st.cue)
            cue = Cue(qd.text[a:b], a, b)
        about = about_entities(qd, s, e, st.speaker, kind == "direct", discourse.focus)
        src = st
        for _ in range(5):   # the statement whose subject named the speaker
            if src.inherit is None:
                break
            src = src.inherit
        sp = st.speaker
        mentions = len(qd.resolver.entities[sp.entity].mentions) if sp is not None and sp.entity else 0
        feats = features(via=st.via, subject=src.subject, speaker=sp, kind=kind, cue_text=cue.text if cue else None,
                         n_words=len(qd.text[s:e].split()), role=qd.role_of(qd.para_of(s)), mentions=mentions)
        out.append((Quote(text=qd.text[s:e], kind=kind, start=s, end=e, paragraph=qd.para_of(s),
                          speaker=sp, cue=cue, channel=st.channel, about=about,
                          confidence=score(feats, model) if model is not None else None), feats))
    out.sort(key=lambda qf: qf[0].start)
    return out


def anonymous_antecedent(qd: QuoteDoc, anon: tuple, st: Statement) -> bool:
    """A he/she that can only mean the anonymous speaker just quoted: in the
    same or the next paragraph, with no named person in between."""
    _, at, para, _ = anon
    pron = st.subject
    if st.paragraph - para > 1 or pron.i <= at:
        return False
    return all(qd.doc[i].lower_ in MALE | FEMALE for i in qd.resolver.person_mentions_between(at, pron.i))


def only_quoted(qd: QuoteDoc, s: int, e: int) -> bool:
    """True when every word of text[s:e] lies inside quotation marks."""
    i0 = bisect_right(qd.tok_starts, s) - 1
    i1 = bisect_right(qd.tok_starts, e - 1)
    return all(qd.in_quote[i] >= 0 for i in range(max(0, i0), i1)
               if not qd.doc[i].is_punct and not qd.doc[i].is_space and qd.doc[i].idx >= s)


def sentence_channel(qd: QuoteDoc, st: Statement) -> str | None:
    """A channel named anywhere in the cue's sentence ("on Twitter"), bar speech, rally, letter."""
    if not st.cue:
        return None
    for t in qd.doc[slice(*qd.sent_bounds(st.cue[0].i))]:
        ch = CHANNELS.get(t.lower_)
        if ch and ch not in ("speech", "rally", "letter"):
            return ch
    return None


def about_entities(qd: QuoteDoc, s: int, e: int, speaker: Speaker | None, direct: bool,
                   focus: Focus | None = None) -> list[About]:
    """Entities a statement mentions, pronouns resolved; never the speaker.

    Inside a direct quotation "he" is someone other than the speaker; in
    reported speech it is often the speaker ("Kim said he would"), so the
    speaker stays a candidate there and is then left out."""
    res = qd.resolver
    doc = qd.doc
    i0 = bisect_right(qd.tok_starts, s) - 1
    i1 = bisect_right(qd.tok_starts, e - 1)
    out: dict[str, About] = {}
    spk = speaker.entity if speaker else None
    for i in range(max(0, i0), i1):
        tok = doc[i]
        eid = res.entity_of(tok)
        if eid is None and tok.text[:1].isupper() and tok.text in res.name_words:
            eid = res.name_words[tok.text]
        if eid is None and tok.lower_ in MALE | FEMALE:
            eid = res.resolve_pronoun(tok, spk if direct else None, focus)
        if eid and eid != spk and eid not in out:
            out[eid] = About(entity=eid, name=res.entities[eid].name)
    return list(out.values())
