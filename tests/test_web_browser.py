"""A real browser against a real server: headless Chromium (Debian's binary, driven by
Playwright) opens the article view, a speaker page, the Sources page and a hostile article.

Skipped, with the reason, when Playwright or a Chromium binary is missing. The binary is
$NEWSGRAPH_CHROMIUM, else chromium / chromium-browser on PATH. Screenshots go to
$NEWSGRAPH_SCREENSHOT_DIR, else to the test's tmp directory.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_fixtures import build_store


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


def chromium_binary() -> str | None:
    env = os.environ.get("NEWSGRAPH_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@contextlib.contextmanager
def serving(db: str):
    """uvicorn in a thread on a free loopback port; yields the base URL."""
    import uvicorn

    from newsgraph.web import create_app

    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    pytest.importorskip("uvicorn", reason="uvicorn is not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    binary = chromium_binary()
    if not binary:
        pytest.skip("no chromium binary (apt-get install chromium, or set NEWSGRAPH_CHROMIUM)")
    tmp = tmp_path_factory.mktemp("browser")
    db = build_store(tmp / "news.db")
    with serving(db) as base, sync_api.sync_playwright() as pw:
        # Playwright gives the browser a fresh temporary profile (--user-data-dir) of its own
        browser = pw.chromium.launch(executable_path=binary, args=FLAGS, timeout=60_000)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                    if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
            outside: list[str] = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
            yield page, base, problems, outside
        finally:
            browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("NEWSGRAPH_SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_article_view_highlights_quotes(browser_page, shots):
    page, base, problems, outside = browser_page
    page.goto(f"{base}/articles/harbour-strike")
    quotes = page.locator(".doc .quote")
    assert quotes.count() == 5
    colours = set(quotes.evaluate_all("els => els.filter(e => !e.classList.contains('indirect'))"
                                      ".map(e => getComputedStyle(e).backgroundColor)"))
    assert len(colours) >= 2 and "rgba(0, 0, 0, 0)" not in colours       # highlighted, by speaker
    assert page.locator(".doc .speaker").count() == 5 and page.locator(".doc .cue").count() == 5
    assert page.locator(".doc h2.p-heading").inner_text() == "Ships wait at anchor"
    assert page.locator(".doc figure.p-caption").count() == 1
    timex = page.locator(".doc .timex", has_text="next month")
    assert timex.get_attribute("title") == "DATE: 2026-04"
    timex.hover()
    after = timex.evaluate("e => getComputedStyle(e, '::after').content")
    assert "2026-04" in after                                            # the resolved value on hover
    page.locator(".doc .quote").first.click()
    assert page.locator("#detail").is_visible()
    assert page.locator("#detail .d-speaker").inner_text() == "Anna Dekker"
    assert page.locator("#detail .d-cue").inner_text() == "said"
    page.screenshot(path=str(shots / "article-view.png"), full_page=True)
    assert not problems, problems
    assert not outside, outside                                          # nothing loaded from elsewhere


def test_speaker_page_timeline(browser_page, shots):
    page, base, problems, outside = browser_page
    page.goto(f"{base}/speakers/Dekker")
    assert page.locator("h1").inner_text().startswith("Anna Dekker")
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() >= 3
    box = page.locator("svg.timeline").bounding_box()
    assert box and box["width"] > 400 and box["height"] > 60
    cards = page.locator(".qcard blockquote").all_inner_texts()
    assert len(cards) == 6 and "publish its own proposal" in cards[0] and "Automation" in cards[1]
    page.locator(".occ a").first.click()
    page.wait_for_url("**/articles/**#s*")
    assert page.locator("#detail").is_visible()                          # the linked quote is opened
    page.goto(f"{base}/speakers/Dekker")
    page.screenshot(path=str(shots / "speaker-page.png"), full_page=True)
    assert not problems, problems
    assert not outside, outside


def test_hostile_article_is_inert(browser_page, shots):
    page, base, problems, outside = browser_page
    page.goto(f"{base}/articles/hostile")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    doc = page.locator(".doc")
    assert doc.locator("script, img, iframe, object, svg").count() == 0
    hrefs = page.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]
    text = doc.inner_text()
    assert "<script>window.__pwned = 1</script>" in text                  # shown as text
    assert '<a href="javascript:window.__pwned = 3">click me</a>' in text
    page.locator(".doc .quote").first.click()
    assert "<img src=x" in page.locator("#detail .d-text").inner_text()
    assert page.evaluate("window.__pwned") is None
    for url in ("/", "/search?q=script", "/speakers/Mallory%20Hacker", "/entities"):
        page.goto(base + url)
        assert page.evaluate("window.__pwned") is None, url
    page.goto(f"{base}/articles/hostile")
    page.screenshot(path=str(shots / "hostile-article.png"), full_page=True)
    assert not [p for p in problems if "dialog" in p or "page error" in p], problems


def test_sources_page_charts_link_to_quotations(browser_page, shots):
    page, base, problems, outside = browser_page
    page.goto(f"{base}/sources")
    assert page.locator("h1").inner_text() == "Who gets quoted"
    assert "of 3 quoted people, 33.3% of unknown gender" in page.locator("p.base").inner_text().lower()
    outlet = page.locator("#gender-outlet svg.stack")
    box = outlet.bounding_box()
    assert box and box["width"] > 400
    segs = outlet.locator("rect.seg")
    assert segs.count() == 4                     # portnews: a woman and a man; coastal: a woman; evil: unknown
    colours = set(segs.evaluate_all("els => els.map(e => getComputedStyle(e).fill)"))
    assert len(colours) == 3                     # women, men, unknown drawn apart
    assert page.locator("#gender-month svg.stack rect.seg").count() == 5   # March: two; May, June, Sept: one
    assert page.locator("#roles svg.stack rect.seg").count() == 3
    assert "Anna Dekker" in page.locator("#top-voices").inner_text()
    page.screenshot(path=str(shots / "sources-page.png"), full_page=True)
    # a segment is a link to the quotations it counts
    outlet.locator("a rect.seg-female").first.click()
    page.wait_for_url("**/search?*gender=female*")
    cards = page.locator(".qcard blockquote")
    assert cards.count() >= 1
    assert page.locator(".qcard .who").all_inner_texts() == ["Anna Dekker"] * cards.count()
    assert not problems, problems
    assert not outside, outside
