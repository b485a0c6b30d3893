"""Screenshots of the web UI for the README: the article view, a speaker page, the Sources page.

    newsgraph ingest samples --db /tmp/samples.db
    .venv/bin/python docs/screenshots.py --db /tmp/samples.db \
        --article council-budget-alvarez --speaker "Ricardo Alvarez"

Serves the database on a free loopback port and drives Debian's headless Chromium with
Playwright (no browser download). Writes docs/article-view.png, docs/speaker-page.png and
docs/sources-page.png.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--article", required=True, help="article id")
    ap.add_argument("--speaker", required=True, help="speaker id or name")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent))
    ap.add_argument("--chromium", default=os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium")
                    or "/usr/bin/chromium")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--max-height", type=int, default=1500)
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsgraph.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    out = Path(args.out)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": args.width, "height": 900}, device_scale_factor=1)
            for name, url in (("article-view", f"/articles/{quote(args.article, safe='/')}"),
                              ("speaker-page", f"/speakers/{quote(args.speaker, safe='')}"),
                              ("sources-page", "/sources")):
                resp = page.goto(base + url)
                if resp is None or resp.status != 200:
                    raise SystemExit(f"{url}: HTTP {resp.status if resp else '?'}")
                page.wait_for_load_state("networkidle")
                height = min(args.max_height, page.evaluate("document.documentElement.scrollHeight"))
                page.set_viewport_size({"width": args.width, "height": height})
                page.screenshot(path=str(out / f"{name}.png"))
                print(out / f"{name}.png")
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
