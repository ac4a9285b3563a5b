"""Layout tables: a page laid out in <table> cells reads as the nested boxes it draws, not as a data table.

Old newspaper templates put the masthead, the story and the side rail in the cells of one table.
Read as data, each row becomes one line of text: the headline, byline, story and ads glued into a
single paragraph that nothing downstream can take apart. Readability's test (``_markDataTables``)
tells the two apart by structure alone: a table with a header row, a caption or a summary holds
data; one whose cells hold headings or further tables is a layout grid; past that, a large grid
(ten rows, five columns) is data, and a small one whose cells hold paragraphs, or that is one row
or one column wide, is layout. Layout grids are rewritten as divs, so the body is chosen among
the cells like among any other boxes.
"""
from __future__ import annotations

from lxml import etree

_DATA_MARKS = etree.XPath("boolean(caption | thead | tbody/tr/th | tr/th | colgroup | tfoot)")
_ROWS = etree.XPath("tr | tbody/tr | thead/tr | tfoot/tr")
_CELLS = etree.XPath("td | th")
_BLOCKS_IN_CELLS = etree.XPath(
    "count((tr | tbody/tr)/td/*[self::p or self::div or self::ul or self::ol or self::article or self::section])")
_NESTED = etree.XPath("boolean(.//table | (tr | tbody/tr)/td//*[self::h1 or self::h2 or self::h3])")
_PARTS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th"}


def unwrap_layout_tables(tree) -> int:
    """Rewrite every layout table of ``tree`` (and its rows and cells) as divs; returns how many."""
    layouts = [table for table in tree.iter("table") if is_layout_table(table)]
    for table in layouts:
        _as_divs(table)
    return len(layouts)


def is_layout_table(table) -> bool:
    """True for a table drawn for layout: no header, caption or summary, and boxes (or one row/column) inside."""
    if table.get("role") in ("presentation", "none"):
        return True
    if table.get("summary") or _DATA_MARKS(table):
        return False
    rows = _ROWS(table)
    if not rows:
        return False
    columns = max(len(_CELLS(row)) for row in rows)
    if _NESTED(table):  # a table or a headline inside a cell: a page drawn in boxes
        return True
    if len(rows) >= 10 or columns > 4:  # a grid this large is data even when its cells hold paragraphs
        return False
    return _BLOCKS_IN_CELLS(table) > 1 or len(rows) == 1 or columns == 1


def _as_divs(table) -> None:
    """The table's own rows and cells become divs; a nested table is judged on its own."""
    stack = [table]
    while stack:
        element = stack.pop()
        if element.tag not in _PARTS:
            continue
        for name in ("width", "align", "valign", "cellpadding", "cellspacing", "border"):
            element.attrib.pop(name, None)
        element.tag = "div"
        stack.extend(child for child in element if isinstance(child.tag, str) and child.tag != "table")
