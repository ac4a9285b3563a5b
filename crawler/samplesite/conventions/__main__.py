"""Serve the conventions site until Ctrl-C: `python -m crawler.samplesite.conventions [--seed N]`."""
from __future__ import annotations

import argparse
import time

from .server import ConventionServer
from .site import DEFAULT_SEED


def main() -> None:
    """Print the site's address and its articles, then serve."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    seed = parser.parse_args().seed
    with ConventionServer(seed) as server:
        print(f"conventions site (seed {seed}) at {server.base_url}/ with {len(server.site.cases)} articles")
        for case in server.site.cases:
            print(f"  {case.group:22} {len(case.page_urls)}p {server.url(case.page_urls[0])}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
