#!/usr/bin/env python
"""Fit the speaker-confidence model (src/newsgraph/quotes/confidence_model.json).

    python scripts/fit_confidence.py GOLD_DIR CACHE_DIR [--out PATH]

``CACHE_DIR`` is a parsed development set (``scripts/quote_dev.py cache``), here
polnear-train. Every predicted quote gets a label: 1 when it hits a gold statement
and its speaker is right (the scorer's rule), 0 when it hits one with the wrong
speaker or hits none (no statement at all is no right speaker); quotes on gold
statements marked optional are left out. A logistic model (L2, Newton steps) is
fitted on the fit share of the articles, then an isotonic calibration table on
the same share; the reliability table is printed for the fit and the check share.
Only the fitted numbers are written; the data stays where it is.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quote_dev  # noqa: E402

from newsgraph.entities import extract_entities  # noqa: E402
from newsgraph.evaluate import load_gold, name_key, reliability, speaker_ok, words  # noqa: E402
from newsgraph.quotes.confidence import MODEL_FILE, calibrate, raw_score  # noqa: E402
from newsgraph.quotes.extract import extract_quotes_with_features  # noqa: E402

HIT, MIN = 0.6, 2


def labelled(gold_dir: Path, cache: Path, split: str) -> list[tuple[list[str], int]]:
    golds = load_gold(gold_dir)
    rows = []
    for m, doc in quote_dev.load_cache(cache, split):
        g = golds[m["id"]]
        gq = g.get("quotes", [])
        gw = [words(q["text"]) for q in gq]
        acc = [{name_key(a) for a in q.get("accept") or [q.get("speaker")]} for q in gq]
        doc._.ng_paragraphs = m["paragraphs"]
        for quote, feats in extract_quotes_with_features(doc, extract_entities(doc), m["paragraphs"]):
            pw = words(quote.text)
            n = sum(pw.values())
            hits = [(sum((pw & w).values()), i) for i, w in enumerate(gw)]
            hits = [(sh, i) for sh, i in hits if n and sh >= min(MIN, sum(gw[i].values())) and sh / n >= HIT]
            if not hits:
                rows.append((feats, 0))
                continue
            _, i = max(hits)
            if gq[i].get("optional"):
                continue
            sp = None if quote.speaker is None else {"name": quote.speaker.name, "mention": (
                {"text": quote.speaker.mention.text} if quote.speaker.mention else None)}
            rows.append((feats, int(speaker_ok(gq[i], acc[i], sp))))
    return rows


def fit_logistic(rows, l2: float = 1.0, steps: int = 25):
    names = sorted({f for feats, _ in rows for f in feats})
    index = {f: k for k, f in enumerate(names)}
    X = np.zeros((len(rows), len(names) + 1))
    y = np.array([lab for _, lab in rows], dtype=float)
    for r, (feats, _) in enumerate(rows):
        X[r, -1] = 1.0
        for f in feats:
            X[r, index[f]] = 1.0
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):   # Newton steps on the L2-penalised log likelihood
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-9)
        w -= np.linalg.solve(H, grad)
    return {f: round(float(w[index[f]]), 4) for f in names if abs(w[index[f]]) > 1e-4}, round(float(w[-1]), 4)


def isotonic(scores, labels, min_bin: int = 50) -> list[list[float]]:
    """Pool-adjacent-violators over raw scores: [[upper raw score, calibrated value], ...]."""
    order = np.argsort(scores)
    blocks = []   # [sum of labels, count, max score]
    for k in order:
        blocks.append([float(labels[k]), 1, float(scores[k])])
        while len(blocks) > 1 and (blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]
                                   or blocks[-2][1] < min_bin):
            s, n, hi = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
            blocks[-1][2] = hi
    table = [[round(hi, 6), round(s / n, 3)] for s, n, hi in blocks]
    table[-1][0] = 1.0
    return table


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("cache", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/newsgraph/quotes" / MODEL_FILE)
    a = ap.parse_args(argv)
    fit = labelled(a.gold, a.cache, "fit")
    weights, bias = fit_logistic(fit)
    model = {"about": "speaker confidence: logistic model + isotonic calibration, fitted by "
                      "scripts/fit_confidence.py on the fit share of polnear-train",
             "label": "1 = the quote hits a gold statement and its speaker is right", "bias": bias,
             "weights": weights, "calibration": []}
    raw = np.array([raw_score(f, model) for f, _ in fit])
    model["calibration"] = isotonic(raw, np.array([lab for _, lab in fit]))
    a.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(fit)} quotes fitted, {len(weights)} features -> {a.out}")
    for name, rows in (("fit", fit), ("check", labelled(a.gold, a.cache, "check"))):
        conf = [calibrate(raw_score(f, model), model["calibration"]) for f, _ in rows]
        print(f"\n{name}: {len(rows)} quotes")
        for line in reliability(conf, [lab for _, lab in rows]):
            print("  " + line)


if __name__ == "__main__":
    main()
