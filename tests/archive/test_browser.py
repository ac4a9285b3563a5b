"""A real browser on the served archive at 1280 px: what a reader sees first, and nothing stored in it ever runs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output"


def _require_browser() -> None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed: pip install -e '.[test]'"
    else:
        missing = None if CHROMIUM.exists() else "no /usr/bin/chromium: apt-get install chromium"
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"browser test must run in CI: {missing}")
    if missing:
        pytest.skip(missing)


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


VIEWPORT = {"width": 1280, "height": 800}  # a laptop screen: "the first screen" below means this box


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.requested = []  # every URL the page asked for, to prove nothing leaves the archive's host
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()


def in_first_screen(locator) -> bool:
    """True when the element is laid out entirely inside the first 1280 x 800 screen."""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"] \
        and box["x"] + box["width"] <= VIEWPORT["width"]


def only_own_host(page, base_url: str) -> None:
    assert page.requested and all(url.startswith(base_url + "/") for url in page.requested), \
        [url for url in page.requested if not url.startswith(base_url + "/")]


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_search_then_read_an_article(page, server_url):
    page.goto(server_url + "/")
    page.fill("#folio-q", "vitamin")
    page.press("#folio-q", "Enter")
    page.wait_for_url("**_search=vitamin**")
    results = page.locator("table.rows-and-columns tbody tr")
    assert results.count() == 1
    title = results.first.locator("td.col-title a.folio-title")
    assert title.inner_text() == "Vitamin D and winter colds: what a new trial found"
    assert in_first_screen(title)
    # The snippet shows where the word was found, highlighted.
    snippet = results.first.locator(".folio-snippet")
    assert snippet.locator("mark").first.inner_text().lower() == "vitamin" and in_first_screen(snippet)
    shoot(page, "search.png")

    title.click()
    page.wait_for_selector("article.folio-article")
    assert page.locator("article h1").inner_text() == "Vitamin D and winter colds: what a new trial found"
    assert page.locator(".folio-authors").inner_text() == "Kelli Jones"
    paragraphs = page.locator(".folio-body p")
    assert paragraphs.count() == 3 and paragraphs.first.is_visible()
    assert paragraphs.nth(1).inner_text().startswith("Colds were slightly shorter")
    assert page.locator(".folio-pages tbody tr").count() == 2
    assert in_first_screen(page.locator("article h1"))
    shoot(page, "article.png")
    only_own_host(page, server_url)


def test_incomplete_article_is_visibly_marked(page, server_url, article):
    page.goto(f"{server_url}/folio/articles/{article('how-much-water')['id']}")
    notice = page.locator(".folio-incomplete")
    assert notice.is_visible() and "Incomplete article." in notice.inner_text()
    assert "https://dailyhealth.example/how-much-water/?page=3" in notice.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "incomplete.png"), full_page=True)


def test_stored_scripts_handlers_and_javascript_links_never_run(page, server_url, article):
    requested: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(f"{server_url}/folio/articles/{article('migraine-triggers')['id']}")
    page.wait_for_load_state("load")
    title = "Migraine triggers you can track · dailyhealth"
    body = page.locator(".folio-body")
    assert "Patterns usually show up after a month." in body.inner_text()
    assert body.locator("script, img, iframe, svg, style, object, embed").count() == 0
    assert page.evaluate("document.querySelectorAll('.folio-body [onerror], .folio-body [onclick], "
                         ".folio-body [onmouseover], .folio-body [onload]').length") == 0
    hrefs = body.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["https://dailyhealth.example/migraine-diary.pdf"]

    # Try to trigger what the stored HTML had wired up: the javascript: link, click and hover handlers.
    page.get_by_text("Read the diary guide").click()
    page.get_by_text("Patterns usually show up after a month.").hover()
    page.get_by_text("Patterns usually show up after a month.").click()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "malicious.png"), full_page=True)

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == title
    assert page.url.endswith(article("migraine-triggers")["id"])
    assert dialogs == []
    assert not [url for url in requested if "tracker.example" in url]
    assert all(url.startswith(server_url) for url in requested), requested


@pytest.fixture(scope="module")
def history_url(history_db, serve_archive):
    with serve_archive(history_db) as url:
        yield url


def test_history_leads_to_a_readable_diff_where_payloads_stay_text(page, history_url, article):
    SCREENSHOTS.mkdir(exist_ok=True)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{history_url}/folio/articles/{article('statins-muscle-pain')['id']}")
    assert page.locator(".folio-version").inner_text() == "Version 3 of 3"
    page.locator(".folio-history").screenshot(path=str(SCREENSHOTS / "history.png"))
    page.locator(".folio-history tbody tr").last.get_by_role("link", name="diff with current").click()
    page.wait_for_selector(".folio-diff-body")
    assert page.url.endswith("/diff?from=1&to=3")

    inserted, removed = page.locator(".folio-diff-body ins"), page.locator(".folio-diff-body del")
    assert inserted.count() == 4 and removed.count() == 2 and inserted.first.is_visible()
    assert page.locator(".folio-diff-skip").all_inner_texts() == ["⋯ 2 unchanged paragraphs ⋯"] * 2
    # Both kinds of change are visibly marked: tinted backgrounds that differ, removals struck through.
    style = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).textDecorationLine]"
    ins_background, _ = inserted.first.evaluate(style)
    del_background, del_line = removed.first.evaluate(style)
    assert "rgba(0, 0, 0, 0)" not in (ins_background, del_background) and ins_background != del_background
    assert del_line == "line-through"
    # The removed paragraph and old subtitle carried markup: shown as text, never run or loaded.
    assert "<script>window.__pwned='script'</script>" in removed.last.inner_text()
    assert page.locator(".folio-diff img, .folio-diff script").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "diff.png"), full_page=True)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert all(url.startswith(history_url) for url in requested), requested


def test_front_page_is_where_a_reader_starts(page, server_url):
    page.goto(server_url + "/")
    latest = page.locator(".folio-latest li")
    assert latest.count() == 8
    first = latest.first.locator("a.folio-latest-title")
    assert first.inner_text() == "Five questions about the new RSV vaccine"  # newest published first
    assert in_first_screen(first) and in_first_screen(page.locator("#folio-q"))
    # The incomplete article carries its badge; undated articles come last.
    water = latest.filter(has_text="How much water do you really need?")
    assert water.locator(".folio-badge-incomplete").is_visible()
    assert "Seasonal allergies" in latest.last.inner_text()
    assert "dailyhealth · 2024-04-03 · Priya Natarajan · 2 pages" in latest.first.inner_text()
    sites = page.locator(".folio-sites tbody tr").all_inner_texts()
    assert [row.split("\t")[:3] for row in sites] == [["dailyhealth", "3", "1"], ["medwire", "3", "0"],
                                                      ["carepost", "2", "0"]]
    for name in ("All articles", "By site", "Incomplete articles (1)", "Changed articles (1)", "Crawl health",
                 "Crawls (6)", "SQL", "JSON", "API docs"):
        assert page.locator(".folio-goto").get_by_role("link", name=name, exact=True).is_visible(), name
    text = page.locator("body").inner_text()
    assert "`" not in text and text.count("Data license") == 1
    shoot(page, "front.png")
    only_own_host(page, server_url)

    first.click()
    page.wait_for_selector("article.folio-article")
    assert page.locator("article h1").inner_text() == "Five questions about the new RSV vaccine"


def test_articles_list_is_compact_with_every_column_one_click_away(page, server_url):
    page.goto(f"{server_url}/folio/articles")
    headers = page.locator("table.rows-and-columns thead th").all_inner_texts()
    assert [h.strip(" ▲▼\xa0") for h in headers] == [
        "title", "site", "published", "authors", "section", "page_count", "complete"]
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 8
    first_title = rows.first.locator("a.folio-title")
    assert first_title.inner_text() == "Five questions about the new RSV vaccine" and in_first_screen(first_title)
    # No wall of column descriptions: folded away, one click to open.
    descriptions = page.locator("details.folio-column-descriptions")
    assert not descriptions.get_attribute("open") is not None
    assert not page.locator("dl.column-descriptions dt").first.is_visible()
    # Rows stay one line or two: no body text in the list.
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]
    assert max(heights) < VIEWPORT["height"] / 8, heights
    assert rows.filter(has_text="How much water").locator(".folio-badge-incomplete").is_visible()
    shoot(page, "articles.png")
    only_own_host(page, server_url)

    descriptions.locator("summary").click()
    assert page.locator("dl.column-descriptions dt").first.is_visible()
    page.get_by_role("link", name="All columns").click()
    page.wait_for_url("**_columns=all**")
    all_headers = [h.strip(" ▲▼\xa0") for h in page.locator("table.rows-and-columns thead th").all_inner_texts()]
    assert {"id", "body_text", "body_html", "content_hash", "url"} <= set(all_headers)


def test_crawl_health_draws_its_charts_from_the_archive(page, server_url):
    page.set_default_timeout(30_000)  # ~800 KB of Vega to parse on a loaded machine; waits, never asserts time
    page.goto(f"{server_url}/-/dashboards/crawl-health")
    # Vega draws SVG marks once each chart's query has answered.
    bars = page.locator("#chart-articles-per-week svg .mark-rect.role-mark path")
    points = page.locator("#chart-crawl-outcomes svg .mark-symbol.role-mark path")
    page.wait_for_function("document.querySelectorAll('#chart-articles-per-week svg .role-mark path').length > 0")
    points.first.wait_for()
    # One bar per (week, site) with dated articles, one point per (crawl start, outcome).
    weeks = page.request.get(f"{server_url}/folio.json", params={
        "sql": "select count(distinct date(substr(published, 1, 10), '-6 days', 'weekday 1') || site) "
               "from articles where published glob '[0-9][0-9][0-9][0-9]-*'", "_shape": "arrayfirst"}).json()[0]
    runs = page.request.get(f"{server_url}/folio.json", params={
        "sql": "select count(distinct substr(started, 1, 16)) from crawls", "_shape": "arrayfirst"}).json()[0]
    drawn = bars.evaluate_all("paths => paths.filter(p => p.getBBox().height > 0).length")
    assert drawn == weeks == 7  # (empty weeks either side of each site's span draw nothing)
    assert points.count() == 5 * runs == 30
    state = page.locator("#chart-site-state table")
    state.locator("tbody tr").first.wait_for()
    assert [cell.strip() for cell in state.locator("thead th").all_inner_texts()][:3] == \
        ["site", "last_crawl", "last_outcome"]
    assert [row.split("\t")[:3] for row in state.locator("tbody tr").all_inner_texts()] == [
        ["carepost", "2024-04-06 06:00", "shutdown"], ["dailyhealth", "2024-04-20 07:00", "finished"],
        ["medwire", "2024-05-04 06:00", "finished"]]
    assert page.locator("#chart-articles .dashboard-card-chart, #chart-articles").inner_text().strip() == "8"
    shoot(page, "crawl-health.png")
    only_own_host(page, server_url)
