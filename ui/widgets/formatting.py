"""Numbers, dates and labels the Indonesian way (QLocale id_ID), whatever the UI language."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

ID_LOCALE = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def fmt_number(value: Any) -> str:
    """1234 -> '1.234'; 12.5 -> '12,5'; None -> ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return fmt_yes_no(value)
    if isinstance(value, int):
        return ID_LOCALE.toString(value)
    if isinstance(value, float):
        if value.is_integer():
            return ID_LOCALE.toString(int(value))
        text = ID_LOCALE.toString(value, "f", 2)
        return text.rstrip("0").rstrip(",") if "," in text else text
    return str(value)


def fmt_percent(value: float | None) -> str:
    """A percentage (0..100) to one decimal: '43,9%'; the printed reports' own formatter, so the window
    and the paper say a number alike (exports.paper.fmt_percent)."""
    from exports import formats as paper  # the numbers as the papers write them

    return paper.fmt_percent(value)


def fmt_completeness(fraction: float, partial: bool, places: int = 0) -> str:
    """An indicator's completeness (0..1) in percent: '45%' (or '45,5%' with ``places``); '<1%' when
    data was typed ("Sebagian") but it rounds to 0, as the PDF says it (exports.paper.fmt_completeness)."""
    from exports import formats as paper  # the numbers as the papers write them

    return paper.fmt_completeness(fraction, partial, places)


def fmt_yes_no(value: Any) -> str:
    if value is True:
        return QCoreApplication.translate("formatting", "Ya")
    if value is False:
        return QCoreApplication.translate("formatting", "Tidak")
    return ""


def fmt_date(iso: str | None) -> str:
    """'2025-08-17' -> '17-08-2025' (what the clerk types back)."""
    if not iso:
        return ""
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return d.strftime("%d-%m-%Y")


def fmt_stamp(iso: str | None) -> str:
    """An audit time stamp (UTC ISO) as local '17 Agu 2025 14.03'."""
    if not iso:
        return ""
    try:
        t = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{t.day} {MONTHS[t.month - 1]} {t.year} {t.hour:02d}.{t.minute:02d}"


def fmt_size(size: int) -> str:
    """'512 B', '340 KB', '1,2 MB': as the evidence pack's list prints it (exports.paper.fmt_size)."""
    from exports import formats as paper  # the numbers as the papers write them

    return paper.fmt_size(size)


def fmt_value(value: Any, item_type: str = "count", choices: tuple = ()) -> str:
    """A stored value as the clerk would type it."""
    if value is None:
        return ""
    if item_type == "yes_no" or isinstance(value, bool):
        return fmt_yes_no(value)
    if item_type == "date":
        return fmt_date(str(value))
    if item_type == "choice":
        for c in choices:
            if c.key == value:
                return c.label
        return str(value)
    if item_type in ("count", "amount", "percent"):
        return fmt_number(value)
    return str(value)


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """``QString.arg`` for Python strings: %1..%9 replaced in one pass (a value holding "%2" stays as it is)."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                            else m.group(0), text)


def tip_lines(text: str, width: int = 60) -> str:
    """A long tooltip in lines of at most ``width`` characters (Qt shows a plain tooltip on one line, as wide
    as its words: across most of a 1366-pixel screen); its own line breaks stay."""
    return "\n".join(textwrap.fill(part, width, break_long_words=False, break_on_hyphens=False) if part else ""
                     for part in text.split("\n"))
