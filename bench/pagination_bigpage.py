"""Time one page's pagination analysis on a page with 50,000 links (the work a crawl worker does per page).

Usage: python bench/pagination_bigpage.py [--links N]

Prints the minimum of 3 runs, in seconds, for: the parse, the link walk (crawler.pagination.page_anchors),
the continuation report (crawler.verify.page_report) and the whole extract_page (body reading included).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsel import Selector  # noqa: E402

from crawler.pagination import page_anchors  # noqa: E402
from crawler.verify import page_report  # noqa: E402
from pipelines.extract import extract_page  # noqa: E402
from pipelines.generic import visible_tree  # noqa: E402

URL = "http://news.example.org/health/flu-season.html"


def best(function, runs: int = 3) -> float:
    """The fastest of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Build the page, time each step, print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=50_000)
    args = parser.parse_args()
    links = "".join(f'<a href="/health/story-{n}.html">Story {n}</a>' for n in range(args.links))
    html = (f"<html><head><title>Flu</title></head><body><h1>Flu</h1><p>{'Doctors report flu cases. ' * 20}</p>"
            f"{links}<a href='/health/flu-season-2.html'>Next page</a></body></html>")
    tree = visible_tree(html)
    sel = Selector(root=tree, type="html", base_url=URL)
    anchors = page_anchors(sel, URL)
    print(f"page with {args.links} links, {len(html) // 1024} KiB; min of 3 runs")
    print(f"parse (visible_tree)        {best(lambda: visible_tree(html)):.3f} s")
    print(f"link walk (page_anchors)    {best(lambda: page_anchors(sel, URL)):.3f} s  ({len(anchors)} links kept)")
    report = lambda: page_report(sel, URL, {"blocks": []}, anchors=anchors, ld={}, meta={}, selector_urls=None)  # noqa: E731
    print(f"continuation report         {best(report):.3f} s")
    print(f"extract_page (all of it)    {best(lambda: extract_page(html, URL), runs=1):.3f} s")


if __name__ == "__main__":
    main()
