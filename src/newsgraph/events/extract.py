"""Who did what to whom: PLOVER events read from the dependency parse.

For each sentence of the article's body, every predicate (verb, adjective of
readiness, event noun) is read against the lexicon (``lexicon.py``):

1. an *act* of one type: an action verb ("shelled"), a verb with its particle
   ("called off"), a light verb with an event noun ("imposed a curfew");
2. a *frame* that governs another act and decides the type from it: "threatened to
   cut off electricity" is THREATEN, "agreed to withdraw" AGREE, "refused to meet"
   REJECT, "demanded that Israel ease restrictions" REQUEST; a reporting verb is
   transparent, except that "X said it would ..." is X's commitment or threat and
   "X said Y must ..." X's demand;
3. the actors: subject and object (the agent and subject of a passive), the
   objects of prepositions the type calls for ("aid to", "sanctions on", "talks
   with"), a group's members ("thousands of students"), pronouns through the
   quote stage's speaker resolver, coordinated subjects of an event between equals
   as source and target.

Acts of the main clause (its conjuncts, a reported clause, a participle) are
coded; acts in background clauses (relative clauses, "after ...", "to ..." of
purpose, nouns inside prepositional phrases) only when the main clause has none.
Negation ("did not"), conditions ("if", "unless") and mere openness ("open to")
are flags; "will not accept" and "did not allow" are refusals.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..records import Entity, Event, EventActor, Mention, Paragraph, Quote, Timex
from . import lexicon as L
from .actors import ActorReader

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
BACKGROUND_MARKS = frozenset({"after", "since", "because", "as", "while", "when", "before", "following",
                              "until", "although", "though", "whereas", "once", "where"})
CONDITION_MARKS = frozenset({"if", "unless", "provided", "whether"})
# the headline and the body report events; captions, headings and page chrome do not
CODED_ROLES = frozenset({"title", "body"})
MAX_FRAME_DEPTH = 12   # "said that ... said that ...": deeper nesting is read no further
NOT_WHEN = frozenset({"until", "till", "since", "before", "after", "by", "for", "within", "through", "throughout"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
MUST = frozenset({"must", "should", "ought"})
POSSIBLE = frozenset({"could", "might", "may"})
ACCEPTANCE = frozenset({"accept", "allow", "permit", "approve", "agree", "recognize", "recognise", "let",
                        "admit", "support", "back", "endorse"})
# words after "open"/"opened" that make it a light verb rather than the adjective of readiness
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with", "between", "to", "alongside"), "AGREE": ("with", "to", "between", "on"),
    "SUPPORT": ("to", "with", "for", "of"), "CONCEDE": ("to", "in", "on", "for"),
    "COOPERATE": ("with", "to"), "AID": ("to", "for", "from"), "RETREAT": ("from", "to", "in"),
    "REQUEST": ("from", "by", "to", "of"), "ACCUSE": ("against", "over", "about", "for", "of", "to", "with"),
    "REJECT": ("from", "by", "of", "to", "with"), "THREATEN": ("against", "to", "with", "on", "in"),
    "PROTEST": ("against", "outside", "to", "at", "in"), "SANCTION": ("on", "against", "to", "for", "in", "from", "of"),
    "MOBILIZE": ("in", "to", "against", "near", "along", "on"), "COERCE": ("in", "on", "from", "of", "to"),
    "ASSAULT": ("on", "against", "in", "at", "near", "of", "into"),
}


@dataclass
class Reading:
    """One act read from a predicate: what, by whom, to whom, how sure."""
    type: str
    mode: Optional[str]
    trigger: list[Token]                  # the words that report it
    head: Token                           # the predicate whose clause the act is (for dates, flags)
    source: Optional[Token] = None        # head token of the source phrase
    target: Optional[Token] = None
    negated: bool = False
    hypothetical: bool = False
    clause: list[Token] = field(default_factory=list)   # frame and act heads (dates, places)
    source_kind: str = "subject"          # subject | instrument | inherited


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _child(tok: Token, *deps: str) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") and c.dep_ in ("advmod", "neg")
               for c in tok.children)


def _modals(tok: Token) -> set[str]:
    out = {c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"}
    # "is going to", "has to", "needs to"
    if tok.dep_ == "xcomp" and tok.head.lower_ in ("going", "gon"):
        out.add("will")
    if tok.dep_ == "xcomp" and tok.head.lower_ in ("has", "have", "had", "need", "needs"):
        out.add("must")
    if tok.lower_ in FUTURE | MUST | POSSIBLE and tok.tag_ == "MD":
        out.add(tok.lower_)
    return out


def _condition(tok: Token) -> bool:
    """An "if"/"unless" clause hangs on this predicate."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("unless", "if"):
            return True
    return False


def _subject(v: Token) -> Optional[Token]:
    s = _child(v, *SUBJ)
    if s is not None and s.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
        return v.head
    if s is None and v.dep_ == "relcl" and not _child(v, *PASS_SUBJ):
        return v.head
    return s


def _inherited_subject(v: Token, depth: int = 0) -> Optional[Token]:
    """The subject of a verb that has none of its own: the controller of an
    infinitive, the first of coordinated verbs, the clause a participle belongs to."""
    if depth > 4:
        return None
    s = _subject(v)
    if s is not None:
        return s
    agent = _agent(v)
    if agent is not None:
        return agent
    h = v.head
    if h.i == v.i:
        return None
    if v.dep_ == "acl" and v.tag_ == "VBG" and h.pos_ in ("NOUN", "PROPN") and h.head.i != h.i:
        return _inherited_subject(h.head, depth + 1)   # "issued a declaration demanding ..."
    if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp"):
        if v.dep_ == "xcomp":
            obj = _child(h, *OBJ)
            if obj is not None and L.FRAMES.get(L.verb_lemma(h.text)) in ("request", "call", "allow"):
                return obj     # "ordered the paper to close": the paper closes
        if v.dep_ == "pcomp" and h.dep_ == "prep":
            h = h.head
        return _inherited_subject(h, depth + 1)
    return None


def _agent(v: Token) -> Optional[Token]:
    for c in v.children:
        if c.dep_ == "agent":
            return _child(c, "pobj")
    return None


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp"):
                    out.append((c.lower_, o))
    out.sort(key=lambda po: preps.index(po[0]))
    return out


def _compound_key(tok: Token) -> Optional[str]:
    """'hunger strike', 'air strikes', 'martial law' as one lexicon key."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            key = f"{c.lower_} {tok.lower_}"
            if key in L.NOUNS or key in L.EVENT_NOUNS:
                return key
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and f"{prev.lower_} {tok.lower_}" in L.NOUNS:
        return f"{prev.lower_} {tok.lower_}"
    return None


def noun_key(tok: Token) -> str:
    return _compound_key(tok) or L.noun_lemma(tok.text)


class SentenceReader:
    """Reads the acts of one sentence."""

    def __init__(self, sent: Span, actors: ActorReader):
        self.sent = sent
        self.actors = actors
        self.used: set[int] = set()      # tokens consumed as the act of a frame or light verb
        self._depth = 0

    # ---------------------------------------------------------------- acts of predicates
    def act(self, v: Token, *, embedded: bool = False) -> Optional[Reading]:
        """The act a predicate reports (frames resolved), or None."""
        if self._depth > MAX_FRAME_DEPTH:
            return None            # frames within frames within ...: a pathological parse
        self._depth += 1
        try:
            return self._act(v, embedded)
        finally:
            self._depth -= 1

    def _act(self, v: Token, embedded: bool) -> Optional[Reading]:
        if v.pos_ in ("VERB", "AUX") or v.tag_.startswith("VB"):
            return self._verb(v, embedded)
        if v.pos_ == "ADJ" and v.lower_ in L.FRAME_ADJECTIVES:
            return self._frame(v, L.FRAME_ADJECTIVES[v.lower_], [v])
        if v.pos_ in ("NOUN", "PROPN"):
            return self._noun_act(v)
        return None

    def _verb(self, v: Token, embedded: bool) -> Optional[Reading]:
        lemma = L.verb_lemma(v.text)
        # a verb with its particle or fixed object: "beat up", "opened fire", "pulled out"
        for c in v.children:
            if c.dep_ in ("prt", "prep", "dobj", "advmod", "npadvmod") and (lemma, c.lower_) in L.PHRASAL:
                t, m = L.PHRASAL[(lemma, c.lower_)]
                if c.dep_ == "prep" and lemma in L.LIGHT and _child(v, *OBJ) is not None \
                        and (lemma, c.lower_) not in (("fire", "on"), ("fire", "at")):
                    continue
                if lemma in ("hand", "call", "break", "cut", "shut", "lay") and c.dep_ in ("prt", "prep"):
                    light = self._light(v, lemma, particle=c.lower_)
                    if light is not None:
                        light.trigger.append(c)
                        return light
                if (lemma, c.lower_) == ("go", "on"):
                    pobj = _child(c, "pobj")
                    acts = L.NOUNS.get(noun_key(pobj)) if pobj is not None else None
                    if not acts or "do" not in acts:
                        continue
                    t, m = acts["do"]
                    return self._reading(t, m, [v, c, pobj], v)
                self.used.add(c.i)
                return self._reading(t, m, [v, c], v)
        frame = L.FRAMES.get(lemma)
        if lemma in L.ADMIT_VERBS and _child(v, "ccomp") is not None:
            frame = "report"          # "officials conceded the two sides do not agree": an admission
        if frame == "report" and lemma in L.LIGHT:
            # "declared a ceasefire", "announced sanctions": the object is the act
            r = self._light(v, lemma)
            if r is not None:
                return r
        # "open" is the adjective of readiness only as a predicate adjective
        if frame is not None and not (lemma in L.LIGHT and _child(v, *OBJ) is not None
                                      and frame in ("accept", "allow") and lemma in ("admit",)):
            r = self._frame(v, frame, [v])
            if r is not None:
                return r
        if lemma in L.LIGHT:
            r = self._light(v, lemma)
            if r is not None:
                return r
        if lemma in L.STOP and _child(v, *OBJ) is None:
            subj = _child(v, *SUBJ)
            if subj is not None and L.EVENT_NOUNS.get(noun_key(subj), ("",))[0] == "ASSAULT" or \
                    subj is not None and subj.lower_ in ("hostilities", "fighting", "violence"):
                self.used.add(subj.i)
                return self._reading("RETREAT", "ceasefire", [subj, v], v)   # "hostilities stopped"
        if lemma in L.ACTIONS:
            t, m = L.ACTIONS[lemma]
            if lemma == "strike" and _child(v, *OBJ) is None and not _prep_objects(v, ("on", "against", "at")):
                return self._reading("PROTEST", "strike", [v], v)     # "the union threatened to strike"
            if lemma in L.NEEDS_ACTOR_OBJECT and not self._has_actor_object(v):
                return None
            if lemma in L.ACTOR_OBJECT_IF_ANY and _child(v, *OBJ) is not None and not self._has_actor_object(v):
                return None       # "met the deadline", "visited the museum"
            if lemma == "fight" and _child(v, *OBJ) is None and not _prep_objects(v, ("against", "with")):
                return None
            return self._reading(t, m, [v], v)
        return None

    def _has_actor_object(self, v: Token) -> bool:
        obj = _child(v, *OBJ) or _child(v, *PASS_SUBJ)
        return obj is not None and (self.actors.is_actor(obj) or obj.ent_type_ in ("GPE", "LOC", "FAC"))

    def _reading(self, t: str, m: Optional[str], trigger: list[Token], head: Token) -> Reading:
        return Reading(type=t, mode=m, trigger=trigger, head=head, clause=[head],
                       negated=head.pos_ in ("VERB", "AUX", "ADJ") and _neg(head))

    def _light(self, v: Token, lemma: str, particle: Optional[str] = None) -> Optional[Reading]:
        """A light verb and its object noun: "imposed a curfew", "staged a strike"."""
        how = L.LIGHT.get(lemma, "do")
        if particle:
            how = {"over": "give", "off": "end", "down": "close"}.get(particle, how)
            if (lemma, particle) == ("lay", "down"):
                how = "disarm"
        obj = _child(v, *OBJ) or _child(v, *PASS_SUBJ)
        if obj is None and v.tag_ in ("VBN", "VBD"):
            # a headline's participle: "Curfew lifted in Kabul"
            subj = _child(v, *SUBJ)
            if subj is not None and noun_key(subj) in L.NOUNS and not self.actors.is_actor(subj):
                obj = subj
        if obj is None:
            return None
        key = noun_key(obj)
        if key not in L.NOUNS and key not in L.EVENT_NOUNS:
            # "tons of food aid", "a state of emergency", "ten days of war games"
            for prep, o in _prep_objects(obj, ("of",)):
                if noun_key(o) in L.NOUNS or noun_key(o) in L.EVENT_NOUNS:
                    self.used.add(obj.i)
                    obj, key = o, noun_key(o)
                    break
        if key in L.FRAME_NOUNS and how in ("do", "give", "express", "build"):
            r = self._noun_frame(obj, [v, obj])
            if r is not None:
                return r
        if key in L.END_NOUNS and how in ("do", "give"):
            r = self._end_of(obj, [v, obj])
            if r is not None:
                return r
        if how == "end" and key not in L.NOUNS:
            # "suspends plans to impose curfews": ending a plan of force is a concession
            for c in obj.children:
                if c.dep_ in ("acl", "relcl") and any(x.lower_ == "to" for x in c.children):
                    inner = self.act(c, embedded=True)
                    if inner is not None and inner.type in L.HOSTILE:
                        self.used.update(t.i for t in inner.trigger)
                        return self._reading("CONCEDE", None, [v, obj] + inner.trigger, v)
        acts = L.NOUNS.get(key)
        if acts is None and key in L.EVENT_NOUNS and how in ("do", "end", "cut"):
            acts = {"do": L.EVENT_NOUNS[key], "end": ("CONCEDE", None)}   # "resume shelling", "halt attacks"
        if how == "disarm":
            return self._reading("RETREAT", "disarm", [v, obj], v)
        if not acts:
            return None
        act = acts.get(how)
        if act is None and how in ("do", "give", "build", "reach", "sign", "deploy", "express", "share",
                                   "observe", "allow", "test"):
            act = acts.get("do") if how in ("do", "build", "express", "allow") else None
        if act is None and how in ("cut", "ease"):
            act = acts.get("end")
        if act is None:
            return None
        t, m = act
        if t == "MOBILIZE" and m is None and (self._joint(obj) or _prep_objects(
                v, ("with",)) or (_subject(v) is not None and any(c.dep_ == "conj" for c in _subject(v).children))):
            t = "COOPERATE"
        elif t == "MOBILIZE" and m is None:
            m = "troops"
        self.used.add(obj.i)
        r = self._reading(t, m, [v, obj], v)
        r.clause.append(obj)
        return r

    @staticmethod
    def _joint(n: Token) -> bool:
        """'joint exercises', 'French and Egyptian warships ... exercises'"""
        return any(w.lower_ in ("joint", "combined", "bilateral") for w in n.subtree)

    def _noun_act(self, n: Token) -> Optional[Reading]:
        key = noun_key(n)
        if key in L.HAPPEN_NOUNS and n.dep_ in SUBJ and L.verb_lemma(n.head.text) in L.HAPPEN:
            t, m = L.HAPPEN_NOUNS[key]
            return Reading(type=t, mode=m, trigger=[n, n.head], head=n, clause=[n, n.head])
        if key in L.END_NOUNS:
            r = self._end_of(n, [n])
            if r is not None:
                return r
        if key in L.FRAME_NOUNS:
            r = self._noun_frame(n, [n])
            if r is not None:
                return r
        act = L.EVENT_NOUNS.get(key)
        if act is None:
            return None
        t, m = act
        if t == "MOBILIZE" and self._joint(n):
            t = "COOPERATE"
        return Reading(type=t, mode=m, trigger=[n], head=n, clause=[n])

    def _of_act(self, n: Token) -> Optional[Reading]:
        """The act named by a noun's complement: 'of attacks', 'to ease restrictions'."""
        for c in n.children:
            if c.dep_ in ("acl", "relcl") and any(x.lower_ == "to" for x in c.children) or c.dep_ in (
                    "ccomp", "acl") and any(x.lower_ == "that" for x in c.children):
                r = self.act(c, embedded=True)
                if r is not None:
                    return r
            if c.dep_ == "prep" and c.lower_ in ("of", "to", "for", "on"):
                for o in c.children:
                    if o.dep_ in ("pobj", "pcomp"):
                        r = self.act(o, embedded=True)
                        if r is not None:
                            return r
                        acts = L.NOUNS.get(noun_key(o))
                        if acts and "do" in acts:
                            return Reading(type=acts["do"][0], mode=acts["do"][1], trigger=[o], head=o, clause=[o])
        return None

    def _end_of(self, n: Token, trigger: list[Token]) -> Optional[Reading]:
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                o = _child(c, "pobj")
                acts = L.NOUNS.get(noun_key(o)) if o is not None else None
                if acts and "end" in acts:
                    t, m = acts["end"]
                    self.used.add(o.i)
                    return Reading(type=t, mode=m, trigger=trigger + [o], head=n, clause=[*trigger, o])
        return None

    def _noun_frame(self, n: Token, trigger: list[Token]) -> Optional[Reading]:
        """'a commitment to ease restrictions', 'the possibility of bans', 'a threat to expel'."""
        kind = L.FRAME_NOUNS[noun_key(n)]
        emb = self._of_act(n)
        if emb is None:
            return None
        self.used.update(t.i for t in emb.trigger)
        et = emb.type
        if kind == "possible":
            if et not in L.HOSTILE:
                return None
            t = "THREATEN"
        elif kind == "threat":
            t = "THREATEN"
        elif kind == "request":
            t = "REQUEST"
        elif kind == "refuse":
            t = "REJECT"
        else:
            t = "THREATEN" if et in L.HOSTILE else ("CONCEDE" if et == "CONCEDE" else "AGREE")
        mode = (L.THREAT_MODE_OF_MODE.get(emb.mode or "") or L.THREAT_MODES.get(et)) if t == "THREATEN" else (
            L.ASK_MODES.get(et) if t in ("REQUEST", "REJECT") else None)
        r = Reading(type=t, mode=mode, trigger=trigger + emb.trigger, head=trigger[0], clause=[*trigger, *emb.clause])
        r.target = emb.target
        return r

    # ---------------------------------------------------------------- frames
    def embedded(self, v: Token) -> tuple[Optional[Reading], Optional[Token]]:
        """The act a frame governs, and its head token."""
        cands: list[Token] = []
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp"):
                cands.append(c)
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "on", "for", "of", "about", "against", "upon", "in"):
                for o in c.children:
                    if o.dep_ in ("pcomp", "pobj"):
                        cands.append(o)
        for c in v.children:
            if c.dep_ in OBJ + PASS_SUBJ:
                cands.append(c)
                # "demanded the withdrawal of troops", "an appeal ... to lay down"
                for cc in c.children:
                    if cc.dep_ in ("acl", "relcl") and any(x.lower_ == "to" for x in cc.children):
                        cands.append(cc)
        for c in v.children:
            if c.dep_ == "advcl" and not any(m.dep_ == "mark" for m in c.children) and c.tag_ == "VBG":
                cands.append(c)
        for c in cands:
            if c.dep_ == "ccomp" and c.pos_ == "AUX" and _child(c, "acomp"):
                adj = _child(c, "acomp")
                if adj.lower_ in L.FRAME_ADJECTIVES:
                    r = self._frame(adj, L.FRAME_ADJECTIVES[adj.lower_], [adj])
                    if r is not None:
                        return r, adj
            r = self.act(c, embedded=True)
            if r is not None:
                return r, c
        return None, None

    def _frame(self, v: Token, frame: str, trigger: list[Token]) -> Optional[Reading]:
        emb, emb_head = self.embedded(v)
        neg = _neg(v)
        lemma = L.verb_lemma(v.text)
        if emb is not None:
            self.used.update(t.i for t in emb.trigger)
        r: Optional[Reading] = None
        et = emb.type if emb else None
        if frame == "report":
            if emb is None or emb_head is None:
                return self._demand_without_act(v)
            return self._reported(v, emb, emb_head)
        if frame == "commit" and lemma == "agree" and _child(v, "ccomp") is not None and _child(v, "xcomp") is None \
                and not _prep_objects(v, ("to", "on", "upon")):
            return None        # "I agree with him that the talks went well": an opinion
        if frame == "commit":
            if emb is None and lemma not in ("agree", "promise", "pledge", "vow", "offer", "consent", "guarantee"):
                if v.pos_ == "ADJ":
                    return None
                return None
            if emb is None:
                r = self._reading("AGREE", None, trigger, v)
            elif et in L.HOSTILE:
                mode = L.THREAT_MODE_OF_MODE.get(emb.mode or "") or L.THREAT_MODES.get(et)
                r = self._reading("THREATEN", mode, trigger + emb.trigger, v)
            elif et in ("REJECT", "REQUEST", "ACCUSE"):
                r = replace(emb, trigger=trigger + emb.trigger)
            elif et == "CONCEDE" or emb.head.pos_ == "NOUN" and L.noun_lemma(emb.head.text) in (
                    "demands", "demand"):
                # a promise of a concession is a concession (PLOVER): "agreed to lift the curfew"
                r = self._reading("CONCEDE", None, trigger + emb.trigger, v)
            else:
                r = self._reading("AGREE", None, trigger + emb.trigger, v)
                if emb.negated and emb.head.lower_ and et in L.COOPERATIVE:
                    r.type = "REJECT"
        elif frame == "threat":
            mode = None
            if emb is not None:
                mode = L.THREAT_MODE_OF_MODE.get(emb.mode or "") or L.THREAT_MODES.get(et)
                if et in ("RETREAT", "AID", "COOPERATE", "CONSULT", "SUPPORT"):
                    mode = "relations" if et in ("CONSULT", "SUPPORT", "COOPERATE") else None
            elif lemma == "warn" and not (_prep_objects(v, ("of", "against", "about")) or _child(v, "ccomp")):
                return None
            r = self._reading("THREATEN", mode, trigger + (emb.trigger if emb else []), v)
        elif frame == "refuse":
            if emb is None and lemma in ("deny", "dismiss", "resist", "oppose") and not self._object_is_proposal(v):
                if lemma in ("deny", "dismiss"):
                    return None
            r = self._reading("REJECT", L.ASK_MODES.get(et or ""), trigger + (emb.trigger if emb else []), v)
        elif frame in ("request", "call"):
            if frame == "call" and emb is None and not _prep_objects(v, ("for", "on")):
                return None
            if emb is None and lemma in ("ask", "seek", "press", "push", "insist", "pressure") \
                    and not self._object_is_request(v):
                return None
            if emb is not None and et in ("SANCTION", "COERCE", "ASSAULT", "PROTEST") and emb.target is not None \
                    or emb is not None and et == "SANCTION" and _prep_objects(emb.head, ("against", "on")):
                r = self._reading("ACCUSE", "disapprove", trigger + emb.trigger, v)
                r.target = emb.target or self._first_actor(_prep_objects(emb.head, ("against", "on")))
            else:
                r = self._reading("REQUEST", L.ASK_MODES.get(et or ""), trigger + (emb.trigger if emb else []), v)
        elif frame == "accept":
            obj = _child(v, *OBJ)
            if obj is not None and L.noun_lemma(obj.text) in ("demands", "demand", "calls", "conditions", "terms",
                                                                "ultimatum"):
                r = self._reading("CONCEDE", None, trigger + [obj], v)
            else:
                r = self._reading("AGREE", None, trigger + (emb.trigger if emb else []), v)
            if neg:
                r.type, r.negated, neg = "REJECT", False, False
        elif frame == "allow":
            if emb is None and _child(v, *OBJ) is None:
                return None
            future = bool(_modals(v) & FUTURE) or v.dep_ == "xcomp"
            r = self._reading("AGREE" if future else "RETREAT", None if future else "access",
                              trigger + (emb.trigger if emb else []), v)
            if neg:
                r.type, r.mode, r.negated, neg = "REJECT", None, False, False
        elif frame == "order":
            if emb is None:
                return None
            r = replace(emb, trigger=trigger + emb.trigger, head=v)
            obj = _child(v, *OBJ)
            if obj is not None and self.actors.is_actor(obj):
                r.target = self._group_member(obj)
        elif frame == "prepare":
            if emb is None:
                return None
            if et == "ASSAULT":
                r = self._reading("MOBILIZE", "weapons" if emb.mode == "heavy-weapons" else "troops",
                                  trigger + emb.trigger, v)
            elif et in L.HOSTILE:
                r = self._reading("THREATEN", L.THREAT_MODE_OF_MODE.get(emb.mode or "") or L.THREAT_MODES.get(et),
                                  trigger + emb.trigger, v)
            else:
                r = self._reading("AGREE", None, trigger + emb.trigger, v)
        elif frame == "open":
            if emb is None:
                return None
            r = replace(emb, hypothetical=True)
            r.trigger = trigger + emb.trigger
            r.clause = [v, *emb.clause]
            r.head = v
            self._actors_from_embedded(r, emb)
            return r
        if r is None:
            return None
        r.clause = [v] + (emb.clause if emb else [])
        if neg:
            r.negated = True
        if emb is not None:
            self._actors_from_embedded(r, emb)
        return r

    def _actors_from_embedded(self, r: Reading, emb: Reading) -> None:
        frame = r.clause[0] if r.clause else r.head
        if r.target is None and r.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT") and frame.pos_ != "NOUN":
            obj = _child(frame, *OBJ)
            if obj is not None and obj.i not in self.used and self.actors.is_actor(obj) and obj.lower_ not in (
                    "it", "this", "that"):
                r.target = self._group_member(obj)
            elif r.type == "REQUEST" and emb.head.dep_ == "ccomp" and _subject(emb.head) is not None \
                    and self.actors.is_actor(_subject(emb.head)):
                r.target = _subject(emb.head)      # "demanded that the US cancel ..."
        if r.target is None:
            r.target = emb.target or self._target_of(emb)
        if r.target is None:
            r.target = self._deep_target(frame)
        if emb.hypothetical:
            r.hypothetical = True

    def _object_is_request(self, v: Token) -> bool:
        obj = _child(v, *OBJ)
        return obj is not None and (L.noun_lemma(obj.text) in L.EVENT_NOUNS or obj.lower_ in (
            "withdrawal", "release", "resignation", "support", "help", "aid", "assistance", "autonomy",
            "independence", "truce", "ceasefire", "apology", "admission", "explanation", "compensation"))

    def _object_is_proposal(self, v: Token) -> bool:
        obj = _child(v, *OBJ)
        return obj is not None and L.noun_lemma(obj.text) in L.NOUNS

    def _demand_without_act(self, v: Token) -> Optional[Reading]:
        """'X declared that China must drop its barriers': a demand, whatever is demanded."""
        speaker = _subject(v) or _agent(v)
        for c in v.children:
            if c.dep_ == "ccomp":
                subj = _subject(c)
                if _modals(c) & MUST and subj is not None and speaker is not None and self.actors.is_actor(subj) \
                        and not self.actors.same(subj, speaker):
                    r = self._reading("REQUEST", None, [v, *[m for m in c.children if m.lower_ in MUST]], v)
                    r.source, r.target, r.clause = speaker, subj, [v, c]
                    return r
        return None

    def _reported(self, v: Token, emb: Reading, emb_head: Token) -> Optional[Reading]:
        """'X said it would ...' (a commitment), 'X said Y must ...' (a demand), or the
        reported act itself."""
        speaker = _subject(v) or _agent(v)
        if emb.type in L.VERBAL and emb.head.i != emb_head.i and emb.type != "CONSULT":
            return emb      # the reported clause holds its own frame: "said it was prepared to ..."
        clause = emb.head
        modals = _modals(clause) | (_modals(clause.head) if clause.dep_ == "xcomp" else set())
        subj = _subject(clause)
        if modals & MUST and subj is not None and not self.actors.same(subj, speaker):
            r = self._reading("REQUEST", L.ASK_MODES.get(emb.type), [v] + emb.trigger, v)
            r.source, r.target, r.clause = speaker, subj, [v, *emb.clause]
            return r
        if modals & FUTURE and (subj is None or self.actors.same(subj, speaker)) and emb.type in (
                L.COOPERATIVE | L.HOSTILE) and emb.type not in ("THREATEN",):
            cond = _condition(clause) or emb.hypothetical
            if emb.negated and emb.type in L.COOPERATIVE:
                r = self._reading("REJECT", L.ASK_MODES.get(emb.type), [v] + emb.trigger, v)
            elif emb.negated and emb.type in L.HOSTILE:
                r = self._reading("CONCEDE", None, [v] + emb.trigger, v)   # "police will not beat protesters"
            elif emb.type in L.HOSTILE or cond and emb.type == "RETREAT":
                mode = L.THREAT_MODE_OF_MODE.get(emb.mode or "") or L.THREAT_MODES.get(emb.type)
                r = self._reading("THREATEN", mode, [v] + emb.trigger, v)
                if emb.type == "RETREAT":
                    r.mode = "relations"
            else:
                r = self._reading("AGREE", None, [v] + emb.trigger, v)
            r.source, r.clause = speaker, [v, *emb.clause]
            r.target = emb.target or self._target_of(emb)
            return r
        return emb

    # ---------------------------------------------------------------- actors of a reading
    def _deep_target(self, v: Token) -> Optional[Token]:
        """The first actor after 'to', 'against', 'from', 'on', 'with' anywhere in the
        clauses a frame governs ("threatened to deliver blows to the United States")."""
        for t in v.subtree:
            if t.i <= v.i or t.dep_ != "prep" or t.lower_ not in ("to", "against", "from", "on", "with", "by"):
                continue
            anc, ok = t.head, True
            while anc.i != v.i and anc.head.i != anc.i:
                if anc.dep_ in ("relcl", "appos") or anc.dep_ in SUBJ:
                    ok = False
                    break
                anc = anc.head
            if not ok:
                continue
            o = _child(t, "pobj")
            if o is not None and o.pos_ != "PRON" and (self.actors.is_actor(o) or o.ent_type_ in ("GPE", "NORP")):
                return self._group_member(o)
            if o is not None:
                for c in o.children:
                    if c.dep_ == "poss" and c.pos_ != "PRON" and (self.actors.is_actor(c) or c.ent_type_):
                        return c
        return None

    def _first_actor(self, pos: list[tuple[str, Token]]) -> Optional[Token]:
        for _, o in pos:
            if self.actors.is_actor(o) or o.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "PERSON"):
                return o
        return None

    def _target_of(self, r: Reading) -> Optional[Token]:
        """The target of an act: its object, the objects of the prepositions its type
        takes, an actor named inside an object noun."""
        h = r.head
        preps = TARGET_PREPS.get(r.type, ("to", "against", "on", "with"))
        if h.pos_ in ("NOUN", "PROPN"):
            return self._noun_target(h, preps)
        heads = [t for t in r.clause if t.pos_ in ("VERB", "AUX", "ADJ") or t.tag_.startswith("VB")] or [h]
        obj = None
        for v in reversed(heads):
            obj = _child(v, *OBJ)
            if v.dep_ != "relcl" and _child(v, *PASS_SUBJ) is not None and obj is None:
                obj = _child(v, *PASS_SUBJ)
            if obj is not None:
                break
        verb = next((v for v in reversed(heads) if _child(v, *OBJ) is not None), heads[-1])
        objects_used = obj is not None and obj.i in self.used or obj is not None and noun_key(obj) in L.NOUNS
        if obj is not None and obj.pos_ != "PRON" and self.actors.is_actor(obj) and not objects_used:
            return self._group_member(obj)
        if obj is not None and obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that", "them"):
            return obj
        # the object noun's own actors: "aid to Bosnia", "a curfew in Montenegro", "Israeli homes"
        if obj is not None:
            inner = self._noun_target(obj, preps, allow_self=not objects_used)
            if inner is not None:
                return inner
        for v in reversed(heads):
            t = self._first_actor(_prep_objects(v, preps))
            if t is not None:
                return self._group_member(t)
        if obj is not None and r.type in ("ASSAULT", "COERCE") and not objects_used:
            return obj
        if obj is not None and obj.pos_ == "PRON" and obj.lower_ == "them":
            return obj
        return None

    def _noun_target(self, n: Token, preps: tuple[str, ...], allow_self: bool = False) -> Optional[Token]:
        t = self._first_actor(_prep_objects(n, ("of",) + preps + ("by", "from", "in", "for", "on")))
        if t is not None:
            return self._group_member(t)
        for c in n.children:
            if c.dep_ == "poss" and c.pos_ != "PRON" and (self.actors.is_actor(c) or c.ent_type_):
                return c
        for c in n.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
                return c
        if allow_self and self.actors.is_actor(n):
            return self._group_member(n)
        return None

    def _group_member(self, tok: Token) -> Token:
        """'thousands of students' -> 'students' when the head is a quantity."""
        if tok.lower_ in L.GROUP_HEADS or tok.pos_ == "NUM":
            for prep, o in _prep_objects(tok, ("of",)):
                return o
        return tok

    def source_of(self, r: Reading) -> Optional[Token]:
        if r.source is not None:
            return r.source
        h = r.head
        if h.pos_ in ("NOUN", "PROPN"):
            for c in h.children:
                if c.dep_ == "poss":
                    return c
            for prep, o in _prep_objects(h, ("by", "between", "from")):
                return o
            for c in h.children:
                if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") and not (
                        c.ent_type_ == "GPE" and r.type == "CONSULT"):
                    return c
            return None
        frame = r.clause[0] if r.clause else h
        agent = _agent(frame)
        subj = _subject(frame)
        if agent is not None:
            return agent
        if subj is None and _child(frame, *PASS_SUBJ) is not None:
            # a passive with no agent: the means, if one is named ("killed in a car bomb explosion")
            for prep, o in _prep_objects(frame, ("by", "in", "with")):
                if o.lower_ in L.ASSAULT_MODES or noun_key(o) in L.EVENT_NOUNS or any(
                        c.lower_ in L.ASSAULT_MODES for c in o.children):
                    r.source_kind = "instrument"
                    return o
            return None
        if subj is None:
            subj = _inherited_subject(frame)
            r.source_kind = "inherited"
        if subj is None and frame.dep_ == "ROOT":
            # a parse that hung the subject elsewhere ("..., Trump and Kim signed"): the names
            # right before the verb
            doc = self.sent.doc
            k = frame.i - 1
            while k >= self.sent.start and doc[k].pos_ in ("ADV", "AUX", "PART"):
                k -= 1
            prev = doc[k] if k >= 0 else None
            # the parse may also cut a paragraph's first name off as a sentence of its own
            fragment = prev is not None and k < self.sent.start and prev.dep_ == "ROOT" and prev.n_lefts + \
                prev.n_rights <= 2 and prev.sent.end - prev.sent.start <= 3
            if prev is not None and (k >= self.sent.start and prev.pos_ == "PROPN" or fragment and prev.pos_ in (
                    "PROPN", "NOUN")) and self.actors.is_actor(prev):
                while prev.dep_ == "conj" and prev.head.pos_ == "PROPN" and prev.head.ent_type_ == prev.ent_type_:
                    prev = prev.head
                subj = prev
        if subj is not None:
            return self._group_member(subj)
        return None

    def target_of(self, r: Reading) -> Optional[Token]:
        if r.target is not None:
            return r.target
        frame = r.clause[0] if r.clause else r.head
        if frame.pos_ not in ("NOUN", "PROPN") and _child(frame, *PASS_SUBJ) is not None and _agent(frame) is not None:
            return self._group_member(_child(frame, *PASS_SUBJ))
        if frame.pos_ not in ("NOUN", "PROPN") and _child(frame, *PASS_SUBJ) is not None and _subject(frame) is None:
            subj = _child(frame, *PASS_SUBJ)
            if subj.i not in self.used:
                return self._group_member(subj)
        t = self._target_of(r)
        if t is None and r.type in ("PROTEST", "THREATEN", "REQUEST", "REJECT", "ACCUSE") and frame.pos_ != "NOUN":
            t = self._deep_target(frame)
        if t is None and r.type == "THREATEN":
            # "warning of consequences if Washington does not change": the one warned
            for v in r.clause:
                for c in v.children:
                    if c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children):
                        s = _subject(c)
                        if s is not None:
                            return s
        return t


# -------------------------------------------------------------------- the sentence walk

def _child_level(c: Token, level: int) -> int:
    """How far from the sentence's main clause a dependent's acts are."""
    d = c.dep_
    if d in ("conj", "ccomp", "xcomp", "parataxis", "ROOT"):
        return level
    if d in SUBJ and L.verb_lemma(c.head.text) in L.HAPPEN and noun_key(c) in L.EVENT_NOUNS:
        return level              # "riots broke out", "a ceasefire began"
    if d == "advcl":
        marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "advmod") and m.i < c.i}
        if marks & BACKGROUND_MARKS or marks & CONDITION_MARKS:
            return level + 1
        if any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            return level + 1      # "to disperse the crowd": purpose
        return level              # a participle: "..., killing 20 people"
    return level + 1


def read_sentence(sent: Span, actors: ActorReader) -> list[tuple[int, Reading]]:
    reader = SentenceReader(sent, actors)
    found: list[tuple[int, Reading]] = []

    def walk(tok: Token, level: int, depth: int = 0) -> None:
        if depth > 40:
            return
        if tok.i not in reader.used:
            r = reader.act(tok)
            if r is not None:
                reader.used.update(t.i for t in r.trigger)
                found.append((level, r))
        for c in tok.children:
            walk(c, _child_level(c, level), depth + 1)

    walk(sent.root, 0)
    return [(lvl, r) for lvl, r in found if r.trigger and r.trigger[0].i not in
            {t.i for _, o in found if o is not r for t in o.trigger[1:]}]


def headline_readings(sent: Span, actors: ActorReader) -> list[tuple[int, Reading]]:
    """A headline in title case parses badly ("Rebels Quit Peace Talks"): read its
    words in order instead. A known verb form is the act (a frame takes the act after
    "to"), a known event noun after a light verb its object; the nearest actor on
    the left is the source, on the right the target."""
    toks = [t for t in sent if not t.is_punct]
    out: list[tuple[int, Reading]] = []

    def actor_near(i: int, step: int) -> Optional[Token]:
        j = i + step
        while 0 <= j < len(toks):
            t = toks[j]
            if actors.entity_of(t) or t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.lower_ in L.ACTOR_NOUNS:
                # the head of a run of name words
                while step < 0 and j + 1 < len(toks) and j + 1 < i and (actors.entity_of(toks[j + 1]) or
                                                                       toks[j + 1].ent_type_):
                    j += 1
                return toks[j]
            j += step
        return None

    def act_at(i: int) -> Optional[tuple[str, Optional[str], list[Token]]]:
        t = toks[i]
        lemma = L.VERB_FORMS.get(t.lower_)
        if lemma is None:
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and (lemma, nxt.lower_) in L.PHRASAL:
            tp, m = L.PHRASAL[(lemma, nxt.lower_)]
            return tp, m, [t, nxt]
        if lemma in L.HAPPEN and i > 0 and toks[i - 1].lower_ in L.HAPPEN_NOUNS:
            tp, m = L.HAPPEN_NOUNS[toks[i - 1].lower_]
            return tp, m, [toks[i - 1], t]
        if lemma in L.LIGHT:
            how = L.LIGHT[lemma]
            back = range(i - 1, max(-1, i - 3), -1) if t.lower_.endswith("ed") else range(0)
            for k in [*range(i + 1, min(i + 5, len(toks))), *back]:
                key = f"{toks[k - 1].lower_} {toks[k].lower_}"
                acts = L.NOUNS.get(key) or L.NOUNS.get(L.noun_lemma(toks[k].text))
                if acts:
                    act = acts.get(how) or (acts.get("do") if how in ("do", "build", "express") else None) or (
                        acts.get("end") if how in ("cut", "ease") else None)
                    if act:
                        return act[0], act[1], [t, toks[k]]
        frame = L.FRAMES.get(lemma)
        if frame in ("commit", "threat", "refuse", "request") and nxt is not None:
            k = i + 2 if nxt.lower_ == "to" else i + 1
            inner = act_at(k) if k < len(toks) else None
            if inner is not None:
                it, im, itr = inner
                if frame == "threat" or frame == "commit" and it in L.HOSTILE:
                    return "THREATEN", L.THREAT_MODE_OF_MODE.get(im or "") or L.THREAT_MODES.get(it), [t, *itr]
                if frame == "refuse":
                    return "REJECT", L.ASK_MODES.get(it), [t, *itr]
                if frame == "request":
                    return "REQUEST", L.ASK_MODES.get(it), [t, *itr]
                if it == "CONCEDE" or lemma in ("promise", "pledge"):
                    return ("CONCEDE" if it == "CONCEDE" else "AGREE"), None, [t, *itr]
                return "AGREE", None, [t, *itr]
        if lemma in L.ACTIONS:
            tp, m = L.ACTIONS[lemma]
            return tp, m, [t]
        return None

    def noun_at(i: int) -> Optional[tuple[str, Optional[str], list[Token]]]:
        t = toks[i]
        for key, trig in (((f"{toks[i - 1].lower_} {t.lower_}"), [toks[i - 1], t]) if i > 0 else ("", []),
                          (L.noun_lemma(t.text), [t])):
            act = L.EVENT_NOUNS.get(key) or (L.NOUNS.get(key) or {}).get("do") if key else None
            if act and key not in L._NOT_EVENTS and key not in ("talks", "meeting", "deal"):
                return act[0], act[1], trig
        return None

    i = 0
    while i < len(toks):
        hit = act_at(i) if i > 0 else None
        if hit is not None:
            tp, m, trig = hit
            r = Reading(type=tp, mode=m, trigger=trig, head=trig[0], clause=list(trig))
            r.source = actor_near(i, -1)
            r.target = actor_near(max(toks.index(x) for x in trig), 1)
            out.append((0, r))
            i = max(i + 1, max(toks.index(x) for x in trig) + 1)
            continue
        i += 1
    if not out:
        for i in range(len(toks)):
            hit = noun_at(i)
            if hit is not None:
                tp, m, trig = hit
                r = Reading(type=tp, mode=m, trigger=trig, head=trig[-1], clause=list(trig))
                r.source = actor_near(toks.index(trig[0]), -1)
                r.target = actor_near(i, 1)
                out.append((0, r))
                break
    return out


def _assault_mode(words: list[str], bigrams: list[str]) -> Optional[str]:
    seen = {L.ASSAULT_MODES[w] for w in words + bigrams if w in L.ASSAULT_MODES}
    for m in L.ASSAULT_MODE_ORDER:
        if m in seen:
            return m
    return None


def _protest_mode(words: list[str]) -> Optional[str]:
    seen = {L.PROTEST_MODES[w] for w in words if w in L.PROTEST_MODES}
    for m in L.PROTEST_MODE_ORDER:
        if m in seen:
            return m
    return None


class _Document:
    def __init__(self, doc: Doc, entities: list[Entity], quotes: list[Quote], timexes: list[Timex],
                 paragraphs: list[Paragraph]):
        from ..quotes.speakers import SpeakerResolver

        self.doc = doc
        self.quotes = quotes
        self.paragraphs = paragraphs
        self.starts = [t.idx for t in doc]
        quoted: set[int] = set()
        speaker_of: dict[int, object] = {}
        for q in quotes:
            lo, hi = self.tok_range(q.start, q.end)
            quoted.update(range(lo, hi))
            if q.speaker is not None:
                for i in range(lo, hi):
                    speaker_of.setdefault(i, q.speaker)
        resolver = SpeakerResolver(doc, entities, quoted)
        self.actors = ActorReader(doc, entities, resolver, speaker_of)
        self.timexes = [t for t in timexes if t.type in ("DATE", "TIME")]
        self.timex_heads: list[tuple[Token, Timex]] = []
        for t in self.timexes:
            lo, hi = self.tok_range(t.start, t.end)
            toks = [doc[i] for i in range(lo, hi)]
            head = next((x for x in toks if not (lo <= x.head.i < hi) or x.head.i == x.i), None)
            if head is not None:
                self.timex_heads.append((head, t))

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        lo = max(0, bisect_right(self.starts, start) - 1)
        if lo < len(self.doc) and self.doc[lo].idx + len(self.doc[lo].text) <= start:
            lo += 1
        hi = bisect_left(self.starts, end)
        return lo, max(lo, hi)

    def body_sentences(self):
        spans = [(p.start, p.end) for p in self.paragraphs if p.role in CODED_ROLES]
        if not self.paragraphs:
            spans = [(0, len(self.doc.text))]
        roles = [p.role for p in self.paragraphs if p.role in CODED_ROLES] or ["body"]
        for sent in self.doc.sents:
            mid = sent.start_char
            for (s, e), role in zip(spans, roles):
                if s <= mid < e:
                    yield sent, role
                    break

    # -------------------------------------------------------------- dates, places, quotes
    def date_of(self, r: Reading) -> Optional[str]:
        clause = {t.i for t in r.clause} | {t.i for t in r.trigger}
        if r.head.dep_ == "advcl" and r.head.tag_ == "VBG":
            clause.add(r.head.head.i)         # "Speaking alongside X, Trump on Thursday said ..."
        best = None
        for head, tx in self.timex_heads:
            x, steps = head, 0
            while steps < 6 and x.i not in clause and x.head.i != x.i:
                if x.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj") and x.pos_ in ("VERB", "AUX"):
                    break
                if x.dep_ == "prep" and x.lower_ in NOT_WHEN:
                    break     # "until the end of the year" is a deadline, not when it happened
                x, steps = x.head, steps + 1
            if x.i in clause:
                if best is None or len(tx.value) > len(best.value):
                    best = tx
        return best.value if best else None

    def location_of(self, r: Reading, taken: set[int]) -> Optional[EventActor]:
        for v in [*r.clause, *r.trigger]:
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "inside", "across", "throughout"):
                    o = _child(c, "pobj")
                    if o is not None and o.ent_type_ not in ("GPE", "LOC", "FAC"):
                        o = next((x for _, x in _prep_objects(o, ("of",)) if x.ent_type_ in ("GPE", "LOC", "FAC")), o)
                    if o is not None and o.i not in taken and o.ent_type_ in ("GPE", "LOC", "FAC"):
                        return self.actors.actor(o)
                if c.dep_ == "compound" and v.pos_ == "NOUN" and c.ent_type_ in ("GPE", "LOC", "FAC") \
                        and c.i not in taken:
                    return self.actors.actor(c)
        return None

    def quote_of(self, r: Reading) -> Optional[int]:
        if r.type not in L.VERBAL:
            return None
        chars = [t.idx for t in r.trigger]
        for k, q in enumerate(self.quotes):
            if q.cue is not None and any(q.cue.start <= c < q.cue.end for c in chars):
                return k
        for k, q in enumerate(self.quotes):
            if chars and q.start <= chars[0] < q.end:
                return k
        return None


def _trigger_mention(doc: Doc, toks: list[Token]) -> Mention:
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    first = toks[0]
    if toks[-1].i - first.i <= 4:
        last = toks[-1]
    else:
        last = first
        for t in toks[1:]:
            if t.i - last.i <= 2:
                last = t
            else:
                break
    start, end = first.idx, last.idx + len(last.text)
    return Mention(doc.text[start:end], start, end)


def extract_events(doc: Doc, entities: list[Entity], quotes: list[Quote], timexes: list[Timex],
                   paragraphs: list[Paragraph]) -> list[Event]:
    """The PLOVER events reported in the body of a parsed article."""
    d = _Document(doc, entities, quotes, timexes, paragraphs)
    events: list[Event] = []
    for sent, role in d.body_sentences():
        if role == "title" and sum(t.text[:1].isupper() for t in sent) > len(sent) * 0.6:
            found = headline_readings(sent, d.actors)   # a title-case headline: the parse is no guide
        else:
            found = read_sentence(sent, d.actors)
        if not found:
            continue
        readings = []
        main = [r for lvl, r in found if lvl == 0]
        for r in main or [r for lvl, r in found]:
            readings.append((r, bool(main)))
        words = [t.lower_ for t in sent]
        bigrams = [f"{a}_{b}" for a, b in zip(words, words[1:])]
        protests = [r for r, _ in readings if r.type == "PROTEST"]
        seen: set[tuple] = set()
        for r, is_main in readings:
            # a protest's demand or complaint is the protest (PLOVER)
            if r.type in ("REQUEST", "ACCUSE") and any(p is not r and p.head.i != r.head.i and
                                                        r.head.dep_ == "advcl" for p in protests):
                continue
            sr = SentenceReader(sent, d.actors)
            src_tok = sr.source_of(r)
            tgt_tok = sr.target_of(r)
            if src_tok is not None and tgt_tok is not None and src_tok.i == tgt_tok.i:
                tgt_tok = None
            place = None
            if src_tok is None and tgt_tok is None:
                # "the talks", "an attack": no one named, nothing coded; unless the main
                # clause reports it happening somewhere ("riots broke out across the capital")
                place = d.location_of(r, set()) if is_main and r.head.dep_ in SUBJ else None
                if place is None:
                    continue
            # "X and Y agreed": an event between equals, one on each side
            if src_tok is not None and tgt_tok is None and r.type in L.SYMMETRIC:
                conj = next((c for c in src_tok.children if c.dep_ == "conj"), None)
                if conj is None and src_tok.i >= 2 and doc[src_tok.i - 1].dep_ == "cc" \
                        and doc[src_tok.i - 2].dep_ == "ROOT" and doc[src_tok.i - 2].pos_ == "PROPN":
                    conj = doc[src_tok.i - 2]
                if conj is not None and d.actors.is_actor(conj):
                    tgt_tok = conj
            if src_tok is not None and r.head.pos_ in ("NOUN", "PROPN") and tgt_tok is None and r.type in L.SYMMETRIC:
                # "the Trump-Kim summit": two named modifiers
                named = [c for c in r.head.children if c.dep_ in ("compound", "amod", "nmod") and c.i != src_tok.i
                         and c.ent_type_ not in ("GPE", "LOC", "FAC")
                         and (c.ent_type_ in ("PERSON", "ORG", "NORP") or d.actors.entity_of(c))]
                if named:
                    tgt_tok = named[0]
            source, target = d.actors.actor(src_tok), d.actors.actor(tgt_tok)
            mode = r.mode
            if r.type == "ASSAULT" and mode is None:
                mode = _assault_mode(words, bigrams)
            elif r.type == "PROTEST" and mode in (None, "demo"):
                mode = _protest_mode(words) or mode
            taken = {t.i for t in (src_tok, tgt_tok) if t is not None}
            key = (r.type, source.text if source else None, target.text if target else None)
            if key in seen:
                continue
            seen.add(key)
            context = sorted({L.CONTEXTS[w] for w in words if w in L.CONTEXTS} |
                             {c for p, c in L.CONTEXT_PHRASES.items() if p in sent.text.lower()})
            hypothetical = r.hypothetical or any(_condition(v) for v in r.clause) or any(
                m in POSSIBLE for v in r.clause for m in _modals(v))
            negated = r.negated or (r.head.pos_ != "NOUN" and _neg(r.head) and r.type not in ("REJECT",))
            r_type = r.type
            future = r.head.pos_ in ("VERB", "AUX") and bool(_modals(r.head) & {"will", "shall", "'ll"}) \
                and r.clause and r.clause[0].i == r.head.i
            if future and not negated and r_type in ("AID", "COOPERATE", "RETREAT") and mode != "resign":
                r_type, mode = "AGREE", None          # PLOVER: cooperation in the future tense is intent
            elif future and not negated and r_type in ("SANCTION", "COERCE", "ASSAULT"):
                hypothetical = True
            if hypothetical and not negated and r_type in ("SANCTION", "COERCE", "ASSAULT", "MOBILIZE"):
                # force that may come, or comes if: a threat ("could suspend relations", "will detain if")
                mode = L.THREAT_MODE_OF_MODE.get(mode or "") or L.THREAT_MODES.get(r_type)
                r_type = "THREATEN"
            events.append(Event(
                type=r_type, trigger=_trigger_mention(doc, r.trigger), start=sent.start_char, end=sent.end_char,
                source=source, target=target, mode=mode, context=context, date=d.date_of(r),
                location=place or d.location_of(r, taken), negated=negated, hypothetical=hypothetical,
                quote=d.quote_of(r)))
    return events
