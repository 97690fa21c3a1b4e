"""Worksheet rows written straight as XML: the DP3AKB workbook of a 1,000-unit kabupaten in seconds.

openpyxl's write-only mode spends ~30 µs per cell without lxml (a cell object, its type and
coordinate, an element tree serialised in Python): the workbook of a 1,000-unit kabupaten has
about ten million cells, which took minutes on an old office PC. Here openpyxl still writes the
whole workbook (workbook, styles, theme, column widths, frozen header, properties) with every
worksheet's ``sheetData`` empty, and :class:`StreamBook` serialises the rows itself, the way
openpyxl writes them (the same ``<c>`` elements: inline strings, ``t="n"`` numbers as ``%.16g``,
dates as Excel serials, the style index openpyxl gave the same style), into a file per sheet; the
saved zip is then rewritten once with those rows in their ``sheetData``.

Safety (docs/security.md, "Formula injection"): there is no formula path at all. Every ``str``
becomes an inline string (``t="inlineStr"``), whatever it starts with (``=``, ``+``, ``#N/A``);
characters XML 1.0 cannot carry become spaces (:func:`exports.cells.cell_text`); tab, LF and CR
are kept as openpyxl kept them; a text longer than Excel's 32,767 characters is cut there, as
openpyxl cut it.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from exports.cells import cell_text

_MAX_TEXT = 32767
_EXACT = 2**53  # an int below it is a float exactly, and %.16g writes its digits
_TEXTS_KEPT = 20_000  # every name and label of a kabupaten; a unique text (a hash, a caption) is not kept
_ESCAPE = re.compile("[&<>]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_EMPTY_SHEETDATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


class Styled(NamedTuple):
    """A value with a style index from :meth:`StreamSheet.style` (a number format, a font...)."""

    value: Any
    style: int


def _text_tail(value: str) -> str:
    """A text cell after its ``<c r=".." s=".."``, as openpyxl writes it: an empty one closed at once."""
    return f' t="inlineStr">{_text(value)}</c>' if value else ' t="inlineStr"/>'


def _text(value: str) -> str:
    """The ``<is>`` of a text cell, as openpyxl writes it (cleaned, cut, escaped, spaces kept)."""
    value = cell_text(value[:_MAX_TEXT])
    esc = _ESCAPE.sub(lambda m: _ESCAPES[m.group()], value) if ("&" in value or "<" in value or ">" in value) \
        else value
    stripped = value.strip()
    if stripped and stripped != value:
        return f'<is><t xml:space="preserve">{esc}</t></is>'
    return f"<is><t>{esc}</t></is>"


class StreamSheet:
    """One worksheet whose rows are serialised here; ``parent`` is the openpyxl workbook, so an
    openpyxl ``WriteOnlyCell(sheet, ...)`` with a font or a number format still works as a value."""

    def __init__(self, book: StreamBook, ws: Any, path: Path) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.utils.datetime import to_excel

        self._ws = ws
        self.parent = ws.parent
        self.title = ws.title
        self._book = book
        self._fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by StreamBook.finish
        self.path = path
        self._row = 0
        self._width = 0  # the widest row's last written column, for <dimension>
        self._letters = [get_column_letter(i) for i in range(1, 257)]
        self._get_letter = get_column_letter
        self._to_excel = to_excel
        self._styles: dict[str, int] = {}
        # Names, labels and words repeat over hundreds of thousands of rows: each cleaned once.
        self._texts: dict[str, str] = {}
        self._time_styles: dict[type, int] = {}

    # ------------------------------------------------------------------ styles
    def style(self, number_format: str) -> int:
        """The style index of a cell with ``number_format`` (openpyxl's own index, kept in its styles)."""
        sid = self._styles.get(number_format)
        if sid is None:
            from openpyxl.cell import WriteOnlyCell

            proto = WriteOnlyCell(self._ws)
            proto.number_format = number_format
            sid = self._styles[number_format] = proto.style_id
        return sid

    def fmt(self, value: Any, number_format: str) -> Styled:
        return Styled(value, self.style(number_format))

    def _time_style(self, value: Any) -> int:
        """A date without a style gets openpyxl's default date format, as openpyxl gave it."""
        sid = self._time_styles.get(type(value))
        if sid is None:
            from openpyxl.cell import WriteOnlyCell

            sid = self._time_styles[type(value)] = WriteOnlyCell(self._ws, value=value).style_id
        return sid

    # ------------------------------------------------------------------ rows
    def append(self, values: list[Any] | tuple[Any, ...]) -> None:
        self._row += 1
        r = str(self._row)
        out = [f'<row r="{r}">']
        add = out.append
        letters = self._letters
        texts = self._texts
        last = -1
        for col, v in enumerate(values):
            if v is None:
                continue
            last = col
            ref = (letters[col] if col < 256 else self._get_letter(col + 1)) + r
            t = type(v)
            if t is str:
                tail = texts.get(v)
                if tail is None:
                    tail = _text_tail(v)
                    if len(texts) < _TEXTS_KEPT:
                        texts[v] = tail
                add(f'<c r="{ref}"{tail}')
            elif t is int and -_EXACT < v < _EXACT:  # what %.16g writes for it
                add(f'<c r="{ref}" t="n"><v>{v}</v></c>')
            elif t is float:
                add(f'<c r="{ref}" t="n"><v>{_number(v)}</v></c>')
            elif t is Styled and type(v.value) in (int, float):
                add(f'<c r="{ref}" s="{v.style}" t="n"><v>{_number(v.value)}</v></c>')
            else:
                add(self._other(ref, v))
        add("</row>")
        self._fh.write("".join(out))
        if last >= self._width:
            self._width = last + 1

    def dimension(self) -> bytes:
        """``<dimension ref="A1:M4884"/>``, as Excel writes it: a reader knows the size without reading
        every row (openpyxl's read-only mode otherwise parses a whole sheet to find it)."""
        if not self._row or not self._width:
            return b""
        return f'<dimension ref="A1:{self._get_letter(self._width)}{self._row}"/>'.encode()

    def _other(self, ref: str, v: Any) -> str:
        style = 0
        if isinstance(v, Styled):
            v, style = v.value, v.style
        elif hasattr(v, "data_type") and hasattr(v, "_value"):  # an openpyxl cell made by the caller
            style = v.style_id if v.has_style else 0
            v = v._value
        s = f' s="{style}"' if style else ""
        if v is None:
            return f'<c r="{ref}"{s} t="n"/>' if style else ""
        if isinstance(v, str):
            return f'<c r="{ref}"{s}{_text_tail(v)}'
        if isinstance(v, bool):
            return f'<c r="{ref}"{s} t="b"><v>{int(v)}</v></c>'
        if isinstance(v, (int, float, Decimal)):
            return f'<c r="{ref}"{s} t="n"><v>{_number(v)}</v></c>'
        if isinstance(v, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            if isinstance(v, dt.datetime) and v.tzinfo is not None:
                raise TypeError("Excel does not support timezones in datetimes")
            if not style:
                style = self._time_style(v)
                s = f' s="{style}"'
            return f'<c r="{ref}"{s} t="n"><v>{_number(self._to_excel(v))}</v></c>'
        raise ValueError(f"Cannot convert {v!r} to Excel")

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()


def _number(v: Any) -> str:
    """A number as openpyxl writes it (``%.16g``; NaN and infinity as an empty value)."""
    if isinstance(v, Decimal):
        v = float(v)
    if v - v != 0:  # NaN or an infinity
        return ""
    return format(v, ".16g")


class StreamBook:
    """An openpyxl write-only workbook whose sheets' rows are :class:`StreamSheet` files.

    ``sheet(title)`` makes the openpyxl worksheet (its column widths and frozen panes set by the
    caller on ``.ws``) and the stream for its rows; ``save(path)`` lets openpyxl write the
    workbook, then writes the final zip with every sheet's rows in place.
    """

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.wb = Workbook(write_only=True)
        self._dir = tempfile.TemporaryDirectory(prefix="kla-xlsx-")
        self._sheets: list[StreamSheet] = []

    def sheet(self, title: str) -> tuple[Any, StreamSheet]:
        ws = self.wb.create_sheet(title)
        stream = StreamSheet(self, ws, Path(self._dir.name) / f"rows{len(self._sheets) + 1}.xml")
        self._sheets.append(stream)
        return ws, stream

    def save(self, path: Path, progress: Callable[[int, int], None] | None = None) -> None:
        """The workbook at ``path``; ``progress(done, total)`` in bytes of rows written into the zip
        (it may raise to stop: nothing is left but what the caller discards)."""
        try:
            for s in self._sheets:
                s.close()
            shell = Path(self._dir.name) / "shell.xlsx"
            self.wb.save(str(shell))
            parts = {ws.path.lstrip("/"): s for ws, s in zip(self.wb.worksheets, self._sheets, strict=True)}
            total, done = sum(s.path.stat().st_size for s in self._sheets), 0
            if progress:
                progress(0, total)
            with zipfile.ZipFile(shell) as src, \
                    zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dest:
                for info in src.infolist():
                    data = src.read(info)
                    stream = parts.get(info.filename)
                    if stream is None:
                        dest.writestr(info, data)
                        continue
                    head, tail = _split_sheetdata(data, info.filename)
                    head = _with_dimension(head, stream.dimension())
                    part = zipfile.ZipInfo(info.filename, info.date_time)
                    part.compress_type, part.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
                    with dest.open(part, "w", force_zip64=True) as out, \
                            open(stream.path, "rb") as rows:
                        out.write(head + b"<sheetData>")
                        while chunk := rows.read(1 << 20):
                            out.write(chunk)
                            done += len(chunk)
                            if progress:
                                progress(done, total)
                        out.write(b"</sheetData>" + tail)
        finally:
            self.cleanup()

    def cleanup(self) -> None:
        for s in self._sheets:
            s.close()
        self._dir.cleanup()


def _split_sheetdata(xml: bytes, name: str) -> tuple[bytes, bytes]:
    m = _EMPTY_SHEETDATA.search(xml)
    if m is None:  # openpyxl wrote rows of its own into a streamed sheet: a programming error
        raise ValueError(f"{name}: no empty sheetData")
    return xml[:m.start()], xml[m.end():]


def _with_dimension(head: bytes, dimension: bytes) -> bytes:
    """The dimension goes right after sheetPr (the schema's order), before sheetViews."""
    at = head.find(b"<sheetViews")
    if not dimension or at < 0 or b"<dimension" in head:
        return head
    return head[:at] + dimension + head[at:]


__all__ = ["StreamBook", "StreamSheet", "Styled"]
