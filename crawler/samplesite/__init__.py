"""Folio's own sample health news site, served on 127.0.0.1 for the demo, the tests and the benchmark.

Three fictional publishers with multi-page articles (``dailyhealth``, ``medwire``, ``wellbeing``),
a ``faults`` corner that misbehaves on purpose, and optional generated ``bulk`` articles.
Each hand-written article keeps its source and its hand-written ``expected.json`` side by side
under ``articles/<site>/<slug>/``.
"""
from .catalog import expected_articles
from .server import SampleSite

__all__ = ["SampleSite", "expected_articles"]
