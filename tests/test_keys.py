"""Identity keys (newsgraph.keys): names, speakers, the near-duplicate rule for quotations."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import keys as K
from newsgraph.records import SPEAKER_TYPES


@pytest.mark.parametrize("name, key", [
    ("Kim Jong Un", "kim jong un"), ("Kim Jong-un", "kim jong un"), ("KIM JONG UN", "kim jong un"),
    ("President Donald J. Trump", "donald trump"), ("Mr. Moon's", "moon"), ("José Müller Jr.", "jose muller"),
    ("Dong-Yub Kim", "dong yub kim"), ("", ""), (None, ""),
    ("Prime Minister Theresa May", "theresa may"),        # "prime" goes with the title in a key
    ("Speaker Nancy Pelosi", "nancy pelosi"), ("Former Deputy Sheriff Ann Lee", "ann lee"),
    ("The Rev. Al Green", "al green"), ("Mr St Clair", "st clair"),   # "St" begins a surname
    ("President", "president"),                           # a title alone keeps its word
    ("O\u2019Neill", "oneill"), ("Mr O'Neill", "oneill"),
])
def test_name_key_of_a_person(name, key):
    assert K.name_key(name) == key


@pytest.mark.parametrize("name, key", [
    ("the Foreign Ministry", "foreign ministry"), ("President's Office", "president office"),
    ("A.C. Milan", "a c milan"), ("The", "the"), ("Café Müller", "cafe muller"),
])
def test_name_key_of_an_organisation_keeps_titles_and_initials_drops_possessives(name, key):
    assert K.name_key(name, "ORG") == key


@pytest.mark.parametrize("key, parts", [
    ("donald trump", ["trump", "donald"]), ("kim jong un", ["un", "kim"]), ("trump", []), ("", []),
    ("ali ali", ["ali"]),
])
def test_partial_keys(key, parts):
    assert K.partial_keys(key) == parts


@pytest.mark.parametrize("name, type_, key", [
    ("Maria Chen", "person", "PERSON:maria chen"), ("Dr. Maria Chen", "person", "PERSON:maria chen"),
    ("the Foreign Ministry", "organisation", "ORG:foreign ministry"), ("Japan", "country", "GPE:japan"),
    ("Democrats", "group", "NORP:democrats"),
    ("officials", "anonymous", "anonymous:officials"),    # a kind of its own: never an identity
    ("Mr. President", "person", "PERSON:president"),
    (None, None, ""), ("", "person", ""), ("   ", "person", ""), ("...", "person", ""),
])
def test_speaker_key(name, type_, key):
    assert K.speaker_key(name, type_) == key


@pytest.mark.parametrize("key, identity", [
    ("PERSON:maria chen", True), ("ORG:foreign ministry", True), ("GPE:japan", True), ("NORP:democrats", True),
    ("anonymous:officials", False), ("", False), (None, False),
])
def test_is_identity(key, identity):
    assert K.is_identity(key) is identity


def test_type_maps_agree():
    # every speaker type but "anonymous" has an identity type, and back
    assert set(K.SPEAKER_ENTITY_TYPES) == set(SPEAKER_TYPES) - {"anonymous"}
    assert {K.SPEAKER_TYPE_OF_ENTITY[t] for t in K.SPEAKER_ENTITY_TYPES.values()} == set(K.SPEAKER_ENTITY_TYPES)
    # a speaker found through an entity label has a speaker type with an identity
    assert set(K.TYPE_OF_LABEL.values()) <= set(K.SPEAKER_ENTITY_TYPES)
    assert K.entity_type("loc") == K.entity_type("GPE") == "GPE" and K.entity_type("PER") == "PERSON"
    assert K.entity_type("EVENT") == "EVENT" and K.entity_type(None) == "MISC"


@pytest.mark.parametrize("names, best", [
    (["Kim Jong Un", "Kim Jong-un", "Kim Jong Un"], "Kim Jong Un"),
    (["B", "A"], "A"), (["A", "B"], "A"),                 # a tie: code-point order, not arrival order
    ([None, "", "Moon"], "Moon"), ([], None), ([None], None),
])
def test_preferred_name(names, best):
    assert K.preferred_name(names) == best


def test_stable_hashes_are_fixed():
    # stored in the store's index: a change here needs a migration
    assert K.stable_hash("kim") == K.stable_hash("kim") and K.stable_hash("kim") != K.stable_hash("kin")
    assert -2**63 <= K.stable_hash("x") < 2**63
    assert K.stable_id("ab", "c") != K.stable_id("a", "bc")          # parts are kept apart
    assert len(K.stable_id("PERSON:kim", "we will")) == 16


# ------------------------------------------------------------------ quotations


@pytest.mark.parametrize("a, b, match", [
    ("We will never give up, whatever they say.", "we will never give up whatever they say", "exact"),
    ("We will never give up our weapons, whatever they say", "We will never give up our weapons", "trimmed"),
    ("whatever they say we will never give up our weapons", "we will never give up our weapons", "trimmed"),
    ("We will never give up our weapons at all", "We will never give up our arms at all", "near"),
    ("We will give up our nuclear weapons next year", "We will not give up our nuclear weapons next year", None),
    ("Prices rose 3 percent in March this year", "Prices rose 4 percent in March this year", None),
    ("No.", "Yes.", None),
    ("The talks are over", "The talks are over for now and for ever and ever more", None),  # too short a part
])
def test_quote_match(a, b, match):
    assert K.quote_match(K.quote_norm(a), K.quote_norm(b)) == match


@pytest.mark.parametrize("a, b, speaker, match", [
    ("We will never give up our weapons, whatever they say", "We will never give up our weapons", "P:x", "trimmed"),
    ("We will never give up our weapons, whatever they say", "We will never give up our weapons", "", None),
    ("The talks are over.", "the talks are over", "", "exact"),   # without a speaker: the same words only
    ("", "", "P:x", None),                                        # no words: no quotation
    ("Sanctions will fail.", "Sanctions will fail, mark my words, they always do.", "P:x", None),
])
def test_same_quotation(a, b, speaker, match):
    na, nb = K.quote_norm(a), K.quote_norm(b)
    assert K.same_quotation(na, nb, speaker) == match == K.same_quotation(nb, na, speaker)


def test_quote_anchors_meet_for_trimmed_quotes_of_one_speaker():
    full = K.quote_norm("We will never give up our nuclear weapons, whatever the sanctions say.")
    cut = K.quote_norm("We will never give up our nuclear weapons")
    assert set(K.quote_anchors(full, "e:1")) & set(K.quote_anchors(cut, "e:1"))
    assert not set(K.quote_anchors(full, "e:1")) & set(K.quote_anchors(cut, "e:2"))
    assert K.quote_anchors("", "e:1") == [] == K.quote_anchors("", "")
    # without a speaker only the same words meet: one key, the wording's own
    assert K.quote_anchors(full, "") == [K.stable_hash("|" + full)]
    assert not set(K.quote_anchors(full, "")) & set(K.quote_anchors(cut, ""))


FULL = "we will never give up our nuclear weapons whatever the sanctions say"
CUT = "we will never give up our nuclear weapons"
NEAR = "we will never give up our nuclear weapons whatever the sanctions claim"
OTHER = "the sanctions will fail and history will prove it"


@pytest.mark.parametrize("norms, groups", [
    ([FULL, CUT, NEAR, OTHER], [[OTHER], [CUT, NEAR, FULL]]),   # in code-point order
    ([CUT, NEAR], [[CUT, NEAR]]),                 # near each other through nothing but their words
    ([OTHER, OTHER, ""], [[OTHER]]),
    ([], []),
])
def test_quotation_groups(norms, groups):
    assert K.quotation_groups(norms, "PERSON:kim") == groups


def test_a_wording_between_two_joins_them():
    # a and c are not near each other, but b is near both: one quotation
    a = "one two three four five six seven eight nine ten"
    b = a + " eleven twelve"
    c = b + " thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo"
    assert K.same_quotation(a, c, "P:x") is None
    assert K.same_quotation(a, b, "P:x") and K.same_quotation(b, c, "P:x")
    assert K.quotation_groups([a, c], "P:x") == [[a], [c]]
    assert K.quotation_groups([c, b, a], "P:x") == [[a, b, c]]


def test_speakerless_wordings_group_only_when_equal():
    assert K.quotation_groups([FULL, CUT, FULL], "") == [[CUT], [FULL]]


VOCAB = "we will never give up our nuclear weapons whatever the sanctions say claim talks not 3".split()
wordings = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=14).map(" ".join)


def _components(norms: list[str], speaker: str) -> list[list[str]]:
    """The reference: components of same_quotation over every pair, by brute force."""
    distinct = sorted({n for n in norms if n})
    groups = [{n} for n in distinct]
    for a, b in itertools.combinations(distinct, 2):
        if K.same_quotation(a, b, speaker):
            ga = next(g for g in groups if a in g)
            gb = next(g for g in groups if b in g)
            if ga is not gb:
                groups.remove(gb)
                ga |= gb
    return sorted(sorted(g) for g in groups)


@settings(max_examples=150, deadline=None)
@given(st.lists(wordings, max_size=12), st.sampled_from(["PERSON:kim", ""]), st.randoms(use_true_random=False))
def test_groups_are_the_components_whatever_the_order(norms, speaker, rnd):
    base = [K.quote_norm(n) for n in norms]
    # seed the list with trimmed and near copies so the relation has edges to find
    extra = [" ".join(n.split()[:max(5, len(n.split()) // 2 + 1)]) for n in base]
    norms = base + extra
    expected = _components(norms, speaker)
    shuffled = list(norms)
    rnd.shuffle(shuffled)
    got = K.quotation_groups(shuffled, speaker)
    assert sorted(got) == expected
    assert got == K.quotation_groups(norms, speaker)


@pytest.mark.parametrize("occurrences, best", [
    # the fullest wording wins, then the first published, then article id and index
    ([(CUT, "2019-01-01", "a", 0), (FULL, "2019-05-01", "b", 0)], 1),
    ([(FULL, "2019-05-01", "b", 0), (NEAR, "2019-01-01", "c", 0)], 1),
    ([(FULL, None, "a", 0), (FULL, "2019-05-01", "b", 0)], 1),        # an undated one comes last
    ([(FULL, "2019-05-01", "b", 1), (FULL, "2019-05-01", "b", 0)], 1),
])
def test_wording_rank(occurrences, best):
    assert min(range(len(occurrences)), key=lambda i: K.wording_rank(*occurrences[i])) == best
    assert min(reversed(occurrences), key=lambda o: K.wording_rank(*o)) == occurrences[best]
