"""The archive as Scrapy's HTTP cache: a stored page comes back for revalidation; a damaged one is fetched whole."""
from __future__ import annotations

from scrapy import Request
from scrapy.settings import Settings

from archive.store import Archive
from crawler.revalidate import ArchiveCache
from crawler.sites import SiteProfile
from pipelines.rebuild import article_record
from tests.conftest import damage_table
from tests.pipelines.test_decode import capture


def stored_archive(tmp_path):
    db = tmp_path / "folio.db"
    found = capture("latin-1")
    store = Archive(db)
    store.save(found, article_record(found, SiteProfile.generic([found.url])))
    store.close()
    return db, found.url


def cache_for(db) -> ArchiveCache:
    cache = ArchiveCache(Settings({"ARCHIVE_DB": str(db)}))
    cache.open_spider(None)
    return cache


def test_a_stored_page_comes_back_with_its_headers_for_revalidation(tmp_path):
    db, url = stored_archive(tmp_path)
    cache = cache_for(db)
    response = cache.retrieve_response(None, Request(url))
    cache.close_spider(None)
    assert response is not None and response.url == url and response.body


def test_a_damaged_pages_table_means_fetching_the_page_whole_not_failing_it(tmp_path, caplog):
    db, url = stored_archive(tmp_path)
    damage_table(db, "pages")
    cache = cache_for(db)
    assert cache.retrieve_response(None, Request(url)) is None
    cache.close_spider(None)
    assert "could not be read" in caplog.text
