"""Synthetic news articles from templates, generated at run time (nothing stored).

Deterministic for a seed, so two runs measure the same texts.
"""
from __future__ import annotations

import random

FIRST = ["Maria", "Tomas", "Aiko", "Daniel", "Leila", "Oskar", "Priya", "Samuel", "Ines", "Viktor",
         "Grace", "Hamid", "Elena", "Marcus", "Sofia", "Jonas", "Amara", "Felix", "Nadia", "Paul"]
LAST = ["Alvarez", "Brandt", "Chen", "Dossou", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka"]
COUNTRIES = ["Canada", "Brazil", "Kenya", "Japan", "Norway", "Chile", "Ghana", "Poland", "Vietnam", "Mexico"]
ORGS = ["the Finance Ministry", "the central bank", "the port authority", "the national rail company",
        "the health agency", "the electoral commission", "the teachers' union", "the energy regulator"]
TITLES = ["Finance Minister", "Senator", "Governor", "Mayor", "Chancellor", "Prime Minister", "Judge"]
TOPICS = ["fuel subsidies", "the rail strike", "water tariffs", "the border agreement", "school funding",
          "the new budget", "port congestion", "interest rates", "the election timetable", "housing prices"]
VERBS = ["said", "told reporters", "insisted", "warned", "added", "argued", "noted", "acknowledged"]
WHEN = ["on Monday", "on Tuesday", "last week", "this month", "on Thursday evening", "earlier this year",
        "in March", "two days ago", "on Friday", "late on Wednesday"]


def _person(r: random.Random) -> tuple[str, str, str]:
    first, last = r.choice(FIRST), r.choice(LAST)
    return f"{first} {last}", last, r.choice(TITLES)


def article(i: int, r: random.Random) -> dict:
    country, topic, org = r.choice(COUNTRIES), r.choice(TOPICS), r.choice(ORGS)
    (full, last, title), (full2, last2, _) = _person(r), _person(r)
    when, when2 = r.choice(WHEN), r.choice(WHEN)
    paras = [
        f"{title} {full} {r.choice(VERBS[:4])} {when} that {country} would review {topic} before the end of the year, "
        f"warning that delays could cost the economy billions.",
        f"\u201cWe cannot keep postponing decisions on {topic},\u201d {last} said at a news conference in the capital. "
        f"\u201cEvery month we wait makes the problem harder to fix.\u201d",
        f"Opposition lawmakers said the plan came too late. {full2}, who leads the largest opposition party, "
        f"told reporters {when2} that the government had ignored warnings for years.",
        f"\u201cThey knew about {topic} and chose to do nothing,\u201d {last2} said, adding that his party would "
        f"demand a parliamentary inquiry.",
        f"In a statement, {org} said it welcomed the review but insisted that any change must protect households "
        f"with low incomes.",
        f"Analysts expect the debate over {topic} to dominate the coming months. Officials, speaking on condition "
        f"of anonymity, said a draft could be ready by {r.choice(['June', 'September', 'November'])}.",
        f"{country} has struggled with {topic} for decades, and previous attempts at reform collapsed in "
        f"{r.randint(1995, 2018)} after mass protests.",
    ]
    r.shuffle(paras[4:])
    return {"id": f"synthetic-{i:06d}", "title": f"{country} to review {topic}, {last} says",
            "text": "\n\n".join(paras), "published": f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"}


def generate(n: int, seed: int = 7) -> list[dict]:
    r = random.Random(seed)
    return [article(i, r) for i in range(n)]
