"""Next-page detection: the profile's selector first, then rel=next, then a scoring of candidate links."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree
from parsel import Selector
from parsel.csstranslator import css2xpath

# Query parameters that number the pages of one article on real sites.
PAGE_PARAMS = ("page", "pagewanted", "pg", "p", "pagenum", "page_num", "pn")
_PATH_NUMBER = re.compile(r"/(?:page/)?(\d{1,3})/?$|_(\d{1,2})(?=\.s?html?$)")
_NEXT_TEXT = re.compile(
    r"^(?:(?:page|nächste|página)\s+)?(?:next(?:\s+page)?|continued?|more|weiter|seite|suivante?|siguiente)\b"
    r"|^[›»→>]+$",
    re.I,
)
_PREV_TEXT = re.compile(r"\b(?:prev(?:ious)?|back|first|last|older|newer|zurück|précédent)\b|^[‹«←<]+", re.I)
# Links that continue something other than the article's text.
_NOT_A_PAGE = re.compile(
    r"comment|[?&]cpage=|/(?:tag|tags|category|categories|archive|archives|topics?|search|author|gallery|photos|"
    r"slideshow|print)(?:/|$|\?)|[?&](?:s|q|replytocom)=|[?&]print=|\bolder (?:posts|entries|stories)\b",
    re.I,
)
_REL_NEXT = etree.XPath("//link[@rel='next']/@href | //a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]"
                        "/@href", smart_strings=False)
_REL_PAGES = etree.XPath("//link[@rel='next' or @rel='prev']/@href", smart_strings=False)
_BASE_HREF = etree.XPath("//base/@href", smart_strings=False)  # compiled once: read several times per page
_UNSAFE = re.compile("[\t\r\n]")
MAX_LINKS = 3000  # links of a page resolved and scored, at most
_ARROWS = " \t\n›»→>‹«←<|"
# Containers whose links are never the article's own pagination.
_NOISE = re.compile(r"related|recommend|popular|trending|comment|footer|sidebar|promo|teaser|newsletter|share", re.I)


@dataclass(frozen=True)
class PageLink:
    """A link to another page of the same article."""

    url: str
    number: int | None


@lru_cache(maxsize=4096)
def page_number(url: str) -> int:
    """The page number a URL names (``?page=3``, ``/slug/3/``, ``_3``), 1 when it names none."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query) if parts.query else ():  # most URLs have no query to parse
        if key.lower() in PAGE_PARAMS and value.isdigit():
            return int(value)
    match = _PATH_NUMBER.search(parts.path)
    number = int(match.group(1) or match.group(2)) if match else 1
    return number if 1 < number < 200 else 1


@lru_cache(maxsize=4096)
def article_key(url: str) -> str:
    """The URL with page numbering and fragment removed: equal for every page of one article."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in PAGE_PARAMS] \
        if parts.query else []  # most URLs have no query to parse
    path = parts.path
    match = _PATH_NUMBER.search(path)
    if match and 1 < int(match.group(1) or match.group(2)) < 200:
        path = path[: match.start()] + path[match.end():]
    path = path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, (parts.hostname or "").lower(), path, urlencode(query) if query else "", ""))


def same_article_test(url: str):
    """A test of whether a URL's ``article_key`` is ``url``'s, that rules most links out with a substring test."""
    key = article_key(url)
    path = urlsplit(key).path
    folder = path[: path.rfind("/") + 1]  # every page of the article has this in its path (number and "/" cut last)

    def same(target: str) -> bool:
        if len(folder) > 1 and folder not in target and not _UNSAFE.search(target):  # urlsplit drops \t\r\n
            return False
        return article_key(target) == key
    return same


def page_anchors(sel: Selector, url: str) -> list[tuple]:
    """(anchor element, absolute URL) of each link to another page of the same host, resolved once per page.

    Pass it as ``anchors=`` to the three readers below so they share one walk over the page's links.
    """
    return list(_same_site_links(sel, url, _base_url(sel, url)))


def page_options(sel: Selector, url: str) -> list[tuple]:
    """(option element, absolute URL) of each drop-down option whose value is a URL of the same host.

    A "jump to page" drop-down names its pages only there; a value not written as a URL ("2", "0.5", "en") is no link.
    """
    root = sel.selector.root if hasattr(sel, "selector") else sel.root
    host, here, base = _host(url), _strip_fragment(url), _base_url(sel, url)
    found = []
    for option in root.iter("option"):
        value = (option.get("value") or "").strip()
        target = _resolve(base, value) if re.search(r"[/?]|\.[a-z]{2,5}$", value, re.I) else None
        if target and _host(target) == host and _strip_fragment(target) != here:
            found.append((option, target))
    return found[:MAX_LINKS]


def find_next_page(sel: Selector, url: str, selector: str | None = None, *, anchors: list | None = None,
                   listing: bool | None = None, rel_next: list[str] | None = None) -> str | None:
    """The absolute URL of the page after ``url``, or None when this is the last page.

    ``listing``: ``looks_like_listing(sel)`` and ``rel_next``: ``rel_next_hrefs(sel)``, when the caller has them."""
    if selector:
        hrefs = selector_hrefs(sel, selector)
        base = _base_url(sel, url) if hrefs else url  # the <base> lookup walks the tree: only for an href
        for href in hrefs:
            target = _resolve(base, href)
            if target and _strip_fragment(target) != _strip_fragment(url):
                return target
        return None
    if looks_like_listing(sel) if listing is None else listing:
        return None  # a listing's "Next" leads to more articles, not more of one article
    hrefs = rel_next_hrefs(sel) if rel_next is None else rel_next
    base = _base_url(sel, url) if hrefs or anchors is None else url
    for href in hrefs:
        target = _resolve(base, href)
        if target and _same_host(target, url) and _strip_fragment(target) != _strip_fragment(url):
            return target
    if anchors is None:
        anchors = list(_same_site_links(sel, url, base))
    best = max(_scored_links(anchors, url), default=None, key=lambda pair: pair[0])
    return best[1] if best and best[0] >= 50 else None


def find_page_links(sel: Selector, url: str, selector: str | None = None, *,
                    anchors: list | None = None) -> list[PageLink]:
    """Every other page of this article that the page links to, in page order."""
    same, here = same_article_test(url), page_number(url)
    found: dict[str, PageLink] = {}
    hrefs = _REL_PAGES(sel.selector.root if hasattr(sel, "selector") else sel.root)
    if selector:
        hrefs += selector_hrefs(sel, selector)
    base = _base_url(sel, url) if hrefs or anchors is None else url  # the <base> lookup walks the tree
    if anchors is None:
        anchors = _same_site_links(sel, url, base)  # a link to another host is never the same article
    targets = {_strip_fragment(target) for _, target in anchors}
    targets.update(_strip_fragment(target) for target in (_resolve(base, href) for href in hrefs) if target)
    for target in targets:
        if target in found or not same(target):
            continue
        number = page_number(target)
        if number != here:
            found[target] = PageLink(target, number)
    return sorted(found.values(), key=lambda link: (link.number or 0, link.url))


def rel_next_hrefs(sel: Selector) -> list[str]:
    """The hrefs of the page's rel=next links and anchors, in document order."""
    return _REL_NEXT(sel.selector.root if hasattr(sel, "selector") else sel.root)


def resolve_link(sel: Selector, url: str, href: str | None) -> str | None:
    """An href of the page as an absolute http(s) URL without its fragment, or None."""
    target = _resolve(_base_url(sel, url), href)
    return _strip_fragment(target) if target else None


def selected_links(sel: Selector, url: str, selector: str) -> list[str]:
    """The other pages a profile's next-page selector names on this page, in document order."""
    targets = (resolve_link(sel, url, href) for href in selector_hrefs(sel, selector))
    return [t for t in dict.fromkeys(targets) if t and t != _strip_fragment(url)]


def selector_hrefs(sel: Selector, selector: str) -> list[str]:
    """The hrefs of the elements a profile's CSS selector matches, in document order (``sel.css(...)``'s reading)."""
    sel = sel.selector if hasattr(sel, "selector") else sel
    if sel.type != "html":  # parsel reads CSS on XML by other rules
        return sel.css(selector).xpath("@href").getall()
    return _hrefs_query(selector)(sel.root)


@lru_cache(maxsize=64)
def _hrefs_query(selector: str) -> etree.XPath:
    """The selector and its hrefs as one XPath, translated and compiled once per process, not on every page."""
    return etree.XPath(f"({css2xpath(selector)})/@href", smart_strings=False)


def looks_like_listing(sel: Selector) -> bool:
    """Many linked headlines and little running text: a section, tag or search page."""
    headlines = len(set(sel.xpath("//h2//a/@href | //h3//a/@href").getall()))
    if headlines < 5:
        return False
    return len(sel.xpath("//p[string-length(normalize-space(.)) > 200]")) < 3


def _scored_links(anchors: list, url: str):
    """Yield (score, url) for each link that could be the next page."""
    same, here = same_article_test(url), page_number(url)
    wanted = str(here + 1)
    for anchor, target in anchors:
        if wanted not in target:
            continue  # it cannot name page here+1, so it cannot score the 50 a next page needs
        text = _text(anchor) or anchor.get("title", "") or anchor.get("aria-label", "")
        score = 0
        same_article = same(target)
        number = page_number(target)
        if _NEXT_TEXT.search(text.strip(_ARROWS) or text):
            score += 40
        if _PREV_TEXT.search(text):
            score -= 100
        if same_article and number == here + 1:
            score += 40
            if text.strip(_ARROWS).isdigit():
                score += 10
        elif same_article and number <= here:
            score -= 60
        elif not same_article:
            score -= 30
        if _NOT_A_PAGE.search(target) or _NOT_A_PAGE.search(text):
            score -= 80  # comment pages, listings, tags, galleries, print views
        if score >= 50 and _in_noise(anchor):  # only worth the ancestor walk for a contender
            score -= 50
        yield score, _strip_fragment(target)


def _in_noise(anchor) -> bool:
    for level, ancestor in enumerate(anchor.iterancestors()):
        if level >= 6:
            break
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("footer", "aside", "nav") and not _looks_like_pager(ancestor):
            return True
        marker = " ".join((ancestor.get("class", ""), ancestor.get("id", "")))
        if marker.strip() and _NOISE.search(marker) and not _looks_like_pager(ancestor):
            return True
    return False


def _looks_like_pager(node) -> bool:
    marker = " ".join((node.get("class", ""), node.get("id", ""), node.get("aria-label", "")))
    return bool(re.search(r"pag(e|ination|er)", marker, re.I))


def _same_site_links(sel: Selector, url: str, base: str):
    """(anchor element, absolute URL) of each link to another page of the same host."""
    host, here = _host(url), _strip_fragment(url)
    root = sel.selector.root if hasattr(sel, "selector") else sel.root  # a Scrapy response or a Selector
    anchors = list(root.iter("a"))
    if len(anchors) > MAX_LINKS:  # pagers sit near the text's start or end; a 50,000-link page costs no more
        anchors = anchors[: MAX_LINKS // 2] + anchors[-MAX_LINKS // 2:]
    for anchor in anchors:
        href = anchor.get("href")
        if not href or href.startswith(("#", "javascript:")):
            href = anchor.get("data-href") or anchor.get("data-url")  # a script pager names its server page here
        target = _resolve(base, href) if href else None
        # The substring test is a cheap necessary condition: most links of a page go to other hosts.
        if target and host in target.lower() and _has_host(target, host) and _strip_fragment(target) != here:
            yield anchor, target


def _text(element) -> str:
    return " ".join(text_of(element).split())


def text_of(element) -> str:
    """The element's text, as ``text_content()`` reads it (the same libxml2 walk), at half its cost per call."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _has_host(target: str, host: str) -> bool:
    """``_host(target) == host``, read off the URL's start when it plainly is "http(s)://host/..." (most links)."""
    start = target.find("://") + 3
    end = start + len(host)
    if start > 2 and target[:start - 3].lower() in ("http", "https") and target[start:end].lower() == host \
            and (len(target) == end or target[end] in "/?#"):
        return True  # urlsplit's netloc is this host as written: its hostname is the host
    return _host(target) == host


@lru_cache(maxsize=8192)
def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _base_url(sel: Selector, url: str) -> str:
    hrefs = _BASE_HREF(sel.selector.root if hasattr(sel, "selector") else sel.root)  # a Scrapy response or a Selector
    href = hrefs[0] if hrefs else None
    return urljoin(url, href.strip()) if href else url


@lru_cache(maxsize=8192)
def _resolve(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    if href.startswith(("http://", "https://")) and "/." not in href:
        return href  # already absolute, no dot segments: urljoin would return it unchanged
    if href.startswith("/") and not href.startswith("//") and "/." not in href and "?#" not in href \
            and not href.endswith(("?", "#")) and _origin(base):
        return _origin(base) + href  # root-relative, nothing for urljoin to normalize
    target = urljoin(base, href)
    return target if urlsplit(target).scheme in ("http", "https") else None


@lru_cache(maxsize=256)
def _origin(base: str) -> str | None:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def _same_host(a: str, b: str) -> bool:
    return _host(a) == _host(b)


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


_SINGLE_TEXT = re.compile(r"\b(?:(?:view|read|show)\s+(?:as\s+)?(?:a\s+)?(?:single|one)\s+page|single[- ]page(?: view)?|"
                          r"view all(?: pages)?|show full article)\b", re.I)
_SINGLE_HREF = re.compile(r"[?&](?:pagewanted|page|view)=(?:all|single)\b|[?&](?:single|singlepage|fullpage)=(?:1|true)", re.I)
_PRINT = re.compile(r"\bprint(?:er[- ]friendly)?\b|[?&]print=|/print/", re.I)
_VIEW_TEXT = re.compile(f"(?:{_SINGLE_TEXT.pattern})|(?:{_PRINT.pattern})", re.I)  # either one matches
_VIEW_HREF = re.compile(f"(?:{_SINGLE_HREF.pattern})|(?:{_PRINT.pattern})", re.I)


def single_page_url(sel: Selector, url: str, *, anchors: list | None = None) -> str | None:
    """The URL of the whole article on one page (a single-page or print view) that the page links to."""
    printable = None
    for anchor, target in anchors if anchors is not None else _same_site_links(sel, url, _base_url(sel, url)):
        text = _text(anchor) or anchor.get("title", "")
        if not _VIEW_TEXT.search(text) and not _VIEW_HREF.search(target):
            continue  # one search each for the two below: most links are neither
        if _SINGLE_TEXT.search(text) or _SINGLE_HREF.search(target):
            return _strip_fragment(target)
        if printable is None and (_PRINT.search(text) or _PRINT.search(target)) and "javascript" not in target:
            printable = _strip_fragment(target)
    return printable
