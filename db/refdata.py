"""Reference data: org units, periods, templates, operators and settings.

The only writer of ``org_units``, ``periods``, ``templates`` and ``operators`` (and of the
``setting.*`` keys of ``meta``). Everything here changes rarely and is read on every edit,
so it is cached per connection and the cache is dropped by the writes below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from db.changes import Changes
from db.core import Core, dump, load, now_iso
from db.errors import KlaError
from db.orgunits import OrgUnitRecord
from db.records import OperatorRecord, PeriodRecord, UnitRecord
from db.template import Template, load_template_json


def norm_name(s: str) -> str:
    """Names compared the way people type them: case and spaces ignored."""
    return "".join(s.lower().split())


class RefData:
    def __init__(self, core: Core) -> None:
        self.core = core
        self._units: dict[str, UnitRecord] | None = None
        self._periods: list[PeriodRecord] | None = None
        self._template: Template | None = None
        self._templates: dict[tuple[str, int], Template] = {}

    def forget(self) -> None:
        self._units = None
        self._periods = None
        self._template = None
        self._templates = {}

    # ------------------------------------------------------------------ creation

    def seed(self, units: Iterable[OrgUnitRecord], periods: Mapping[int, tuple[int, ...]]) -> None:
        for u in units:
            self.core.execute(
                "INSERT INTO org_units(code, level, name, parent_code, aliases) VALUES (?, ?, ?, ?, ?)",
                [u.code, u.level, u.name, u.parent_code, dump(list(u.aliases))],
            )
        for year, data_years in periods.items():
            self.core.execute("INSERT INTO periods(eval_year, data_years) VALUES (?, ?)", [year, dump(list(data_years))])
        self.forget()

    # ------------------------------------------------------------------ org units

    def _all_units(self) -> dict[str, UnitRecord]:
        if self._units is None:
            self._units = {
                r["code"]: UnitRecord(r["code"], r["level"], r["name"], r["parent_code"], tuple(load(r["aliases"])))
                for r in self.core.query("SELECT * FROM org_units ORDER BY code")
            }
        return self._units

    def units(self, level: str | None = None, parent_code: str | None = None) -> list[UnitRecord]:
        return [
            u for u in self._all_units().values()
            if (not level or u.level == level) and (not parent_code or u.parent_code == parent_code)
        ]

    def unit(self, code: str) -> UnitRecord:
        u = self._all_units().get(code)
        if u is None:
            raise KlaError("unit_unknown", code=code)
        return u

    def find_unit(self, text: str, level: str | None = None) -> UnitRecord:
        """A unit by code, name or alias spelling (case and spacing ignored)."""
        wanted = norm_name(text)
        for u in self.units(level):
            if wanted == norm_name(u.code) or wanted == norm_name(u.name) or wanted in {norm_name(a) for a in u.aliases}:
                return u
        raise KlaError("unit_unknown", code=text)

    def kelurahan(self, code: str) -> UnitRecord:
        u = self.unit(code)
        if u.level != "kelurahan":
            raise KlaError("kelurahan_unknown", code=code)
        return u

    def kel(self, code: str | None) -> str:
        """Resolve which kelurahan an operation is about; a kelurahan workspace owns one."""
        if self.core.role == "kelurahan":
            own = self.core.kelurahan_code
            if code and code != own:
                raise KlaError("kelurahan_not_own", code=code, own=own)
            return own
        if not code:
            raise KlaError("kelurahan_required")
        return self.kelurahan(code).code

    # ------------------------------------------------------------------ periods

    def periods(self) -> list[PeriodRecord]:
        if self._periods is None:
            self._periods = [
                PeriodRecord(r["eval_year"], tuple(load(r["data_years"])))
                for r in self.core.query("SELECT * FROM periods ORDER BY eval_year")
            ]
        return list(self._periods)

    def period_for_data_year(self, data_year: int) -> PeriodRecord:
        for p in self.periods():
            if data_year in p.data_years:
                return p
        raise KlaError("year_not_in_period", year=data_year, years=", ".join(str(y) for y in self.data_years()))

    def data_years(self) -> list[int]:
        return sorted({y for p in self.periods() for y in p.data_years})

    def current_period(self, today: dt.date | None = None) -> PeriodRecord:
        """The next evaluation not yet past: the period clerks are collecting for now."""
        today = today or dt.date.today()
        periods = self.periods()
        for p in periods:
            if p.eval_year >= today.year:
                return p
        return periods[-1]

    def add_period(self, eval_year: int, data_years: Iterable[int]) -> Changes:
        years = tuple(sorted(int(y) for y in data_years))
        if not years or any(y >= eval_year for y in years):
            raise KlaError("period_invalid", eval_year=eval_year)
        with self.core.transaction():
            self.core.execute(
                "INSERT INTO periods(eval_year, data_years) VALUES (?, ?) "
                "ON CONFLICT(eval_year) DO UPDATE SET data_years = excluded.data_years",
                [eval_year, dump(list(years))],
            )
            self.core.audit("update", "period", str(eval_year), None, list(years))
        self._periods = None
        return Changes.of("period", str(eval_year), record=PeriodRecord(eval_year, years))

    # ------------------------------------------------------------------ templates

    def install_template(self, template: Template, activate: bool) -> Changes:
        """Keep ``template`` (a version never changes once installed); inside the caller's transaction."""
        existing = self.core.one(
            "SELECT content_hash FROM templates WHERE template_id = ? AND version = ?", [template.id, template.version]
        )
        if existing and existing["content_hash"] != template.content_hash:
            raise KlaError("template_version_clash", id=template.id, version=template.version)
        key = f"{template.id}/v{template.version}"
        changed = False
        if not existing:
            self.core.execute(
                "INSERT INTO templates(template_id, version, content_hash, name, content, installed_at, active)"
                " VALUES (?, ?, ?, ?, ?, ?, 0)",
                [template.id, template.version, template.content_hash, template.name, template.to_json(), now_iso()],
            )
            self.core.audit("create", "template", key, None, template.content_hash)
            changed = True
        if activate:
            active = self.core.one("SELECT template_id, version FROM templates WHERE active = 1")
            if not active or (active["template_id"], active["version"]) != (template.id, template.version):
                self.core.execute("UPDATE templates SET active = 0")
                self.core.execute(
                    "UPDATE templates SET active = 1 WHERE template_id = ? AND version = ?",
                    [template.id, template.version],
                )
                changed = True
            self._template = None
        return Changes.of("template", key) if changed else Changes.none()

    @property
    def template(self) -> Template:
        if self._template is None:
            row = self.core.one("SELECT content FROM templates WHERE active = 1")
            if not row:
                raise KlaError("template_missing")
            self._template = load_template_json(row["content"])
        return self._template

    def template_version(self, template_id: str, version: int) -> Template:
        key = (template_id, version)
        t = self._template
        if t is not None and (t.id, t.version) == key:
            return t
        if key not in self._templates:
            row = self.core.one("SELECT content FROM templates WHERE template_id = ? AND version = ?", [*key])
            if not row:
                raise KlaError("template_missing")
            self._templates[key] = load_template_json(row["content"])
        return self._templates[key]

    def template_rows(self) -> list[dict[str, Any]]:
        """Every installed template version (id, version, content, active), oldest first."""
        return self.core.rows("SELECT template_id, version, content, active FROM templates ORDER BY 1, 2")

    # ------------------------------------------------------------------ operators

    def ensure_operator(self, name: str) -> bool:
        name = name.strip()
        if not name:
            return False
        if self.core.one("SELECT id FROM operators WHERE name = ?", [name]) is None:
            self.core.execute("INSERT INTO operators(name, active, created_at) VALUES (?, 1, ?)", [name, now_iso()])
            self.core.audit("create", "operator", name, None, name)
            return True
        return False

    def add_operator(self, name: str) -> Changes:
        name = name.strip()
        if not name:
            raise KlaError("operator_empty")
        with self.core.transaction():
            created = self.ensure_operator(name)
        rec = next(o for o in self.operators() if o.name == name)
        return Changes.of("operator", name, record=rec) if created else Changes.none(rec)

    def operators(self) -> list[OperatorRecord]:
        return [
            OperatorRecord(r["id"], r["name"], bool(r["active"]))
            for r in self.core.query("SELECT * FROM operators ORDER BY name")
        ]

    def set_operator(self, name: str) -> Changes:
        self.core.operator = name.strip()
        with self.core.transaction():
            self.ensure_operator(self.core.operator)
            if self.core.meta("last_operator") != self.core.operator:
                self.core.set_meta("last_operator", self.core.operator)
        return Changes.of("operator", self.core.operator)

    # ------------------------------------------------------------------ settings

    def set_setting(self, key: str, value: str) -> Changes:
        """A setting that travels with the data (not window state)."""
        with self.core.transaction():
            old = self.core.meta(f"setting.{key}", "")
            if old == value:
                return Changes.none()
            self.core.set_meta(f"setting.{key}", value)
            self.core.audit("update", "setting", key, old, value)
        return Changes.of("setting", key)

    def setting(self, key: str, default: str = "") -> str:
        return self.core.meta(f"setting.{key}", default)
