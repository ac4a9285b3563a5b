"""What the spider keeps of one response: a Page, exactly as received, or why it is not usable."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from scrapy.http import Request, Response, TextResponse

from crawler.items import Page

logger = logging.getLogger(__name__)

HTML_TYPES = (b"text/html", b"application/xhtml+xml")


def page_of(response: Response, number: int, stats) -> Page:
    """Page ``number`` of an article from its response; a body that is not HTML is recorded as an error."""
    content_type = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
    error = None
    if not isinstance(response, TextResponse) or (content_type and content_type not in HTML_TYPES):
        error = f"not HTML ({content_type.decode('latin-1') or 'no content type'})"
    elif _undecodable(response):
        stats.inc_value("folio/pages/decode_errors")
        logger.warning("%s: bytes invalid in %s were replaced", response.url, response.encoding)
    redirects = response.meta.get("redirect_urls") or []
    return Page(
        url=redirects[0] if redirects else response.url,
        number=number,
        status=response.status,
        final_url=response.url,
        fetched_at=now(),
        headers={k.decode("latin-1"): v[0].decode("latin-1") for k, v in response.headers.items() if v},
        body=response.body,
        error=error,
    )


def asked(request: Request) -> str:
    """The URL a request was made for, before any redirect: the key its page and its waiting articles go by."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


def _undecodable(response: TextResponse) -> bool:
    try:
        response.body.decode(response.encoding)
    except (UnicodeDecodeError, LookupError):
        return True
    return False


def now() -> str:
    """The current moment, ISO 8601 UTC to the second (what `fetched_at` holds)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
