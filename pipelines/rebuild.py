"""Rebuild: re-run extraction and reassembly on the stored raw pages, with no network.

The archive keeps every page body exactly as received, so a better extractor can be applied to the
whole archive later: `folio rebuild` reads each article's pages back into an ArticleCapture and runs
the same pipeline functions the crawl ran.
"""
from __future__ import annotations

import json
import logging
from collections import Counter

from archive.bodies import Bodies, CorruptBody
from archive.store import Archive, write_transaction
from crawler import chain, sites
from crawler.items import ArticleCapture, Page
from crawler.sites import SiteProfile
from pipelines.extract import extract_capture
from pipelines.normalize import normalize
from pipelines.reassemble import assemble_capture

logger = logging.getLogger(__name__)

PAGES_SQL = """
select pages.url, pages.article_id, pages.site, pages.number, pages.status, pages.final_url, pages.fetched_at,
       pages.headers, pages.error, captures.body_zst, captures.dict_id, captures.headers as capture_headers,
       captures.site as capture_site
from pages left join captures on captures.id = pages.capture_id
where pages.article_id = ?
order by pages.number
"""


def profile_for(slug: str, urls: list[str]) -> SiteProfile:
    """The site's own profile, or the generic one for "web" and for slugs Folio has no profile for."""
    if slug == "web":
        return SiteProfile.generic(urls)
    try:
        return sites.load(slug)
    except sites.ProfileError:
        logger.warning("no site profile %r; its articles are rebuilt with generic extraction", slug)
        return SiteProfile.generic(urls)


def article_record(capture: ArticleCapture, profile: SiteProfile, extracted: list[dict] | None = None, *,
                   stored: dict | None = None) -> dict | None:
    """Extract, Reassemble and Normalize one capture, as the crawl's pipelines do; None when it holds no article.

    ``extracted``: the capture's usable pages already run through extract_page, in order; ``stored``: the
    crawl's verdict on the article as stored (``complete``, ``rejected_pages``, ``single_page_url``), None when
    none is. Mirrors Store.process_item: a capture with no title and no text stores its pages but no article.
    """
    capture.extracted = extract_capture(capture, profile) if extracted is None else extracted
    capture.article = assemble_capture(capture)
    crawled = None if stored is None or stored.get("complete") is None else bool(stored["complete"])
    recorded = None if stored is None or stored.get("rejected_pages") is None else json.loads(stored["rejected_pages"])
    # No fetch can settle what the crawl left open (a chain stopped by a failed page analysis, a link forward
    # not verified): its "incomplete" stands. The links of the stored pages are read as the crawl read them
    # when its rejected candidates are recorded; otherwise only where no verdict is (a link it settled by
    # fetching would count as a page not stored), and the stored pages' own count and page list decide.
    # A single-page view is not stored: the crawl read its completeness off that view, so its verdict stands.
    if recorded is not None and not stored.get("single_page_url"):
        capture.rejected = [{**r, "why_proposed": ""} for r in recorded]
        short = chain.recorded_shortfall(capture, capture.extracted, chain.Rules())
    else:
        short = chain.stored_shortfall(capture, capture.extracted, links=crawled is None)
    capture.article["complete"] = capture.article["complete"] and crawled is not False and not short
    record = normalize(capture.article, languages=profile.date_languages, timezone=profile.timezone)
    if recorded is not None:
        record["rejected_pages"] = recorded  # what the crawl fetched: a rebuild fetches nothing new
    capture.article = record
    if not capture.extracted or not (record.get("title") or record.get("body_text")):
        return None
    return record


def stored_captures(archive: Archive, site: str | None = None, counts: Counter | None = None):
    """(article id, ArticleCapture) for every article the archive holds pages of, pages in order.

    An article with a stored body that no longer decompresses is skipped, logged and counted ("corrupt").
    """
    where, params = ("and site = ?", [site]) if site else ("", [])
    # Ids first, then one article's pages at a time: bodies are never all in memory, and no cursor
    # stays open while the caller writes.
    keys = [row["article_id"] for row in archive.db.query(
        f"select distinct article_id from pages where article_id is not null {where} order by article_id", params)]
    for key in keys:
        group = list(archive.db.query(PAGES_SQL, [key]))
        try:
            pages = [_page(row, archive.bodies) for row in group]
        except CorruptBody as exc:
            logger.warning("article %s: a stored page body is corrupt (%s); the article is left as it was", key, exc)
            if counts is not None:
                counts["corrupt"] += 1
            continue
        capture = ArticleCapture(site=group[0]["site"], url=group[0]["url"], pages=pages)
        if group[0]["number"] != 1:  # page 1 was stored under another article since
            logger.warning("article %s: its first stored page %s is not its page 1; skipped", key, capture.url)
            continue
        yield key, capture


def _stored(archive: Archive, key: str) -> dict | None:
    """The crawl's verdict on the stored article (complete, rejected pages, single view); None when none is stored."""
    return next(archive.db.query("select complete, rejected_pages, single_page_url from articles where id = ?", [key]),
                None)


def _page(row: dict, bodies: Bodies) -> Page:
    return Page(
        url=row["url"], number=row["number"], status=row["status"], final_url=row["final_url"] or row["url"],
        fetched_at=row["fetched_at"], headers=_headers(row, bodies),
        body=bodies.decompress(row["body_zst"], row["dict_id"]), error=row["error"],
    )


def _headers(row: dict, bodies: Bodies) -> dict:
    """The capture's headers (packed by archive.bodies), else those a page without a capture kept."""
    if row["capture_headers"] is not None:
        return bodies.headers(row["capture_headers"], row.get("capture_site"))
    return json.loads(row["headers"] or "{}")


def rebuild(archive: Archive, site: str | None = None) -> Counter:
    """Re-extract every stored article (of ``site``) and save it; counts by outcome and "rebuilt"."""
    from pipelines.importing import StoredSiblings  # it builds on this module

    counts: Counter = Counter()
    profiles: dict[str, SiteProfile] = {}
    siblings = StoredSiblings(archive)  # the crawl compared one-page articles with another of their site: so does this
    for key, capture in stored_captures(archive, site, counts):
        if capture.site not in profiles:
            profiles[capture.site] = profile_for(capture.site, [p.url for p in capture.pages])
        extracted = extract_capture(capture, profiles[capture.site])
        siblings.attach(capture, extracted)
        record = article_record(capture, profiles[capture.site], extracted, stored=_stored(archive, key))
        if record is None:
            counts["no article"] += 1
            continue
        with write_transaction(archive.db):  # one transaction per article, as the crawl writes them
            counts[archive.save_article(key, record)] += 1
        counts["rebuilt"] += 1
    rebuild_unattached(archive, site, counts)
    return counts


UNATTACHED_SQL = """
select pages.url, pages.site, pages.final_url, pages.status, pages.fetched_at, pages.headers,
       captures.body_zst, captures.dict_id, captures.headers as capture_headers, captures.site as capture_site
from pages left join captures on captures.id = pages.capture_id
where pages.article_id is null and pages.error is null {where}
order by pages.site, pages.url
"""


def rebuild_unattached(archive: Archive, site: str | None, counts: Counter) -> None:
    """Pages fetched whole but stored with no article (an older extractor found none) are grouped again."""
    from pipelines.importing import import_responses  # it builds on this module

    where, params = ("and pages.site = ?", [site]) if site else ("", [])
    by_site: dict[str, list[dict]] = {}
    for row in archive.db.query(UNATTACHED_SQL.format(where=where), params):
        try:
            page = _page({**row, "number": 0, "error": None}, archive.bodies)
        except CorruptBody:
            counts["corrupt"] += 1
            continue
        by_site.setdefault(row["site"], []).append({
            "url": page.url, "final_url": page.final_url or page.url, "status": page.status or 200,
            "headers": page.headers, "body": page.body, "fetched_at": page.fetched_at or ""})
    for slug, responses in by_site.items():
        found = import_responses(archive, responses, profile=profile_for(slug, [r["url"] for r in responses]),
                                 site=slug)
        for outcome in ("new", "changed", "unchanged", "kept"):
            counts[outcome] += found[outcome]
            counts["rebuilt"] += found[outcome]


def summary(counts: Counter) -> str:
    """The one line `folio rebuild` prints."""
    return (f"{counts['rebuilt']} articles rebuilt: {counts['new'] + counts['changed']} changed "
            f"({counts['new']} new), {counts['unchanged']} unchanged, {counts['kept']} kept (stored one complete); "
            f"{counts['no article']} page sets without an article")
