"""One-page articles compared with a page of another article of their site: the sibling page's plan and proof."""
from crawler.chain import Rules
from crawler.siblings import PARKED, SiteTemplates
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
    again = capture(FLU, FLU_HTML)
    assert templates.plan(again, RULES) == PARKED  # a sibling on its way is fetched once: the other article waits


def test_a_sibling_that_proves_another_article_gives_the_chrome():
    templates, flu = SiteTemplates(), capture(FLU, FLU_HTML)
    assert templates.plan(flu, RULES) == SLEEP
    assert templates.learn(SLEEP, extract_page(SLEEP_HTML, SLEEP)["report"]) == [flu]
    assert templates.plan(flu, RULES) is None
    assert line_key("Today on Health Daily") in flu.template_lines
    body = [b["text"] for b in reassemble([flu.pages[0].extract], template=flu.template_lines)["blocks"]]
    assert body == [prose(1), prose(2), prose(3)]
    # The sleep article chooses its own sibling (the flu page), whatever the flu article learned first.
    sleep = capture(SLEEP, SLEEP_HTML)
    assert templates.plan(sleep, RULES) == FLU


def test_what_an_article_learns_does_not_depend_on_which_article_arrived_first():
    """Two arrival orders of the same three articles give each the same template lines."""
    third_url = f"{SITE}/news/2025/water-and-heat.html"
    third = html("Water And Heat In The City", 7, [(FLU, "Flu Arrives Early This Winter")], "5/6/25")
    pages = {FLU: FLU_HTML, SLEEP: SLEEP_HTML, third_url: third}
    lines = []
    for order in ([FLU, SLEEP, third_url], [third_url, SLEEP, FLU]):
        templates, done = SiteTemplates(), {}
        pending = [capture(url, pages[url]) for url in order]
        while pending:
            article = pending.pop(0)
            url = templates.plan(article, RULES)
            if url not in (None, PARKED):
                pending += templates.learn(url, extract_page(pages[url], url)["report"])
            elif url is None:
                done[article.url] = article.template_lines
        lines.append(done)
    assert lines[0] == lines[1] and all(lines[0].values())


def test_pages_of_the_crawls_own_articles_serve_as_siblings_whatever_their_order():
    """Every arrival order of three articles crawled together: the same lines, and no page fetched for them."""
    from itertools import permutations

    third_url = f"{SITE}/news/2025/water-and-heat.html"
    pages = {FLU: FLU_HTML, SLEEP: SLEEP_HTML,
             third_url: html("Water And Heat In The City", 7, [(FLU, "Flu Arrives Early This Winter")], "5/6/25")}
    reports = {url: extract_page(body, url)["report"] for url, body in pages.items()}
    outcomes = []
    for order in permutations(pages):
        templates, done, fetched = SiteTemplates(crawl=set(pages)), {}, []

        def finish(article):
            url = templates.plan(article, RULES)
            if url is None:
                done[article.url] = article.template_lines
            elif url != PARKED:
                fetched.append(url)

        for url in order:  # page 1 of each article arrives, then its chain ends at once
            for waiting in templates.arrived(url, reports[url]):
                finish(waiting)
            finish(capture(url, pages[url]))
        assert fetched == [] and set(done) == set(pages) and not templates.waiting
        outcomes.append(done)
    assert all(done == outcomes[0] for done in outcomes) and all(outcomes[0].values())
    assert line_key("Today on Health Daily") in outcomes[0][FLU]


def test_a_crawl_page_that_comes_to_nothing_moves_the_article_to_a_page_it_fetches():
    templates, flu = SiteTemplates(crawl={FLU, SLEEP}), capture(FLU, FLU_HTML)
    assert templates.plan(flu, RULES) == PARKED and templates.stranded() == [SLEEP]
    assert templates.arrived(SLEEP, None) == [flu]  # its page 1 failed: nothing to compare with
    assert templates.plan(flu, RULES) == GALLERY  # fetched, within the article's extra requests
    assert flu.rejected[-1] == {"url": SLEEP, "reason": "sibling page not usable",
                                "why_proposed": "another article of the site"}
    assert templates.arrived(GALLERY, None) == []  # not one of the crawl's pages: only its own fetch teaches


def test_a_crawl_of_too_many_articles_fetches_its_siblings_wherever_the_list_puts_them():
    from crawler.siblings import MOST_SHARED

    fillers = [f"{SITE}/other/{n}.html" for n in range(MOST_SHARED - 2)]
    assert SiteTemplates(crawl=[FLU, *fillers, SLEEP]).plan(capture(FLU, FLU_HTML), RULES) == PARKED
    assert SiteTemplates(crawl=[SLEEP, *fillers, FLU]).plan(capture(FLU, FLU_HTML), RULES) == PARKED
    longer = [FLU, *fillers, f"{SITE}/other/last.html", SLEEP]  # one more: no article waits for another
    assert SiteTemplates(crawl=longer).plan(capture(FLU, FLU_HTML), RULES) == SLEEP


def test_a_second_page_of_the_crawl_adds_its_lines_and_a_paid_one_is_never_asked_for():
    """A box the site fills from a pool of lines shows another few on each article: two pages show more of it."""
    third_url = f"{SITE}/news/2025/water-and-heat.html"
    third = html("Water And Heat In The City", 7, [(FLU, "Flu Arrives Early This Winter")], "5/6/25")
    flu_html = html("Flu Arrives Early This Winter", 1, [(SLEEP, "Sleep And Screens In Teens Today"),
                                                          (third_url, "Water And Heat In The City Today")])
    templates, flu = SiteTemplates(crawl={FLU, SLEEP, third_url}), capture(FLU, flu_html)
    sleep, water = (extract_page(body, url)["report"] for url, body in ((SLEEP, SLEEP_HTML), (third_url, third)))
    assert templates.plan(flu, RULES) == PARKED and templates.arrived(SLEEP, sleep) == [flu]
    assert templates.plan(flu, RULES) == PARKED and templates.arrived(third_url, water) == [flu]
    assert templates.plan(flu, RULES) is None
    assert flu.template_lines == sorted(set(sleep["lines"]) | set(water["lines"]))
    assert set(flu.template_lines) > set(sleep["lines"])  # the second page printed lines the first did not
    alone = SiteTemplates()  # no page of the crawl: one fetched page, usable, and no second request
    flu = capture(FLU, flu_html)
    assert alone.plan(flu, RULES) == SLEEP and alone.learn(SLEEP, sleep) == [flu]
    assert alone.plan(flu, RULES) is None and flu.template_lines == sorted(set(sleep["lines"]))


def test_a_sibling_that_is_the_same_article_or_fails_teaches_nothing_and_is_recorded():
    templates, flu = SiteTemplates(), capture(FLU, FLU_HTML)
    url = templates.plan(flu, RULES)
    assert templates.learn(url, extract_page(FLU_HTML, url)["report"]) == [flu]  # the same article: no sibling
    assert templates.plan(flu, RULES) == GALLERY  # one more try, within the article's extra requests
    assert flu.rejected[-1]["url"] == url and flu.template_lines == []
    templates.learn(GALLERY, None)
    assert templates.plan(flu, RULES) is None and flu.template_lines == []  # two failures: it goes without
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
