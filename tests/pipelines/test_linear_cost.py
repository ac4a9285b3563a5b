"""Extraction time grows linearly with page size: a long page costs no more per byte than a short one."""
from __future__ import annotations

import time

from pipelines.offline import process_pages

HEAD = ("<html lang='en'><head><title>Long Read | Example Health</title>"
        "<meta property='og:title' content='Long Read'></head><body>"
        "<nav class='menu'><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article class='post'><h1>Long Read</h1><p class='byline'>By Ana Ruiz</p>")
TAIL = "</article><footer class='footer'><a href='/about'>About us</a></footer></body></html>"


def section(n: int) -> str:
    """One repeated unit with the shapes of a real article: paragraphs, links, a figure, a related box, a list."""
    return (
        f"<div class='section s{n % 7}'><h2>Part {n}</h2>"
        f"<p>Researchers followed {n} volunteers, who walked after dinner, for twelve weeks, and measured "
        f"their blood sugar at home, <a href='/study/{n}'>the study</a> says, with few side effects.</p>"
        f"<figure class='media'><img src='/img/{n}.jpg'><figcaption>Image {n % 5 + 1} of 5</figcaption></figure>"
        f"<p>Doctors said the result, while small, matches earlier work on movement after meals in adults.</p>"
        f"<div class='related-box widget'><a href='/a/{n}'>Related story {n}</a> <a href='/b/{n}'>More</a></div>"
        f"<ul><li>Walk ten minutes</li><li>Start slowly, {n}</li></ul></div>"
    )


def page_of(size: int) -> bytes:
    parts, length, n = [HEAD], len(HEAD) + len(TAIL), 0
    while length < size:
        parts.append(section(n))
        length += len(parts[-1])
        n += 1
    return ("".join(parts) + TAIL).encode()


def cpu_seconds_per_byte(size: int, repeat: int) -> float:
    page = page_of(size)
    best = float("inf")
    for _ in range(repeat):  # the best of a few runs: the machine is shared
        started = time.process_time()
        record = process_pages([(page, "https://health.example/long")])
        best = min(best, time.process_time() - started)
    assert record["body_text"].count("Researchers followed") > size // 2000  # the whole article is read
    return best / len(page)


def test_time_per_byte_is_roughly_constant_from_100_kb_to_8_mb():
    small = cpu_seconds_per_byte(100_000, repeat=5)
    large = cpu_seconds_per_byte(8_000_000, repeat=1)
    assert large < 3 * small, f"{large / small:.1f}x the per-byte time of a 100 KB page"
