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
