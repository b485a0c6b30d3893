"""Country names, capitals and demonyms to ISO 3166-1 alpha-3 codes.

The data come from the maintained PyPI package ``countryinfo`` (MIT): each
country's name, alternative spellings, ISO codes, capital and demonym. Nothing
here is a hand-typed table of countries; only rules of English word formation
(plurals, "the", dots in abbreviations) are ours.

    country_code("Pyongyang")   -> "PRK"   (a capital stands for its government)
    country_code("Jordanian")   -> "JOR"   (a demonym)
    country_code("the U.S.")    -> "USA"
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Optional

_SPACE = re.compile(r"\s+")


def fold(name: str) -> str:
    """A lookup key: lower case, no dots or apostrophes, single spaces, no leading article."""
    s = name.replace("\u2019", "'").replace("'s", "").replace(".", "").replace("'", "")
    s = _SPACE.sub(" ", re.sub(r"[^\w\s-]", " ", s.lower())).strip()
    return re.sub(r"^(the) ", "", s)


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(names, capitals, demonyms, code -> English name), built once from countryinfo's files."""
    import countryinfo

    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    english: dict[str, str] = {}
    data_dir = Path(countryinfo.__file__).with_name("data")
    for path in sorted(data_dir.glob("*.json")):
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        code = ((d.get("ISO") or {}).get("alpha3") or "").upper()
        if len(code) != 3 or not d.get("name"):
            continue
        english.setdefault(code, d["name"])
        for n in [d["name"], *(d.get("altSpellings") or [])]:
            if not isinstance(n, str) or not n.strip():
                continue
            if len(n) <= 3 and not n.isupper():
                continue
            key = fold(n)
            if len(key) <= 3 and n.upper() != n:
                continue
            # "Korea, Democratic People's Republic of" -> also "Democratic People's Republic of Korea"
            if "," in n:
                a, _, b = n.partition(",")
                names.setdefault(fold(f"{b} {a}"), code)
            names.setdefault(key, code)
        cap = d.get("capital")
        if isinstance(cap, str) and cap.strip():
            for c in cap.split("/"):
                key = fold(c)
                capitals.setdefault(key, code)
                # "Washington D.C." is also "Washington"
                for suffix in (" dc", " d c"):
                    if key.endswith(suffix):
                        capitals.setdefault(key[: -len(suffix)].strip(), code)
        dem = d.get("demonym")
        if isinstance(dem, str) and dem.strip():
            demonyms.setdefault(fold(dem), code)
    # a name wins over a capital or demonym spelt the same ("Djibouti", "Kuwait")
    for table in (capitals, demonyms):
        for k in list(table):
            if k in names:
                del table[k]
    return names, capitals, demonyms, english


def _plural_stem(key: str) -> list[str]:
    """'iraqis' -> 'iraqi', 'palestinians' -> 'palestinian' (English plural of a demonym)."""
    out = []
    if key.endswith("es"):
        out.append(key[:-2])
    if key.endswith("s"):
        out.append(key[:-1])
    return out


@functools.lru_cache(maxsize=4096)
def lookup(name: str) -> Optional[tuple[str, str]]:
    """(ISO alpha-3, how) for a country's name, capital or demonym; how is
    "name", "capital" or "demonym". None when the words name no country."""
    if not name or not name.strip():
        return None
    names, capitals, demonyms, _ = _tables()
    key = fold(name)
    if not key:
        return None
    if key in names:
        return names[key], "name"
    if key in capitals:
        return capitals[key], "capital"
    if key in demonyms:
        return demonyms[key], "demonym"
    for stem in _plural_stem(key):
        if stem in demonyms:
            return demonyms[stem], "demonym"
    # "North Korean leader" -> the longest leading run of words that is a demonym or name
    words = key.split()
    for n in range(min(len(words) - 1, 4), 0, -1):
        head = " ".join(words[:n])
        if head in demonyms:
            return demonyms[head], "demonym"
        if head in names and len(head) > 3:
            return names[head], "name"
    return None


def country_code(name: str) -> Optional[str]:
    """ISO 3166-1 alpha-3 of a country's name, capital or demonym (None when unknown)."""
    hit = lookup(name)
    return hit[0] if hit else None


def country_name(code: str) -> Optional[str]:
    """The English short name of an alpha-3 code ("PRK" -> "North Korea")."""
    return _tables()[3].get((code or "").upper())
