"""The workbook's rows written as XML by exports.xlsx_stream read back exactly as openpyxl's own
write-only rows did (values, which cells are text, number formats, fonts), and no text is ever a
formula, whatever it starts with."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.cells import cell_text, safe_row
from exports.xlsx_stream import StreamBook

EXAMPLES = int(os.environ.get("KLA_FUZZ_EXAMPLES", "0") or 0)
FORMATS = ["", "0%", "DD-MM-YYYY", "DD-MM-YYYY HH:MM", "#,##0.##", '"Rp" #,##0', '0.00"%"']

values = (st.text(max_size=30)
          | st.sampled_from(["=1+1", "=cmd|' /C calc'!A0", "@SUM(1)", "+SUM(A1)", "#N/A", "#DIV/0!", " spasi ",
                             "   ", "a\r\nb", "\x00\x0b\x0c", "<b>&amp;</b>", "", "-2+3", "\tTAB"])
          | st.integers(min_value=-10**15, max_value=10**15)
          | st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
          | st.booleans()
          | st.none()
          | st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2100, 12, 31))
          | st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
              lambda d: d.replace(microsecond=0)))
rows = st.lists(st.lists(st.tuples(values, st.sampled_from(FORMATS)), max_size=8), min_size=1, max_size=5)


def _own(v: Any) -> Any:
    """A cell the code makes itself holds its own words (openpyxl refuses a control character there)."""
    return cell_text(v) if isinstance(v, str) else v


def _old(rows: list[list[tuple[Any, str]]]) -> bytes:
    """What the workbook wrote before: openpyxl write-only cells through safe_row."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    for row in rows:
        out = []
        for i, (v, fmt) in enumerate(row):
            if fmt or i == 0:
                c = WriteOnlyCell(ws, value=_own(v))  # openpyxl refused a control character here
                if fmt:
                    c.number_format = fmt
                if i == 0:
                    c.font = Font(bold=True)
                out.append(c)
            else:
                out.append(v)
        ws.append(safe_row(ws, out))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _new(rows: list[list[tuple[Any, str]]], tmp: Path) -> bytes:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = StreamBook()
    ws, sheet = book.sheet("x")
    for row in rows:
        out: list[Any] = []
        for i, (v, fmt) in enumerate(row):
            if i == 0:  # an openpyxl cell made by the caller (the header rows, indicator 2's labels)
                c = WriteOnlyCell(sheet, value=_own(v))
                if fmt:
                    c.number_format = fmt
                c.font = Font(bold=True)
                out.append(c)
            else:
                out.append(sheet.fmt(v, fmt) if fmt else v)
        sheet.append(out)
    path = tmp / "baru.xlsx"
    book.save(path)
    return path.read_bytes()


def _cells(data: bytes) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data))["x"]
    return [(c.coordinate, c.value, type(c.value), c.data_type, c.number_format, bool(c.font.b))
            for row in ws.iter_rows() for c in row]


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date")  # a number shown as a date, both ways
@settings(max_examples=EXAMPLES or 60, deadline=None, derandomize=not EXAMPLES,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows)
def test_streamed_rows_read_back_as_openpyxls_own(tmp_path: Path, rows: list[list[tuple[Any, str]]]) -> None:
    new = _new(rows, tmp_path)
    with zipfile.ZipFile(io.BytesIO(new)) as z:
        assert z.testzip() is None
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml"), "a text became a formula"
    assert _cells(new) == _cells(_old(rows))


def test_a_text_longer_than_excel_holds_is_cut_and_markup_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = StreamBook()
    _ws, sheet = book.sheet("x")
    sheet.append(["x" * 40_000, "=HYPERLINK(\"http://x.example\",\"klik\")", "</t></is><f>1+1</f>", None, 5])
    book.save(tmp_path / "k.xlsx")
    ws = load_workbook(tmp_path / "k.xlsx")["x"]
    assert ws["A1"].value == "x" * 32767
    assert ws["B1"].data_type == "s" and ws["B1"].value.startswith("=HYPERLINK")
    assert ws["C1"].value == "</t></is><f>1+1</f>" and ws["D1"].value is None and ws["E1"].value == 5
