"""`newsgraph eval`: extraction on an annotated folder, scored with the project's measures.

The gold format and the measures are those of the shared evaluation
(quote hits by token overlap, attribution by accepted speaker names, entity
recall, time-expression recall and value accuracy, cleaning checks), so users
can annotate their own articles and check the tool on them.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from .options import Options

HIT_SHARE = 0.6      # share of a predicted quote's words inside the gold quote
FOUND_SHARE = 0.5    # share of a gold quote's words covered by hitting predictions
MIN_WORDS = 2        # fewest shared words for a hit

_WORD = re.compile(r"[a-z0-9]+")


def words(text: Optional[str]) -> Counter:
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    return Counter(_WORD.findall(text))


def name_key(name: Optional[str]) -> str:
    """Names compared without case, dots, hyphens or a leading article."""
    key = (name or "").lower().replace(".", "").replace("\u2019", "'")
    key = re.sub(r"[^a-z0-9']+", " ", key).strip()
    return re.sub(r"^(?:the|an|a) ", "", key)


def _speaker_name(speaker) -> Optional[str]:
    return speaker.get("name") if isinstance(speaker, dict) else speaker


def _speaker_mention(speaker) -> Optional[str]:
    mention = speaker.get("mention") if isinstance(speaker, dict) else None
    return mention.get("text") if isinstance(mention, dict) else None


# words that never make two speaker spans the same source
SPAN_STOP = frozenset({"the", "a", "an", "of", "s", "and", "in", "for", "to", "at", "on", "with"})


def speaker_ok(gold_quote: dict, accepted: set[str], speaker) -> bool:
    """Canonical gold: the predicted name is in the accept list. Span gold
    (``speaker_span``: the source as the article writes it, "he", "a campaign aide"):
    the predicted name or the mention it was read from shares a word with it."""
    name = _speaker_name(speaker)
    if gold_quote.get("speaker_span"):
        src = set(words(gold_quote.get("speaker"))) - SPAN_STOP
        return bool(src & (set(words(name)) | set(words(_speaker_mention(speaker)))))
    return name_key(name) in accepted


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_article(gold: dict, pred: dict) -> tuple[Counter, list[str]]:
    """Counts for one article and the list of its misses."""
    c: Counter = Counter()
    notes: list[str] = []
    gid = gold.get("id")
    golds = gold.get("quotes", [])
    gw = [words(g["text"]) for g in golds]
    accepted = [{name_key(a) for a in g.get("accept") or [g.get("speaker")]} for g in golds]
    covered = [Counter() for _ in golds]
    best: list[tuple[int, object]] = [(0, None)] * len(golds)
    for p in pred.get("quotes", []):
        pw = words(p.get("text"))
        n = sum(pw.values())
        candidates = []
        for i, g in enumerate(gw):
            shared = sum((pw & g).values())
            if n and shared >= min(MIN_WORDS, sum(g.values())) and shared / n >= HIT_SHARE:
                candidates.append((shared, i))
        if not candidates:
            c["pred_unmatched"] += 1
            continue
        shared, i = max(candidates)
        if golds[i].get("optional"):
            continue
        c["pred_matched"] += 1
        covered[i] |= pw & gw[i]
        if speaker_ok(golds[i], accepted[i], p.get("speaker")):
            c["pred_speaker_ok"] += 1
        if shared > best[i][0]:
            best[i] = (shared, p.get("speaker"))
    for i, g in enumerate(golds):
        if g.get("optional"):
            continue
        c["gold"] += 1
        if sum(covered[i].values()) >= FOUND_SHARE * sum(gw[i].values()):
            c["found"] += 1
            if speaker_ok(g, accepted[i], best[i][1]):
                c["found_speaker_ok"] += 1
            else:
                notes.append(f"{gid}: wrong: {g.get('speaker')!r} <- {_speaker_name(best[i][1])!r}: {g['text'][:60]}")
        else:
            notes.append(f"{gid}: missed: {g.get('speaker')!r}: {g['text'][:70]}")
    # entities
    names = {name_key(e.get("name")) for e in pred.get("entities", [])}
    known: set[str] = set()
    for e in gold.get("entities", []):
        acc = {name_key(a) for a in e.get("accept") or [e["name"]]}
        known |= acc
        c["entities"] += 1
        c["entities_found"] += bool(names & acc)
    if gold.get("entities"):
        for e in pred.get("entities", []):
            if str(e.get("type", "")).upper() in ("PERSON", "PER") and name_key(e.get("name")) not in known:
                c["spurious_persons"] += 1
                notes.append(f"{gid}: spurious: {e.get('name')}")
    # time expressions
    pt = [(name_key(t.get("text")), str(t.get("value"))) for t in pred.get("timexes", [])]
    for t in gold.get("timexes", []):
        if t.get("optional"):
            continue
        c["timexes"] += 1
        g = name_key(t["text"])
        values = [v for txt, v in pt if txt and (g in txt or txt in g)]
        if values:
            c["timexes_found"] += 1
            if set(values) & {t["value"], *t.get("also", [])}:
                c["timexes_value_ok"] += 1
            else:
                notes.append(f"{gid}: timex value: {t['text']!r} {values} != {t['value']}")
        else:
            notes.append(f"{gid}: timex missed: {t['text']!r}")
    for bad in gold.get("not_timexes", []):
        if any(name_key(bad) == txt for txt, _ in pt):
            c["timex_false"] += 1
    # cleaning
    text = pred.get("text") or ""
    for line in gold.get("boilerplate", []):
        if re.search(r"(?m)^\s*" + re.escape(line) + r"\s*$", text):
            c["boilerplate_left"] += 1
            notes.append(f"{gid}: boilerplate left: {line!r}")
    for cap in gold.get("captions", []):
        c["captions_repeated"] += text.count(cap) > 1
    if gold.get("published"):
        c["published"] += 1
        c["published_ok"] += str(pred.get("published") or "")[:10] == gold["published"]
    if gold.get("title"):
        c["titles"] += 1
        c["title_ok"] += name_key(pred.get("title")) == name_key(gold["title"])
    return c, notes


THRESHOLDS = (0.0, 0.5, 0.7, 0.8, 0.9)


def prediction_labels(gold: dict, pred: dict) -> list[tuple[Optional[float], int]]:
    """(confidence, right) for each predicted quote: right is 1 when it hits a gold
    statement with the right speaker, 0 when the speaker is wrong or it hits no
    statement; quotes on optional gold statements are left out."""
    golds = gold.get("quotes", [])
    gw = [words(g["text"]) for g in golds]
    accepted = [{name_key(a) for a in g.get("accept") or [g.get("speaker")]} for g in golds]
    out = []
    for p in pred.get("quotes", []):
        pw = words(p.get("text"))
        n = sum(pw.values())
        hits = [(sum((pw & g).values()), i) for i, g in enumerate(gw)]
        hits = [(sh, i) for sh, i in hits if n and sh >= min(MIN_WORDS, sum(gw[i].values())) and sh / n >= HIT_SHARE]
        if not hits:
            out.append((p.get("confidence"), 0))
            continue
        _, i = max(hits)
        if golds[i].get("optional"):
            continue
        out.append((p.get("confidence"), int(speaker_ok(golds[i], accepted[i], p.get("speaker")))))
    return out


def reliability(confidences: list, labels: list[int], bins: int = 10) -> list[str]:
    """A reliability table: per confidence band, the quotes in it, their mean
    confidence and the share with the right speaker; then the share at >= 0.9."""
    lines = [f"{'confidence':<11} {'quotes':>6} {'mean':>6} {'right':>6}"]
    pairs = [(c, y) for c, y in zip(confidences, labels, strict=True) if c is not None]
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        band = [(c, y) for c, y in pairs if lo <= c < hi or (k == bins - 1 and c == 1.0)]
        if band:
            lines.append(f"{lo:.1f}-{hi:.1f}     {len(band):>6} {sum(c for c, _ in band) / len(band):>6.3f} "
                         f"{sum(y for _, y in band) / len(band):>6.3f}")
    high = [y for c, y in pairs if c >= 0.9]
    lines.append(f">= 0.9      {len(high):>6}        {sum(high) / len(high) if high else 0.0:>6.3f}")
    return lines


def confidence_report(golds: dict[str, dict], preds: dict[str, dict]) -> dict:
    """Attribution precision and recall when only quotes at or above each threshold
    are kept, and the reliability table of the confidences."""
    at = {}
    for t in THRESHOLDS:
        kept = {gid: {**p, "quotes": [q for q in p.get("quotes", []) if (q.get("confidence") or 0.0) >= t]}
                for gid, p in preds.items()}
        sm = score(golds, kept)["summary"]
        at[t] = {k: sm[k] for k in ("quotes_predicted", "attribution_precision", "attribution_recall",
                                    "attribution_f1", "quote_precision", "quote_recall")}
    conf, labels = [], []
    for gid, gold in golds.items():
        for c, y in prediction_labels(gold, preds.get(gid, {})):
            conf.append(c)
            labels.append(y)
    return {"thresholds": at, "reliability": reliability(conf, labels),
            "right_at_0.9": round(sum(y for c, y in zip(conf, labels, strict=True) if c is not None and c >= 0.9)
                                  / max(1, sum(1 for c in conf if c is not None and c >= 0.9)), 3)}


def format_confidence(rep: dict) -> str:
    lines = ["attribution at a minimum confidence:",
             f"{'min':<5} {'quotes':>7} {'att P':>6} {'att R':>6} {'att F1':>6}"]
    for t, v in rep["thresholds"].items():
        lines.append(f"{t:<5.1f} {v['quotes_predicted']:>7} {v['attribution_precision']:>6.3f} "
                     f"{v['attribution_recall']:>6.3f} {v['attribution_f1']:>6.3f}")
    lines.append("reliability (right = the quote is a statement and its speaker is right):")
    lines += rep["reliability"]
    return "\n".join(lines)


def score(golds: dict[str, dict], preds: dict[str, dict]) -> dict:
    total: Counter = Counter()
    notes: list[str] = []
    for gid, gold in golds.items():
        pred = preds.get(gid)
        if pred is None:
            notes.append(f"{gid}: no prediction")
            pred = {}
        c, n = score_article(gold, pred)
        total.update(c)
        notes.extend(n)
    npred = total["pred_matched"] + total["pred_unmatched"]
    qp, qr = _ratio(total["pred_matched"], npred), _ratio(total["found"], total["gold"])
    ap, ar = _ratio(total["pred_speaker_ok"], npred), _ratio(total["found_speaker_ok"], total["gold"])
    r3 = lambda x: round(x, 3)  # noqa: E731
    summary = {
        "articles": len(golds), "predicted_articles": sum(1 for g in golds if g in preds),
        "quotes_gold": total["gold"], "quotes_predicted": npred,
        "quote_precision": r3(qp), "quote_recall": r3(qr), "quote_f1": r3(_f1(qp, qr)),
        "attribution_precision": r3(ap), "attribution_recall": r3(ar), "attribution_f1": r3(_f1(ap, ar)),
        "entity_recall": r3(_ratio(total["entities_found"], total["entities"])) if total["entities"] else None,
        "spurious_persons": total["spurious_persons"],
        "timex_recall": r3(_ratio(total["timexes_found"], total["timexes"])) if total["timexes"] else None,
        "timex_value_accuracy": r3(_ratio(total["timexes_value_ok"], total["timexes"])) if total["timexes"] else None,
        "timex_false": total["timex_false"],
        "boilerplate_left": total["boilerplate_left"], "captions_repeated": total["captions_repeated"],
        "published_ok": f"{total['published_ok']}/{total['published']}",
        "title_ok": f"{total['title_ok']}/{total['titles']}",
    }
    return {"summary": summary, "notes": notes}


def add_prediction(preds: dict, d: dict) -> None:
    """Index a predicted record by its id; a file found in a sub-folder of an input folder
    has the id "sub/name" (ids are unique per source), so it is matched by its name too."""
    preds[d["id"]] = d
    preds.setdefault(d["id"].rsplit("/", 1)[-1], d)


def load_gold(folder: str | Path) -> dict[str, dict]:
    golds = {}
    for f in sorted(Path(folder).glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[str(g.get("id", f.stem))] = g
    return golds


def gold_inputs(folder: str | Path, golds: dict[str, dict]) -> list[str]:
    """The article file of each gold annotation: ID.txt, ID.html or the gold's `source`."""
    folder = Path(folder)
    paths = []
    for gid, g in golds.items():
        for cand in ([folder / g["source"]] if g.get("source") else []) + [
                folder / f"{gid}.txt", folder / f"{gid}.html", folder / f"{gid}.htm"]:
            if cand.is_file():
                paths.append(str(cand))
                break
    return paths


def evaluate_folder(folder: str | Path, *, inputs: Optional[list[str]] = None, options: Options = Options(),
                    predictions_path: Optional[str] = None) -> dict:
    """Extract the annotated articles and score them.

    ``inputs`` are where the articles are (files, folders, JSONL feeds), matched to
    the annotations by id; by default each annotation's ``ID.txt``/``ID.html`` beside it.
    """
    from .pipeline import extract

    golds = load_gold(folder)
    preds = {}
    out = open(predictions_path, "w", encoding="utf-8") if predictions_path else None
    try:
        for rec in extract(inputs or gold_inputs(folder, golds), options):
            d = rec.to_dict()
            if out:
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
            if "error" not in d:
                add_prediction(preds, d)
    finally:
        if out:
            out.close()
    report = score(golds, preds)
    report["confidence"] = confidence_report(golds, preds)
    return report


def format_report(report: dict) -> str:
    lines = list(report["notes"])
    width = max(map(len, report["summary"]))
    lines += [f"{k:<{width}}  {v}" for k, v in report["summary"].items()]
    if report.get("confidence"):
        lines.append(format_confidence(report["confidence"]))
    return "\n".join(lines)


# ------------------------------------------------------------------ speaker profiles
# Scoring speaker profiles against hand annotations (``eval/profiles/annotations.jsonl``).
#
# One JSON object a line: ``article`` (the record id), ``set``, ``name`` (and ``also``:
# other names a correct system may use), ``kind``, ``gender`` (people and anonymous
# sources: female | male | unknown, unknown where neither the text nor a clearly gendered
# given name tells), ``role`` (``records.ROLES``) and a short evidence ``note``.
#
# ``score_profiles(annotations, records)`` finds each annotated speaker among the
# record's profiled speakers (entity names and aliases, then entity-less speaker names,
# compared as the quote scorer compares names) and reports, over the speakers found:
# gender accuracy (on everyone with a gender label, on the clear ones, and how often an
# unclear one is left unknown), the share predicted unknown, role accuracy (people and
# anonymous sources, then every speaker) and the share of unknown roles.

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


def _share(a: int, b: int) -> Optional[float]:
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
        "gender_accuracy": _share(c["gender_ok"], c["gender"]),
        "gender_accuracy_clear": _share(c["clear_ok"], c["clear"]),
        "gender_unclear_left_unknown": _share(c["unclear_unknown"], c["unclear"]),
        "gender_unknown_share": _share(c["predicted_unknown"], c["gender"]),
        "role_accuracy_people": _share(c["role_people_ok"], c["role_people"]),
        "role_accuracy": _share(c["role_ok"], c["role"]),
        "role_unknown_share": _share(c["role_unknown"], c["role"]),
    }
    return {"summary": summary, "misses": misses}
