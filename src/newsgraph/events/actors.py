"""Actors of events: from a head token to an EventActor (words, entity, canonical
name, ISO country code, PLOVER sector).

Names come from the in-document entity clusters; pronouns and role nouns go
through the quote stage's speaker resolver (the same coreference the quotes use);
countries through ``countries.py`` (capitals and demonyms included); sectors
from the words of the phrase ("army" MIL, "rebels" REB, "parliament" LEG).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..records import Entity, EventActor
from . import lexicon as L
from .countries import country_name, lookup

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "you", "its", "their",
                      "his", "our", "my"})


class ActorReader:
    def __init__(self, doc: Doc, entities: list[Entity], resolver, speaker_of_token: dict[int, object]):
        self.doc = doc
        self.entities = {e.id: e for e in entities}
        self.resolver = resolver
        self.speaker_of_token = speaker_of_token   # token index inside a quote -> its Speaker
        self._cache: dict[int, Optional[EventActor]] = {}

    # ---------------------------------------------------------------- what is an actor
    def entity_of(self, tok: Token) -> Optional[str]:
        return self.resolver.entity_of(tok)

    def is_actor(self, tok: Token) -> bool:
        if tok.lower_ in PRONOUNS:
            return True
        eid = self.entity_of(tok)
        if eid is not None and self.entities[eid].type in ACTOR_LABELS:
            return True
        if tok.ent_type_ in ACTOR_LABELS:
            return True
        if tok.pos_ == "PROPN" and lookup(tok.text) is not None:
            return True        # a country the model left untagged
        if tok.lower_ in L.ACTOR_NOUNS or tok.lower_ in L.SECTORS:
            return True
        if tok.lower_ in L.GROUP_HEADS:
            return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        # "the Israeli army", "Palestinian homes": a named modifier makes the phrase an actor
        return any(c.dep_ in ("compound", "amod", "poss", "nmod") and (c.ent_type_ in ACTOR_LABELS or
                                                                        self.entity_of(c)) for c in tok.children)

    def same(self, a: Optional[Token], b: Optional[Token]) -> bool:
        """Do two phrases name the same actor ("Syria says it ...")."""
        if a is None or b is None:
            return False
        if a.i == b.i:
            return True
        if a.lower_ in PRONOUNS or b.lower_ in PRONOUNS:
            pron, other = (a, b) if a.lower_ in PRONOUNS else (b, a)
            if pron.lower_ in ("i", "we", "us", "me"):
                return True
            ea, eb = self.actor(pron), self.actor(other)
            if ea is not None and eb is not None and ea.entity and ea.entity == eb.entity:
                return True
            # "it"/"they" right after its antecedent in the reporting clause
            return pron.lower_ in ("it", "they", "he", "she") and 0 < pron.i - other.i < 12
        ea, eb = self.actor(a), self.actor(b)
        return bool(ea and eb and (ea.entity and ea.entity == eb.entity or ea.text == eb.text))

    # ---------------------------------------------------------------- the record
    def span(self, head: Token):
        """The words naming an actor: its modifiers and an 'of' phrase; no clauses or appositions."""
        doc = self.doc
        lo = head.i
        for c in head.lefts:
            if c.dep_ in ("det", "predet", "punct", "cc", "preconj") and c.i == lo - 1:
                continue
            lo = min(lo, c.left_edge.i)
        while lo < head.i and (doc[lo].dep_ in ("det", "predet", "punct", "cc") or doc[lo].lower_ in (
                "the", "a", "an")):
            lo += 1
        hi = head.i
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "from", "in") and c.i == hi + 1 and (
                    c.lower_ != "in" or head.dep_ in ("nsubj", "nsubjpass")):
                end = c.right_edge.i
                for t in doc[c.i:end + 1]:
                    if t.dep_ in ("relcl", "acl", "appos", "conj", "cc") or t.text in (",", "(", "\u2014", ";"):
                        end = t.i - 1
                        break
                hi = max(hi, end)
                break
            if c.dep_ in ("compound", "flat") and c.i == hi + 1:
                hi = c.i
        while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "case"):
            hi -= 1
        if hi + 1 < len(doc) and doc[hi + 1].dep_ == "case" and doc[hi + 1].head.i == hi:
            hi += 1
        return doc[lo:hi + 1]

    def actor(self, head: Optional[Token]) -> Optional[EventActor]:
        if head is None:
            return None
        if head.i in self._cache:
            return self._cache[head.i]
        out = self._actor(head)
        self._cache[head.i] = out
        return out

    def _actor(self, head: Token) -> Optional[EventActor]:
        doc = self.doc
        span = self.span(head)
        text = span.text
        if text.lower().endswith(("'s", "\u2019s")):
            text = text[:-2]
        start = span.start_char
        end = start + len(text)
        eid, name, kind = None, None, None
        if head.lower_ in PRONOUNS:
            sp = None
            if head.lower_ in ("i", "we", "me", "us", "my", "our"):
                sp = self.speaker_of_token.get(head.i)
            if sp is None:
                try:
                    sp = self.resolver.resolve(head).speaker   # the resolver returns a Decision
                except Exception:  # the resolver is best effort on odd parses
                    sp = None
            if sp is not None:
                eid, name = getattr(sp, "entity", None), sp.name
        if eid is None:
            eid = self._entity_in(span, head)
        if eid is not None and eid in self.entities:
            ent = self.entities[eid]
            name = ent.name
            kind = ent.type
        country = None
        code_how = None
        for cand in ([name] if name else []) + [text] + [t.text for t in span if t.ent_type_ in ("GPE", "NORP")]:
            hit = lookup(cand) if cand else None
            if hit:
                country, code_how = hit
                break
        if country is None and kind == "PERSON" and eid:
            for d in self.entities[eid].descriptors:
                hit = lookup(d)
                if hit:
                    country = hit[0]
                    break
        if code_how == "capital" and kind == "GPE" and eid is not None and self.entity_of(head) == eid \
                and head.dep_ in ("nsubj", "nsubjpass", "poss"):
            # "Washington", "Pyongyang" as actors stand for their governments
            name = country_name(country) or name
        sector = self._sector(span, head, kind, name)
        return EventActor(text=text, start=start, end=end, entity=eid, name=name, country=country, sector=sector)

    def _entity_in(self, span, head: Token) -> Optional[str]:
        eid = self.entity_of(head)
        if eid is not None:
            return eid
        for c in head.children:
            if c.dep_ in ("compound", "flat", "appos") and self.entity_of(c):
                return self.entity_of(c)
        # an "of" phrase names the group ("leaders of the coalition") before a modifier does
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and self.entity_of(o):
                        return self.entity_of(o)
        if head.lower_ in L.GROUP_HEADS or head.lower_ in L.SECTORS or head.lower_ in L.ACTOR_NOUNS:
            return None     # "police in Minsk", "the Kenyan president": a group or role, not the place
        for t in span:
            if self.entity_of(t) and t.dep_ in ("compound", "flat", "poss", "nmod"):
                return self.entity_of(t)
        return None

    def _sector(self, span, head: Token, kind: Optional[str], name: Optional[str]) -> Optional[str]:
        words = [head.lower_] + [t.lower_ for t in span if t.i != head.i]
        if kind == "ORG" and name:
            n = name.lower().replace(".", "").split()
            if set(n) & L.NGO_WORDS:
                return "NGO"
            if set(n) & L.IGO_WORDS or (set(n) & L.IGO_HEADS and set(n) & L.IGO_QUALIFIERS):
                return "IGO"
        for w in words:
            if w in L.SECTORS:
                return L.SECTORS[w]
        if kind == "GPE":
            return "GOV"
        if kind == "PERSON" and name:
            ent = next((e for e in self.entities.values() if e.name == name), None)
            for d in (ent.descriptors if ent else []):
                for w in d.lower().split():
                    if w in L.SECTORS:
                        return L.SECTORS[w]
        return None
