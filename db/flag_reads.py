"""What the plausibility rules of one entry need beyond its own values (reads only, no table).

``db.rules.entry_flags`` is pure: it takes an entry's values, the previous data year's values
of the same indicator and the values of the other indicators its validation rules name. The
typed path (``db.entries``) and the one-indicator status (``db.status``) read those the same
way, here, in two queries at most; the batched status of a whole city reads them with its own
per-table queries and passes them to the same pure functions.
"""

from __future__ import annotations

from typing import Any

from db.core import Core, load
from db.template import CellValues, Template


def _value(text: str) -> Any:
    # Most stored values are whole counts: skip the JSON parser for them.
    return int(text) if text.isdigit() else load(text)


def entry_values(core: Core, kel: str, years: tuple[int, ...], indicator_nos: tuple[int, ...]) -> dict[tuple[int, int], CellValues]:
    """{(data_year, indicator_no): values} of one kelurahan for the given years and indicators, one query."""
    out: dict[tuple[int, int], CellValues] = {}
    if not years or not indicator_nos:
        return out
    for year, ind, item, sex, age, value in core.db.conn.execute(
        "SELECT e.data_year, e.indicator_no, v.item_key, v.sex, v.age, v.value FROM entry_values v"
        " JOIN entries e ON e.id = v.entry_id WHERE e.kelurahan_code = ?"
        f" AND e.data_year IN ({', '.join('?' * len(years))})"
        f" AND e.indicator_no IN ({', '.join('?' * len(indicator_nos))})",
        [kel, *years, *indicator_nos],
    ):
        out.setdefault((year, ind), {})[(item, sex, age)] = _value(value)
    return out


def flag_context(core: Core, template: Template, kel: str, data_year: int,
                 indicator_no: int) -> tuple[CellValues, dict[int, CellValues]]:
    """(last year's values of this indicator, this year's values of the other indicators its rules name)."""
    others = sorted({i for r in template.plausibility.rules_of(indicator_no) for i in r.indicators} - {indicator_no})
    wanted_last = template.plausibility.year_change is not None
    if not wanted_last and not others:
        return {}, {}
    if wanted_last and others:
        got = entry_values(core, kel, (data_year - 1, data_year), (indicator_no, *others))
    elif wanted_last:
        got = entry_values(core, kel, (data_year - 1,), (indicator_no,))
    else:
        got = entry_values(core, kel, (data_year,), tuple(others))
    last = got.get((data_year - 1, indicator_no), {})
    return last, {i: got.get((data_year, i), {}) for i in others}
