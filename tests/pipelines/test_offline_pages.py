"""`folio extract` with several files: the crawl's verification decides which given pages join the article."""
from pipelines.offline import process_pages

SITE = "http://news.example.org/health"
TEXT = ("Doctors across the region report a surge in influenza cases weeks earlier than usual, and clinics say "
        "waiting rooms are already full on most mornings. ")


def page(title: str, paragraph: str, link: str = "") -> bytes:
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{paragraph}</p>"
            f"<p>{paragraph[::-1]}</p>{link}</body></html>").encode()


def test_given_pages_of_one_article_are_merged():
    first = page("Flu Season Arrives Early", TEXT, '<a href="flu-2.html">Next page</a>')
    second = page("Flu Season Arrives Early", "Pharmacies have stocked more doses than last year, and most plans "
                  "cover the shot with no copay at all, the state pharmacy board says.")
    record = process_pages([(first, f"{SITE}/flu.html"), (second, f"{SITE}/flu-2.html")])
    assert record["page_count"] == 2 and record["rejected_pages"] == []


def test_a_given_page_of_another_article_is_rejected_with_its_reason():
    first = page("Flu Season Arrives Early", TEXT, '<a href="lunch.html">Next</a>')
    other = page("New Rules for School Lunches", "School meals will carry less salt and sugar from next autumn, "
                 "the education department announced on Monday after a long review.")
    record = process_pages([(first, f"{SITE}/flu.html"), (other, f"{SITE}/lunch.html")])
    assert record["page_count"] == 1 and "School meals" not in record["body_text"]
    assert [r["url"] for r in record["rejected_pages"]] == [f"{SITE}/lunch.html"]
    assert record["rejected_pages"][0]["reason"].startswith("another article")
