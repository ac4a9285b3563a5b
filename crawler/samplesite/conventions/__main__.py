"""Serve the conventions site until Ctrl-C: `python -m crawler.samplesite.conventions [--seed N] [--family F]`."""
from __future__ import annotations

import argparse
import time

from .server import ConventionServer
from .site import DEFAULT_SEED, FAMILIES, build


def main() -> None:
    """Print the site's address and its articles, then serve."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--family", default="dev", choices=FAMILIES)
    args = parser.parse_args()
    seed = args.seed
    with ConventionServer(site=build(seed, args.family)) as server:
        print(f"conventions site ({args.family} family, seed {seed}) at {server.base_url}/ with {len(server.site.cases)} articles")
        for case in server.site.cases:
            print(f"  {case.group:22} {len(case.page_urls)}p {server.url(case.page_urls[0])}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
