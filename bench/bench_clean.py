"""The cleaner alone: pages per second on HTML beside trafilatura on the same HTML, and
on whole-page text dumps; the cost of the month and weekday tables (Babel's CLDR data).

    python bench/bench_clean.py [--pages N] [--rounds R]

Pages: ../shared/eval/cleaning (494 real pages, as HTML and as text dumps) when present,
else pages generated from bench/corpus.py with a menu, teasers and a footer around the
article. Rounds alternate our cleaner and trafilatura and keep each one's best, so the
machine's noise hits both alike.
"""
from __future__ import annotations

import argparse
import html as htmllib
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "eval" / "cleaning"


def _generated(n: int) -> tuple[list[str], list[str]]:
    sys.path.insert(0, str(HERE))
    from corpus import generate

    menu = ["Home", "News", "Politics", "Business", "Sport", "Weather", "Opinion"]
    pages, dumps = [], []
    for a in generate(n):
        paras = [p for p in a["text"].split("\n\n") if p.strip()]
        body = "".join(f"<p>{htmllib.escape(p)}</p>" for p in paras)
        nav = "".join(f"<li><a href='/{m.lower()}'>{m}</a></li>" for m in menu)
        pages.append(f"<html><head><title>{htmllib.escape(a['title'])} | The Bench Post</title></head><body>"
                     f"<nav><ul>{nav}</ul></nav><article><h1>{htmllib.escape(a['title'])}</h1>"
                     f"<p class='byline'>By Jane Doe</p>{body}</article>"
                     f"<aside><h3>Most read</h3><ul><li>Ferry fares rise</li><li>Bridge reopens</li></ul></aside>"
                     f"<footer>© 2026 The Bench Post. All rights reserved.</footer></body></html>")
        dumps.append("\n".join([a["title"] + " | The Bench Post", "", *menu, "", a["title"], "", "By Jane Doe", "",
                                "\n\n".join(paras), "", "Most read", "Ferry fares rise", "Bridge reopens", "",
                                "© 2026 The Bench Post. All rights reserved."]))
    return pages, dumps


def _inputs(n: int) -> tuple[list[str], list[str], str]:
    if (SHARED / "html").is_dir() and (SHARED / "dump").is_dir():
        html = sorted((SHARED / "html").glob("*.html"))[:n]
        dump = sorted((SHARED / "dump").glob("*.txt"))[:n]
        return ([p.read_text(encoding="utf-8", errors="replace") for p in html],
                [p.read_text(encoding="utf-8", errors="replace") for p in dump], "../shared/eval/cleaning")
    pages, dumps = _generated(n)
    return pages, dumps, "generated (bench/corpus.py)"


def _cold(code: str) -> float:
    """Seconds a snippet takes in a fresh interpreter (imports not yet cached)."""
    out = subprocess.run([sys.executable, "-c", "import time\nt = time.perf_counter()\n" + code +
                          "\nprint(time.perf_counter() - t)"], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def run(n: int = 494, rounds: int = 3) -> dict:
    import trafilatura

    from newsgraph.clean import clean_page_text
    from newsgraph.clean.dates import date_line, parse_date
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest.html import clean_html

    pages, dumps, source = _inputs(n)

    def ours_html():
        for p in pages:
            try:
                clean_html(p)
            except NewsgraphError:
                pass

    def theirs_html():
        for p in pages:
            trafilatura.extract(p, include_comments=False, include_tables=True, with_metadata=True)

    def ours_dump():
        for d in dumps:
            clean_page_text(d)

    ours_html(), theirs_html(), ours_dump()   # warm up (imports, lazy tables)
    best = {"ours_html": float("inf"), "trafilatura": float("inf"), "ours_dump": float("inf")}
    for _ in range(rounds):
        for name, fn in (("ours_html", ours_html), ("trafilatura", theirs_html), ("ours_dump", ours_dump)):
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
    # the dates' share of a dump: every line through date_line, date lines through parse_date
    lines = [line.strip() for d in dumps for line in d.splitlines() if line.strip()]
    t = time.perf_counter()
    for line in lines:
        if date_line(line) == "date":
            parse_date(line)
    dates = time.perf_counter() - t
    return {
        "pages": len(pages), "source": source, "rounds": rounds,
        "clean_html_pages_per_s": round(len(pages) / best["ours_html"], 1),
        "trafilatura_pages_per_s": round(len(pages) / best["trafilatura"], 1),
        "clean_html_vs_trafilatura": round(best["trafilatura"] / best["ours_html"], 3),
        "clean_dump_pages_per_s": round(len(dumps) / best["ours_dump"], 1),
        "dates_ms_per_dump": round(1000 * dates / len(dumps), 2),
        "dates_share_of_dump_cleaning": round(dates / best["ours_dump"], 3),
        "babel_import_ms": round(1000 * _cold("import babel"), 1),
        "month_tables_cold_ms": round(1000 * _cold("from newsgraph.clean.dates import _tables\n_tables()"), 1),
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=494)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.pages, args.rounds), indent=2))


if __name__ == "__main__":
    main()
