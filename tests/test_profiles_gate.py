"""Gate on the speaker profiles: hand annotations of every speaker of the sample corpus and
of the 25 gold articles (eval/profiles/annotations.jsonl: names, labels, a short evidence
note) scored against the session's one pipeline run over each set. The minimums in
gold_minimums.json (profiles_samples, profiles_gold) only rise.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate import find_profile, load_annotations, score_profiles

from conftest import REPO
from test_gold_gate import REFERENCE_ID, _check

ANNOTATIONS = REPO / "eval" / "profiles" / "annotations.jsonl"
MINIMUMS = json.loads((Path(__file__).with_name("gold_minimums.json")).read_text())

pytestmark = pytest.mark.slow


def test_samples_profiles_gate(samples_run):
    _, preds = samples_run
    report = score_profiles(load_annotations(ANNOTATIONS, only_set="samples"), preds)
    _check(report["summary"], MINIMUMS["profiles_samples"])


@pytest.mark.gold
def test_gold_profiles_gate(gold_run):
    _, preds, _ = gold_run
    report = score_profiles(load_annotations(ANNOTATIONS, only_set="gold"), preds)
    _check(report["summary"], MINIMUMS["profiles_gold"])


# the reference article's cases of issue 16: (name, gender, role, kind)
REFERENCE_CASES = [
    ("Kim Jong Un", "male", "government", "person"),           # "he" of him in the text
    ("Donald Trump", "male", "government", "person"),
    ("Dong-Yub Kim", "unknown", "expert", "person"),           # the names data does not know Dong-Yub
    ("Mintaro Oba", "unknown", "government", "person"),        # a former diplomat; Mintaro unknown to the data
    ("an official at Seoul's presidential Blue House", "unknown", "government", "anonymous"),
]


@pytest.mark.gold
@pytest.mark.parametrize("name,gender,role,kind", REFERENCE_CASES)
def test_reference_article_profiles(gold_run, name, gender, role, kind):
    _, preds, _ = gold_run
    prof = find_profile(preds[REFERENCE_ID], {"name": name})
    assert prof is not None, name
    assert (prof["gender"]["value"], prof["role"]["value"], prof["kind"]) == (gender, role, kind)
    if name == "Mintaro Oba":
        assert prof["role"]["label"] == "former"
    if kind == "anonymous":
        assert prof["anonymous"] is True and prof["country"]["value"] == "South Korea"


def test_annotations_are_well_formed():
    from newsgraph.records import GENDERS, ROLES, SPEAKER_TYPES

    rows = load_annotations(ANNOTATIONS)
    assert len(rows) >= 250
    seen = set()
    for r in rows:
        assert r["set"] in ("gold", "samples") and r["kind"] in SPEAKER_TYPES and r["role"] in ROLES, r
        assert r.get("gender") in GENDERS if r["kind"] in ("person", "anonymous") else "gender" not in r, r
        assert 0 < len(r["note"]) <= 120, r          # a short note, never a copied sentence
        assert (r["article"], r["name"]) not in seen, r
        seen.add((r["article"], r["name"]))
