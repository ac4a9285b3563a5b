"""The bundled sample site: its HTTP behaviour, its hand-written expected results, its profiles."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import pytest
from parsel import Selector

from crawler import sites
from crawler.samplesite import SampleSite, expected_articles
from crawler.samplesite import bulk
from crawler.samplesite.catalog import by_path
from crawler.samplesite.render import LISTING_PATHS

PUBLISHERS = ("dailyhealth", "medwire", "wellbeing")
PROFILES = ("dailyhealth", "medwire", "wellbeing", "faults", "bulk")
KEYS = {"site", "path", "title", "subtitle", "authors", "reviewer", "published", "section", "page_count",
        "body_paragraphs", "robots_disallowed", "fault"}
PUBLISHER_LINES = {"Daily Health News", "Medwire Health News"}
BLOCKS = "p, h2, h3, h4"


def fetch(url: str, *, method: str = "GET", headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def page(url: str) -> Selector:
    status, headers, body = fetch(url)
    assert status == 200, url
    return Selector(text=body.decode("utf-8", "replace"), base_url=url)


def clean(texts: list[str]) -> str:
    return " ".join("".join(texts).split())


def text_of(sel: Selector, css: str | None) -> str | None:
    nodes = sel.css(css) if css else []
    return clean(nodes[0].xpath(".//text()").getall()) if nodes else None


def next_url(sel: Selector, url: str, profile: sites.SiteProfile) -> str | None:
    """The site's own next link: the profile's selector, or <link rel=next> where it has none."""
    href = sel.css(f"{profile.next_page}::attr(href)").get() if profile.next_page else None
    href = href or sel.css("link[rel=next]::attr(href)").get()
    return urljoin(url, href) if href else None


def article_pages(base_url: str, expected: dict, profile: sites.SiteProfile) -> list[tuple[str, Selector]]:
    url, pages = base_url.rstrip("/") + expected["path"], []
    while url and len(pages) < 10:
        assert url not in [u for u, _ in pages], f"pagination loops back to {url}"
        sel = page(url)
        pages.append((url, sel))
        url = next_url(sel, url, profile)
    return pages


def body_paragraphs(sel: Selector, profile: sites.SiteProfile) -> list[str]:
    bodies = sel.css(profile.body)
    assert bodies, f"body selector {profile.body!r} matches nothing"
    body = bodies[0]
    dropped = {node.root for css in profile.remove for node in body.css(css)}
    result = []
    for block in body.css(BLOCKS):
        if any(a in dropped for a in [block.root, *block.root.iterancestors()]):
            continue
        if any(a.tag in ("p", "h2", "h3", "h4") for a in block.root.iterancestors()):
            continue
        text = clean(block.xpath(".//text()").getall())
        if text:
            result.append(text)
    return result


def publisher_articles() -> list[dict]:
    return [e for e in expected_articles() if e["site"] in PUBLISHERS]


def normal_fault_articles() -> list[dict]:
    return [e for e in expected_articles("faults") if e["path"] in by_path()]


@pytest.fixture(scope="module")
def site():
    with SampleSite() as running:
        yield running


@pytest.fixture(scope="module")
def base(site) -> str:
    return site.base_url.rstrip("/")


# --- the hand-written expected results ---------------------------------------------------------

def test_expected_results_are_well_formed_and_cover_the_brief():
    everything = expected_articles()
    assert [(e["site"], e["path"]) for e in everything] == sorted((e["site"], e["path"]) for e in everything)
    for expected in everything:
        assert set(expected) == KEYS, expected["path"]
        for text in [expected["title"] or "", expected["subtitle"] or "", *expected["body_paragraphs"]]:
            assert text == " ".join(text.split()), f"{expected['path']}: unclean whitespace in {text!r}"
        assert not any(a.startswith("By ") or a in PUBLISHER_LINES for a in expected["authors"])
    allowed = [e for e in publisher_articles() if not e["robots_disallowed"]]
    assert len(allowed) >= 12
    assert {e["page_count"] for e in allowed} >= {1, 2, 3, 4, 5}
    disallowed = [e for e in everything if e["robots_disallowed"]]
    assert [e["path"].startswith("/dailyhealth/members/") for e in disallowed] == [True]
    assert all(e["fault"] is None for e in publisher_articles())
    assert all(e["fault"] for e in expected_articles("faults"))
    assert expected_articles("wellbeing") == [e for e in everything if e["site"] == "wellbeing"]


def test_every_source_article_has_an_expected_result():
    expected_paths = {e["path"] for e in expected_articles()}
    assert set(by_path()) <= expected_paths
    assert expected_paths - set(by_path()) == {"/faults/report.pdf"}


# --- HTTP behaviour ------------------------------------------------------------------------------

@pytest.mark.parametrize("expected", publisher_articles(), ids=lambda e: e["path"])
def test_every_page_answers_html_with_validators(base, expected):
    article = by_path()[expected["path"]]
    for number in range(1, article.page_count + 1):
        status, headers, body = fetch(base + article.page_url(number))
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert int(headers["Content-Length"]) == len(body)
        assert re.fullmatch(r'"[0-9a-f]{32}"', headers["ETag"])
        assert headers["Last-Modified"].endswith(" GMT")
        body.decode("utf-8")  # strictly valid


@pytest.mark.parametrize("expected", publisher_articles(), ids=lambda e: e["path"])
def test_following_next_links_finds_every_page(site, expected):
    profile = sites.load(expected["site"])
    pages = article_pages(site.base_url, expected, profile)
    assert len(pages) == expected["page_count"]


def test_last_modified_comes_from_the_article_date(base):
    _, headers, _ = fetch(base + "/dailyhealth/heart-health/news/20110304/after-dinner-walks-blood-pressure?page=2")
    assert headers["Last-Modified"] == "Fri, 04 Mar 2011 12:00:00 GMT"
    _, headers, _ = fetch(base + "/wellbeing/cold-water-swimming-mood/")
    assert headers["Last-Modified"] == "Wed, 12 Jun 2024 08:30:00 GMT"


def test_conditional_requests_and_head(base):
    url = base + "/medwire/news/20150609/resting-heart-rate-fitness?page=2"
    status, headers, body = fetch(url)
    assert status == 200 and body
    assert fetch(url, headers={"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(url, headers={"If-None-Match": '"stale"'})[0] == 200
    assert fetch(url, headers={"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(url, headers={"If-Modified-Since": "Mon, 01 Jun 2015 00:00:00 GMT"})[0] == 200
    status, head_headers, head_body = fetch(url, method="HEAD")
    assert status == 200 and head_body == b""
    assert head_headers["Content-Length"] == str(len(body)) and head_headers["ETag"] == headers["ETag"]


@pytest.mark.parametrize("path", [
    "/nope",
    "/dailyhealth/news/?page=3",
    "/medwire/news/20150609/resting-heart-rate-fitness?page=5",
    "/medwire/news/20150609/resting-heart-rate-fitness?page=0",
    "/medwire/news/20150609/resting-heart-rate-fitness?print=1",  # only one article is printable
    "/wellbeing/nap-length/2/",
    "/wellbeing/page/3/",
    "/bulk/",  # no bulk articles unless asked for
])
def test_unknown_paths_answer_404(base, path):
    status, headers, body = fetch(base + path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8" and b"Page not found" in body


def test_robots_txt_disallows_members_and_names_the_sitemap(site, base):
    status, headers, body = fetch(base + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    lines = body.decode().splitlines()
    assert "Disallow: /dailyhealth/members/" in lines
    assert f"Sitemap: {site.base_url}sitemap.xml" in lines


def test_sitemap_lists_every_publisher_article(base):
    sel = Selector(text=fetch(base + "/sitemap.xml")[2].decode(), type="xml")
    sel.remove_namespaces()
    locs = {urlsplit(loc).path for loc in sel.xpath("//loc/text()").getall()}
    assert locs == {e["path"] for e in publisher_articles()}
    assert len(sel.xpath("//lastmod")) == len(locs)


def test_index_links_the_three_listings_and_not_the_faults(base):
    sel = page(base + "/")
    assert sel.css("a::attr(href)").getall() == ["/dailyhealth/news/", "/medwire/news/", "/wellbeing/"]


def test_print_view_shows_the_whole_article_without_pagination(site, base):
    expected = next(e for e in expected_articles("medwire") if e["path"].endswith("hand-sanitizer-clinic-infections"))
    profile = sites.load("medwire")
    sel = page(base + expected["path"])
    assert sel.css("a[href='?print=1']")
    printed = page(base + expected["path"] + "?print=1")
    assert not printed.css(".pagination_fmt")
    assert body_paragraphs(printed, profile) == expected["body_paragraphs"]


def test_many_concurrent_requests(base):
    urls = [base + e["path"] for e in publisher_articles()] * 15
    with ThreadPoolExecutor(max_workers=24) as pool:
        statuses = list(pool.map(lambda u: fetch(u)[0], urls))
    assert statuses == [200] * len(urls)


def test_responses_are_identical_across_servers_but_for_the_host(site):
    paths = ["/", "/robots.txt", "/sitemap.xml", "/faults/", "/faults/news/20150305/salt-substitutes",
             "/faults/news/20150306/hearing-aids-memory", "/bulk/?page=2", bulk.article_path(3) + "?page=2"]
    for site_name in PUBLISHERS:
        profile = sites.load(site_name)
        paths += [LISTING_PATHS[site_name], *profile.sitemap_urls, *profile.feeds]
    paths += [by_path()[e["path"]].page_url(n) for e in publisher_articles()
              for n in range(1, e["page_count"] + 1)]
    with SampleSite(bulk_articles=60) as first, SampleSite(bulk_articles=60) as second:
        for path in paths:
            one, two = fetch(first.base_url.rstrip("/") + path), fetch(second.base_url.rstrip("/") + path)
            assert one[0] == two[0] == 200, path
            # Only absolute URLs differ: their port (the off-site fault link shares it too).
            port_one, port_two = f":{urlsplit(first.base_url).port}/", f":{urlsplit(second.base_url).port}/"
            assert one[2].replace(port_one.encode(), b":PORT/") == two[2].replace(port_two.encode(), b":PORT/"), path


# --- the faults site -----------------------------------------------------------------------------

def test_faults_answer_as_documented(site, base):
    assert fetch(base + "/faults/news/20150302/flu-shot-timing?page=2")[0] == 200
    status, headers, _ = fetch(base + "/faults/news/20150302/flu-shot-timing?page=3")
    assert status == 500 and "ETag" not in headers
    assert fetch(base + "/faults/news/20150303/vitamin-d-winter?page=2")[0] == 404
    status, headers, body = fetch(base + "/faults/report.pdf")
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF-")
    status, headers, body = fetch(base + "/faults/news/20150305/salt-substitutes")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8" and b"\xff\xfe\xfa" in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_fault_pagination_loops_and_leaves_the_site(site, base):
    profile = sites.load("faults")
    loop = base + "/faults/news/20150304/knee-replacement-recovery"
    assert next_url(page(loop + "?page=2"), loop + "?page=2", profile) == loop
    offsite = base + "/faults/news/20150306/hearing-aids-memory"
    target = urlsplit(next_url(page(offsite), offsite, profile))
    assert (target.hostname, target.port) == ("127.0.0.2", urlsplit(base).port)
    assert fetch(offsite + "?page=2")[0] == 404  # the page does not exist on this host either


def test_faults_listing_links_every_fault_and_nothing_links_to_it(base):
    profile = sites.load("faults")
    links = {urlsplit(h).path for h in page(base + "/faults/").css(f"{profile.article_links}::attr(href)").getall()}
    assert links == {e["path"] for e in expected_articles("faults")}
    for path in ["/", "/sitemap.xml", *(LISTING_PATHS[s] for s in PUBLISHERS)]:
        assert b"/faults/" not in fetch(base + path)[2], path
    for expected in publisher_articles():
        assert b"/faults/" not in fetch(base + expected["path"])[2]


@pytest.mark.parametrize("expected", normal_fault_articles(), ids=lambda e: e["path"])
def test_fault_articles_match_their_expected_pages(base, expected):
    profile = sites.load("faults")
    paragraphs = []
    for number in range(1, expected["page_count"] + 1):
        paragraphs += body_paragraphs(page(base + by_path()[expected["path"]].page_url(number)), profile)
    assert paragraphs == expected["body_paragraphs"]
    assert expected["fault"]["stored"] is True
    for missing in expected["fault"]["missing_pages"]:
        assert fetch(base + missing)[0] in (404, 500)


# --- bulk ----------------------------------------------------------------------------------------

def test_bulk_listings_link_every_article_and_sampled_articles_paginate():
    profile = sites.load("bulk")
    with SampleSite(bulk_articles=120) as running:
        url, links, listings = urljoin(running.base_url, profile.start_urls[0]), [], 0
        while url:
            sel = page(url)
            listings += 1
            links += [urljoin(url, h) for h in sel.css(f"{profile.article_links}::attr(href)").getall()]
            href = sel.css(f"{profile.listing_next}::attr(href)").get()
            url = urljoin(url, href) if href else None
        assert listings == 3 and len(links) == len(set(links)) == 120
        for number in (1, 2, 3, 4, 5, 77, 120):
            expected = {"path": urlsplit(links[number - 1]).path}
            pages = article_pages(running.base_url, expected, profile)
            assert len(pages) == bulk.page_count(number)
            assert all(len(body_paragraphs(sel, profile)) >= 3 for _, sel in pages)
        assert {bulk.page_count(n) for n in range(1, 121)} == {1, 2, 3, 4, 5}
        assert fetch(running.base_url + bulk.article_path(121)[1:])[0] == 404


# --- profiles ------------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", PROFILES)
def test_profile_loads_as_sample_with_path_start_urls(slug):
    profile = sites.load(slug)
    starts = profile.start_urls + profile.sitemap_urls + profile.feeds
    assert profile.sample and starts
    assert all(u.startswith("/") for u in starts)
    resolved = profile.with_base_url("http://127.0.0.1:8000/")
    resolved.check_runnable()
    assert resolved.allowed_domains == ("127.0.0.1",)
    assert profile.date_languages == ("en",) and profile.timezone
    assert (profile.next_page is None) == (slug == "wellbeing")


@pytest.mark.parametrize("slug", PUBLISHERS)
def test_listing_selectors_find_every_article_and_the_next_listing(base, slug):
    profile = sites.load(slug)
    url, found, listings = base + LISTING_PATHS[slug], set(), 0
    while url:
        sel = page(url)
        listings += 1
        hrefs = sel.css(f"{profile.article_links}::attr(href)").getall()
        next_href = sel.css(f"{profile.listing_next}::attr(href)").get()
        assert hrefs and next_href not in hrefs
        if next_href:
            assert sel.css("link[rel=next]::attr(href)").get() == urljoin(url, next_href)
            assert text_of(sel, profile.listing_next) == "Next »"
        found |= {urlsplit(urljoin(url, h)).path for h in hrefs}
        url = urljoin(url, next_href) if next_href else None
    assert listings >= 2
    assert found == {e["path"] for e in expected_articles(slug)}


@pytest.mark.parametrize("expected", publisher_articles(), ids=lambda e: e["path"])
def test_profile_selectors_read_what_expected_json_says(site, expected):
    profile = sites.load(expected["site"])
    pages = article_pages(site.base_url, expected, profile)
    first = pages[0][1]
    paragraphs = []
    for number, (url, sel) in enumerate(pages, start=1):
        assert text_of(sel, profile.title) == expected["title"], url
        paragraphs += body_paragraphs(sel, profile)
        body = sel.css(profile.body)[0]
        if number > 1 and expected["site"] == "dailyhealth":
            assert clean(body.css("p.continued::text").getall()) == "continued..."
        if profile.next_page and len(pages) > 1:
            assert bool(sel.css(profile.next_page)) == (number < len(pages)), url
    assert paragraphs == expected["body_paragraphs"]
    assert (text_of(first, profile.subtitle) or None) == expected["subtitle"]
    assert text_of(first, profile.section) == expected["section"]
    reviewer = text_of(first, profile.reviewer)
    assert (reviewer.removeprefix("Reviewed by ") if reviewer else None) == expected["reviewer"]
    assert authors(first, profile) == expected["authors"]
    assert published(first, profile) == expected["published"]


def authors(sel: Selector, profile: sites.SiteProfile) -> list[str]:
    node = sel.css(profile.byline)[0]
    lines = [clean([line]) for line in re.split(r"<br\s*/?>", node.get())]
    line = next(clean(Selector(text=part).xpath("//text()").getall()) for part in lines if "By " in part)
    return line.removeprefix("By ").split(" and ")


def published(sel: Selector, profile: sites.SiteProfile) -> str:
    node = sel.css(profile.date)[0]
    if node.attrib.get("datetime"):
        return node.attrib["datetime"]
    return datetime.strptime(clean(node.xpath(".//text()").getall()), "%B %d, %Y").date().isoformat()


@pytest.mark.parametrize("slug", PUBLISHERS)
def test_remove_selectors_each_match_inside_the_body_somewhere(site, slug):
    profile = sites.load(slug)
    matched = set()
    for expected in expected_articles(slug):
        for _, sel in article_pages(site.base_url, expected, profile):
            body = sel.css(profile.body)[0]
            matched |= {css for css in profile.remove if body.css(css)}
    assert matched == set(profile.remove)


def test_wellbeing_head_links_and_json_ld(base):
    sel = page(base + "/wellbeing/strength-training-over-60/2/")
    assert sel.css("link[rel=prev]::attr(href)").get() == base + "/wellbeing/strength-training-over-60/"
    assert sel.css("link[rel=next]::attr(href)").get() == base + "/wellbeing/strength-training-over-60/3/"
    assert not sel.css("script[type='application/ld+json']")
    first = page(base + "/wellbeing/strength-training-over-60/")
    data = json.loads(first.css("script[type='application/ld+json']::text").get())
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-09-03T07:15:00+01:00"
    assert [a["name"] for a in data["author"]] == ["Olu Adeyemi", "Catriona Bell"]
    assert first.css("meta[property='og:title']::attr(content)").get() == data["headline"]


# --- the command line ----------------------------------------------------------------------------

def test_cli_serves_quietly_until_interrupted():
    process = subprocess.Popen([sys.executable, "-m", "crawler.samplesite", "--bulk", "5"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert fetch(url + "bulk/")[0] == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert err == ""
