"""What a copy from a spreadsheet or a browser put on the clipboard, as a block of cell texts.

Excel, LibreOffice Calc and Google Sheets put tab-separated ``text/plain`` beside an HTML table;
some programs (a web page's table, a web spreadsheet, a copy through a remote desktop) offer only
``text/html``. :func:`clipboard_block` reads the plain text when there is one, else the cells of
the first HTML table (:func:`parse_html_table`, the standard library's ``html.parser``), else the
HTML's visible text, and says where the block came from, or why there is none, so the grid can
tell the clerk plainly instead of doing nothing.
"""

from __future__ import annotations

from html.parser import HTMLParser

from PySide6.QtCore import QMimeData

from ui.entry.grid_model import parse_block

_SKIP = {"script", "style", "head", "title"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
_MAX_SPAN = 100  # a colspan/rowspan beyond this is a broken page, not a table to lay out
_MAX_CELLS = 20_000  # far more than any grid holds: the rest of a huge table is not read


def _span(value: str | None) -> int:
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return max(1, min(n, _MAX_SPAN))


class _TableParser(HTMLParser):
    """The cells of the first outermost ``<table>`` (``td``/``th``; colspan and rowspan laid out as
    blanks, as a spreadsheet pastes merged cells; ``<br>`` as a line break), and the visible text
    of the whole document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: dict[tuple[int, int], str] = {}  # (row, column) -> text; covered by a span: ''
        self.text: list[str] = []
        self._depth = 0  # table nesting
        self._done = False  # the first table ended: later tables are only text
        self._r = -1  # the open row
        self._c = 0  # the next column of the open row
        self._cell: list[str] | None = None
        self._span = (1, 1)  # (colspan, rowspan) of the open cell
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag == "br" or tag in _BLOCK:
            self._put("\n")
        if tag == "table":
            self._depth += 1
            return
        if self._depth != 1 or self._done:
            if tag in ("td", "th"):
                self._put(" ")
            return
        if tag == "tr":
            self._end_cell()
            self._r += 1
            self._c = 0
        elif tag in ("td", "th"):
            self._end_cell()
            if self._r < 0:
                self._r, self._c = 0, 0
            a = dict(attrs)
            self._cell = []
            self._span = (_span(a.get("colspan")), _span(a.get("rowspan")))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK:
            self._put("\n")
        if tag == "table":
            if self._depth == 1 and not self._done:
                self._end_cell()
                self._done = True
            self._depth = max(0, self._depth - 1)
            return
        if self._depth == 1 and not self._done and tag in ("td", "th", "tr"):
            self._end_cell()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._put("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._put(data)

    def _put(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        lines = "".join(self._cell).replace("\xa0", " ").split("\n")
        text = "\n".join(line for line in (" ".join(x.split()) for x in lines) if line)
        self._cell = None
        while (self._r, self._c) in self.cells:  # covered by a rowspan from above
            self._c += 1
        colspan, rowspan = self._span
        if len(self.cells) + colspan * rowspan > _MAX_CELLS:
            return
        for dr in range(rowspan):
            for dc in range(colspan):
                self.cells[(self._r + dr, self._c + dc)] = ""
        self.cells[(self._r, self._c)] = text
        self._c += colspan

    def rows(self) -> list[list[str]]:
        if not self.cells:
            return []
        last_row = max(r for r, _c in self.cells)
        out: list[list[str]] = []
        for r in range(last_row + 1):
            cols = [c for rr, c in self.cells if rr == r]
            width = max(cols) + 1 if cols else 0
            out.append([self.cells.get((r, c), "") for c in range(width)])
        return out


def _parsed(html: str) -> _TableParser:
    p = _TableParser()
    try:
        p.feed(html)
        p.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup: keep what it read
        pass
    return p


def parse_html_table(html: str) -> list[list[str]]:
    """The cells of the first table in ``html`` as rows of texts (entities decoded, runs of spaces
    as one, trailing empty rows dropped); ``[]`` when the HTML holds no table cell with text."""
    rows = _parsed(html).rows()
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows if any(c.strip() for r in rows for c in r) else []


def html_text(html: str) -> str:
    """The visible text of ``html``: one line per paragraph or line break, blank lines dropped."""
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in "".join(_parsed(html).text).split("\n")]
    return "\n".join(line for line in lines if line)


def clipboard_block(mime: QMimeData | None) -> tuple[list[list[str]], str]:
    """(block, source) of what is on the clipboard. source is 'text' or 'html' with a block, or why
    there is none: 'empty' (nothing, or only blanks), 'image' (a picture), 'other' (some other
    kind of data only)."""
    if mime is None:
        return [], "empty"
    if mime.hasText():
        block = parse_block(mime.text())
        if any(c.strip() for r in block for c in r):
            return block, "text"
    if mime.hasHtml():
        html = mime.html()
        block = parse_html_table(html)
        if block:
            return block, "html"
        text = html_text(html)
        if text:
            return [[line] for line in text.split("\n")], "html"
    if mime.hasImage():
        return [], "image"
    formats = [f for f in mime.formats() if not f.startswith(("text/plain", "text/html"))]
    return [], "other" if formats else "empty"
