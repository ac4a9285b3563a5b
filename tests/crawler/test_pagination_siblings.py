"""One-page articles compared with a page of another article of their site: the sibling page's plan and proof."""
from crawler.chain import PARKED, Rules, SiteTemplates
from crawler.items import ArticleCapture, Page
from crawler.verify import line_key
from pipelines.extract import extract_page
from pipelines.reassemble import reassemble

SITE = "http://news.example.org"
RULES = Rules()
WORDS = "flu vaccine clinic doses season early doctors nurses schools offices fever rest water hands cough".split()


def prose(seed: int, n: int = 50) -> str:
    return " ".join(WORDS[(seed * 5 + i * (seed + 2)) % len(WORDS)] for i in range(n)) + "."


def html(title: str, seed: int, related: list[tuple[str, str]], updated: str = "3/4/25") -> str:
    box = "".join(f'<li><a href="{href}">{name}</a></li>' for href, name in related)
    return (f"<html><head><title>{title} | Health Daily</title></head><body><div class='brand'>Health Daily</div>"
            f"<article class='story'><h1>{title}</h1><p class='by'>By Ann Lee</p><p class='updated'>Updated: {updated}</p>"
            f"<p>{prose(seed)}</p><p>{prose(seed + 1)}</p><div class='box'><h3>Today on Health Daily</h3>"
            f"<ul>{box}</ul></div><p>{prose(seed + 2)}</p></article></body></html>")


FLU = f"{SITE}/news/2025/flu-arrives-early.html"
SLEEP = f"{SITE}/news/2025/sleep-and-screens-in-teens.html"
GALLERY = f"{SITE}/photos/x"
FLU_HTML = html("Flu Arrives Early This Winter", 1, [(SLEEP, "Sleep And Screens In Teens Today"),
                                                     (GALLERY, "Photos Of The Winter Clinics Week")])
SLEEP_HTML = html("Sleep And Screens In Teens Today", 4, [(FLU, "Flu Arrives Early This Winter")], "12/1/24")


def capture(url: str, body: str) -> ArticleCapture:
    item = ArticleCapture(site="web", url=url)
    item.pages.append(Page(url=url, number=1, status=200, extract=extract_page(body, url)))
    return item


def test_the_sibling_asked_for_is_the_link_shaped_like_an_article_url():
    templates, flu = SiteTemplates(), capture(FLU, FLU_HTML)
    assert templates.plan(flu, RULES) == SLEEP  # the gallery's URL has another shape
    waiting = capture(SLEEP, SLEEP_HTML)
    assert templates.plan(waiting, RULES) == PARKED  # one sibling per host at a time: the other article waits


def test_a_sibling_that_proves_another_article_gives_the_chrome_and_each_article_the_others_lines():
    templates, flu, sleep = SiteTemplates(), capture(FLU, FLU_HTML), capture(SLEEP, SLEEP_HTML)
    templates.plan(flu, RULES)
    templates.plan(sleep, RULES)
    sibling = extract_page(SLEEP_HTML, SLEEP)["report"]
    assert templates.learn(flu, SLEEP, sibling, RULES) == [flu, sleep]
    assert templates.plan(flu, RULES) is None and templates.plan(sleep, RULES) is None
    assert line_key("Today on Health Daily") in flu.template_lines
    # An article is never compared with itself: the sleep article gets the flu page's lines.
    assert set(sleep.template_lines) == set(flu.pages[0].extract["report"]["lines"])
    body = [b["text"] for b in reassemble([flu.pages[0].extract], template=flu.template_lines)["blocks"]]
    assert body == [prose(1), prose(2), prose(3)]


def test_a_sibling_that_is_the_same_article_or_fails_teaches_nothing_and_is_recorded():
    templates, flu = SiteTemplates(), capture(FLU, FLU_HTML)
    url = templates.plan(flu, RULES)
    same = extract_page(FLU_HTML, url)["report"]
    assert templates.learn(flu, url, same, RULES) == [flu]
    assert flu.rejected[-1]["url"] == url and flu.template_lines == []
    assert templates.plan(flu, RULES) == GALLERY  # one more try, within the article's extra requests
    templates.learn(flu, GALLERY, None, RULES)
    assert templates.plan(flu, RULES) is None and flu.template_lines == []  # two failures: the host goes without
    assert len(flu.rejected) <= RULES.extra_requests


def test_without_a_sibling_a_one_page_article_loses_only_lines_that_prove_themselves_metadata():
    flu = capture(FLU, FLU_HTML)
    body = [b["text"] for b in reassemble([flu.pages[0].extract])["blocks"]]
    assert body == [prose(1), prose(2), prose(3)]
    # A dated line right under a byline that names the article's authors proves itself metadata, sibling or not.
    assert "Updated: 3/4/25" not in body and "By Ann Lee" not in body


def test_a_numbered_url_whose_title_shares_only_the_site_name_is_another_article():
    from crawler.verify import verify

    def page(title: str, seed: int, url: str) -> dict:
        return extract_page(f"<html><head><title>{title} | Sorrel Kids Health</title></head><body><h1>{title}</h1>"
                            f"<p>{prose(seed)}</p><p>{prose(seed + 1)}</p></body></html>", url)["report"]

    first = page("Flu Arrives Early This Winter", 1, FLU)
    second = page("Sleep And Screens In Teens Today", 4, FLU.replace(".html", "-2.html"))
    # The URL reads like page 2, but the one <title> segment both share is the site's name, not a headline.
    assert verify([first], second, urls=[FLU], url_evidence=True).startswith("another article: headline")
    assert verify([first], page("Flu Arrives Early This Winter", 4, FLU.replace(".html", "-2.html")),
                  urls=[FLU], url_evidence=True) is None
