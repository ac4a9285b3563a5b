"""Extraction speed: Folio's whole offline pipeline against trafilatura alone, same pages, same process.

Usage: python bench/extract.py [CORPUS_DIR ...] [--rounds 3]   (default: every corpus in ../shared/corpus)

Folio runs `process_pages` (metadata, pagination, both body readings, reassemble, normalize);
trafilatura runs `trafilatura.extract(html_bytes, url=...)` at its standard settings, with its own
fallbacks. Each page is given to both in turn (alternating which goes first), CPU time is
`time.process_time()`, and each round's pages/CPU-second is printed with the ratio Folio/trafilatura;
the last line per corpus gives the medians over the rounds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipelines import passages, quality  # noqa: E402
from pipelines.scoreboard import corpus_folders, corpus_kind  # noqa: E402

SHARED = REPO.parent / "shared" / "corpus"


def pages_of(directory: Path) -> list[tuple[bytes, str]]:
    """(html, url) of every page of a corpus."""
    if corpus_kind(directory) == "passages":
        return [(page.html, page.url) for page in passages.load_marked(directory)]
    return [(case.html, quality.PAGE_URL) for case in quality.load_corpus(directory)]


def one_round(pages: list[tuple[bytes, str]], extractors) -> dict[str, float]:
    """CPU seconds per extractor over all pages, the two called in turn on each page."""
    spent = {e.name: 0.0 for e in extractors}
    for n, (html, url) in enumerate(pages):
        for extractor in extractors if n % 2 else reversed(extractors):
            started = time.process_time()
            extractor.extract(html, url)
            spent[extractor.name] += time.process_time() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[SHARED])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    extractors = [e for e in quality.EXTRACTORS if e.name in ("folio", "trafilatura")]
    for directory in corpus_folders(args.corpora):
        pages = pages_of(directory)
        # Round 0, untimed, on every page for both: imports, caches and the one-time setup some pages trigger
        # (dateparser's languages and time zones) are paid before the timed rounds, equally for both.
        one_round(pages, extractors)
        ratios, speeds = [], []
        print(f"{directory.name}: {len(pages)} pages")
        for round_ in range(1, args.rounds + 1):
            spent = one_round(pages, extractors)
            speeds.append({name: len(pages) / seconds for name, seconds in spent.items()})
            ratios.append(speeds[-1]["folio"] / speeds[-1]["trafilatura"])
            print(f"  round {round_}: folio {speeds[-1]['folio']:.1f} pages/CPU-s, trafilatura "
                  f"{speeds[-1]['trafilatura']:.1f}, ratio {ratios[-1]:.2f}")
        median = {name: statistics.median(s[name] for s in speeds) for name in speeds[0]}
        print(f"  median: folio {median['folio']:.1f} pages/CPU-s, trafilatura {median['trafilatura']:.1f}, "
              f"ratio folio/trafilatura {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
