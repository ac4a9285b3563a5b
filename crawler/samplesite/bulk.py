"""Generated articles for benchmarks: made on request from the article number, never stored."""
from __future__ import annotations

import random
import re
from datetime import date, timedelta

from .catalog import Article

PER_LISTING = 50  # article links per bulk listing page
_PATH = re.compile(r"^/bulk/news/(\d{8})/article-(\d+)$")
_FIRST_DAY = date(2016, 1, 4)

_WORDS = (
    "patients study researchers clinic trial doses blood pressure sleep diet exercise heart lungs "
    "kidneys children adults older women men weekly daily months years risk lower higher fewer more "
    "symptoms treatment therapy vaccine screening results group placebo survey hospital nurses doctors "
    "visits measured reported found suggests compared followed tracked enrolled average modest strong "
    "early late chronic acute mild severe pain fatigue stress habits walking swimming fiber sugar salt "
    "water coffee vitamin levels rates cases outcomes benefit effect evidence data sample volunteers"
).split()
_AUTHORS = ("Nora Whitfield", "Samuel Okafor", "Lena Marchetti", "Grant Ellison", "Priya Raman")
_REVIEWERS = ("Helen Castell, MD", "Omar Siddiqi, MD", "Ruth Abernathy, MD")
_SECTIONS = ("Health News", "Heart Health", "Nutrition", "Sleep", "Children's Health")


def page_count(number: int) -> int:
    """Pages of bulk article ``number``: 1 to 5, cycling so every count occurs."""
    return 1 + (number * 37 + 11) % 5


def article_path(number: int) -> str:
    """Page-1 path of bulk article ``number``."""
    day = _FIRST_DAY + timedelta(days=number % 3000)
    return f"/bulk/news/{day:%Y%m%d}/article-{number}"


def find(path: str, total: int) -> Article | None:
    """The bulk article at ``path`` when it is one of the ``total`` generated ones."""
    match = _PATH.match(path)
    if not match:
        return None
    number = int(match.group(2))
    if not 1 <= number <= total or article_path(number) != path:
        return None
    return article(number)


def article(number: int) -> Article:
    """Bulk article ``number``, generated deterministically."""
    rng = random.Random(number)
    title = _sentence(rng, 4, 8).rstrip(".").title()
    pages = tuple(_page(random.Random(f"{number}:{n}")) for n in range(1, page_count(number) + 1))
    path = article_path(number)
    return Article(
        site="bulk",
        slug=f"article-{number}",
        path=path,
        title=title,
        subtitle=_sentence(rng, 6, 10).rstrip(".").title() if number % 3 else None,
        authors=(rng.choice(_AUTHORS),),
        reviewer=rng.choice(_REVIEWERS),
        published=f"{path[11:15]}-{path[15:17]}-{path[17:19]}",
        section=rng.choice(_SECTIONS),
        teaser=_sentence(rng, 10, 16),
        pages=pages,
        page_count=len(pages),
    )


def listing(page: int, total: int) -> list[tuple[int, str]]:
    """(number, path) of the bulk articles on listing page ``page``."""
    first = (page - 1) * PER_LISTING + 1
    return [(n, article_path(n)) for n in range(first, min(first + PER_LISTING, total + 1))]


def title(number: int) -> str:
    """The title of bulk article ``number`` without generating its pages."""
    return _sentence(random.Random(number), 4, 8).rstrip(".").title()


def _page(rng: random.Random) -> tuple[str, ...]:
    paragraphs = [" ".join(_sentence(rng, 8, 16) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.3:
        paragraphs.insert(rng.randint(1, len(paragraphs) - 1), "## " + _sentence(rng, 2, 5).rstrip(".").title())
    return tuple(paragraphs)


def _sentence(rng: random.Random, shortest: int, longest: int) -> str:
    words = rng.choices(_WORDS, k=rng.randint(shortest, longest))
    return " ".join(words).capitalize() + "."
