"""A generated dev set for pagination: made-up health publishers, many pagination conventions, and traps.

Every article (a ``Case``) carries its ground truth: page URLs in order, clean paragraphs, title,
authors, date, the chrome its pages print, and the convention or trap it exercises. The site is
built from a seed, so the same seed always serves the same bytes. ``python -m
crawler.samplesite.conventions`` serves it alone.
"""
from .catalog import CONVENTIONS, Case
from .server import ConventionServer
from .site import DEFAULT_SEED, ConventionSite, build
from .traps import TRAPS

__all__ = ["CONVENTIONS", "TRAPS", "Case", "ConventionServer", "ConventionSite", "DEFAULT_SEED", "build"]
