"""Hand-built ArticleRecords for tests and the store benchmark (no spaCy needed).

``article()`` writes a small, consistent record: every quote and name is in the
text at the offsets it claims. ``corpus()`` generates a synthetic news corpus from
templates: recurring speakers and quotations, syndicated copies, surname clashes.
"""
from __future__ import annotations

import random
from typing import Iterator, Optional, Sequence, Union

from ..keys import SPEAKER_ENTITY_TYPES
from ..records import About, ArticleRecord, Cue, Entity, Mention, Paragraph, Quote, Speaker

QuoteSpec = Union[tuple, dict]


def article(id: str, quotes: Sequence[QuoteSpec] = (), *, entities: Sequence[tuple] = (),
            published: Optional[str] = "2019-03-01", site: Optional[str] = "example.com",
            title: Optional[str] = None, body: Sequence[str] = ()) -> ArticleRecord:
    """An ArticleRecord; a quote is ``(speaker, text)``, ``(speaker, type, text)`` or a dict
    with speaker, type, text, kind, about (names), date, descriptor, aliases.
    ``entities`` are extra ``(name, label)`` or ``(name, label, aliases, descriptors)``."""
    parts: list[tuple[str, str]] = []
    title = title or f"Article {id}"
    parts.append((title, "title"))
    parts.extend((b, "body") for b in body)
    specs = [_spec(q) for q in quotes]
    for s in specs:
        parts.append((f'"{s["text"]}," {s["speaker"]} said.' if s["speaker"] else f'"{s["text"]}"', "body"))
    extra = [(e + ((), ()))[:4] for e in entities]
    for name, *_ in extra:
        parts.append((f"{name} was also mentioned.", "body"))
    for s in specs:
        for name, _ in map(_about, s["about"]):
            parts.append((f"The statement concerned {name}.", "body"))
    text, paragraphs, pos = "", [], 0
    for body_text, role in parts:
        if text:
            text += "\n\n"
            pos += 2
        paragraphs.append(Paragraph(start=pos, end=pos + len(body_text), role=role))
        text += body_text
        pos += len(body_text)

    ents: dict[tuple[str, str], Entity] = {}

    def entity(name: str, label: str, aliases=(), descriptors=()) -> Entity:
        key = (name, label)
        if key not in ents:
            ents[key] = Entity(id=f"e{len(ents)}", name=name, type=label, aliases=list(aliases),
                               descriptors=list(descriptors))
            start = text.find(name)
            if start >= 0:
                ents[key].mentions.append(Mention(text=name, start=start, end=start + len(name)))
        return ents[key]

    quotes_out = []
    search_from = 0
    for i, s in enumerate(specs):
        start = text.find('"' + s["text"], search_from) + 1
        end = start + len(s["text"])
        search_from = end
        speaker = None
        if s["speaker"]:
            label = SPEAKER_ENTITY_TYPES.get(s["type"])
            ent = entity(s["speaker"], label, s.get("aliases", ()),
                         [s["descriptor"]] if s.get("descriptor") else ()) if label else None
            sstart = text.find(s["speaker"], end)
            speaker = Speaker(name=s["speaker"], type=s["type"], entity=ent.id if ent else None,
                              mention=Mention(s["speaker"], sstart, sstart + len(s["speaker"])),
                              descriptor=s.get("descriptor"))
            cstart = sstart + len(s["speaker"]) + 1
            cue = Cue("said", cstart, cstart + 4)
        else:
            cue = None
        about = [About(entity=entity(*_about(n)).id, name=_about(n)[0]) for n in s["about"]]
        quotes_out.append(Quote(text=s["text"], kind=s.get("kind", "direct"), start=start, end=end,
                                paragraph=1 + len(body) + i, speaker=speaker, cue=cue, about=about,
                                date=s.get("date") or published, date_source="text" if s.get("date") else "published"))
    for name, label, aliases, descriptors in extra:
        entity(name, label, aliases, descriptors)
    metadata = {"site": site} if site else {}
    return ArticleRecord(id=id, source=f"{site or 'local'}/{id}.txt", text=text, title=title, published=published,
                         published_source="supplied" if published else None, paragraphs=paragraphs,
                         metadata=metadata, quotes=quotes_out, entities=list(ents.values()))


def _about(name) -> tuple[str, str]:
    """An about entry: a name (a person) or ``(name, label)``."""
    return tuple(name) if isinstance(name, (tuple, list)) else (name, "PERSON")


def _spec(q: QuoteSpec) -> dict:
    if isinstance(q, dict):
        d = dict(q)
    elif len(q) == 2:
        d = {"speaker": q[0], "text": q[1]}
    else:
        d = {"speaker": q[0], "type": q[1], "text": q[2]}
    d.setdefault("type", "person")
    d.setdefault("about", [])
    return d


# ------------------------------------------------------------------ a synthetic corpus

FIRST = ["Anna", "Boris", "Carlos", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi", "Lena",
         "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tamar", "Umar", "Vera", "Wei", "Yara"]
LAST = ["Kim", "Smith", "Garcia", "Novak", "Okafor", "Tanaka", "Silva", "Haddad", "Ivanova", "Moreau",
        "Schmidt", "Rossi", "Nguyen", "Park", "Jensen", "Kowalski"]
ORGS = ["the Foreign Ministry", "the Central Bank", "the United Nations", "the Defence Ministry", "Greenpeace",
        "the World Bank", "the Trade Union Congress", "the Supreme Court"]
PLACES = ["North Korea", "South Korea", "Japan", "China", "Russia", "Ukraine", "Iran", "Brazil", "Nigeria",
          "France", "Germany", "India"]
TOPICS = ["sanctions", "the nuclear talks", "the election", "inflation", "the border dispute", "climate policy",
          "the trade deal", "the ceasefire", "energy prices", "the new budget", "migration", "the summit"]
OPENERS = ["We will not accept", "Our country is ready to discuss", "Nobody should underestimate",
           "The government has no plan to change", "We strongly condemn", "It is time to rethink",
           "History will judge", "Our people deserve better than", "There can be no compromise on",
           "We are cautiously optimistic about"]
TAILS = ["whatever the pressure from abroad", "and we will say so at every meeting", "in the coming months",
         "because the facts are clear", "as long as I hold this office", "and our partners know it"]
SITES = ["reuters.com", "apnews.com", "bbc.co.uk", "aljazeera.com", "koreaherald.com", "lemonde.fr",
         "dw.com", "nhk.or.jp", "scmp.com", "theguardian.com"]
FILLER = ["Officials met on {day} to review {topic} after weeks of tension.",
          "Analysts said the talks on {topic} could last well into next year.",
          "The meeting in {place} was the first of its kind since the crisis began.",
          "Markets reacted calmly to the news from {place} on {day}.",
          "Critics in {place} argued that the plan on {topic} lacked detail."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def corpus(n: int, *, seed: int = 7, syndication: float = 0.25) -> Iterator[ArticleRecord]:
    """``n`` synthetic articles: ~200 recurring speakers, recurring quotations
    (some trimmed or re-punctuated), a share of syndicated near-copies."""
    rng = random.Random(seed)
    people = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(400)})[:200]
    said: list[tuple[str, str, str, str]] = []   # speaker, type, text, topic
    recent: list[ArticleRecord] = []
    for i in range(n):
        if recent and rng.random() < syndication:
            yield _syndicate(rng.choice(recent[-50:]), f"a{i:06d}", rng)
            continue
        year, month, day = 2017 + rng.randrange(6), 1 + rng.randrange(12), 1 + rng.randrange(28)
        published = f"{year}-{month:02d}-{day:02d}"
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        quotes = []
        for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
            if said and rng.random() < 0.3:
                speaker, stype, text, topic = rng.choice(said[-2000:])
                text = _vary(text, rng)
            else:
                if rng.random() < 0.8:
                    speaker, stype = rng.choice(people), "person"
                else:
                    speaker, stype = rng.choice(ORGS).removeprefix("the ").title(), "organisation"
                text = f"{rng.choice(OPENERS)} {topic} {rng.choice(TAILS)}, {rng.choice(DAYS).lower()} " \
                       f"word {rng.randrange(100000)}"
                said.append((speaker, stype, text, topic))
            quotes.append({"speaker": speaker, "type": stype, "text": text,
                           "about": [(place, "GPE")] if rng.random() < 0.6 else []})
        body = [rng.choice(FILLER).format(day=rng.choice(DAYS), topic=topic, place=place) for _ in range(3)]
        rec = article(f"a{i:06d}", quotes, published=published, site=rng.choice(SITES),
                      title=f"{place}: statement on {topic}", body=body)
        recent.append(rec)
        if len(recent) > 200:
            recent.pop(0)
        yield rec


def _vary(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return text.upper()[0] + text[1:].replace(",", "")     # punctuation dropped
    if r < 0.5:
        words = text.split(",")[0]
        return words if len(words.split()) >= 6 else text       # trailing clause trimmed
    return text


def _syndicate(rec: ArticleRecord, new_id: str, rng: random.Random) -> ArticleRecord:
    """A copy on another site: same text with a different standfirst line."""
    specs = [{"speaker": q.speaker.name if q.speaker else None, "type": q.speaker.type if q.speaker else "person",
              "text": q.text, "about": [(a.name, "GPE") for a in q.about]} for q in rec.quotes]
    body = [rec.paragraph_text(i) for i, p in enumerate(rec.paragraphs) if p.role == "body"][:3]
    body = [f"({rng.choice(SITES).split('.')[0].upper()}) -"] + body
    return article(new_id, specs, published=rec.published, site=rng.choice(SITES), title=rec.title, body=body)
