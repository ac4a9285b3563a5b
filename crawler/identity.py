"""One identity per article: the URL normalization and canonical-link rule that decide an article's id.

An article's identity is its URL normalized (w3lib's ``canonicalize_url``; fragment, tracking parameters,
default port and page-1 markers dropped; ``http`` and ``https`` folded), taken from the page's
``<link rel=canonical>`` instead when that points to another article page of the same host. A site whose
profile starts from paths (the bundled sample site, served wherever ``--base-url`` says) is identified by
its slug plus the normalized path, so the same article served on another port is the same article.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that say where a reader came from, never which article they read.
TRACKING = re.compile(
    r"^(utm_[a-z0-9_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|"
    r"igshid|twclid|ttclid|li_fat_id|mkt_tok|_hsenc|_hsmi|vero_id|oly_enc_id|oly_anon_id|rb_clickid|"
    r"s_cid|ref_src|cmpid|ncid|ocid|sr_share)$",
    re.IGNORECASE,
)
# Parameters whose value 1 means "the first page", which is the article's own URL.
# Not "p": WordPress uses ?p=N for a post's id.
PAGE_PARAMETERS = frozenset({"page", "pg", "paged", "pagenum", "pageno", "page_num", "pagenumber",
                             "currentpage", "pagina", "seite", "start_page"})
_PAGE_ONE_PATH = re.compile(r"/page/1/?$")  # ".../page/1/" is page 1; a bare ".../1" may be an id
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str) -> str:
    """The article-identity form of ``url``: ``https://host/path?sorted-query``, tracking and page-1 marks gone."""
    parts = urlsplit(canonicalize_url(url.strip(), keep_fragments=False))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING.match(k) and not (k.lower() in PAGE_PARAMETERS and v == "1")]
    path = parts.path or "/"
    path = _PAGE_ONE_PATH.sub("/", path)
    if scheme in DEFAULT_PORTS:
        scheme = "https"  # the same article over http and https
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def fetch_url(url: str) -> str:
    """``url`` as the crawler requests an article: tracking parameters and fragment gone, the rest as given.

    A link from a feed or newsletter carries ``utm_*`` and the like; fetching without them gets the page
    every other visitor gets (its links and pagination unchanged) and keeps one request per article.
    """
    tracking = [k for k, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True) if TRACKING.match(k)]
    return url_query_cleaner(url, tracking, remove=True, keep_fragments=False)


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on one host (a leading ``www.`` ignored)."""
    def host(u: str) -> str:
        name = (urlsplit(u).hostname or "").lower().rstrip(".")
        return name[4:] if name.startswith("www.") else name
    return bool(host(url)) and host(url) == host(other)


def identity_url(url: str, canonical: str | None = None) -> str:
    """The normalized URL that identifies the article fetched from ``url`` whose page names ``canonical``.

    A canonical link counts only on the same host and when it names a page, not the site's home page
    (some sites point every page's canonical at ``/``, which would make all articles one).
    """
    if canonical and urlsplit(canonical).scheme in DEFAULT_PORTS and same_site(canonical, url):
        chosen = normalize_url(canonical)
        if urlsplit(chosen).path not in ("", "/"):
            return chosen
    return normalize_url(url)


def article_identity(site: str, url: str, canonical: str | None = None) -> str:
    """The identity text of an article of ``site``: its identity URL, or ``slug:/path`` for a relocatable site."""
    key = identity_url(url, canonical)
    if relocatable(site):
        parts = urlsplit(key)
        return f"{site}:{urlunsplit(('', '', parts.path, parts.query, ''))}"
    return key


def article_id(site: str, url: str, canonical: str | None = None) -> str:
    """The article's 16-hex-digit id: a hash of its identity, so every variant of its URL gets the same row."""
    return hashlib.sha1(article_identity(site, url, canonical).encode("utf-8")).hexdigest()[:16]


@cache
def relocatable(site: str) -> bool:
    """Whether the shipped profile ``site`` starts from paths, i.e. is served wherever --base-url says."""
    from crawler import sites

    try:
        profile = sites.load(site)
    except sites.ProfileError:
        return False  # "web" and sites without a profile: their URLs are absolute
    urls = profile.start_urls + profile.sitemap_urls + profile.feeds
    return bool(urls) and all(not urlsplit(u).scheme for u in urls)
