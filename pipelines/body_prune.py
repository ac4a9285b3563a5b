"""Body prune: trafilatura's raw-tree prunes, each query run only on a page where it can select something.

trafilatura prunes the raw page with XPath queries that select a container by a regular expression
(``re:test``) or a substring (``contains``) of its id or class; each ``re:test`` calls back into Python
for every div, and the queries cost more than all of trafilatura's tree cleaning on long pages.
Most pages have no id or class any of them can select, which one look at the page's id and class
values tells. The condition is read off each query's own text: a query whose shape is not
"tags, then one of these tests" is always run, so a change in trafilatura costs time, never text.
"""
from __future__ import annotations

import re

from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes

# One test of a query's predicate: re:test(@id, 'regex') or contains(@class, 'text').
_TEST = re.compile(r"(re:test|contains)\(@(id|class), '([^']*)'\)")
# "Any element of these tags" then a predicate made of such tests alone, joined by "or": one must hold.
_SHAPE = re.compile(r"\.//\*\[self::\w+(?: or self::\w+)*\]\[(T(?: or T)*)\]")
_AROUND_BRACKETS = re.compile(r" ?([\[\]]) ?")
_IDS = etree.XPath("//@id", smart_strings=False)
_CLASSES = etree.XPath("//@class", smart_strings=False)


def needed_tests(query: etree.XPath) -> list[tuple[str, re.Pattern]] | None:
    """(attribute, pattern) pairs of which one must find its attribute's value for ``query`` to select an
    element; None when the query is not of that shape (then it is always run)."""
    tests = []
    shape = _TEST.sub(lambda m: tests.append(m.groups()) or "T", query.path)
    shape = _AROUND_BRACKETS.sub(r"\1", " ".join(shape.split())).strip()
    if "|" in shape or not (match := _SHAPE.match(shape)):  # a union's other branch needs none of the tests
        return None
    needed = tests[:match.group(1).count("T")]
    # A regex is searched for in all values at once, one per line: a line start stands for a value's start.
    return [(attribute, re.compile(text if function == "re:test" else re.escape(text), re.M))
            for function, attribute, text in needed]


_NEEDED: dict = {}  # query -> its needed tests, read once per process


def prune(tree, queries: list[etree.XPath], values: dict[str, str]) -> None:
    """``prune_unwanted_nodes(tree, queries)``, skipping the queries none of whose needed tests finds ``values``."""
    for query in queries:
        if query not in _NEEDED:
            _NEEDED[query] = needed_tests(query)
        needed = _NEEDED[query]
        # An element without the attribute is tested on "": a pattern that finds "" can select it.
        if needed is None or any(pattern.search(values[attribute]) or pattern.search("")
                                 for attribute, pattern in needed):
            prune_unwanted_nodes(tree, [query])


def attribute_values(tree) -> dict[str, str]:
    """The page's id values and class values, each kind one per line (what ``prune`` looks at)."""
    return {"id": "\n".join(_IDS(tree)), "class": "\n".join(_CLASSES(tree))}
