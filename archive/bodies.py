"""Stored bodies back to bytes: a damaged gzip blob is one clear error, not a crash of the whole command."""
from __future__ import annotations

import gzip
import zlib


class CorruptBody(Exception):
    """A stored body that no longer decompresses; the message says why in one line."""


def inflate(blob: bytes | None) -> bytes:
    """The body a gzip blob holds (b"" for none), or CorruptBody."""
    if not blob:
        return b""
    try:
        return gzip.decompress(blob)
    except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError; a cut blob an EOFError
        raise CorruptBody(" ".join(str(exc).split()) or type(exc).__name__) from None
