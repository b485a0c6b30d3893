"""Scoring speaker profiles against hand annotations (``eval/profiles/annotations.jsonl``).

One JSON object a line: ``article`` (the record id), ``set``, ``name`` (and ``also``:
other names a correct system may use), ``kind``, ``gender`` (people and anonymous
sources: female | male | unknown, unknown where neither the text nor a clearly gendered
given name tells), ``role`` (``records.ROLES``) and a short evidence ``note``.

``score_profiles(annotations, records)`` finds each annotated speaker among the
record's profiled speakers (entity names and aliases, then entity-less speaker names,
compared as the quote scorer compares names) and reports, over the speakers found:
gender accuracy (on everyone with a gender label, on the clear ones, and how often an
unclear one is left unknown), the share predicted unknown, role accuracy (people and
anonymous sources, then every speaker) and the share of unknown roles.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from .evaluate import name_key

PEOPLE = ("person", "anonymous")


def load_annotations(path: str | Path, *, only_set: Optional[str] = None) -> list[dict]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if only_set is None or row.get("set") == only_set:
                rows.append(row)
    return rows


def _profiles_of(record: dict) -> list[tuple[set[str], dict]]:
    """(name keys, profile) of every profiled speaker of a record (dicts, as JSON)."""
    out = []
    for e in record.get("entities") or []:
        if e.get("profile"):
            keys = {name_key(n) for n in [e.get("name"), *(e.get("aliases") or [])] if n}
            out.append((keys, e["profile"]))
    for q in record.get("quotes") or []:
        sp = q.get("speaker") or {}
        if sp.get("profile"):
            out.append(({name_key(sp.get("name"))}, sp["profile"]))
    return out


def find_profile(record: dict, row: dict) -> Optional[dict]:
    """The profile the record gives the annotated speaker, or None."""
    wanted = {name_key(n) for n in [row["name"], *(row.get("also") or [])]}
    for keys, prof in _profiles_of(record):
        if keys & wanted:
            return prof
    return None


def _ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 3) if b else None


def score_profiles(annotations: Iterable[dict], records: dict[str, dict]) -> dict:
    """Figures and the list of misses (one line each) of profiles against annotations."""
    c = dict(speakers=0, found=0, people=0, people_found=0, gender=0, gender_ok=0, clear=0, clear_ok=0,
             unclear=0, unclear_unknown=0, predicted_unknown=0, role_people=0, role_people_ok=0, role=0,
             role_ok=0, role_unknown=0)
    misses: list[str] = []
    for row in annotations:
        c["speakers"] += 1
        person = row["kind"] in PEOPLE
        c["people"] += person
        rec = records.get(row["article"])
        prof = find_profile(rec, row) if rec else None
        if prof is None:
            misses.append(f"{row['article']}: {row['name']}: not found among the profiled speakers")
            continue
        c["found"] += 1
        c["people_found"] += person
        if person and row.get("gender"):
            got = (prof.get("gender") or {}).get("value") or "unknown"
            c["gender"] += 1
            c["gender_ok"] += got == row["gender"]
            c["predicted_unknown"] += got == "unknown"
            if row["gender"] == "unknown":
                c["unclear"] += 1
                c["unclear_unknown"] += got == "unknown"
            else:
                c["clear"] += 1
                c["clear_ok"] += got == row["gender"]
            if got != row["gender"]:
                misses.append(f"{row['article']}: {row['name']}: gender {got}, annotated {row['gender']} "
                              f"({row.get('note', '')})")
        got_role = (prof.get("role") or {}).get("value") or "unknown"
        c["role"] += 1
        c["role_ok"] += got_role == row["role"]
        c["role_unknown"] += got_role == "unknown"
        if person:
            c["role_people"] += 1
            c["role_people_ok"] += got_role == row["role"]
        if got_role != row["role"]:
            misses.append(f"{row['article']}: {row['name']}: role {got_role}, annotated {row['role']} "
                          f"({row.get('note', '')})")
    summary = {
        "speakers": c["speakers"], "found": c["found"], "people": c["people"], "people_found": c["people_found"],
        "gender_accuracy": _ratio(c["gender_ok"], c["gender"]),
        "gender_accuracy_clear": _ratio(c["clear_ok"], c["clear"]),
        "gender_unclear_left_unknown": _ratio(c["unclear_unknown"], c["unclear"]),
        "gender_unknown_share": _ratio(c["predicted_unknown"], c["gender"]),
        "role_accuracy_people": _ratio(c["role_people_ok"], c["role_people"]),
        "role_accuracy": _ratio(c["role_ok"], c["role"]),
        "role_unknown_share": _ratio(c["role_unknown"], c["role"]),
    }
    return {"summary": summary, "misses": misses}
