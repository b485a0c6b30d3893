"""Source-diversity figures: who gets quoted, by gender and role, per outlet, month or section.

``sources(store, by=..., since=..., until=...)`` counts, over the occurrences of
quotations (an article's quote; syndicated copies count once), the distinct people
quoted (speakers whose merged profile is a person) by gender, people and anonymous
sources by role, the share of quotes from anonymous sources, and the most quoted people
of each gender. Every figure carries its base (``of N quoted people``) and the search
filters that list the quotations behind it (``search`` of each count).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from ..errors import E
from ..records import ROLES
from .db import Store, StoreError
from .profiles import PROFILE_KEY_SQL

GROUPINGS = {None: None, "outlet": "o.site", "month": "substr(o.published, 1, 7)", "section": "a.section"}
GENDER_VALUES = ("female", "male", "unknown")
PEOPLE_KINDS = ("person", "anonymous")


def _check_date(value: Optional[str], name: str) -> None:
    import re

    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise StoreError(E.BAD_OPTION, detail=f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")


def _pct(n: int, base: int) -> Optional[float]:
    return round(100.0 * n / base, 1) if base else None


def sources(store: Store, *, by: Optional[str] = None, since: Optional[str] = None,
            until: Optional[str] = None, top: int = 5, limit_groups: int = 50) -> dict:
    """Gender and role figures of the people quoted, overall or per group.

    ``by``: None (the whole corpus), ``outlet``, ``month`` or ``section``; ``since`` and
    ``until`` bound the publication date (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)."""
    if by not in GROUPINGS:
        raise StoreError(E.BAD_OPTION, detail="by must be one of outlet, month, section")
    _check_date(since, "since")
    _check_date(until, "until")
    if not isinstance(top, int) or not 0 <= top <= 50:
        raise StoreError(E.BAD_OPTION, detail="top must be a whole number from 0 to 50")
    group_sql = GROUPINGS[by] or "NULL"
    where, params = ["COALESCE(a.duplicate_of, 0) = 0"], []
    if since:
        where.append("o.published >= ?")
        params.append(since)
    if until:
        where.append("o.published <= ?")
        params.append(until + "~" if len(until) < 10 else until)
    where_sql = " AND ".join(where)
    conn = store.reader()
    with store.time_limit(conn):
        rows = conn.execute(
            f"SELECT {group_sql} AS grp, {PROFILE_KEY_SQL} AS skey, q.speaker AS entity, "
            f"COALESCE(e.name, q.speaker_name) AS name, p.kind AS kind, p.gender AS gender, p.role AS role, "
            f"COUNT(*) AS n FROM occurrences o JOIN articles a ON a.rowid = o.article "
            f"JOIN quotations q ON q.id = o.quotation LEFT JOIN profiles p ON p.speaker_key = {PROFILE_KEY_SQL} "
            f"LEFT JOIN entities e ON e.id = q.speaker "
            f"WHERE {where_sql} GROUP BY grp, skey", params).fetchall()
    groups: dict = defaultdict(list)
    for r in rows:
        groups[r["grp"]].append(r)
    order = sorted(groups, key=lambda g: (-sum(r["n"] for r in groups[g]), str(g)))
    if by == "month":
        order = sorted(groups, key=lambda g: str(g or ""))
    items = [_figures(g, groups[g], by, since, until, top) for g in order[:limit_groups]]
    total = _figures(None, rows, None, since, until, top) if by else items[0] if items else _figures(None, [], None, since, until, top)
    return {"by": by, "since": since, "until": until, "total": total, "groups": items if by else [],
            "n_groups": len(groups) if by else 0}


def _filters(by: Optional[str], group, since: Optional[str], until: Optional[str], **extra) -> dict:
    """The quotation-search filters that list the quotations behind a figure."""
    f = {k: v for k, v in extra.items() if v}
    if by == "outlet" and group:
        f["source"] = group
    if by == "section" and group:
        f["section"] = group
    if by == "month" and group:
        f["since"], f["until"] = group, group
    else:
        if since:
            f["since"] = since
        if until:
            f["until"] = until
    if "since" in f or "until" in f:
        f["date_field"] = "published"
    return f


def _by_speaker(rows) -> list[dict]:
    """Rows of (group, speaker) summed per speaker (the corpus total over several groups)."""
    out: dict = {}
    for r in rows:
        d = out.get(r["skey"])
        if d is None:
            out[r["skey"]] = dict(r)
        else:
            d["n"] += r["n"]
    return list(out.values())


def _figures(group, rows, by, since, until, top: int) -> dict:
    rows = _by_speaker(rows)
    people = [r for r in rows if r["kind"] == "person"]
    sourced = [r for r in rows if r["kind"] in PEOPLE_KINDS]
    n_people = len(people)
    gender = {g: sum(1 for r in people if (r["gender"] or "unknown") == g) for g in GENDER_VALUES}
    roles = {ro: sum(1 for r in sourced if (r["role"] or "unknown") == ro) for ro in ROLES}
    quotes = sum(r["n"] for r in rows)
    anon_quotes = sum(r["n"] for r in rows if r["kind"] == "anonymous")
    person_quotes = {g: sum(r["n"] for r in people if (r["gender"] or "unknown") == g) for g in GENDER_VALUES}
    top_voices = {}
    for g in GENDER_VALUES:
        voices = sorted((r for r in people if (r["gender"] or "unknown") == g), key=lambda r: (-r["n"], r["name"] or ""))
        top_voices[g] = [{"id": r["entity"], "name": r["name"], "quotes": r["n"],
                          "search": _filters(by, group, since, until, speaker=r["name"])} for r in voices[:top]]
    return {
        "group": group,
        "people": n_people,
        "gender": {g: {"people": gender[g], "share": _pct(gender[g], n_people), "quotes": person_quotes[g],
                       "search": _filters(by, group, since, until, gender=g, speaker_type="person")}
                   for g in GENDER_VALUES},
        "sourced": len(sourced),
        "roles": {ro: {"people": roles[ro], "share": _pct(roles[ro], len(sourced)),
                       "search": _filters(by, group, since, until, role=ro)}
                  for ro in ROLES if roles[ro]},
        "quotes": quotes,
        "anonymous_quotes": anon_quotes,
        "anonymous_share": _pct(anon_quotes, quotes),
        "anonymous_search": _filters(by, group, since, until, speaker_type="anonymous"),
        "top": top_voices,
        "base": (f"of {n_people:,} quoted {'person' if n_people == 1 else 'people'}, "
                 f"{_pct(gender['unknown'], n_people) or 0:g}% of unknown gender; "
                 f"{anon_quotes:,} of {quotes:,} quotes from anonymous sources"),
    }


def speaker_profile(store: Store, entity: int) -> Optional[dict]:
    """The merged profile of a corpus entity that speaks, with each article's view."""
    import json

    conn = store.reader()
    with store.time_limit(conn):
        row = conn.execute("SELECT * FROM profiles WHERE speaker_key = ?", (f"e:{entity}",)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["gender_votes"] = json.loads(out["gender_votes"])
        out["role_votes"] = json.loads(out["role_votes"])
        out["articles"] = [
            {"article": r["id"], "gender": r["gender"], "role": r["role"], "former": bool(r["role_former"]),
             "country": r["country"], "affiliation": r["affiliation_name"]}
            for r in conn.execute("SELECT a.id, sp.* FROM speaker_profiles sp JOIN articles a ON a.rowid = sp.article "
                                  "WHERE sp.speaker_key = ? ORDER BY a.published DESC, a.rowid DESC LIMIT 50",
                                  (f"e:{entity}",))]
    return out
