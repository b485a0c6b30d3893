"""Hand-written articles for the web tests (no spaCy): a harbour strike followed over months,
and a hostile article whose text tries to run script. Offsets are found in the text, so every
quote, speaker mention, cue and date points exactly where it claims."""
from __future__ import annotations

from newsgraph.records import (About, ArticleRecord, Cue, Entity, Evidence, Mention, Paragraph, Profile,
                               ProfileField, Quote, Speaker, Timex)
from newsgraph.store import ingest_records, open_store

HOSTILE_BITS = ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">',
                '<a href="javascript:window.__pwned = 3">click me</a>']


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def make_article(id: str, *, site: str, published: str, title: str, blocks: list[tuple[str, str]],
                 quotes: list[dict] = (), timexes: list[tuple[str, str, str]] = (),
                 entities: list[tuple] = (), url: str | None = None) -> ArticleRecord:
    """``blocks`` are (role, text); a quote is a dict with text, speaker, type, mention, cue, kind,
    entity (local id), about (local ids), date; ``entities`` are (id, name, label, aliases, descriptors);
    ``timexes`` are (text, value, type)."""
    text, paragraphs = "", []
    for role, body in [("title", title), *blocks]:
        if text:
            text += "\n\n"
        paragraphs.append(Paragraph(len(text), len(text) + len(body), role))
        text += body
    ents = {}
    for eid, name, label, aliases, descriptors in entities:
        mentions = []
        pos = text.find(name)
        while pos >= 0:
            mentions.append(Mention(name, pos, pos + len(name)))
            pos = text.find(name, pos + 1)
        ents[eid] = Entity(eid, name, label, mentions, list(aliases), list(descriptors))
    out_quotes, cursor = [], 0
    for q in quotes:
        start, end = _find(text, q["text"], cursor)
        cursor = end
        para = next(i for i, p in enumerate(paragraphs) if p.start <= start < p.end)
        p = paragraphs[para]
        speaker = cue = None
        if q.get("speaker"):
            m = q.get("mention", q["speaker"])
            ms = text.find(m, p.start, p.end) if text.find(m, end, p.end) < 0 else text.find(m, end, p.end)
            speaker = Speaker(name=q["speaker"], type=q.get("type", "person"), entity=q.get("entity"),
                              mention=Mention(m, ms, ms + len(m)) if ms >= 0 else None,
                              descriptor=q.get("descriptor"))
        if q.get("cue"):
            cs = text.find(q["cue"], end, p.end)
            if cs < 0:
                cs = text.find(q["cue"], p.start, p.end)
            cue = Cue(q["cue"], cs, cs + len(q["cue"]))
        about = [About(a, ents[a].name) for a in q.get("about", ())]
        out_quotes.append(Quote(text=q["text"], kind=q.get("kind", "direct"), start=start, end=end, paragraph=para,
                                speaker=speaker, cue=cue, about=about, date=q.get("date", published),
                                date_source="text" if q.get("date") else "published"))
    tx, cursor = [], 0
    for t_text, value, type_ in timexes:
        s, e = _find(text, t_text)
        tx.append(Timex(t_text, s, e, type_, value))
    meta = {"site": site, "author": "Staff reporter"}
    if url:
        meta["url"] = url
    return ArticleRecord(id=id, source=f"{site}/{id}.html", text=text, title=title, published=published,
                         published_source="supplied", paragraphs=paragraphs, metadata=meta, quotes=out_quotes,
                         entities=list(ents.values()), timexes=tx)


def profile(kind: str, gender, role: str, evidence: list[tuple[str, str]] = (), **fields) -> Profile:
    """A hand-made speaker profile: ``evidence`` are (kind, text) for the gender."""
    return Profile(kind=kind, gender=ProfileField(gender, evidence=[Evidence(k, t, gender) for k, t in evidence]),
                   role=ProfileField(role, evidence=[Evidence("descriptor", role, role)] if role != "unknown" else []),
                   **fields)


def with_profiles(rec: ArticleRecord, profiles: dict) -> ArticleRecord:
    """Put profiles on a record's entities (by local id) and entity-less speakers (by name)."""
    for e in rec.entities:
        e.profile = profiles.get(e.id)
    for q in rec.quotes:
        if q.speaker and not q.speaker.entity:
            q.speaker.profile = profiles.get(q.speaker.name)
    return rec


def articles() -> list[ArticleRecord]:
    dekker = ("e1", "Anna Dekker", "PERSON", ["Dekker"], ["union leader"])
    port = ("e2", "Port Authority", "ORG", [], [])
    mayor = ("e3", "Tomas Brink", "PERSON", ["Brink"], ["mayor"])
    a1 = make_article(
        "harbour-strike", site="portnews.example", published="2026-03-04",
        title="Dock workers walk out as harbour talks collapse",
        url="https://portnews.example/2026/03/harbour-strike",
        blocks=[
            ("caption", "Anna Dekker addresses dock workers at the north gate on Tuesday."),
            ("body", "Dock workers walked out of the harbour on Tuesday after talks with the Port Authority "
                     "collapsed over night-shift pay."),
            ("body", '"We will not load a single ship until the night shifts are paid fairly," said Anna Dekker, '
                     "the union leader."),
            ("heading", "Ships wait at anchor"),
            ("body", 'The Port Authority said the strike was "unlawful and reckless" and that it would seek '
                     "an injunction next month."),
            ("body", 'Dekker said the union had offered a compromise in January. "They never answered," she added.'),
            ("body", "Mayor Tomas Brink said he would meet both sides on Friday."),
        ],
        entities=[dekker, port, mayor],
        quotes=[
            {"text": "We will not load a single ship until the night shifts are paid fairly", "speaker": "Anna Dekker",
             "entity": "e1", "cue": "said", "descriptor": "the union leader", "about": ["e2"], "date": "2026-03-03"},
            {"text": "the strike was \"unlawful and reckless\" and that it would seek an injunction next month",
             "speaker": "Port Authority", "type": "organisation", "entity": "e2", "cue": "said", "kind": "mixed"},
            {"text": "the union had offered a compromise in January", "speaker": "Anna Dekker", "mention": "Dekker",
             "entity": "e1", "cue": "said", "kind": "indirect"},
            {"text": "They never answered", "speaker": "Anna Dekker", "mention": "she", "entity": "e1", "cue": "added"},
            {"text": "he would meet both sides on Friday", "speaker": "Tomas Brink", "entity": "e3", "cue": "said",
             "kind": "indirect", "mention": "Mayor Tomas Brink", "date": "2026-03-06"},
        ],
        timexes=[("Tuesday", "2026-03-03", "DATE"), ("next month", "2026-04", "DATE"),
                 ("in January", "2026-01", "DATE"), ("on Friday", "2026-03-06", "DATE")],
    )
    a2 = make_article(
        "harbour-deal", site="coastal.example", published="2026-05-12",
        title="Harbour strike ends with night-shift deal",
        blocks=[
            ("body", "The ten-week harbour strike ended on Monday with a deal on night-shift pay."),
            ("body", '"This is what standing together looks like," Anna Dekker said outside the union hall.'),
            ("body", 'Asked about the first day of the walkout, Dekker repeated her pledge: '
                     '"We will not load a single ship until the night shifts are paid fairly."'),
        ],
        entities=[dekker],
        quotes=[
            {"text": "This is what standing together looks like", "speaker": "Anna Dekker", "entity": "e1",
             "cue": "said", "date": "2026-05-11"},
            {"text": "We will not load a single ship until the night shifts are paid fairly", "speaker": "Anna Dekker",
             "mention": "Dekker", "entity": "e1", "cue": "repeated"},
        ],
        timexes=[("on Monday", "2026-05-11", "DATE"), ("ten-week", "P10W", "DURATION")],
    )
    a3 = make_article(
        "dekker-interview", site="portnews.example", published="2026-09-02",
        title="Interview: Anna Dekker on automation",
        blocks=[
            ("body", '"Automation is coming, and we want a say in how," Anna Dekker told the paper in August.'),
            ("body", 'She said the union would publish its own proposal before the end of the year.'),
        ],
        entities=[dekker],
        quotes=[
            {"text": "Automation is coming, and we want a say in how", "speaker": "Anna Dekker", "entity": "e1",
             "cue": "told", "date": "2026-08"},
            {"text": "the union would publish its own proposal before the end of the year", "speaker": "Anna Dekker",
             "mention": "She", "entity": "e1", "cue": "said", "kind": "indirect"},
        ],
        timexes=[("in August", "2026-08", "DATE"), ("the end of the year", "2026-12", "DATE")],
    )
    hostile_quote = f"Try this: {HOSTILE_BITS[0]} and {HOSTILE_BITS[1]}"
    a4 = make_article(
        "hostile", site="evil.example", published="2026-06-01",
        title="Hostile <script>window.__pwned = 9</script> headline",
        url="javascript:window.__pwned = 5",
        blocks=[
            ("body", f'"{hostile_quote}," said Mallory Hacker on 1 June.'),
            ("body", f"A link: {HOSTILE_BITS[2]} and an entity & ampersand \"quotes\" 'single'."),
            ("caption", f"Caption {HOSTILE_BITS[1]}"),
        ],
        entities=[("e1", "Mallory Hacker", "PERSON", ["<b>Mal</b>"], ['<img src=y onerror="window.__pwned=6">'])],
        quotes=[{"text": hostile_quote, "speaker": "Mallory Hacker", "entity": "e1", "cue": "said",
                 "descriptor": "<i>hacker</i>"}],
        timexes=[("1 June", "2026-06-01", "DATE")],
    )
    union = lambda *ev: profile("person", "female", "union", ev)  # noqa: E731
    with_profiles(a1, {"e1": union(("pronoun", "she")), "e2": profile("organisation", None, "government"),
                       "e3": profile("person", "male", "government", [("pronoun", "he")])})
    with_profiles(a2, {"e1": union(("given_name", "Anna"))})
    with_profiles(a3, {"e1": union(("pronoun", "She"))})
    with_profiles(a4, {"e1": profile("person", "unknown", "unknown")})
    return [a1, a2, a3, a4]


def build_store(path) -> str:
    """A store at ``path`` filled with the articles above; returns the path."""
    st = open_store(path)
    try:
        ingest_records(st, articles())
    finally:
        st.close()
    return str(path)
