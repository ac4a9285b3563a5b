"""Whose name a page's author tag gives: a writer, or the account, desk or publication that posted the text.

A CMS fills ``<meta name="author">`` or JSON-LD's author with whoever logged in ("Daily Voice Reporter", "Web
Desk", "Staff"), while the page prints the real byline under the headline. The tag keeps its word unless it
reads as no person (a role or the publication's own name) and the page prints a byline of people that does not
name it: then what the reader sees wins. A tag naming a person is kept even when the page prints others.
"""
from __future__ import annotations

import re

from parsel import Selector

from pipelines.bylines import byline_names, not_a_person, writer_names
from pipelines.metadata import authors_from_meta, byline_from_page

_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|»]\s*")
_ROLE = re.compile(r"\b(?:reporter|correspondent|contributor|writer|staff|desk|bureau|admin|administrator|"
                   r"editor|editors|team|newsroom)\b", re.I)
_WORD = re.compile(r"\w+")


def tagged_authors(sel: Selector, ld: dict, meta: dict[str, str]) -> list[str]:
    """The meta / JSON-LD authors, unless they name an account or desk and the page prints its writers' byline."""
    names = authors_from_meta(ld, meta)
    site = site_name(sel.xpath("string(//title)").get(), meta) if names else None
    # The printed byline is read only for a tag that names no person: most tags are right and cost nothing more.
    if names and all(tag_names_no_person(n, site) for n in names):
        return printed_over_meta(names, byline_from_page(sel), site=site)
    return names


def printed_over_meta(names: list[str], printed: list[str], *, site: str | None = None) -> list[str]:
    """``printed`` (the page's visible byline lines) when the tag's ``names`` read as no person and the printed
    byline names people who are not them; else ``names``."""
    if not names or not printed or not all(tag_names_no_person(n, site) for n in names):
        return names
    # A headline fragment can read as one bare name ("Kredit für Ihre Wünsche"): a lone name needs a writer's label.
    people = [p for line in printed for p in (writer_names(line) or _several(byline_names(line)))]
    tagged = {n.casefold() for n in names}
    return printed if people and not tagged & {p.casefold() for p in people} else names


def _several(names: list[str]) -> list[str]:
    return names if len(names) >= 2 else []


def site_name(title: str | None, meta: dict[str, str]) -> str | None:
    """The publication's name: og:site_name, else the last part of a <title> split by a bar or dash."""
    if meta.get("og:site_name"):
        return meta["og:site_name"]
    parts = _SEPARATOR.split(title or "")
    return parts[-1].strip() if len(parts) > 1 else None


def tag_names_no_person(name: str, site: str | None) -> bool:
    """A role ("Daily Voice Reporter", "Web Desk") or the publication's own name: an account, not a writer."""
    words = {w.casefold() for w in _WORD.findall(name)}
    named = {w.casefold() for w in _WORD.findall(site or "")} - {"the"}
    return bool(_ROLE.search(name)) or not_a_person(name) or bool(named) and named <= words
