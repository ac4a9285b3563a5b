"""A real browser on the served archive: search, read an article, and nothing stored in it ever runs."""
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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 1300})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_search_then_read_an_article(page, server_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(f"{server_url}/folio/articles")
    assert page.locator("h1").first.inner_text().strip() == "articles"
    page.fill('input[name="_search"]', "vitamin")
    page.press('input[name="_search"]', "Enter")
    page.wait_for_url("**_search=vitamin**")
    results = page.locator("table.rows-and-columns tbody tr")
    assert results.count() == 1
    assert "Vitamin D and winter colds" in results.first.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)

    results.first.locator("td.col-id a").click()
    page.wait_for_selector("article.folio-article")
    assert page.locator("article h1").inner_text() == "Vitamin D and winter colds: what a new trial found"
    assert page.locator(".folio-authors").inner_text() == "Kelli Jones"
    paragraphs = page.locator(".folio-body p")
    assert paragraphs.count() == 3 and paragraphs.first.is_visible()
    assert paragraphs.nth(1).inner_text().startswith("Colds were slightly shorter")
    assert page.locator(".folio-pages tbody tr").count() == 2
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)


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
