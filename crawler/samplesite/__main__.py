"""`python -m crawler.samplesite [--port N] [--bulk N]`: serve the sample site until Ctrl-C."""
from __future__ import annotations

import argparse
import signal

from .server import SampleSite


def main(argv: list[str] | None = None) -> int:
    """Serve in the foreground, printing the base URL first."""
    parser = argparse.ArgumentParser(prog="python -m crawler.samplesite", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    parser.add_argument("--bulk", type=int, default=0, metavar="N", help="also serve N generated articles under /bulk/")
    args = parser.parse_args(argv)
    site = SampleSite(bulk_articles=args.bulk, port=args.port)
    try:
        site.start()
    except OSError as exc:
        parser.exit(1, f"cannot serve on port {args.port}: {exc.strerror}\n")
    print(f"Sample site at {site.base_url} (Ctrl-C to stop)", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl-C
    try:
        site.wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
