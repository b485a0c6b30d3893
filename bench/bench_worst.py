"""Peak memory and time per worker on the worst inputs of the bad-input corpus (issue 13).

Each input runs alone in a fresh process, the way a pool worker takes it (model loaded,
then ``process_batch`` with the default options), so its peak resident memory is its
own; a plain article gives the reference. The inputs are generated here:

- short unpunctuated tokens up to the clean-text limit (issue 13: 600 KB drove a worker
  to 7.7 GB; 100 KB took 1 GB and 85 s under the 60 s limit),
- prose at the limit, 10,000 quotation marks, nested and unbalanced quotes,
- clean text over the limit (1-10 MB: E014, it used to be E010), a 1 MB single line (E013),
- a German page (the English stages skipped).

    python bench/bench_worst.py [--quick]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from newsgraph.ingest import RawDocument
from newsgraph.nlp import load_model
from newsgraph.pipeline import process_batch
nlp = load_model()
from newsgraph.language import detect
detect("warm the language detector up before measuring, with a sentence of plain English words.")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
(rec,) = process_batch([RawDocument(id="x", source=sys.argv[1], media_type="text", content=text)], nlp)
took = time.perf_counter() - t
err = getattr(rec, "error", None)
print(json.dumps({"chars": len(text), "outcome": err.code if err else "ok", "seconds": round(took, 1),
                  "model_mb": round(base), "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""

STORY = ("The mayor of Springfield said on Monday that the bridge would reopen in May.\n\n"
         "\u201cWe are doing everything we can,\u201d she told reporters at City Hall on Tuesday.\n\n"
         "Council members said the repairs had cost more than expected.\n")
PROSE = "The council said on Tuesday that the harbour would reopen in May, officials told reporters. "


def inputs(quick: bool) -> dict[str, str]:
    from newsgraph.limits import MAX_TEXT_CHARS

    rng = random.Random(13)
    words = ["ab", "cd", "ef", "gh", "ij", "kl", "mn", "op", "qr", "st", "uv", "wx", "yz", "Kim", "said"]

    def tokens(n: int) -> str:
        body = " ".join(rng.choice(words) for _ in range(n // 3))
        return "Headline here\n\n" + "\n".join(body[i:i + 90_000] for i in range(0, len(body), 90_000))

    limit = MAX_TEXT_CHARS - 5_000
    out = {
        "plain article": STORY,
        "unpunctuated tokens, 110 KB": tokens(110_000),
        "10,000 quotation marks": STORY + "\n\n" + "\u201c" * 5_000 + "\n\n" + '"' * 5_000 + "\n",
        "nested quotes x 200": STORY + "\n\n" + ("\"She told me \u2018he said \u201cno, \u2018never\u2019, never\u201d "
                                                "to them\u2019 yesterday,\" the aide said. " * 200),
        "German page": "Neue Br\u00fccke im Mai\n\n" + ("Der B\u00fcrgermeister sagte am Montag, die neue Br\u00fccke "
                                                       "werde im Mai wieder ge\u00f6ffnet. " * 40),
        "clean text of 1.5 MB": "Harbour\n\n" + "\n\n".join(PROSE * 4 + f"Part {i}." for i in range(4_000)),
        "one line of 1 MB": "The mayor said the bridge would reopen. " * 25_000,
    }
    if not quick:
        out["unpunctuated tokens at the limit"] = tokens(int(limit / 1.2))   # ~1.17 characters per n
        out["prose at the limit"] = "Harbour\n\n" + "\n\n".join(
            (PROSE * 4).replace("Tuesday", f"day {i}") for i in range(limit // (len(PROSE) * 4 + 2)))
        out["clean text of 9 MB"] = "Harbour\n\n" + "\n\n".join(PROSE * 4 + f"Part {i}." for i in range(24_000))
    return out


def run(quick: bool = False) -> dict:
    rows = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-worst-") as tmp:
        for name, text in inputs(quick).items():
            path = Path(tmp) / "input.txt"
            path.write_text(text, encoding="utf-8")
            proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                  timeout=900)
            try:
                rows[name] = json.loads(proc.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                rows[name] = {"failed": proc.returncode, "stderr": proc.stderr[-300:]}
    peaks = [r["peak_mb"] for r in rows.values() if "peak_mb" in r]
    plain = rows.get("plain article", {}).get("peak_mb")
    return {"inputs": rows, "peak_mb_max": max(peaks) if peaks else None, "plain_article_peak_mb": plain,
            "worst_vs_plain": round(max(peaks) / plain, 2) if peaks and plain else None,
            "slowest_s": max((r.get("seconds", 0) for r in rows.values()), default=None)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="leave out the inputs at the limits (minutes each)")
    print(json.dumps(run(ap.parse_args(argv).quick), indent=2))


if __name__ == "__main__":
    main()
