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
    """The body as text: a byte-order mark wins, then valid UTF-8, then the HTTP charset, then <meta charset>.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the label says: a stale label (a page re-saved
    as UTF-8 that keeps its old <meta charset>, a server default of ISO-8859-1) is the common error,
    while accented or CJK text in a legacy encoding is practically never valid UTF-8 by chance.
    Invalid bytes become U+FFFD, and so does NUL, as an HTML parser would make them; lxml refuses NUL.
    """
    text = _utf8(body)
    if text is None:
        _, text = html_to_unicode(content_type(headers), body)
    return text.removeprefix("\ufeff").replace("\x00", "\ufffd")


def _utf8(body: bytes) -> str | None:
    """The body decoded as UTF-8 when it is valid UTF-8 and has no byte-order mark of another encoding."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (or UTF-32) says so itself
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None
