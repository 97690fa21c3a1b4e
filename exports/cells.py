"""Text cells that a spreadsheet program holds as they are and never runs.

Two traps, whatever the clerk pasted from Word or typed on purpose:

- XLSX is XML 1.0, which has no C0 control characters but tab, LF and CR: openpyxl
  refuses a NUL, a vertical tab or a form feed with an exception, so one pasted character
  would stop the whole workbook. :func:`cell_text` turns each into a space.
- A text starting with ``=`` becomes a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``):
  openpyxl writes any such string as a formula, and Excel evaluates a CSV cell starting with
  ``=``, ``+``, ``-``, ``@``, tab or CR. :func:`safe_row` stores every text of an XLSX row
  as a text cell; :func:`csv_text` gives a CSV cell a leading apostrophe (OWASP's advice:
  Excel then shows the text, not its result).
"""

from __future__ import annotations

import re
from typing import Any

_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet program reads as a formula (or a DDE command) starts."""


def cell_text(text: str) -> str:
    """``text`` as an XLSX cell can hold it: each character XML cannot carry becomes a space."""
    return _NOT_IN_XLSX.sub(" ", text)


def csv_text(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs (texts only; a number stays a number)."""
    if not isinstance(value, str):
        return value
    value = cell_text(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def safe_row(ws: Any, values: list[Any]) -> list[Any]:
    """A write-only worksheet row whose every text is a plain-text cell."""
    from openpyxl.cell import WriteOnlyCell

    out: list[Any] = []
    for v in values:
        if isinstance(v, str):
            v = WriteOnlyCell(ws, value=cell_text(v))
            v.data_type = "s"  # openpyxl makes a formula of any text starting with '='
        elif isinstance(getattr(v, "value", None), str) and hasattr(v, "data_type"):
            v.value = cell_text(v.value)
            v.data_type = "s"
        out.append(v)
    return out
