"""Reference data: org units, periods, templates, operators and settings.

The only writer of ``org_units``, ``periods``, ``templates`` and ``operators`` (and of the
``setting.*`` keys of ``meta``). Everything here changes rarely and is read on every edit,
so it is cached per connection and the cache is dropped by the writes below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from db import regions
from db.changes import Changes
from db.core import Core, dump, load, now_iso
from db.errors import KlaError
from db.orgunits import OrgUnitRecord
from db.records import OperatorRecord, PeriodRecord, UnitRecord
from db.regions import KECAMATAN_CODE, UNIT_CODE, fold
from db.template import Template, load_template_json

UNIT_NAME_MAX = 100
EDITION_DP3AKB = "dp3akb"
"""``org_units.edition`` of a unit DP3AKB added (or a desa/kelurahan learnt from DP3AKB's setup file)."""
_UNIT_WORD = re.compile(r"^(desa|kelurahan|kel\.|ds\.)\s+", re.IGNORECASE)
_KECAMATAN_WORD = re.compile(r"^(kecamatan|kec\.)\s+", re.IGNORECASE)
_TYPE_WORD = re.compile(r"^\s*(kabupaten|kab\.?|kota|kecamatan|kec\.?|distrik|desa|kelurahan|kel\.?)\s+",
                        re.IGNORECASE)


def norm_name(s: str) -> str:
    """Names compared the way people type them: case, spaces and accents ignored."""
    return fold(s)


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
        # Parents first: a kecamatan before its desa/kelurahan (parent_code references org_units).
        rank = {"city": 0, "kecamatan": 1, "kelurahan": 2}
        self.core.db.conn.executemany(
            "INSERT INTO org_units(code, level, name, parent_code, aliases, edition) VALUES (?, ?, ?, ?, ?, ?)",
            [[u.code, u.level, u.name, u.parent_code, dump(list(u.aliases)), u.edition]
             for u in sorted(units, key=lambda u: (rank.get(u.level, 3), u.code))],
        )
        for year, data_years in periods.items():
            self.core.execute("INSERT INTO periods(eval_year, data_years) VALUES (?, ?)", [year, dump(list(data_years))])
        self.forget()

    # ------------------------------------------------------------------ org units

    def _all_units(self) -> dict[str, UnitRecord]:
        if self._units is None:
            self._units = {
                r["code"]: UnitRecord(r["code"], r["level"], r["name"], r["parent_code"], tuple(load(r["aliases"])),
                                      r["edition"], r["retired_at"], r["retired_note"])
                for r in self.core.query("SELECT * FROM org_units ORDER BY code")
            }
        return self._units

    def units(self, level: str | None = None, parent_code: str | None = None,
              active_only: bool = False) -> list[UnitRecord]:
        """Units in code order; retired ones too unless ``active_only`` (their data is kept and shown)."""
        return [
            u for u in self._all_units().values()
            if (not level or u.level == level) and (not parent_code or u.parent_code == parent_code)
            and not (active_only and u.retired)
        ]

    def unit(self, code: str) -> UnitRecord:
        u = self._all_units().get(code)
        if u is None:
            raise KlaError("unit_unknown", code=code)
        return u

    def find_unit(self, text: str, level: str | None = None) -> UnitRecord:
        """A unit by code, name or alias spelling (case, spaces, accents and a leading type word ignored).

        With two units of one name (two desa called Sukamaju in different kecamatan) the name is
        ambiguous and refused (``unit_ambiguous``): the code decides.
        """
        wanted = fold(text)
        bare = fold(_TYPE_WORD.sub("", text, count=1))
        units = self.units(level)
        for u in units:
            if wanted == fold(u.code):
                return u
        found = [u for u in units
                 if {wanted, bare} & ({fold(u.name), fold(_TYPE_WORD.sub("", u.name, count=1))}
                                      | {fold(a) for a in u.aliases})]
        if len(found) > 1:
            raise KlaError("unit_ambiguous", name=text.strip(), codes=", ".join(u.code for u in found[:5]))
        if found:
            return found[0]
        raise KlaError("unit_unknown", code=text)

    def unit_path(self, code: str) -> list[UnitRecord]:
        """The kab/kota, the kecamatan and the unit (as far as this workspace knows them), top down."""
        out: list[UnitRecord] = []
        u: UnitRecord | None = self.unit(code)
        while u is not None and len(out) < 4:
            out.append(u)
            u = self._all_units().get(u.parent_code) if u.parent_code else None
        return out[::-1]

    # ------------------------------------------------------------------ DP3AKB changes its units

    def _require_city(self) -> None:
        if self.core.role != "city":
            raise KlaError("role_mismatch", needed="city", role=self.core.role)

    def _clean_name(self, name: str, level: str = "") -> str:
        name = " ".join(str(name).split())
        # "Desa Perian Baru" is named "Perian Baru": the kind follows the code, the window adds the word.
        word = _UNIT_WORD if level == "kelurahan" else _KECAMATAN_WORD if level == "kecamatan" else None
        if word is not None and word.match(name) and word.sub("", name, count=1).strip():
            name = word.sub("", name, count=1).strip()
        if not name:
            raise KlaError("unit_name_empty")
        if len(name) > UNIT_NAME_MAX:
            raise KlaError("unit_name_too_long", length=len(name), limit=UNIT_NAME_MAX)
        return name

    def add_unit(self, code: str, name: str) -> Changes:
        """A desa/kelurahan (code ``<kecamatan>.1xxx`` or ``.2xxx``) or a kecamatan (``<kab/kota>.NN``)
        that the reference edition lacks: pemekaran, a new desa, a code Kemendagri gave later."""
        self._require_city()
        code = str(code).strip()
        self._clean_name(name)  # empty or too long: refused before the code is looked at
        city = self.core.city_code
        if not code.startswith(city + "."):
            raise KlaError("unit_code_invalid", code=code, city=city)
        if UNIT_CODE.match(code):
            level, parent = "kelurahan", code.rsplit(".", 1)[0]
            p = self._all_units().get(parent)
            if p is None or p.level != "kecamatan":
                raise KlaError("unit_parent_unknown", code=code, parent=parent)
        elif KECAMATAN_CODE.match(code) and code.startswith(city + "."):
            level, parent = "kecamatan", city
        else:
            raise KlaError("unit_code_invalid", code=code, city=city)
        name = self._clean_name(name, level)
        have = self._all_units().get(code)
        if have is not None:
            raise KlaError("unit_exists", code=code, name=have.name)
        twin = [u for u in self.units(level, parent, active_only=True) if fold(u.name) == fold(name)]
        if twin:
            raise KlaError("unit_name_taken", name=name, code=twin[0].code)
        with self.core.transaction():
            self.core.execute(
                "INSERT INTO org_units(code, level, name, parent_code, aliases, edition) VALUES (?, ?, ?, ?, '[]', ?)",
                [code, level, name, parent, EDITION_DP3AKB])
            self.core.audit("create", "unit", code, None, {"name": name, "level": level, "parent": parent})
        self._units = None
        return Changes.of("unit", code, record=self.unit(code))

    def rename_unit(self, code: str, name: str) -> Changes:
        """A new name for a kecamatan or desa/kelurahan; the old one stays findable as an alias."""
        self._require_city()
        u = self.unit(code)
        if u.level == "city":
            raise KlaError("unit_rename_city", code=code)
        name = self._clean_name(name, u.level)
        if name == u.name:
            return Changes.none(u)
        twin = [o for o in self.units(u.level, u.parent_code, active_only=True)
                if o.code != code and fold(o.name) == fold(name)]
        if twin:
            raise KlaError("unit_name_taken", name=name, code=twin[0].code)
        aliases = [a for a in (*u.aliases, u.name) if fold(a) != fold(name)]
        aliases = list(dict.fromkeys(aliases))
        with self.core.transaction():
            self.core.execute("UPDATE org_units SET name = ?, aliases = ? WHERE code = ?", [name, dump(aliases), code])
            self.core.audit("update", "unit", code, u.name, name)
        self._units = None
        return Changes.of("unit", code, record=self.unit(code))

    def retire_unit(self, code: str, note: str = "", at: str | None = None) -> Changes:
        """Mark a unit as no longer in use (merged, split, given a new code). Its data is kept."""
        self._require_city()
        u = self.unit(code)
        if u.level == "city":
            raise KlaError("unit_rename_city", code=code)
        if u.retired:
            return Changes.none(u)
        if u.level == "kecamatan" and self.units("kelurahan", code, active_only=True):
            raise KlaError("unit_has_active_units", code=code, name=u.name,
                           count=len(self.units("kelurahan", code, active_only=True)))
        when = at or now_iso()
        with self.core.transaction():
            self.core.execute("UPDATE org_units SET retired_at = ?, retired_note = ? WHERE code = ?",
                              [when, note.strip(), code])
            self.core.audit("retire", "unit", code, None, {"at": when, "note": note.strip()})
        self._units = None
        return Changes.of("unit", code, record=self.unit(code))

    def reinstate_unit(self, code: str) -> Changes:
        """Undo :meth:`retire_unit`."""
        self._require_city()
        u = self.unit(code)
        if not u.retired:
            return Changes.none(u)
        with self.core.transaction():
            self.core.execute("UPDATE org_units SET retired_at = NULL, retired_note = '' WHERE code = ?", [code])
            self.core.audit("reinstate", "unit", code, u.retired_at, None)
        self._units = None
        return Changes.of("unit", code, record=self.unit(code))

    # ------------------------------------------------------------------ the unit's line, as DP3AKB says it

    def path_json(self, code: str) -> list[dict[str, Any]]:
        """The unit's line from the province down, for manifests, setup files and receipts.

        ``[{"level": "province", "code": "64", "name": "Kalimantan Timur"}, {"level": "city", ...,
        "kind": "kota"}, {"level": "kecamatan", ...}, {"level": "unit", ..., "kind": "kelurahan"}]``;
        retired units carry ``retired_at``. The province is the one recorded when the workspace
        was made (the reference data for a workspace older than that).
        """
        out: list[dict[str, Any]] = []
        units = self.unit_path(code)
        if units:
            # Kept in meta when the workspace was made (no reference read on every export).
            prov_code = self.core.meta("province_code") or units[0].code.split(".")[0]
            prov_name = self.core.meta("province_name")
            if not prov_name:
                prov = regions.reference().get(prov_code)
                prov_name = prov.name if prov is not None else ""
            if prov_name:
                out.append({"level": "province", "code": prov_code, "name": prov_name})
        for u in units:
            d: dict[str, Any] = {"level": "unit" if u.level == "kelurahan" else u.level, "code": u.code,
                                 "name": u.name, "kind": u.kind}
            if u.edition:
                d["edition"] = u.edition
            if u.retired:
                d["retired_at"] = u.retired_at
                if u.retired_note:
                    d["retired_note"] = u.retired_note
            out.append(d)
        return out

    def apply_path(self, path: Iterable[Mapping[str, Any]]) -> Changes:
        """At the desa/kelurahan: take DP3AKB's names and retirement for its own line (setup file, receipt).

        Only the workspace's own unit, its kecamatan and its kab/kota are touched; a line for
        another unit is refused (``unit_path_other``). Inside the caller's transaction.
        """
        own = self.core.kelurahan_code
        rows = [p for p in path if isinstance(p, Mapping)]
        wanted: dict[str, Mapping[str, Any] | None] = {"city": None, "kecamatan": None, "unit": None}
        for p in rows:
            if p.get("level") in wanted:
                wanted[str(p["level"])] = p
        unit = wanted["unit"]
        if unit is None:
            return Changes.none()
        if str(unit.get("code")) != own:
            raise KlaError("unit_path_other", code=str(unit.get("code")), own=own)
        touched: list[str] = []
        parent: str | None = None
        for level, store_level in (("city", "city"), ("kecamatan", "kecamatan"), ("unit", "kelurahan")):
            row = wanted[level]
            if row is None:
                continue
            code, name = str(row.get("code", "")), " ".join(str(row.get("name", "")).split())
            if not code or not name or len(name) > UNIT_NAME_MAX:
                continue
            retired = row.get("retired_at")
            retired_at = str(retired) if retired else None
            note = str(row.get("retired_note", "")) if retired_at else ""
            have = self._all_units().get(code)
            if have is None:
                self.core.execute(
                    "INSERT INTO org_units(code, level, name, parent_code, aliases, edition, retired_at, retired_note)"
                    " VALUES (?, ?, ?, ?, '[]', ?, ?, ?)",
                    [code, store_level, name, parent, str(row.get("edition") or EDITION_DP3AKB), retired_at, note])
                self.core.audit("create", "unit", code, None, {"name": name, "from": "dp3akb"})
                touched.append(code)
            elif (have.name, have.retired_at, have.retired_note) != (name, retired_at, note):
                aliases = list(have.aliases)
                if have.name != name and have.name not in aliases:
                    aliases.append(have.name)
                self.core.execute(
                    "UPDATE org_units SET name = ?, aliases = ?, retired_at = ?, retired_note = ? WHERE code = ?",
                    [name, dump(aliases), retired_at, note, code])
                self.core.audit("update", "unit", code, {"name": have.name, "retired_at": have.retired_at},
                                {"name": name, "retired_at": retired_at, "from": "dp3akb"})
                touched.append(code)
            self._units = None
            parent = code
        return Changes.of("unit", touched) if touched else Changes.none()

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
            self._template = load_template_json(row["content"], complete=False)
        return self._template

    def template_version(self, template_id: str, version: int) -> Template:
        key = (template_id, version)
        t = self._template
        if t is not None and (t.id, t.version) == key:
            return t
        if key not in self._templates:
            row = self.core.one("SELECT content, active FROM templates WHERE template_id = ? AND version = ?", [*key])
            if not row:
                raise KlaError("template_missing")
            t = load_template_json(row["content"], complete=False)
            if row["active"] == 1 and self._template is None:
                self._template = t  # the one in force, read once (not again by :attr:`template`)
                return t
            self._templates[key] = t
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
