"""Who is speaking: from a subject in the parse to a typed, canonical speaker.

A :class:`SpeakerResolver` is built once per document from the entity
clusters. It maps a head token to

- a named entity (person, organisation, country) through its mentions;
- a pronoun's antecedent, chosen by gender, number, recency, syntactic role
  of the antecedent (subjects first) and whether it was the last speaker;
- a role description ("the Republican nominee", "the president", "the
  commission") through the descriptors and names the article establishes;
- a group ("U.S. officials") or an anonymous source ("an official at
  Seoul's presidential Blue House", with its affiliation) otherwise.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import ChainMap
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..entities import entity_gender, is_credit, norm_key
from ..keys import TYPE_OF_LABEL
from ..records import Entity, Mention, Speaker

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "themselves"}
NEUTER = {"it", "its", "itself"}
SUBJECTS = ("nsubj", "nsubjpass")
# role nouns that name a person the article is about ("the Republican nominee")
ROLE_NOUNS = frozenset("""
nominee candidate president businessman businesswoman governor senator congressman
congresswoman secretary mogul billionaire chairman chairwoman leader minister mayor
director executive ceo founder host anchor author filmmaker director actor actress
developer star speaker justice judge general commander chief attorney lady
""".split())
ROLE_GENDER = {"businessman": "m", "congressman": "m", "chairman": "m", "spokesman": "m",
               "businesswoman": "f", "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f",
               "actress": "f", "actor": "m", "lady": "f"}
# other nouns that can say something
SPEAKING_NOUNS = frozenset("""
poll survey study report ad advertisement letter email tweet statement document memo
analysis data record records filing transcript announcer narrator campaign group team
family percent majority minority half third quarter crowd audience panel jury police
prosecutor prosecutors lawyer attorney doctor physician professor economist scientist
researcher reporter journalist columnist editor writer author host moderator lady
woman man mother father wife husband son daughter brother sister friend neighbor
""".split())
# "the network said": the organisation in focus
ORG_NOUNS = frozenset("""
network company bank firm newspaper paper agency commission committee organization union club
organisation union department government administration court board station channel
outlet site website magazine university coalition foundation group airline ministry
office authority council service institute trust association federation
""".split())
# "the Times article", "a Bloomberg report": the publisher speaks
DOCUMENT_NOUNS = frozenset({"article", "report", "editorial", "story", "piece", "column",
                            "investigation", "analysis", "op-ed", "broadcast", "segment"})
# English agent-noun endings: a person who does something ("organizer", "strategist",
# "historian", "attendee", "consultant", "correspondent")
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ee", "eer", "ant", "ent")
# texts that say something when they are the subject of a cue
WRITTEN_NOUNS = frozenset("""
petition opinion order ruling filing lawsuit suit complaint indictment memo memorandum
letter email statement release report study survey poll ad advertisement video post
tweet message note sign banner headline caption resolution bill law platform decision
verdict warrant affidavit brief motion agreement proposal plan document book
""".split())
# nouns that mean a person of unstated name; singular with "a"/"an" -> anonymous
PERSON_NOUNS = frozenset("""
official officials spokesman spokeswoman spokesperson aide aides adviser advisers advisor
source sources analyst analysts expert experts diplomat diplomats officer officers
lawmaker lawmakers senator representative member members staffer staffers person people
resident residents voter voters supporter supporters critic critics observer observers
worker workers employee employees executive executives leader leaders activist activists
protester protesters protestors demonstrator demonstrators witness witnesses
manager managers engineer engineers teacher teachers nurse nurses pilot pilots
passenger passengers farmer farmers student students parent parents economist economists
insider insiders negotiator negotiators investigator investigators
""".split())


@dataclass(frozen=True)
class Focus:
    """The speaker of the statement before (an entity id) and the token of its cue:
    pronouns, "the campaign", "it added" and bare role words lean towards them."""
    entity: str | None = None
    at: int | None = None


Nominal = tuple[str, str, int]   # a group or organisation named by a noun: (name, type, token)


@dataclass(frozen=True)
class Decision:
    """What a lookup decided: the speaker (or None), and the groups and
    organisations it named by a noun, which later mentions of that noun mean
    ("these voters", "the network"). The caller adds them to its ``Discourse``."""
    speaker: Speaker | None
    named: tuple[tuple[str, Nominal], ...] = ()


@dataclass
class Discourse:
    """What the article has established so far, kept by the caller and read by
    the resolver: the last speaker, and the nouns that named a group or an
    organisation (head noun -> ``Nominal``)."""
    focus: Focus = Focus()
    nominals: dict[str, Nominal] = field(default_factory=dict)

    def take(self, decision: Decision) -> Speaker | None:
        """Remember what ``decision`` named; its speaker."""
        self.nominals.update(decision.named)
        return decision.speaker


@dataclass(frozen=True)
class PronounPick:
    """The antecedent chosen for a he/she; ``sure`` when it is a subject in the
    same or the sentence before whose gender was unknown (so the pronoun tells it)."""
    entity: str | None
    sure: bool = False


class _Lookup:
    """One lookup's view of the discourse: reads the caller's, collects what it names."""
    __slots__ = ("focus", "new", "nominals")

    def __init__(self, discourse: Discourse | None):
        discourse = discourse or Discourse()
        self.focus = discourse.focus
        self.new: dict[str, Nominal] = {}
        self.nominals = ChainMap(self.new, discourse.nominals)

    def decision(self, speaker: Speaker | None) -> Decision:
        return Decision(speaker, tuple(self.new.items()))


class SpeakerResolver:
    """Speaker lookups over one document. Built once from the entity clusters;
    its lookups never change it: what depends on the statements before (who spoke
    last, what a noun named) is the caller's ``Discourse``, passed in, and each
    lookup returns a ``Decision``."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted: set[int] | None = None, *,
                 starts: list[int] | None = None, lowers: list[int] | None = None):
        self.doc = doc
        quoted = quoted or set()
        if starts is None or lowers is None:
            arr = doc.to_array(["LOWER", "IDX"]).tolist()
            lowers, starts = [r[0] for r in arr], [r[1] for r in arr]
        self.quoted = quoted
        self.entities = {e.id: e for e in entities}
        self.token_entity: dict[int, str] = {}
        text = doc.text
        for e in entities:
            for m in e.mentions:
                if is_credit(text, m.start):
                    continue   # "(Photo/Andes Business Daily)" never speaks
                i = bisect_right(starts, m.start) - 1
                while 0 <= i < len(doc) and doc[i].idx < m.end:
                    self.token_entity.setdefault(i, e.id)
                    i += 1
        # a person's last name the model left untagged ("Osei said ..."): a mention,
        # so pronouns see it as an antecedent
        last_names: dict[str, set[str]] = {}
        for e in entities:
            if e.type == "PERSON":
                for m in e.mentions:
                    w = m.text.split()[-1] if m.text.split() else ""
                    if w[:1].isupper():
                        last_names.setdefault(w, set()).add(e.id)
        strings = doc.vocab.strings
        name_hashes = {strings[w.lower()] for w, ids in last_names.items() if len(ids) == 1}
        for i in [i for i, h in enumerate(lowers) if h in name_hashes and i not in self.token_entity]:
            tok = doc[i]
            if tok.pos_ == "PROPN" and tok.text in last_names and not tok.ent_type_ \
                    and not (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"):
                self.token_entity[i] = next(iter(last_names[tok.text]))
        self.sent_index = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            self.sent_index[sent.start:sent.end] = [k] * (sent.end - sent.start)
        self.gender = {e.id: entity_gender(e) for e in entities if e.type == "PERSON"}
        self._pronoun_evidence(entities)
        # person mentions in order: (token index, entity id, is_subject)
        self.person_mentions: list[tuple[int, str, bool]] = []
        seen_heads = set()
        for i, eid in sorted(self.token_entity.items()):
            if self.entities[eid].type != "PERSON":
                continue
            tok = doc[i]
            head = tok
            while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i in self.token_entity:
                head = head.head
            if (head.i, eid) in seen_heads:
                continue
            seen_heads.add((head.i, eid))
            if head.i in quoted:
                continue  # names inside quotations are the speaker's words, not antecedents
            self.person_mentions.append((head.i, eid, head.dep_ in SUBJECTS or (
                head.dep_ in ("poss", "appos") and head.head.dep_ in SUBJECTS)))
        self._pm_index = [p[0] for p in self.person_mentions]
        self.salience: dict[str, int] = {}
        for _, eid, _ in self.person_mentions:
            self.salience[eid] = self.salience.get(eid, 0) + 1
        self.main = max(self.salience, key=self.salience.get) if self.salience else None
        # pronoun chains: a "she" subject continues its referent, so it is an
        # antecedent for the next pronoun too
        strings = doc.vocab.strings
        gendered = {strings[w] for w in MALE | FEMALE}
        for i in [i for i, h in enumerate(lowers) if h in gendered]:
            tok = doc[i]
            if tok.dep_ in SUBJECTS and tok.i not in quoted:
                pick = self.pick_pronoun(tok)
                rid = pick.entity
                if rid and self.gender.get(rid) is None and pick.sure:
                    # "Dr Colm Farrell said ... He said ...": Farrell is a he from now on
                    self.gender[rid] = "m" if tok.lower_ in MALE else "f"
                if rid:
                    k = bisect_right(self._pm_index, tok.i)
                    self._pm_index.insert(k, tok.i)
                    self.person_mentions.insert(k, (tok.i, rid, True))
        # role words: descriptor nouns and titles -> entity ids
        self.roles: dict[str, list[str]] = {}
        for e in entities:
            if e.type != "PERSON":
                continue
            words = set()
            for d in e.descriptors:
                words.update(norm_key(d).split())
            for m in e.mentions:
                for w in norm_key(m.text).split()[:-1]:
                    words.add(w)
            for w in words:
                self.roles.setdefault(w, []).append(e.id)
        # capitalised words that name one person ("Trump" where NER missed it)
        self.name_words: dict[str, str] = {}
        for e in entities:
            if e.type != "PERSON":
                continue
            for m in e.mentions:
                w = m.text.split()[-1] if m.text.split() else ""
                if w and w[:1].isupper():
                    self.name_words.setdefault(w, e.id)

    def _pronoun_evidence(self, entities: list[Entity]) -> None:
        """Gender of people whose names and titles do not tell it, from the
        first he/she/his/her after a subject mention in the same sentence."""
        doc = self.doc
        votes: dict[str, list[int]] = {}
        for i, eid in self.token_entity.items():
            if self.gender.get(eid, "x") is not None:
                continue
            tok = doc[i]
            if tok.dep_ not in SUBJECTS or tok.head.i == tok.i and False:
                continue
            for t in doc[i + 1:tok.sent.end]:
                w = t.lower_
                if w in MALE or w in FEMALE:
                    v = votes.setdefault(eid, [0, 0])
                    v[0 if w in MALE else 1] += 1
                    break
                if t.i in self.token_entity and self.entities[self.token_entity[t.i]].type == "PERSON" \
                        and self.token_entity[t.i] != eid:
                    break
        for eid, (m, f) in votes.items():
            if m > f:
                self.gender[eid] = "m"
            elif f > m:
                self.gender[eid] = "f"

    # -- entities -------------------------------------------------------
    def entity_of(self, tok: Token) -> str | None:
        return self.token_entity.get(tok.i)

    def speaker_for_entity(self, eid: str, mention: Token | None = None, span=None) -> Speaker:
        e = self.entities[eid]
        stype = TYPE_OF_LABEL.get(e.type, "organisation")
        m = None
        if span is not None:
            m = Mention(span.text, span.start_char, span.end_char)
        elif mention is not None:
            m = Mention(mention.text, mention.idx, mention.idx + len(mention.text))
        desc = e.descriptors[0] if e.descriptors and stype == "person" else None
        return Speaker(name=e.name, type=stype, entity=eid, mention=m, descriptor=desc)

    def person_mentions_between(self, lo: int, hi: int) -> list[int]:
        """Token indexes of the person mentions (pronoun chains included) strictly
        between tokens ``lo`` and ``hi``."""
        return [self.person_mentions[k][0]
                for k in range(bisect_right(self._pm_index, lo), bisect_right(self._pm_index, hi - 1))]

    # -- pronouns -------------------------------------------------------
    def resolve_pronoun(self, tok: Token, exclude: str | None = None, focus: Focus | None = None) -> str | None:
        """The entity id a he/she stands for, or None (``exclude``: never this one)."""
        return self.pick_pronoun(tok, exclude, focus).entity

    def pick_pronoun(self, tok: Token, exclude: str | None = None, focus: Focus | None = None) -> PronounPick:
        """The antecedent of a he/she by gender, distance in sentences, syntactic
        role (subjects first), the last speaker (``focus``) and salience."""
        word = tok.lower_
        if word in MALE:
            want = "m"
        elif word in FEMALE:
            want = "f"
        else:
            return PronounPick(None)
        last_speaker = focus.entity if focus else None
        hi = bisect_right(self._pm_index, tok.i - 1)
        best, best_score, sure = None, None, False
        k = hi - 1
        # walk back over a few paragraphs at most
        while k >= 0:
            i, eid, is_subj = self.person_mentions[k]
            if tok.i - i > 400:
                break
            k -= 1
            if eid == exclude:
                continue
            g = self.gender.get(eid)
            if g and g != want:
                continue
            dist = self.sent_index[tok.i] - self.sent_index[i]   # sentences back
            score = dist * 2.0 + (0.0 if is_subj else 1.5) + (0.0 if eid == last_speaker else 1.5)
            if g == want:
                score -= 0.5
            if eid == self.main:
                score -= 0.5
            if best_score is None or score < best_score:
                best, best_score = eid, score
                sure = is_subj and dist <= 1 and g is None
        return PronounPick(best, sure)

    # -- nominal phrases ---------------------------------------------------
    def np_span(self, head: Token, with_pp: bool = True):
        """The words naming a noun phrase: modifiers up to the head, and an
        "of"/"at"/"for" phrase after it; no determiners or relative clauses."""
        doc = self.doc
        lo = head.i
        for c in head.lefts:
            lo = min(lo, c.left_edge.i)
        while lo < head.i and (doc[lo].dep_ in ("det", "predet") or doc[lo].lower_ in (
                "the", "a", "an", "his", "her", "its", "their", "our", "my", "your")):
            lo += 1
        hi = head.i
        if with_pp:
            for c in head.rights:
                # "a person familiar with the company's plans", "officials close to the talks"
                if c.dep_ == "amod" and c.i == hi + 1 and any(x.dep_ == "prep" for x in c.children):
                    c = next(x for x in c.children if x.dep_ == "prep")
                    hi = c.i - 1
                if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "from", "with", "in", "to") and c.i == hi + 1:
                    hi = c.right_edge.i
                    # no relative clauses or trailing appositions
                    for t in doc[c.i:hi + 1]:
                        if t.dep_ in ("relcl", "acl", "appos") or t.text in (",", "(", "\u2014"):
                            hi = t.i - 1
                            break
                    break
        while hi > lo and doc[hi].is_punct:
            hi -= 1
        return doc[lo:hi + 1]

    def resolve(self, head: Token, discourse: Discourse | None = None, *, exclude: str | None = None) -> Decision:
        """The speaker named by the subject whose head token is ``head``, read
        against what the article has established so far (``discourse``)."""
        ctx = _Lookup(discourse)
        return ctx.decision(self._resolve(head, ctx, exclude))

    def _resolve(self, head: Token, ctx: _Lookup, exclude: str | None) -> Speaker | None:
        if head.lower_ in ("many", "most", "some", "several", "few", "each") and head.pos_ != "PRON" or head.pos_ == "ADJ":
            return self._nominal(head, ctx)
        # named entity at the head, or the head's flat name
        eid = self.entity_of(head)
        if eid is None and head.pos_ == "PROPN":
            for c in head.children:
                if c.dep_ in ("compound", "flat") and self.entity_of(c) and c.pos_ == "PROPN":
                    eid = self.entity_of(c)
                    break
        if head.text[:1].isupper() and head.text in self.name_words and (
                eid is None or self.entities[eid].type != "PERSON"):
            eid = self.name_words[head.text]  # "Trump" inside a mislabelled organisation
        if eid is not None:
            e = self.entities[eid]
            if e.type == "NORP":
                # "Democrats": a group named by the word
                return Speaker(name=head.text, type="group", entity=eid,
                               mention=Mention(head.text, head.idx, head.idx + len(head.text)))
            span = self._mention_span(head)
            sp = self.speaker_for_entity(eid, head, span)
            # "Larry King and Ed Schultz say ...": people coordinated as one subject
            others = []
            for c in head.children:
                if c.dep_ == "conj" and c.i > head.i:
                    cid = self.entity_of(c)
                    if cid and cid != eid and self.entities[cid].type == "PERSON" == e.type:
                        others.append(cid)
                        others.extend(x for x in (self.entity_of(g) for g in c.children if g.dep_ == "conj")
                                      if x and x not in others and self.entities[x].type == "PERSON")
            if others and any(c.dep_ == "cc" and c.lower_ == "and" for c in head.subtree) and head.i not in self.quoted:
                names = [e.name] + [self.entities[x].name for x in others]
                sp.name = ", ".join(names[:-1]) + " and " + names[-1]
                sp.type = "group"
                sp.descriptor = None
            return sp
        word = head.lower_
        if head.pos_ == "PRON" or word in MALE | FEMALE | PLURAL | NEUTER:
            if word in MALE or word in FEMALE:
                rid = self.resolve_pronoun(head, exclude, ctx.focus)
                if rid:
                    sp = self.speaker_for_entity(rid)
                    sp.mention = Mention(head.text, head.idx, head.idx + len(head.text))
                    return sp
                return None
            if word in PLURAL or word in NEUTER:
                return self._resolve_collective(head, ctx)
            return None
        if head.pos_ in ("NOUN", "PROPN", "NUM"):
            return self._nominal(head, ctx, any_noun=True)
        return None

    def _mention_span(self, head: Token):
        lo = head.i
        for c in head.lefts:
            if c.dep_ in ("compound", "flat", "amod", "nmod") or c.lower_.rstrip(".") in ("mr", "mrs", "ms", "dr"):
                lo = min(lo, c.left_edge.i)
        return self.doc[lo:head.i + 1]

    def _resolve_collective(self, head: Token, ctx: _Lookup) -> Speaker | None:
        """'they' / 'it': the last organisation, country or group that was a
        subject (or a speaker) before the pronoun, within a few paragraphs."""
        want_plural = head.lower_ in PLURAL
        mention = Mention(head.text, head.idx, head.idx + len(head.text))
        last = ctx.focus
        if not want_plural and last.entity and last.at is not None \
                and 0 < head.i - last.at < 150 and self.entities[last.entity].type == "ORG":
            sp = self.speaker_for_entity(last.entity)   # "it added": the organisation just quoted
            sp.mention = mention
            return sp
        for i in range(head.i - 1, max(-1, head.i - 250), -1):
            tok = self.doc[i]
            if tok.dep_ not in SUBJECTS and tok.head.dep_ not in SUBJECTS and tok.dep_ != "pobj":
                continue
            eid = self.entity_of(tok)
            if eid and self.entities[eid].type in ("ORG", "GPE"):
                if tok.dep_ == "pobj" and want_plural:
                    continue
                sp = self.speaker_for_entity(eid)
                sp.mention = mention
                return sp
            if tok.dep_ in SUBJECTS and tok.pos_ == "NOUN" and eid is None:
                plural = tok.tag_ in ("NNS", "NNPS")
                if plural != want_plural:
                    continue
                sp = self._nominal(tok, ctx)
                if sp is not None and sp.type in ("group", "organisation"):
                    sp.mention = mention
                    return sp
        return None

    def _nominal(self, head: Token, ctx: _Lookup, any_noun: bool = False) -> Speaker | None:
        """The speaker a noun phrase names. ``any_noun``: the subject of a cue, where
        any noun phrase is a source the article names ("the petition accuses",
        "the organizer of the rally said"); elsewhere (the antecedent of "it",
        "they") only nouns that can speak."""
        doc = self.doc
        nominals = ctx.nominals
        # "the Democratic candidate Hillary Clinton", "spokeswoman Jessica Ditto"
        for c in head.children:
            if c.dep_ in ("appos", "compound", "npadvmod") and c.i > head.i or c.dep_ == "appos":
                eid = self.entity_of(c)
                if eid and self.entities[eid].type == "PERSON":
                    return self.speaker_for_entity(eid, span=self._mention_span(c))
                if eid and self.entities[eid].type == "ORG" and c.i > head.i and not self.doc[c.i].is_punct:
                    # "the consumer group Viajeros Unidos"
                    return self.speaker_for_entity(eid, span=self._mention_span(c))
        dets = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
        span = self.np_span(head)
        if not len(span):
            return None
        name = span.text
        # "and admirals": a coordinated noun belongs to the group's name
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > span.end - 1]
        if conj and all(t.dep_ in ("cc", "conj") or t.is_punct for t in doc[span.end:conj[0].i]):
            name = doc[span.start:conj[0].i + 1].text
        # "his advisers", "her campaign": the possessor resolved
        poss = [c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")]
        if poss and poss[0].i == span.start - 1 or poss and poss[0].i < span.start:
            owner = self._owner(poss[0], ctx)
            if owner:
                name = f"{owner}'s {name}"
        plural = head.tag_ in ("NNS", "NNPS")
        mention = Mention(span.text, span.start_char, span.end_char)
        if head.lower_ in ("one", "some", "many", "several", "none") and len(span) > 1:
            return Speaker(name=name, type="group" if head.lower_ != "one" else "anonymous", mention=mention)
        # a named entity inside the phrase: "U.S. officials", "Trump campaign"
        inner = [self.entity_of(t) for t in span if self.entity_of(t)]
        affiliation = self.entities[inner[-1]].name if inner else None
        key = head.lower_
        definite = any(d in ("the", "this", "that", "these", "those") for d in dets) or any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)
        if key in DOCUMENT_NOUNS and inner:
            # "the Times article", "a Bloomberg report": the publisher
            eid = inner[-1]
            if self.entities[eid].type == "ORG":
                sp = self.speaker_for_entity(eid)
                sp.mention = mention
                return sp
        if plural:
            if definite and not inner and key in nominals and len(span) <= 2:
                n, t, _ = nominals[key]   # "these voters": the group named before
                return Speaker(name=n, type=t, mention=mention)
            sp = Speaker(name=name, type="group", mention=mention, affiliation=affiliation)
            nominals[key] = (name, "group", head.i)
            return sp
        if definite and len(span) <= 6:
            # a role description: "the president", "the Republican nominee", "the commission"
            rid = self._role(head, span)
            if rid:
                sp = self.speaker_for_entity(rid)
                sp.mention = mention
                return sp
            last = ctx.focus
            if key == "campaign" and not inner and last.entity and last.at is not None and (
                    key not in nominals or nominals[key][2] < last.at):
                # "the campaign" of the person just quoted
                owner = self.entities[last.entity]
                if owner.type == "PERSON":
                    return Speaker(name=f"{owner.name.split()[-1]} campaign", type="organisation", mention=mention)
            if key in nominals:
                n, t, _ = nominals[key]
                return Speaker(name=n, type=t, mention=mention)
            if key in ROLE_NOUNS and (not inner or all(self.entities[x].type != "PERSON" for x in inner)):
                # a role the article has not tied to a name: the person in focus
                rid = self.recent_person(head, ROLE_GENDER.get(key), ctx.focus)
                if rid:
                    sp = self.speaker_for_entity(rid)
                    sp.mention = mention
                    return sp
        if inner and head.lower_ not in PERSON_NOUNS:
            # "the Trump campaign", "South Korea's government"
            nominals[key] = (name, "organisation", head.i)
            return Speaker(name=name, type="organisation", mention=mention, affiliation=affiliation)
        if definite and (key in ORG_NOUNS or key in ("statement", "letter", "release", "filing")) and not inner:
            # "the network", "the bank", "the statement": the organisation in focus
            oid = self.recent_org(head, key if key in ORG_NOUNS else None)
            if oid:
                sp = self.speaker_for_entity(oid)
                sp.mention = mention
                return sp
            orgs = [v for v in nominals.values() if v[1] == "organisation" and v[2] < head.i]
            if key not in ORG_NOUNS and orgs:
                n, t, _ = max(orgs, key=lambda v: v[2])   # "The statement said": the company's
                return Speaker(name=n, type=t, mention=mention)
        if not plural and head.pos_ == "NOUN" and key not in SPEAKING_NOUNS and key not in PERSON_NOUNS \
                and key not in ROLE_NOUNS and key not in ORG_NOUNS and key not in DOCUMENT_NOUNS:
            if any_noun and (key.endswith(AGENT_SUFFIXES) or key in WRITTEN_NOUNS):
                # "the organizer of the rally said", "the petition accuses": someone
                # who does something, or a text that says something
                return Speaker(name=name, type="anonymous", mention=mention, affiliation=affiliation)
            return None  # "the way", "brain cancer", "a haven": not a speaker
        if any(d in ("a", "an") for d in dets) or head.lower_ in PERSON_NOUNS:
            return Speaker(name=name, type="anonymous", mention=mention, affiliation=affiliation)
        if head.pos_ == "PROPN":
            return Speaker(name=name, type="organisation", mention=mention)
        if head.pos_ in ("NOUN", "ADJ", "NUM") or head.lower_ in ("many", "most", "some", "each", "several", "few"):
            # "the announcer", "19 percent of respondents", "many of them"
            if key in ORG_NOUNS:
                nominals[key] = (name, "organisation", head.i)
                return Speaker(name=name, type="organisation", mention=mention, affiliation=affiliation)
            return Speaker(name=name, type="group" if plural or head.pos_ != "NOUN" or key in ("percent", "majority", "half", "third") else "anonymous",
                           mention=mention, affiliation=affiliation)
        return None

    def _owner(self, pron: Token, ctx: _Lookup) -> str | None:
        """The short name of whoever 'his'/'her'/'its' stands for."""
        if pron.lower_ in ("his", "her"):
            eid = self.resolve_pronoun(pron, None, ctx.focus)
        elif pron.lower_ == "its":
            eid = self.recent_org(pron)
        else:
            return None
        if not eid:
            return None
        e = self.entities[eid]
        return e.name.split()[-1] if e.type == "PERSON" else e.name

    def recent_org(self, tok: Token, kind: str | None = None) -> str | None:
        """The last organisation named before ``tok`` (subjects first), nearby.

        ``kind`` is the noun used ("company"): an organisation whose name says
        it is something else ("Spanish Union of Airline Pilots") is passed over."""
        best = None
        for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
            eid = self.token_entity.get(i)
            if eid and kind and any(w in ORG_NOUNS and w != kind for w in norm_key(self.entities[eid].name).split()):
                continue
            if eid and self.entities[eid].type == "ORG" and i not in self.quoted:
                t = self.doc[i]
                if t.dep_ in SUBJECTS or t.head.dep_ in SUBJECTS:
                    return eid
                best = best or eid
        return best

    def recent_person(self, tok: Token, gender: str | None = None, focus: Focus | None = None) -> str | None:
        """The last speaker (``focus``), else the last person named as a subject, nearby."""
        def fits(eid: str) -> bool:
            return gender is None or self.gender.get(eid) in (None, gender)
        if focus and focus.entity and focus.at is not None and tok.i - focus.at < 150 \
                and self.entities[focus.entity].type == "PERSON" and fits(focus.entity):
            return focus.entity
        hi = bisect_right(self._pm_index, tok.i - 1)
        for k in range(hi - 1, -1, -1):
            i, eid, is_subj = self.person_mentions[k]
            if tok.i - i > 250:
                break
            if is_subj and fits(eid):
                return eid
        return None

    def _role(self, head: Token, span) -> str | None:
        key = norm_key(head.text)
        mods = {norm_key(t.text) for t in span if t.i != head.i}
        cands = self.roles.get(key, [])
        # organisations named by the word: "the commission" -> Commission on ...
        best, best_score = None, None
        for eid in dict.fromkeys(cands):
            e = self.entities[eid]
            words = set()
            for d in e.descriptors:
                words.update(norm_key(d).split())
            for m in e.mentions:
                words.update(norm_key(m.text).split())
            overlap = len(mods & words)
            before = [m.start for m in e.mentions if m.start < head.idx]
            if not before:
                continue
            uses = sum(1 for m in e.mentions if key in norm_key(m.text).split()) + \
                sum(1 for d in e.descriptors if key in norm_key(d).split())
            score = (overlap, uses, max(before))
            if best_score is None or score > best_score:
                best, best_score = eid, score
        if best is None:
            for e in self.entities.values():
                # "the airline" is an organisation whose name ends in "airline(s)" (or whose
                # head before "of" is), never "Union of Airline Pilots"
                words = norm_key(e.name).split()
                name_head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
                if e.type == "ORG" and name_head.rstrip("s") == key.rstrip("s") and any(m.start < head.idx for m in e.mentions):
                    last = max(m.start for m in e.mentions if m.start < head.idx)
                    if best_score is None or last > best_score[-1]:
                        best, best_score = e.id, (0, 0, last)
        return best
