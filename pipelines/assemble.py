"""Assemble: an article's page extracts to its normalized record, in one call to a worker process."""
from __future__ import annotations

from dataclasses import replace

from crawler.items import ArticleCapture, Page
from crawler.sites import SiteProfile
from pipelines.normalize import normalize
from pipelines.reassemble import assemble_capture
from pipelines.workers import WorkerStep


def article_of(capture: ArticleCapture, profile: SiteProfile) -> dict:
    """Reassemble the capture's pages, then normalize the article (dateparser costs milliseconds per date)."""
    article = assemble_capture(capture)
    article["complete"] = article["complete"] and complete_chain(capture)
    record = normalize(article, languages=profile.date_languages, timezone=profile.timezone)
    record["rejected_pages"] = rejected_pages(capture)
    return record


def rejected_pages(capture: ArticleCapture) -> list[dict]:
    """What the article's chain fetched and rejected, as stored: a rebuild settles completeness with it."""
    return [{"url": r["url"], "reason": r["reason"]} for r in capture.rejected]


def complete_chain(capture: ArticleCapture) -> bool:
    """Whether the spider walked the article to its end: a chain stopped for any reason but a loop back to a
    page already read (page limit, off-site, a failed analysis, a page it shows and did not verify) is not."""
    return not capture.stopped or capture.stopped.startswith("loop")


def without_bodies(capture: ArticleCapture) -> ArticleCapture:
    """The capture as the worker needs it: page extracts and states, not the raw bodies it already read."""
    return replace(capture, pages=[_light(page) for page in capture.pages],
                   single_view=capture.single_view and _light(capture.single_view), pending=[])


def _light(page: Page) -> Page:
    return replace(page, body=b"", headers={})


class Assemble(WorkerStep):
    """Scrapy pipeline: Reassemble and Normalize off the reactor thread, one worker round trip per article."""

    async def process_item(self, item: ArticleCapture) -> ArticleCapture:
        item.article = await self.workers.run(article_of, without_bodies(item), self.crawler.spider.profile)
        return item
