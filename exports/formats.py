"""How the papers and the windows write numbers: '1.234', '43,9%', '<1%', '1,2 MB'.

Standard library only and nothing else of ours (the windows import it at start-up; the papers'
own code, :mod:`exports.paper`, loads with the first paper)."""

from __future__ import annotations

import math
from collections.abc import Iterable


def fmt_int(n: int) -> str:
    """1234 -> '1.234'."""
    return f"{n:,}".replace(",", ".")


def fmt_decimal(x: float, places: int = 1) -> str:
    """1234.5 -> '1.234,5'. A half is rounded away from zero (43.25 -> '43,3'), as the windows' QLocale
    does (and -0.0 is "0,0"): the same number never reads 43,2 on paper and 43,3 on the screen."""
    if not math.isfinite(x):
        s = f"{x:,.{places}f}"
    else:
        # The exact value of the float, rounded half away from zero, in integers (no decimal module
        # at start-up): as Decimal(x).quantize(..., ROUND_HALF_UP).
        n, d = float(x).as_integer_ratio()
        q, r = divmod(abs(n) * 10 ** places, d)
        q += 2 * r >= d
        whole, frac = divmod(q, 10 ** places)
        s = ("-" if n < 0 and q else "") + f"{whole:,}" + (f".{frac:0{places}d}" if places else "")
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def fmt_percent(value: float | None) -> str:
    """A percentage (0..100) to one decimal: 43.94 -> '43,9%'; None -> '–'. The windows' formatter
    (``ui.widgets.formatting.fmt_percent``) is this one."""
    if value is None:
        return "–"
    return fmt_decimal(float(value), 1) + "%"


def under_one_percent(x: float | None, partial: bool) -> bool:
    """An indicator with data typed ("Sebagian") whose completeness rounds to 0%: shown as '<1%',
    never "Sebagian 0%" (read as nothing entered)."""
    return partial and x is not None and round(x * 100) == 0


def fmt_completeness(fraction: float, partial: bool = False, places: int = 0) -> str:
    """A completeness (0..1) in percent, as every window and paper says it: '44%', or with ``places``
    '43,9%' (DP3AKB's lists of kelurahan, kecamatan and the city); '<1%' when data was typed
    ("Sebagian", ``partial``) but it rounds to 0."""
    if under_one_percent(fraction, partial):
        return "<1%"
    return fmt_decimal(fraction * 100, places) + "%" if places else f"{round(fraction * 100)}%"


def fmt_pct(x: float | None, partial: bool = False) -> str:
    """0.875 -> '88%' (whole percent: what the sheet's bars show); '<1%' for a partial rounding to 0."""
    if x is None:
        return "–"
    return fmt_completeness(x, partial)


def mean_completeness(fractions: Iterable[float]) -> float:
    """The mean of some kelurahan's completeness (a kecamatan's, the city's), to 4 decimals: what the
    DP3AKB window shows to one decimal of a percent (``ui.city.rollup``), and so the city report."""
    values = list(fractions)
    return round(sum(values) / len(values), 4) if values else 0.0


def fmt_size(size: int) -> str:
    """A file's size as the windows say it: '512 B', '340 KB', '1,2 MB' (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{fmt_int(round(size / 1024))} KB"
    return fmt_decimal(size / (1024 * 1024), 1) + " MB"
