"""Decode a page body to text the way browsers and Scrapy's TextResponse do: BOM, HTTP charset, <meta charset>."""
from __future__ import annotations

from collections.abc import Mapping

from w3lib.encoding import html_to_unicode


def content_type(headers: Mapping[str, str] | None) -> str | None:
    """The Content-Type header, whatever the case of its name (live, stored and WARC headers differ)."""
    for name, value in (headers or {}).items():
        if name.lower() == "content-type":
            return value
    return None


def decode_body(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The body as text: a byte-order mark wins, then the HTTP charset, then <meta charset>, else UTF-8.

    Invalid bytes become U+FFFD, and so does NUL, as an HTML parser would make them; lxml refuses NUL.
    """
    _, text = html_to_unicode(content_type(headers), body)
    return text.removeprefix("\ufeff").replace("\x00", "\ufffd")
