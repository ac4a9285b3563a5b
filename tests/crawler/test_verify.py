"""The false-merge guard: a fetched candidate is a next page only when its own page proves it."""
from crawler.verify import covers, verify
from pipelines.extract import extract_page

SITE = "http://news.example.org/health"
WORDS = ("flu vaccine clinic doses season early doctors nurses schools offices fever rest water hands cough "
         "pharmacy insurance winter strain children adults elderly masks beds hospital").split()


def text(seed: int, n: int = 60) -> str:
    return " ".join(WORDS[(seed * 7 + i * (seed + 3)) % len(WORDS)] for i in range(n)) + "."


def page(url: str, *, title: str = "Flu Season Arrives Early", byline: str = "By Jane Porter", seed: int = 1,
         date: str | None = "2025-03-04", template: str = "story", extra: str = "") -> tuple[str, dict]:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    html = (f"<html><head><title>{title} | Health Daily</title>{meta}</head><body><div class='{template}-top'>"
            f"<span class='brand'>Health Daily</span></div><div class='{template}'><h1>{title}</h1>"
            f"<p class='byline'>{byline}</p><p>{text(seed)}</p><p>{text(seed + 1)}</p>{extra}</div>"
            f"<footer class='{template}-foot'>About us</footer></body></html>")
    return url, extract_page(html, url)["report"]


FIRST = page(f"{SITE}/flu.html")


def check(candidate, *, url_evidence: bool = False) -> str | None:
    return verify([FIRST[1]], candidate[1], urls=[FIRST[0]], url_evidence=url_evidence)


def test_the_real_next_page_is_accepted():
    assert check(page(f"{SITE}/flu-2.html", seed=5, byline="")) is None
    assert check(page(f"{SITE}/flu-2.html", title="Flu Season Arrives Early (Page 2)", seed=5)) is None


def test_a_next_link_to_another_article_on_the_same_site_is_rejected():
    reason = check(page(f"{SITE}/r4471.html", title="New Rules for School Lunches", byline="By Omar Diaz", seed=5))
    assert reason and reason.startswith("another article")


def test_another_headline_is_enough_even_without_a_byline():
    reason = check(page(f"{SITE}/r4471.html", title="New Rules for School Lunches", byline="", date=None, seed=5))
    assert reason and "headline" in reason


def test_the_same_headline_with_another_byline_or_date_is_another_article():
    assert "byline" in check(page(f"{SITE}/flu-2.html", byline="By Omar Diaz", seed=5))
    assert "dated" in check(page(f"{SITE}/flu-2.html", date="2024-11-02", seed=5))


def test_a_page_already_read_is_not_a_next_page():
    assert check(page(f"{SITE}/flu.html?page=1")).startswith("no new text")


def test_a_listing_is_not_a_next_page():
    items = "".join(f"<h2><a href='/health/story-{n}'>Story {n}</a></h2><p>Short teaser.</p>" for n in range(12))
    assert check(page(f"{SITE}/flu.html?page=2", seed=5, extra=items)).startswith("a listing")


def test_another_template_is_not_a_next_page():
    candidate = page(f"{SITE}/gallery/flu-2.html", seed=5, template="gallery")
    assert check(candidate, url_evidence=True).startswith("another template")


def test_without_headline_evidence_the_url_must_be_the_next_number():
    bare = page(f"{SITE}/flu-2.html", title="", byline="", seed=5)
    assert check(bare, url_evidence=True) is None
    assert check(bare, url_evidence=False).startswith("nothing shows")


def test_a_single_page_view_covers_the_pages_read():
    second = page(f"{SITE}/flu-2.html", seed=5)
    whole = page(f"{SITE}/flu-all.html", seed=1, extra=f"<p>{text(5)}</p><p>{text(6)}</p>")
    assert covers([FIRST[1], second[1]], whole[1])
    assert not covers([FIRST[1], second[1]], FIRST[1])


def test_a_noisy_byline_on_the_next_numbered_url_with_the_same_headline_is_overruled():
    noisy = page(f"{SITE}/flu-2.html", byline="About the editors of this section", seed=5)
    assert check(noisy, url_evidence=True) is None
    assert "byline" in check(noisy, url_evidence=False)


def test_a_page_styled_inline_is_not_another_template_for_a_widget_class():
    from crawler.verify import template_share
    assert template_share([1, 2], [3]) == 1.0  # a class or two (a pager's) tell no template apart
    assert template_share([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11]) == 0.0
