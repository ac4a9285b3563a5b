"""Import: pages captured elsewhere (a WARC's responses) into articles, through the crawl's own pipelines.

Pages are grouped the way the spider would have met them: pages of one article share an article key
(crawler/pagination.py), and the next-page links the pages carry fix their order and join pages whose
URLs the key cannot tell apart. A next page that the WARC does not hold makes the article incomplete.
"""
from __future__ import annotations

import logging
from collections import Counter
from urllib.parse import urlsplit

from parsel import Selector

from archive.bodies import CorruptBody
from archive.store import Archive
from crawler.chain import proposed_by_words_alone
from crawler.continuation import url_step
from crawler.items import ArticleCapture, Page
from crawler.pagination import article_key, looks_like_listing, page_number
from crawler.sites import SiteProfile
from pipelines.decode import decode_body
from crawler.verify import TEMPLATE_MIN, template_share, verify
from pipelines.extract import extract_page
from pipelines.rebuild import _page, article_record

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def import_responses(archive: Archive, responses: list[dict], *, profile: SiteProfile, site: str) -> Counter:
    """Archive the articles among ``responses`` (dicts from archive.warc.read_responses); counts of what happened."""
    counts: Counter = Counter()
    pages = _latest_html_pages(responses, counts)
    extracted = {url: extract_page(page.body, page.final_url or url, profile, page.headers)
                 for url, page in pages.items() if page.ok}
    next_of = {url: page.get("next_page_url") or (None if profile.next_page else verified_next(url, extracted))
               for url, page in extracted.items()}
    next_of = {url: target for url, target in next_of.items() if target}
    groups = group_articles(list(pages), next_of)
    siblings = StoredSiblings(archive, [(urls[0], extracted[urls[0]]) for urls in groups if urls[0] in extracted])
    for urls in groups:
        first = pages[urls[0]]
        if first.ok and looks_like_listing(Selector(text=decode_body(first.body, first.headers))):
            counts["listing pages"] += len(urls)
            continue
        capture = ArticleCapture(site=site, url=urls[0])
        capture.pages = with_missing_pages([pages[u] for u in urls], next_of, capture)
        read = [extracted[p.url] for p in capture.pages if p.ok]
        siblings.attach(capture, read)
        record = article_record(capture, profile, read)
        counts[archive.save(capture, record)] += 1
        counts["pages"] += len(urls)
    return counts


SIBLING_SQL = """
select pages.url, pages.number, pages.status, pages.final_url, pages.fetched_at, pages.headers, pages.error,
       captures.body_zst, captures.dict_id, captures.headers as capture_headers, captures.site as capture_site
from pages join captures on captures.id = pages.capture_id
where pages.number = 1 and pages.article_id is not null and pages.error is null and (pages.url like ? or pages.url like ?)
order by pages.article_id limit ?
"""


class StoredSiblings:
    """The crawl's sibling page, offline: page 1 of another article of the same host, from the pages at hand
    or the archive, whose short texts are the site's template chrome (see crawler.siblings.SiteTemplates).

    Without it a one-page article rebuilt or imported keeps the chrome its crawl removed, and every
    rebuild would store a new version of it.
    """

    LOOK = 4  # stored first pages per host read to find one in the article's template

    def __init__(self, archive: Archive | None, pages: list[tuple[str, dict]] = ()) -> None:
        self.archive = archive
        self.known: dict[str, list[tuple[str, dict]]] = {}  # host -> (page 1 URL, its page report)
        self.looked: set[str] = set()  # URL prefixes whose stored first pages were read
        for url, page in pages:
            self.known.setdefault(urlsplit(url).hostname or "", []).append((url, page["report"]))

    def attach(self, capture: ArticleCapture, extracted: list[dict]) -> None:
        """Set the capture's template lines from a sibling in its template, when there is one."""
        report = extracted[0].get("report") if extracted else None
        if not report or report.get("profile"):
            return  # a profile's selectors say what the body is
        own = ({p.url for p in capture.pages} | {report["identity"].get("canonical")}) - {None}
        for url, other in self._candidates(capture.url):
            if url not in own and other["identity"].get("canonical") not in own and \
                    template_share(other["template"], report["template"]) >= TEMPLATE_MIN:
                capture.template_lines = other["lines"]
                return

    def _candidates(self, url: str) -> list[tuple[str, dict]]:
        """Known first pages of the host, those under the same first folder first (a site's section, or its own)."""
        parts = urlsplit(url)
        host, folder = parts.hostname or "", parts.path.strip("/").split("/")[0]
        for prefix in (f"//{parts.netloc}/{folder}/", f"//{parts.netloc}/"):
            if self.archive is not None and prefix not in self.looked:
                self.looked.add(prefix)
                rows = self.archive.db.query(SIBLING_SQL, [f"http:{prefix}%", f"https:{prefix}%", self.LOOK])
                for row in rows:
                    try:
                        page = _page(row, self.archive.bodies)
                    except CorruptBody:  # no use as a sibling; rebuilding its own article reports it
                        continue
                    self.known.setdefault(host, []).append((row["url"], extract_page(
                        page.body, page.final_url or page.url, SiteProfile.generic(), page.headers)["report"]))
        return sorted(self.known.get(host, []), key=lambda item: urlsplit(item[0]).path.strip("/").split("/")[0] != folder)


def verified_next(url: str, extracted: dict[str, dict]) -> str | None:
    """The page the WARC holds that this page proposes as its continuation and that proves it, as the crawl would."""
    report = extracted[url]["report"]
    for candidate in report["candidates"]:
        target = candidate["url"]
        if target == url or target not in extracted:
            continue
        step = url_step(url, target)
        evidence = candidate["kind"] == "rel" or bool(step and step[1] > step[0])
        if verify([report], extracted[target]["report"], urls=[url], url_evidence=evidence,
                  words_only=proposed_by_words_alone(candidate, evidence)) is None:
            return target
    return None


def summary(found, counts: Counter) -> str:
    """The line `folio import-warc` prints: what was imported and what was skipped, with counts."""
    skipped = {k: v for k, v in (found.counts | counts).items()
               if k.endswith(" records") or k in ("not HTML", "redirects", "listing pages", "unreadable")}
    articles = counts["new"] + counts["changed"] + counts["unchanged"] + counts["kept"]
    return (f"{len(found.responses)} responses, {counts['pages']} pages into {articles} articles "
            f"({counts['new']} new, {counts['changed']} changed, {counts['unchanged']} unchanged; "
            f"{counts['failed']} page sets without an article); skipped: "
            + (", ".join(f"{v} {k}" for k, v in sorted(skipped.items())) or "none"))


def group_articles(urls: list[str], next_of: dict[str, str]) -> list[list[str]]:
    """The URLs as articles, each in reading order: same article key, or joined by a next-page link."""
    parent = {url: url for url in urls}

    def root(url: str) -> str:
        while parent[url] != url:
            parent[url] = parent[parent[url]]
            url = parent[url]
        return url

    by_key: dict[str, str] = {}
    for url in urls:
        parent[root(url)] = root(by_key.setdefault(article_key(url), url))
    for url, target in next_of.items():
        if target in parent and url in parent:
            parent[root(target)] = root(url)
    groups: dict[str, list[str]] = {}
    for url in urls:
        groups.setdefault(root(url), []).append(url)
    return [reading_order(members, next_of) for members in groups.values()]


def reading_order(urls: list[str], next_of: dict[str, str]) -> list[str]:
    """Follow next-page links from each page no other page points to (lowest page number first)."""
    members = set(urls)
    pointed_to = {next_of.get(url) for url in urls} & members
    by_number = sorted(urls, key=lambda url: (page_number(url), url))
    starts = [url for url in by_number if url not in pointed_to] + by_number
    ordered: dict[str, None] = {}
    for start in starts:
        url = start
        while url in members and url not in ordered:
            ordered[url] = None
            url = next_of.get(url)
    return list(ordered)


def _latest_html_pages(responses: list[dict], counts: Counter) -> dict[str, Page]:
    """One Page per URL (its latest fetch), HTML responses only; redirects and other types are counted."""
    pages: dict[str, Page] = {}
    for response in responses:
        status = response["status"]
        if 300 <= status < 400:
            counts["redirects"] += 1
            continue
        if not _is_html(response):
            counts["not HTML"] += 1
            continue
        old = pages.get(response["url"])
        if old and (old.fetched_at or "") > response["fetched_at"]:
            continue
        failed = status >= 400
        pages[response["url"]] = Page(
            url=response["url"], number=0, status=status, final_url=response["final_url"],
            fetched_at=response["fetched_at"], headers=response["headers"],
            body=b"" if failed else response["body"], error=f"HTTP {status}" if failed else None,
        )
    return pages


def _is_html(response: dict) -> bool:
    content_type = next((v for k, v in response["headers"].items() if k.lower() == "content-type"), "")
    kind = content_type.split(";")[0].strip().lower()
    if kind:
        return kind in HTML_TYPES
    return response["body"].lstrip()[:1] == b"<"  # no Content-Type: markup is taken for HTML


def with_missing_pages(found: list[Page], next_of: dict[str, str], capture: ArticleCapture) -> list[Page]:
    """The article's pages numbered in order, a failed page after each page whose next page the WARC lacks.

    The spider records a page it could not fetch the same way, so the article is stored incomplete.
    """
    held = {p.url for p in found} | {p.final_url for p in found if p.final_url}
    ordered: list[Page] = []
    for page in found:
        ordered.append(page)
        target = next_of.get(page.url)
        if not target or target in held:
            continue
        held.add(target)
        if urlsplit(target).hostname != urlsplit(capture.url).hostname:
            capture.stopped = "off-site: the next page is on another host, not followed"
            ordered.append(Page(url=target, number=0, error=f"not fetched: {capture.stopped}"))
        else:
            ordered.append(Page(url=target, number=0, error="not in the WARC"))
    for number, page in enumerate(ordered, 1):
        page.number = number
    return ordered
