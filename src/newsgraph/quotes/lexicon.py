"""Reporting-verb lexicon, as data: which words introduce a statement.

The model runs without a lemmatizer, so every inflected form is generated here
once (``FORMS`` maps a lower-case word form to its lemma). Each lemma has a
class that decides how its content is read:

``speech``   takes a clause or a quotation ("said he would", "said: '...'")
``object``   a statement made of its object ("called X a liar", "attacked X")
``urge``     an object and an infinitive ("urged voters to register")
``prep``     a statement in a prepositional object ("warned of X", "called for X")

Beliefs, intentions and perceptions (think, believe, view, want, hope, fear,
know, expect) are deliberately absent: they are not statements.
"""
from __future__ import annotations

# lemma -> class. Phrasal cues ("point out", "call for") are keyed by the verb;
# the particle or preposition is matched in the parse.
REPORTING_VERBS: dict[str, str] = {
    # say / tell and their close kin
    "say": "speech", "tell": "speech", "state": "speech", "declare": "speech",
    "announce": "speech", "report": "speech", "write": "speech", "tweet": "speech",
    "post": "speech", "respond": "speech", "reply": "speech", "answer": "speech",
    "ask": "speech", "add": "speech", "continue": "speech", "explain": "speech",
    "note": "speech", "observe": "speech", "remark": "speech", "comment": "speech",
    "mention": "speech", "recall": "speech", "repeat": "speech", "reiterate": "speech",
    "insist": "speech", "maintain": "speech", "assert": "speech", "contend": "speech",
    "argue": "speech", "claim": "speech", "allege": "speech", "charge": "speech",
    "stress": "speech", "emphasize": "speech", "emphasise": "speech", "underscore": "speech",
    "warn": "speech", "caution": "speech", "threaten": "speech", "predict": "speech",
    "promise": "speech", "pledge": "speech", "vow": "speech", "swear": "speech",
    "guarantee": "speech", "assure": "speech", "reassure": "speech",
    "concede": "speech", "admit": "speech", "acknowledge": "speech", "confess": "speech",
    "deny": "speech", "dispute": "speech", "reject": "speech", "counter": "speech",
    "retort": "speech", "rebut": "speech", "protest": "speech", "object": "speech",
    "complain": "speech", "lament": "speech", "grumble": "speech", "bemoan": "speech",
    "confirm": "speech", "disclose": "speech", "reveal": "speech", "testify": "speech",
    "suggest": "speech", "propose": "speech", "recommend": "speech", "advise": "speech",
    "hint": "speech", "imply": "speech", "indicate": "speech", "signal": "speech",
    "boast": "speech", "brag": "speech", "joke": "speech", "quip": "speech",
    "exclaim": "speech", "shout": "speech", "yell": "speech", "cry": "speech",
    "chant": "speech", "whisper": "speech", "scream": "speech", "proclaim": "speech",
    "wonder": "speech", "speculate": "speech", "estimate": "speech", "posit": "speech",
    "demand": "speech", "request": "speech", "plead": "speech", "beg": "speech",
    "inform": "speech", "notify": "speech", "remind": "speech", "advertise": "speech",
    "concur": "speech", "agree": "speech", "retract": "speech", "clarify": "speech",
    "specify": "speech", "elaborate": "speech", "summarize": "speech", "conclude": "speech",
    "surmise": "speech", "muse": "speech", "opine": "speech", "acknowlege": "speech",
    "scold": "speech", "mock": "speech", "scoff": "speech", "tease": "speech",
    "question": "speech", "challenge": "speech", "fret": "speech", "gripe": "speech",
    "reason": "speech", "rule": "speech", "find": "speech",
    # statements made of an object or object + complement
    "call": "object", "describe": "object", "label": "object", "dub": "object",
    "brand": "object", "praise": "object", "criticize": "object", "criticise": "object",
    "blast": "object", "slam": "object", "attack": "object", "condemn": "object",
    "denounce": "object", "accuse": "object", "blame": "object", "hail": "object",
    "laud": "object", "applaud": "object", "decry": "object", "dismiss": "object",
    "cite": "object", "defend": "object", "ridicule": "object", "lambaste": "object",
    "excoriate": "object", "berate": "object", "rebuke": "object", "chide": "object",
    "thank": "object", "congratulate": "object", "endorse": "object", "express": "object",
    # object + infinitive
    "urge": "urge", "encourage": "urge", "implore": "urge", "exhort": "urge",
    "order": "urge", "instruct": "urge", "direct": "urge", "invite": "urge",
}

# Phrasal cues whose content is the object of the particle/preposition.
PHRASAL: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on", "out"}),
    "point": frozenset({"out", "to"}),
    "warn": frozenset({"of", "about", "against"}),
    "complain": frozenset({"about", "of"}),
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"about", "of"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "joke": frozenset({"about"}),
    "insist": frozenset({"on"}),
    "argue": frozenset({"for", "against"}),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for", "on"}),
    "rail": frozenset({"against"}),
}
# Phrasal cues whose direct object belongs to the content: "blamed the decline
# on tuition increases" reports that tuition increases caused the decline.
OBJECT_WITH_PREP: dict[str, frozenset[str]] = {
    "blame": frozenset({"on", "for"}),
    "pin": frozenset({"on"}),
    "accuse": frozenset({"of"}),
    "credit": frozenset({"with", "for"}),
}
for _verb in ("point", "speak", "talk", "rail"):
    REPORTING_VERBS.setdefault(_verb, "prep")

# Nouns that carry a statement: "in a statement", "his claim that ..."
STATEMENT_NOUNS = frozenset({
    "statement", "claim", "assertion", "remark", "remarks", "comment", "comments",
    "announcement", "insistence", "warning", "promise", "pledge", "argument",
    "accusation", "allegation", "denial", "admission", "suggestion", "message",
    "tweet", "post", "letter", "missive", "memo", "email", "e-mail", "interview",
})

# Nouns that report a statement of their possessor: "her claim that ...", "his vow to ...",
# "Berlin's pledge to ...", "the senator's call for ..."
CLAIM_NOUNS = STATEMENT_NOUNS | frozenset({
    "vow", "vows", "pledges", "promises", "claims", "denials", "warnings", "demand", "demands",
    "call", "calls", "charge", "charges", "assurance", "assurances", "threat", "threats",
    "complaint", "complaints", "plea", "appeal", "request", "insistence", "contention",
    "prediction", "predictions", "boast", "admission", "acknowledgment", "acknowledgement",
    "criticism", "accusations", "allegations", "assertions", "suggestion", "suggestions",
})
# prepositions that carry a claim noun's content: "call for", "warning of/against"
CLAIM_PREPS = frozenset({"for", "of", "against", "about"})

# "in a statement", "in an interview", "on Twitter", "via Twitter": the channel.
CHANNELS: dict[str, str] = {
    "twitter": "Twitter", "tweet": "Twitter", "tweets": "Twitter", "tweeted": "Twitter",
    "tweeting": "Twitter", "facebook": "Facebook", "instagram": "Instagram",
    "statement": "statement", "interview": "interview", "email": "email",
    "e-mail": "email", "letter": "letter", "press release": "statement",
    "news conference": "press conference", "press conference": "press conference",
    "state media": "state media", "radio": "radio", "television": "television",
    "op-ed": "op-ed", "speech": "speech", "rally": "rally",
}

# Verbs that look like reporting verbs but mark beliefs, intentions or perceptions.
NOT_STATEMENTS = frozenset({
    "think", "believe", "feel", "view", "see", "consider", "expect", "hope", "fear",
    "know", "want", "wish", "intend", "plan", "worry", "doubt", "suspect", "assume",
    "imagine", "guess", "reckon", "regard", "understand", "realize", "realise",
    "decide", "prefer", "like", "love", "hate", "need",
})

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "cry": ("cries", "cried", "crying"),
    "deny": ("denies", "denied", "denying"),
    "reply": ("replies", "replied", "replying"),
    "imply": ("implies", "implied", "implying"),
    "specify": ("specifies", "specified", "specifying"),
    "notify": ("notifies", "notified", "notifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "testify": ("testifies", "testified", "testifying"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "admit": ("admits", "admitted", "admitting"),
    "quip": ("quips", "quipped", "quipping"),
    "rebut": ("rebuts", "rebutted", "rebutting"),
    "concur": ("concurs", "concurred", "concurring"),
    "fret": ("frets", "fretted", "fretting"),
    "beg": ("begs", "begged", "begging"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"),
}


def _regular(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


def inflections(lemma: str) -> tuple[str, ...]:
    """Every form of a verb: base, third person, past, participles."""
    return (lemma, *_IRREGULAR.get(lemma, _regular(lemma)))


FORMS: dict[str, str] = {}
for _lemma in list(REPORTING_VERBS) + list(PHRASAL) + sorted(NOT_STATEMENTS):
    if " " in _lemma:
        continue
    for _form in inflections(_lemma):
        FORMS.setdefault(_form, _lemma)
FORMS.update({"thought": "think", "felt": "feel", "saw": "see", "seen": "see",
              "knew": "know", "known": "know", "understood": "understand"})


def lemma_of(word: str) -> str | None:
    """The lemma of a reporting or belief verb form, or None."""
    return FORMS.get(word.lower())


def verb_class(word: str) -> str | None:
    """The lexicon class of a word form ("speech", "object", "urge", "prep"), or None."""
    lem = FORMS.get(word.lower())
    if lem is None or lem in NOT_STATEMENTS:
        return None
    return REPORTING_VERBS.get(lem)
