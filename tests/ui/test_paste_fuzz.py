"""Property-based fuzzing of the clipboard block a paste reads (issue 14): any text from Excel,
Calc, Google Sheets, Word or anywhere else becomes rows of text cells, never an exception; a
block as a spreadsheet writes it reads back as it was. Bounded like tests/exports/test_fuzz.py."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from ui.entry.grid_model import parse_block

EXAMPLES = int(os.environ.get("KLA_FUZZ_EXAMPLES", "0") or 0)


@settings(max_examples=EXAMPLES or 300, deadline=None, derandomize=not EXAMPLES)
@given(st.text(max_size=300) | st.text(alphabet='\t\r\n"1.234,5 ab', max_size=200))
def test_any_clipboard_text_becomes_rows_of_text(text: str) -> None:
    rows = parse_block(text)
    assert all(isinstance(row, list) and all(isinstance(c, str) for c in row) for row in rows)
    assert sum(len(c) for row in rows for c in row) <= len(text)


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=EXAMPLES or 200, deadline=None, derandomize=not EXAMPLES)
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5), st.sampled_from(["\r\n", "\n"]))
def test_a_block_as_a_spreadsheet_copies_it_reads_back(block: list[list[str]], newline: str) -> None:
    """Excel's clipboard: tab between cells, CRLF after rows, a cell holding a tab, a line break or
    a leading quote comes quoted with quotes doubled."""
    def quoted(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in '\t\r\n"') else c

    text = "".join("\t".join(quoted(c) for c in row) + newline for row in block)
    got = parse_block(text)
    # A last row of one empty cell is what a trailing newline looks like: spreadsheets drop it too.
    want = list(block)
    while want and want[-1] == [""] and got[-1:] != [[""]]:
        want.pop()
    assert got == want


@settings(max_examples=EXAMPLES or 300, deadline=None, derandomize=not EXAMPLES)
@given(st.text(max_size=300) | st.text(alphabet='<>/tdrable colspan=9"\'&;#x1 ', max_size=300))
def test_any_clipboard_html_becomes_rows_of_text(html: str) -> None:
    """A web page's or a web spreadsheet's text/html, however broken: rows of text cells, never an exception."""
    from ui.entry.clipboard import html_text, parse_html_table

    rows = parse_html_table(html)
    assert all(isinstance(row, list) and all(isinstance(c, str) for c in row) for row in rows)
    assert isinstance(html_text(html), str)


@settings(max_examples=EXAMPLES or 100, deadline=None, derandomize=not EXAMPLES)
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5))
def test_a_block_as_an_html_table_reads_back(block: list[list[str]]) -> None:
    """A table as a browser copies it: each cell's text back, runs of spaces as one (as on screen)."""
    import html as html_lib

    from ui.entry.clipboard import parse_html_table

    text = "<table>" + "".join("<tr>" + "".join(f"<td>{html_lib.escape(c)}</td>" for c in row) + "</tr>"
                               for row in block) + "</table>"
    def shown(c: str) -> str:
        return "\n".join(x for x in (" ".join(line.replace("\xa0", " ").split()) for line in c.split("\n")) if x)

    want = [[shown(c) for c in row] for row in block]
    while want and not any(c.strip() for c in want[-1]):
        want.pop()
    if not any(c.strip() for r in want for c in r):
        want = []
    assert parse_html_table(text) == want


def test_merged_cells_nested_tables_and_huge_spans() -> None:
    from ui.entry.clipboard import parse_html_table

    # A merged heading over three columns, a row-merged label: blanks where the merge covers, as Calc pastes.
    assert parse_html_table("<table><tr><th colspan=3>Umur</th></tr><tr><td rowspan=2>L</td><td>1</td><td>2</td></tr>"
                            "<tr><td>3</td><td>4</td></tr></table>") == [["Umur", "", ""], ["L", "1", "2"], ["", "3", "4"]]
    # Only the first outermost table; a table inside a cell is that cell's text; a line break stays one.
    assert parse_html_table("<table><tr><td>a<table><tr><td>b</td></tr></table></td><td>1<br>2</td></tr></table>"
                            "<table><tr><td>later</td></tr></table>") == [["a b", "1\n2"]]
    # A span of a million cells is capped, not laid out.
    rows = parse_html_table("<table><tr><td colspan=1000000 rowspan=1000000>x</td></tr></table>")
    assert sum(len(r) for r in rows) <= 20_000 and rows[0][0] == "x"
