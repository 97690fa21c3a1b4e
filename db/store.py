"""The local store: one SQLite file per workspace, behind one object.

Everything the program keeps goes through :class:`Store`. It takes and returns plain
dataclasses (``db.records``), writes every multi-row change in one transaction, logs
every change in ``audit_log`` (who, when, what, old -> new) and keeps evidence files
content-addressed under the workspace's ``evidence/`` folder.

SQLite traps handled here, with the reason:
- WAL + ``synchronous=FULL``: a power cut loses nothing that was committed, and a reader
  (a second window) never blocks the writer.
- ``foreign_keys`` is per connection, so it is switched on at every open.
- ``sqlite_utils.Database.atomic()`` is used for transactions; it nests with savepoints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import mimetypes
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from db import orgunits
from db.errors import KlaError
from db.paths import WorkspacePaths
from db.records import (
    ActivityRecord,
    AuditRecord,
    BackupInfo,
    BackupRecord,
    CheckReport,
    ClusterStatus,
    EntryRecord,
    EvidenceGap,
    EvidenceRecord,
    FacilityRecord,
    IndicatorStatus,
    KelurahanStatus,
    OperatorRecord,
    PeriodRecord,
    UnitRecord,
    ValueChange,
    ValueRecord,
)
from db.schema import MIGRATIONS
from db.template import (
    EVIDENCE_KINDS,
    CellValues,
    Template,
    computed_values,
    default_template,
    load_template_json,
    parse_date,
    parse_value,
    part_whole_problems,
)

ROLES = ("kelurahan", "city")
FACILITY_TYPES = (
    "rbra",
    "pisa",
    "puspaga",
    "puskesmas_ramah_anak",
    "sra",
    "tara",
    "rumah_ibadah_ramah_anak",
    "forum_anak",
    "patbm",
    "posyandu",
    "paud",
    "ktr",
    "lainnya",
)
STANDARDISATION = ("belum", "proses", "terstandar", "utama")
PARTNERS = (
    "dinsos",
    "puskesmas",
    "sekolah",
    "forum_anak",
    "patbm",
    "dunia_usaha",
    "media",
    "disdukcapil",
    "kua",
    "tp_pkk",
    "lpm",
    "rt_rw",
    "tokoh_agama",
    "lainnya",
)
DEFAULT_PERIODS = {2023: (2021, 2022), 2025: (2023, 2024), 2027: (2025, 2026)}
AUTO_BACKUPS_KEPT = 10
HASH_CHUNK = 1024 * 1024


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def sha256_file(path: Path, cancelled: Callable[[], bool] | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            if cancelled and cancelled():
                raise KlaError("cancelled")
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    # Directory fsync makes a rename durable on POSIX; Windows has no such call.
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _connect(path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False)
    database = sqlite_utils.Database(conn)
    database.execute("PRAGMA foreign_keys = ON")
    return database


def _quick_check(path: Path) -> str:
    """'ok' or SQLite's complaint; never raises for a damaged or non-SQLite file."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(r[0] for r in rows)
    return result


def sqlite_backup(src: sqlite3.Connection, dest: Path) -> None:
    """Online backup of ``src`` into ``dest`` via a temp file and an atomic rename."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    target = sqlite3.connect(str(tmp))
    try:
        src.backup(target)
        # A backup is a plain rollback-journal file so that it is one self-contained file.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


class Store:
    """A workspace's data. Open with :meth:`open` or create with :meth:`create`."""

    def __init__(self, paths: WorkspacePaths, database: sqlite_utils.Database, operator: str = "") -> None:
        self.paths = paths
        self.db = database
        self.operator = operator
        self._template: Template | None = None
        self._templates: dict[tuple[str, int], Template] = {}
        self._meta_cache: dict[str, str] | None = None

    # ------------------------------------------------------------------ open/create

    @classmethod
    def exists(cls, home: Path) -> bool:
        return WorkspacePaths(Path(home)).db.exists()

    @classmethod
    def create(
        cls,
        home: Path,
        role: str,
        *,
        kelurahan_code: str | None = None,
        city_code: str = orgunits.BALIKPAPAN_CODE,
        operator: str = "",
        template: Template | None = None,
    ) -> Store:
        """Make a new workspace in ``home`` (which may exist but must hold no store)."""
        paths = WorkspacePaths(Path(home))
        if role not in ROLES:
            raise KlaError("role_unknown", role=role)
        if paths.db.exists():
            raise KlaError("workspace_exists", home=str(paths.home))
        units = {u.code: u for u in orgunits.balikpapan_units()}
        if city_code not in units or units[city_code].level != "city":
            raise KlaError("city_unknown", code=city_code)
        if role == "kelurahan":
            if not kelurahan_code:
                raise KlaError("kelurahan_required")
            if kelurahan_code not in units or units[kelurahan_code].level != "kelurahan":
                raise KlaError("kelurahan_unknown", code=kelurahan_code)
        paths.home.mkdir(parents=True, exist_ok=True)
        tmp_db = paths.home / (paths.db.name + ".creating")
        for leftover in (tmp_db, Path(str(tmp_db) + "-wal"), Path(str(tmp_db) + "-shm")):
            if leftover.exists():
                leftover.unlink()
        # Build the whole store under a temporary name, then rename: a crash during
        # creation never leaves a half-made kla.sqlite that looks like a workspace.
        database = _connect(tmp_db)
        store = cls(paths, database, operator)
        store._migrate(new=True)
        with database.atomic():
            stamp = now_iso()
            meta = {
                "role": role,
                "city_code": city_code,
                "kelurahan_code": kelurahan_code or "",
                "device_id": uuid.uuid4().hex,
                "created_at": stamp,
            }
            for k, v in meta.items():
                database.execute("INSERT INTO meta(key, value) VALUES (?, ?)", [k, v])
            for u in units.values():
                database.execute(
                    "INSERT INTO org_units(code, level, name, parent_code, aliases) VALUES (?, ?, ?, ?, ?)",
                    [u.code, u.level, u.name, u.parent_code, _dump(list(u.aliases))],
                )
            for year, data_years in DEFAULT_PERIODS.items():
                database.execute(
                    "INSERT INTO periods(eval_year, data_years) VALUES (?, ?)", [year, _dump(list(data_years))]
                )
            store._install_template(template or default_template(), activate=True)
            store._audit("create", "workspace", str(paths.home), None, meta)
            if operator:
                store._ensure_operator(operator)
        database.conn.close()
        os.replace(tmp_db, paths.db)
        _fsync_dir(paths.home)
        return cls.open(home, operator=operator)

    @classmethod
    def open(cls, home: Path, *, operator: str = "", check: bool = True, start_backup: bool = True) -> Store:
        """Open an existing workspace: integrity check, WAL, pending migrations.

        With ``start_backup`` a rotating automatic backup is made when the newest one is
        more than a day old, so a workspace in daily use always has a recent copy.
        """
        paths = WorkspacePaths(Path(home))
        if not paths.db.exists():
            raise KlaError("workspace_missing", home=str(paths.home))
        if check:
            result = _quick_check(paths.db)
            if result != "ok":
                newest = cls.newest_good_backup(paths.home)
                raise KlaError(
                    "db_corrupt", detail=result, home=str(paths.home), backup=str(newest) if newest else ""
                )
        database = _connect(paths.db)
        try:
            tables = set(database.table_names())
            if "meta" not in tables or "migrations" not in tables:
                raise KlaError("not_a_workspace", path=str(paths.db))
            with database.ensure_autocommit_on():
                database.execute("PRAGMA journal_mode = WAL")
            database.execute("PRAGMA synchronous = FULL")
            store = cls(paths, database, operator)
            store._migrate(new=False)
        except sqlite3.DatabaseError as exc:
            database.conn.close()
            raise KlaError("db_corrupt", detail=str(exc), home=str(paths.home), backup="") from exc
        except BaseException:
            database.conn.close()
            raise
        if operator:
            with store.db.atomic():
                store._ensure_operator(operator)
                store._set_meta("last_operator", operator)
        if start_backup:
            store._daily_backup()
        return store

    def _daily_backup(self) -> None:
        autos = [b for b in self.list_backups(self.paths.home) if not b.manual]
        if autos:
            newest = dt.datetime.fromisoformat(autos[0].created_at)
            if dt.datetime.now(dt.UTC) - newest < dt.timedelta(days=1):
                return
        try:
            self.backup(reason="otomatis")
        except KlaError:
            # A full disk must not stop a clerk from opening the workspace; `kla check`
            # and the window's status bar report missing backups.
            pass

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ migrations

    def pending_migrations(self) -> list[str]:
        if "migrations" not in self.db.table_names():
            return [name for name, _ in MIGRATIONS]
        done = {r["name"] for r in self.db.query("SELECT name FROM migrations")}
        return [name for name, _ in MIGRATIONS if name not in done]

    def _migrate(self, *, new: bool) -> list[str]:
        if "migrations" not in self.db.table_names():
            self.db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        pending = self.pending_migrations()
        if not pending:
            return []
        known = {name for name, _ in MIGRATIONS}
        done = {r["name"] for r in self.db.query("SELECT name FROM migrations")}
        if done - known:
            # A newer program wrote this file: refuse rather than guess.
            raise KlaError("db_newer", unknown=", ".join(sorted(done - known)))
        if not new:
            self.backup(reason="sebelum-migrasi")
        for name, statements in MIGRATIONS:
            if name not in pending:
                continue
            with self.db.atomic():
                for sql in statements:
                    self.db.execute(sql)
                self.db.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)", [name, now_iso()])
        return pending

    # ------------------------------------------------------------------ meta

    def _meta(self) -> dict[str, str]:
        if self._meta_cache is None:
            self._meta_cache = {r["key"]: r["value"] for r in self.db.query("SELECT key, value FROM meta")}
        return self._meta_cache

    def meta(self, key: str, default: str = "") -> str:
        return self._meta().get(key, default)

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
        self._meta_cache = None

    def set_setting(self, key: str, value: str) -> None:
        """A setting that travels with the data (not window state)."""
        with self.db.atomic():
            old = self.meta(f"setting.{key}", "")
            if old == value:
                return
            self._set_meta(f"setting.{key}", value)
            self._audit("update", "setting", key, old, value)

    def setting(self, key: str, default: str = "") -> str:
        return self.meta(f"setting.{key}", default)

    @property
    def role(self) -> str:
        return self.meta("role")

    @property
    def kelurahan_code(self) -> str:
        return self.meta("kelurahan_code")

    @property
    def city_code(self) -> str:
        return self.meta("city_code")

    @property
    def device_id(self) -> str:
        return self.meta("device_id")

    # ------------------------------------------------------------------ audit

    def _audit(self, action: str, entity: str, key: str, old: Any, new: Any) -> None:
        self.db.execute(
            "INSERT INTO audit_log(at, operator, action, entity, entity_key, old_value, new_value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now_iso(), self.operator, action, entity, key, _dump(old), _dump(new)],
        )

    def audit_log(self, entity: str | None = None, key_prefix: str | None = None, limit: int = 200) -> list[AuditRecord]:
        sql = "SELECT * FROM audit_log WHERE 1=1"
        params: list[Any] = []
        if entity:
            sql += " AND entity = ?"
            params.append(entity)
        if key_prefix:
            sql += " AND entity_key LIKE ? ESCAPE '\\'"
            params.append(key_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        return [
            AuditRecord(
                r["id"], r["at"], r["operator"], r["action"], r["entity"], r["entity_key"],
                _load(r["old_value"]), _load(r["new_value"]),
            )
            for r in self.db.query(sql, params)
        ]

    # ------------------------------------------------------------------ operators

    def _ensure_operator(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        row = list(self.db.query("SELECT id FROM operators WHERE name = ?", [name]))
        if not row:
            self.db.execute("INSERT INTO operators(name, active, created_at) VALUES (?, 1, ?)", [name, now_iso()])
            self._audit("create", "operator", name, None, name)

    def add_operator(self, name: str) -> OperatorRecord:
        name = name.strip()
        if not name:
            raise KlaError("operator_empty")
        with self.db.atomic():
            self._ensure_operator(name)
        return next(o for o in self.operators() if o.name == name)

    def operators(self) -> list[OperatorRecord]:
        return [
            OperatorRecord(r["id"], r["name"], bool(r["active"]))
            for r in self.db.query("SELECT * FROM operators ORDER BY name")
        ]

    def set_operator(self, name: str) -> None:
        self.operator = name.strip()
        with self.db.atomic():
            self._ensure_operator(self.operator)
            self._set_meta("last_operator", self.operator)

    # ------------------------------------------------------------------ org units

    def _unit_from_row(self, r: dict[str, Any]) -> UnitRecord:
        return UnitRecord(r["code"], r["level"], r["name"], r["parent_code"], tuple(_load(r["aliases"])))

    def units(self, level: str | None = None, parent_code: str | None = None) -> list[UnitRecord]:
        sql, params = "SELECT * FROM org_units WHERE 1=1", []
        if level:
            sql += " AND level = ?"
            params.append(level)
        if parent_code:
            sql += " AND parent_code = ?"
            params.append(parent_code)
        return [self._unit_from_row(r) for r in self.db.query(sql + " ORDER BY code", params)]

    def unit(self, code: str) -> UnitRecord:
        rows = list(self.db.query("SELECT * FROM org_units WHERE code = ?", [code]))
        if not rows:
            raise KlaError("unit_unknown", code=code)
        return self._unit_from_row(rows[0])

    def find_unit(self, text: str, level: str | None = None) -> UnitRecord:
        """A unit by code, name or alias spelling (case and spacing ignored)."""

        def norm(s: str) -> str:
            return "".join(s.lower().split())

        wanted = norm(text)
        for u in self.units(level):
            if wanted == norm(u.code) or wanted == norm(u.name) or wanted in {norm(a) for a in u.aliases}:
                return u
        raise KlaError("unit_unknown", code=text)

    def kelurahan(self, code: str) -> UnitRecord:
        u = self.unit(code)
        if u.level != "kelurahan":
            raise KlaError("kelurahan_unknown", code=code)
        return u

    def _kel(self, code: str | None) -> str:
        """Resolve which kelurahan an operation is about; a kelurahan workspace owns one."""
        if self.role == "kelurahan":
            own = self.kelurahan_code
            if code and code != own:
                raise KlaError("kelurahan_not_own", code=code, own=own)
            return own
        if not code:
            raise KlaError("kelurahan_required")
        return self.kelurahan(code).code

    # ------------------------------------------------------------------ periods

    def periods(self) -> list[PeriodRecord]:
        return [
            PeriodRecord(r["eval_year"], tuple(_load(r["data_years"])))
            for r in self.db.query("SELECT * FROM periods ORDER BY eval_year")
        ]

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

    def add_period(self, eval_year: int, data_years: Iterable[int]) -> PeriodRecord:
        years = tuple(sorted(int(y) for y in data_years))
        if not years or any(y >= eval_year for y in years):
            raise KlaError("period_invalid", eval_year=eval_year)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO periods(eval_year, data_years) VALUES (?, ?) "
                "ON CONFLICT(eval_year) DO UPDATE SET data_years = excluded.data_years",
                [eval_year, _dump(list(years))],
            )
            self._audit("update", "period", str(eval_year), None, list(years))
        return PeriodRecord(eval_year, years)

    # ------------------------------------------------------------------ templates

    def _install_template(self, template: Template, activate: bool) -> None:
        existing = list(
            self.db.query(
                "SELECT content_hash FROM templates WHERE template_id = ? AND version = ?",
                [template.id, template.version],
            )
        )
        if existing and existing[0]["content_hash"] != template.content_hash:
            raise KlaError("template_version_clash", id=template.id, version=template.version)
        if not existing:
            self.db.execute(
                "INSERT INTO templates(template_id, version, content_hash, name, content, installed_at, active)"
                " VALUES (?, ?, ?, ?, ?, ?, 0)",
                [template.id, template.version, template.content_hash, template.name, template.to_json(), now_iso()],
            )
            self._audit("create", "template", f"{template.id}/v{template.version}", None, template.content_hash)
        if activate:
            self.db.execute("UPDATE templates SET active = 0")
            self.db.execute(
                "UPDATE templates SET active = 1 WHERE template_id = ? AND version = ?", [template.id, template.version]
            )
            self._template = None

    def install_template(self, template: Template, activate: bool = True) -> None:
        with self.db.atomic():
            self._install_template(template, activate)

    @property
    def template(self) -> Template:
        if self._template is None:
            rows = list(self.db.query("SELECT content FROM templates WHERE active = 1"))
            if not rows:
                raise KlaError("template_missing")
            self._template = load_template_json(rows[0]["content"])
        return self._template

    def template_version(self, template_id: str, version: int) -> Template:
        key = (template_id, version)
        if key not in self._templates:
            rows = list(
                self.db.query("SELECT content FROM templates WHERE template_id = ? AND version = ?", [*key])
            )
            if not rows:
                raise KlaError("template_missing")
            self._templates[key] = load_template_json(rows[0]["content"])
        return self._templates[key]

    # ------------------------------------------------------------------ entries

    @staticmethod
    def _value_key(kel: str, year: int, ind: int, item: str, sex: str, age: str) -> str:
        return f"{kel}/{year}/{ind}/{item}/{sex}/{age}"

    def _entry_row(self, kel: str, year: int, ind: int) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT * FROM entries WHERE kelurahan_code = ? AND data_year = ? AND indicator_no = ?",
                [kel, year, ind],
            )
        )
        return rows[0] if rows else None

    @staticmethod
    def _entry_from_row(r: dict[str, Any]) -> EntryRecord:
        return EntryRecord(
            r["id"], r["kelurahan_code"], r["data_year"], r["indicator_no"], r["status"], r["notes"],
            r["revision"], r["template_id"], r["template_version"], r["operator"], r["updated_at"],
            r.get("review_state", ""), r.get("review_note", ""),
        )

    def _ensure_entry(self, kel: str, year: int, ind: int) -> dict[str, Any]:
        row = self._entry_row(kel, year, ind)
        if row is None:
            t = self.template
            self.db.execute(
                "INSERT INTO entries(kelurahan_code, data_year, indicator_no, status, notes, revision,"
                " template_id, template_version, operator, updated_at) VALUES (?, ?, ?, 'draft', '', 0, ?, ?, ?, ?)",
                [kel, year, ind, t.id, t.version, self.operator, now_iso()],
            )
            row = self._entry_row(kel, year, ind)
            assert row is not None
        return row

    def _bump_entry(self, entry_id: int) -> None:
        self.db.execute(
            "UPDATE entries SET revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
            [self.operator, now_iso(), entry_id],
        )

    def _check_target(self, kel: str | None, year: int, ind: int) -> tuple[str, Any]:
        kel = self._kel(kel)
        self.period_for_data_year(year)
        indicator = self.template.indicator(ind)
        return kel, indicator

    def entry(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> EntryRecord | None:
        row = self._entry_row(self._kel(kelurahan_code), data_year, indicator_no)
        return self._entry_from_row(row) if row else None

    def entries(self, kelurahan_code: str | None = None, data_year: int | None = None) -> list[EntryRecord]:
        sql, params = "SELECT * FROM entries WHERE 1=1", []
        if kelurahan_code:
            sql += " AND kelurahan_code = ?"
            params.append(kelurahan_code)
        if data_year:
            sql += " AND data_year = ?"
            params.append(data_year)
        return [self._entry_from_row(r) for r in self.db.query(sql + " ORDER BY kelurahan_code, data_year, indicator_no", params)]

    def values(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> CellValues:
        """The stored values of one entry as {(item, sex, age): value}."""
        return {(v.item_key, v.sex, v.age): v.value for v in self.value_records(kelurahan_code, data_year, indicator_no)}

    def value_records(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> list[ValueRecord]:
        kel = self._kel(kelurahan_code)
        row = self._entry_row(kel, data_year, indicator_no)
        if row is None:
            return []
        return [
            ValueRecord(r["item_key"], r["sex"], r["age"], _load(r["value"]), r["revision"], r["operator"], r["updated_at"])
            for r in self.db.query(
                "SELECT * FROM entry_values WHERE entry_id = ? ORDER BY item_key, sex, age", [row["id"]]
            )
        ]

    def computed(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> CellValues:
        ind = self.template.indicator(indicator_no)
        return computed_values(self.template, ind, self.values(kelurahan_code, data_year, indicator_no))

    def set_value(
        self,
        kelurahan_code: str | None,
        data_year: int,
        indicator_no: int,
        item_key: str,
        value: Any,
        *,
        sex: str = "",
        age: str = "",
    ) -> ValueChange:
        """Validate and store one cell. ``value`` may be typed text ('1.234') or a Python value.

        None or '' clears the cell. Refused (KlaError, nothing written): unknown indicator,
        item, sex or age band; a value of the wrong type; a negative or fractional count; a
        part larger than its whole (or a whole lowered below its part).
        """
        kel, indicator = self._check_target(kelurahan_code, data_year, indicator_no)
        item = indicator.item(item_key)
        sex, age = (sex or "").upper(), age or ""
        if (sex, age) not in self.template.cells(item):
            if item.sex and sex not in ("L", "P"):
                raise KlaError("sex_required", item=item_key)
            if item.age and age not in [b.key for b in self.template.age_bands[item.age]]:
                raise KlaError(
                    "age_invalid", item=item_key, age=age,
                    bands=", ".join(b.key for b in self.template.age_bands[item.age]),
                )
            raise KlaError("cell_invalid", item=item_key, sex=sex, age=age)
        new = parse_value(item, value)
        with self.db.atomic():
            current = self.values(kel, data_year, indicator_no)
            old = current.get((item_key, sex, age))
            if old == new and (old is not None or (item_key, sex, age) not in current):
                return ValueChange(kel, data_year, indicator_no, item_key, sex, age, old, new, False)
            trial = dict(current)
            if new is None:
                trial.pop((item_key, sex, age), None)
            else:
                trial[(item_key, sex, age)] = new
            problems = [
                p for p in part_whole_problems(self.template, indicator, trial)
                if (p["sex"], p["age"]) == (sex, age) and item_key in (p["item"], p["whole"])
            ]
            if problems:
                p = problems[0]
                raise KlaError(
                    "part_exceeds_whole",
                    part=indicator.item(p["item"]).label,
                    whole=indicator.item(p["whole"]).label,
                    part_value=p["part_value"],
                    whole_value=p["whole_value"],
                    sex=sex,
                    age=age,
                )
            entry = self._ensure_entry(kel, data_year, indicator_no)
            stamp = now_iso()
            if new is None:
                self.db.execute(
                    "DELETE FROM entry_values WHERE entry_id = ? AND item_key = ? AND sex = ? AND age = ?",
                    [entry["id"], item_key, sex, age],
                )
            else:
                self.db.execute(
                    "INSERT INTO entry_values(entry_id, item_key, sex, age, value, revision, operator, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(entry_id, item_key, sex, age) DO UPDATE SET"
                    " value = excluded.value, revision = entry_values.revision + 1,"
                    " operator = excluded.operator, updated_at = excluded.updated_at",
                    [entry["id"], item_key, sex, age, _dump(new), self.operator, stamp],
                )
            self._bump_entry(entry["id"])
            self._audit(
                "set" if new is not None else "clear", "value",
                self._value_key(kel, data_year, indicator_no, item_key, sex, age), old, new,
            )
        return ValueChange(kel, data_year, indicator_no, item_key, sex, age, old, new, True)

    def value_history(
        self, kelurahan_code: str | None, data_year: int, indicator_no: int, item_key: str, sex: str = "", age: str = ""
    ) -> list[AuditRecord]:
        """Every change of one cell, newest first."""
        key = self._value_key(self._kel(kelurahan_code), data_year, indicator_no, item_key, sex, age)
        return [r for r in self.audit_log("value", key, limit=1000) if r.entity_key == key]

    def set_notes(self, kelurahan_code: str | None, data_year: int, indicator_no: int, notes: str) -> bool:
        kel, _ = self._check_target(kelurahan_code, data_year, indicator_no)
        with self.db.atomic():
            entry = self._ensure_entry(kel, data_year, indicator_no)
            if entry["notes"] == notes:
                return False
            self.db.execute("UPDATE entries SET notes = ? WHERE id = ?", [notes, entry["id"]])
            self._bump_entry(entry["id"])
            self._audit("update", "entry.notes", f"{kel}/{data_year}/{indicator_no}", entry["notes"], notes)
        return True

    def set_status(self, kelurahan_code: str | None, data_year: int, indicator_no: int, status: str) -> bool:
        """draft or ready. 'ready' is refused while required data is missing or invalid."""
        if status not in ("draft", "ready"):
            raise KlaError("status_unknown", status=status)
        kel, _ = self._check_target(kelurahan_code, data_year, indicator_no)
        if status == "ready":
            st = self.indicator_status(kel, data_year, indicator_no)
            if st.missing_items or st.problems:
                raise KlaError("not_ready", indicator=indicator_no, missing=", ".join(st.missing_items))
        with self.db.atomic():
            entry = self._ensure_entry(kel, data_year, indicator_no)
            if entry["status"] == status:
                return False
            self.db.execute("UPDATE entries SET status = ? WHERE id = ?", [status, entry["id"]])
            self._bump_entry(entry["id"])
            self._audit("update", "entry.status", f"{kel}/{data_year}/{indicator_no}", entry["status"], status)
        return True

    def set_review(
        self, kelurahan_code: str, data_year: int, indicator_no: int, state: str, note: str = ""
    ) -> None:
        """DP3AKB's review of one entry: state in '', 'diterima', 'perlu_perbaikan'."""
        if state not in ("", "diterima", "perlu_perbaikan"):
            raise KlaError("review_state_unknown", state=state)
        kel = self.kelurahan(kelurahan_code).code
        with self.db.atomic():
            entry = self._ensure_entry(kel, data_year, indicator_no)
            self.db.execute(
                "UPDATE entries SET review_state = ?, review_note = ?, reviewed_at = ? WHERE id = ?",
                [state, note, now_iso(), entry["id"]],
            )
            self._audit(
                "update", "entry.review", f"{kel}/{data_year}/{indicator_no}",
                [entry.get("review_state", ""), entry.get("review_note", "")], [state, note],
            )

    # ------------------------------------------------------------------ evidence

    def _evidence_from_row(self, r: dict[str, Any]) -> EvidenceRecord:
        links = tuple(
            (lr["data_year"], lr["indicator_no"])
            for lr in self.db.query(
                "SELECT data_year, indicator_no FROM evidence_links WHERE evidence_id = ? ORDER BY 1, 2", [r["id"]]
            )
        )
        return EvidenceRecord(
            r["id"], r["kelurahan_code"], r["sha256"], r["original_name"], r["mime"], r["size"], r["kind"],
            r["caption"], r["doc_date"], r["doc_number"], r["issuer"], r["revision"], r["operator"],
            r["added_at"], r["updated_at"], links,
        )

    def evidence(self, evidence_id: str) -> EvidenceRecord:
        rows = list(self.db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
        if not rows:
            raise KlaError("evidence_unknown", id=evidence_id)
        return self._evidence_from_row(rows[0])

    def evidence_list(
        self, kelurahan_code: str | None = None, data_year: int | None = None, indicator_no: int | None = None
    ) -> list[EvidenceRecord]:
        sql = "SELECT DISTINCT e.* FROM evidence e LEFT JOIN evidence_links l ON l.evidence_id = e.id WHERE 1=1"
        params: list[Any] = []
        if self.role == "kelurahan" or kelurahan_code:
            sql += " AND e.kelurahan_code = ?"
            params.append(self._kel(kelurahan_code))
        if data_year is not None:
            sql += " AND l.data_year = ?"
            params.append(data_year)
        if indicator_no is not None:
            sql += " AND l.indicator_no = ?"
            params.append(indicator_no)
        return [self._evidence_from_row(r) for r in self.db.query(sql + " ORDER BY e.added_at, e.id", params)]

    def evidence_path(self, record: EvidenceRecord | str) -> Path:
        sha = record.sha256 if isinstance(record, EvidenceRecord) else record
        return self.paths.evidence_file(sha)

    def store_file(
        self,
        source: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[str, int]:
        """Copy a file into the content-addressed folder; returns (sha256, size).

        Streams in 1 MiB chunks, hashing as it copies; the file lands under a temporary
        name, is synced, then renamed, so a crash never leaves a partial evidence file.
        """
        source = Path(source)
        if not source.is_file():
            raise KlaError("file_not_found", path=str(source))
        self.paths.tmp.mkdir(parents=True, exist_ok=True)
        tmp = self.paths.tmp / f"in-{uuid.uuid4().hex}"
        h = hashlib.sha256()
        total = source.stat().st_size
        done = 0
        try:
            with open(source, "rb") as src, open(tmp, "wb") as dst:
                while chunk := src.read(HASH_CHUNK):
                    if cancelled and cancelled():
                        raise KlaError("cancelled")
                    h.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                dst.flush()
                os.fsync(dst.fileno())
            sha = h.hexdigest()
            final = self.paths.evidence_file(sha)
            if final.exists() and final.stat().st_size == done:
                tmp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise KlaError("file_copy_failed", path=str(source), detail=str(exc)) from exc
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return sha, done

    def add_evidence(
        self,
        kelurahan_code: str | None,
        source: Path,
        *,
        links: Iterable[tuple[int, int]] = (),
        kind: str | None = None,
        caption: str = "",
        doc_date: str | None = None,
        doc_number: str = "",
        issuer: str = "",
        original_name: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> EvidenceRecord:
        """Add a file as evidence of a kelurahan, linked to (data_year, indicator) pairs.

        The same content added twice is one record: the new links join the old ones.
        """
        kel = self._kel(kelurahan_code)
        source = Path(source)
        links = [(int(y), int(i)) for y, i in links]
        for y, i in links:
            self.period_for_data_year(y)
            self.template.indicator(i)
        mime = mimetypes.guess_type(original_name or source.name)[0] or "application/octet-stream"
        if kind is None:
            kind = "photo" if mime.startswith("image/") else "other"
        if kind not in EVIDENCE_KINDS:
            raise KlaError("evidence_kind_unknown", kind=kind, kinds=", ".join(EVIDENCE_KINDS))
        if doc_date:
            doc_date = parse_date(doc_date)
        sha, size = self.store_file(source, progress, cancelled)
        with self.db.atomic():
            rows = list(
                self.db.query("SELECT id FROM evidence WHERE kelurahan_code = ? AND sha256 = ?", [kel, sha])
            )
            stamp = now_iso()
            if rows:
                evidence_id = rows[0]["id"]
            else:
                evidence_id = uuid.uuid4().hex
                self.db.execute(
                    "INSERT INTO evidence(id, kelurahan_code, sha256, original_name, mime, size, kind, caption,"
                    " doc_date, doc_number, issuer, revision, operator, added_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    [
                        evidence_id, kel, sha, original_name or source.name, mime, size, kind, caption,
                        doc_date, doc_number, issuer, self.operator, stamp, stamp,
                    ],
                )
                self._audit("create", "evidence", evidence_id, None, {"name": original_name or source.name, "sha256": sha})
            for y, i in links:
                self._link(evidence_id, y, i)
        return self.evidence(evidence_id)

    def _link(self, evidence_id: str, year: int, ind: int) -> bool:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO evidence_links(evidence_id, data_year, indicator_no) VALUES (?, ?, ?)",
            [evidence_id, year, ind],
        )
        if cur.rowcount:
            self._audit("link", "evidence", f"{evidence_id}/{year}/{ind}", None, [year, ind])
            return True
        return False

    def link_evidence(self, evidence_id: str, data_year: int, indicator_no: int) -> bool:
        rec = self.evidence(evidence_id)
        self._kel(rec.kelurahan_code)
        self.period_for_data_year(data_year)
        self.template.indicator(indicator_no)
        with self.db.atomic():
            return self._link(evidence_id, data_year, indicator_no)

    def unlink_evidence(self, evidence_id: str, data_year: int, indicator_no: int) -> bool:
        """Remove one link. The file and record stay (it may be used elsewhere)."""
        self.evidence(evidence_id)
        with self.db.atomic():
            cur = self.db.execute(
                "DELETE FROM evidence_links WHERE evidence_id = ? AND data_year = ? AND indicator_no = ?",
                [evidence_id, data_year, indicator_no],
            )
            if cur.rowcount:
                self._audit("unlink", "evidence", f"{evidence_id}/{data_year}/{indicator_no}", [data_year, indicator_no], None)
                return True
        return False

    def update_evidence(self, evidence_id: str, **fields: Any) -> EvidenceRecord:
        allowed = {"caption", "doc_date", "doc_number", "issuer", "kind"}
        unknown = set(fields) - allowed
        if unknown:
            raise KlaError("field_unknown", fields=", ".join(sorted(unknown)))
        rec = self.evidence(evidence_id)
        if "doc_date" in fields and fields["doc_date"]:
            fields["doc_date"] = parse_date(fields["doc_date"])
        if "kind" in fields:
            if fields["kind"] not in EVIDENCE_KINDS:
                raise KlaError("evidence_kind_unknown", kind=fields["kind"], kinds=", ".join(EVIDENCE_KINDS))
        changes = {k: v for k, v in fields.items() if getattr(rec, k) != v}
        if not changes:
            return rec
        with self.db.atomic():
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.db.execute(
                f"UPDATE evidence SET {sets}, revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
                [*changes.values(), self.operator, now_iso(), evidence_id],
            )
            self._audit("update", "evidence", evidence_id, {k: getattr(rec, k) for k in changes}, changes)
        return self.evidence(evidence_id)

    def evidence_usage(self, evidence_id: str) -> int:
        """How many places use this evidence: indicator links, activities, facilities."""
        n = 0
        for table, col in (("evidence_links", "evidence_id"), ("activity_evidence", "evidence_id"), ("facility_evidence", "evidence_id")):
            n += next(self.db.query(f"SELECT count(*) AS n FROM {table} WHERE {col} = ?", [evidence_id]))["n"]
        return n

    def remove_evidence(self, evidence_id: str) -> None:
        """Delete an evidence record and its links; the file goes only if nothing else uses it."""
        rec = self.evidence(evidence_id)
        self._kel(rec.kelurahan_code)
        with self.db.atomic():
            self.db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            self.db.execute(
                "INSERT INTO deletions(entity, entity_id, kelurahan_code, operator, deleted_at) VALUES (?, ?, ?, ?, ?)",
                ["evidence", evidence_id, rec.kelurahan_code, self.operator, now_iso()],
            )
            self._audit("delete", "evidence", evidence_id, {"name": rec.original_name, "sha256": rec.sha256}, None)
            still_used = next(self.db.query("SELECT count(*) AS n FROM evidence WHERE sha256 = ?", [rec.sha256]))["n"]
        if not still_used:
            with contextlib.suppress(FileNotFoundError):
                self.evidence_path(rec).unlink()

    # ------------------------------------------------------------------ activities

    def _activity_from_row(self, r: dict[str, Any]) -> ActivityRecord:
        ev = tuple(x["evidence_id"] for x in self.db.query(
            "SELECT evidence_id FROM activity_evidence WHERE activity_id = ? ORDER BY evidence_id", [r["id"]]))
        return ActivityRecord(
            r["id"], r["kelurahan_code"], r["data_year"], r["kind"], r["title"], r["date"], r["description"],
            tuple(_load(r["partners"])), tuple(_load(r["indicators"])), ev, r["revision"], r["operator"], r["updated_at"],
        )

    def activity(self, activity_id: str) -> ActivityRecord:
        rows = list(self.db.query("SELECT * FROM activities WHERE id = ?", [activity_id]))
        if not rows:
            raise KlaError("activity_unknown", id=activity_id)
        return self._activity_from_row(rows[0])

    def activities(self, kelurahan_code: str | None = None, data_year: int | None = None, search: str = "") -> list[ActivityRecord]:
        sql, params = "SELECT * FROM activities WHERE 1=1", []
        if self.role == "kelurahan" or kelurahan_code:
            sql += " AND kelurahan_code = ?"
            params.append(self._kel(kelurahan_code))
        if data_year:
            sql += " AND data_year = ?"
            params.append(data_year)
        if search:
            sql += " AND (title LIKE ? OR description LIKE ?)"
            params += [f"%{search}%", f"%{search}%"]
        return [self._activity_from_row(r) for r in self.db.query(sql + " ORDER BY date DESC, title", params)]

    def _clean_activity(self, fields: dict[str, Any]) -> dict[str, Any]:
        out = dict(fields)
        if "title" in out:
            out["title"] = str(out["title"]).strip()
            if not out["title"]:
                raise KlaError("title_empty")
        if "kind" in out and out["kind"] not in ("kegiatan", "inovasi"):
            raise KlaError("activity_kind_unknown", kind=out["kind"])
        if out.get("date"):
            out["date"] = parse_date(out["date"])
        if "partners" in out:
            out["partners"] = _dump(sorted({str(p) for p in out["partners"]}))
        if "indicators" in out:
            nos = sorted({int(i) for i in out["indicators"]})
            for i in nos:
                self.template.indicator(i)
            out["indicators"] = _dump(nos)
        if "data_year" in out:
            self.period_for_data_year(int(out["data_year"]))
        return out

    def add_activity(
        self, kelurahan_code: str | None, data_year: int, title: str, *, kind: str = "kegiatan", date: str | None = None,
        description: str = "", partners: Iterable[str] = (), indicators: Iterable[int] = (), evidence_ids: Iterable[str] = (),
    ) -> ActivityRecord:
        kel = self._kel(kelurahan_code)
        f = self._clean_activity(
            {"data_year": data_year, "title": title, "kind": kind, "date": date, "description": description,
             "partners": list(partners), "indicators": list(indicators)}
        )
        aid = uuid.uuid4().hex
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO activities(id, kelurahan_code, data_year, kind, title, date, description, partners,"
                " indicators, revision, operator, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                [aid, kel, data_year, f["kind"], f["title"], f["date"], f["description"], f["partners"],
                 f["indicators"], self.operator, now_iso()],
            )
            for eid in evidence_ids:
                self._attach(aid, eid, "activity", bump=False)
            self._audit("create", "activity", aid, None, {"title": f["title"]})
        return self.activity(aid)

    def update_activity(self, activity_id: str, **fields: Any) -> ActivityRecord:
        allowed = {"title", "kind", "date", "description", "partners", "indicators", "data_year"}
        if set(fields) - allowed:
            raise KlaError("field_unknown", fields=", ".join(sorted(set(fields) - allowed)))
        rec = self.activity(activity_id)
        self._kel(rec.kelurahan_code)
        f = self._clean_activity(fields)
        with self.db.atomic():
            sets = ", ".join(f"{k} = ?" for k in f)
            self.db.execute(
                f"UPDATE activities SET {sets}, revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
                [*f.values(), self.operator, now_iso(), activity_id],
            )
            self._audit("update", "activity", activity_id, {k: getattr(rec, k) for k in fields}, fields)
        return self.activity(activity_id)

    def _attach(self, owner_id: str, evidence_id: str, owner: str, bump: bool = True) -> None:
        self.evidence(evidence_id)
        table, col = ("activity_evidence", "activity_id") if owner == "activity" else ("facility_evidence", "facility_id")
        cur = self.db.execute(f"INSERT OR IGNORE INTO {table}({col}, evidence_id) VALUES (?, ?)", [owner_id, evidence_id])
        if cur.rowcount and bump:
            self.db.execute(
                f"UPDATE {'activities' if owner == 'activity' else 'facilities'} SET revision = revision + 1,"
                " updated_at = ? WHERE id = ?", [now_iso(), owner_id])
            self._audit("attach", owner, f"{owner_id}/{evidence_id}", None, evidence_id)

    def attach_evidence(self, owner: str, owner_id: str, evidence_id: str) -> None:
        """Attach evidence to an activity or a facility (owner = 'activity' | 'facility')."""
        (self.activity if owner == "activity" else self.facility)(owner_id)
        with self.db.atomic():
            self._attach(owner_id, evidence_id, owner)

    def detach_evidence(self, owner: str, owner_id: str, evidence_id: str) -> None:
        table, col = ("activity_evidence", "activity_id") if owner == "activity" else ("facility_evidence", "facility_id")
        with self.db.atomic():
            cur = self.db.execute(f"DELETE FROM {table} WHERE {col} = ? AND evidence_id = ?", [owner_id, evidence_id])
            if cur.rowcount:
                self._audit("detach", owner, f"{owner_id}/{evidence_id}", evidence_id, None)

    def delete_activity(self, activity_id: str) -> None:
        rec = self.activity(activity_id)
        self._kel(rec.kelurahan_code)
        with self.db.atomic():
            self.db.execute("DELETE FROM activities WHERE id = ?", [activity_id])
            self.db.execute(
                "INSERT INTO deletions(entity, entity_id, kelurahan_code, operator, deleted_at) VALUES (?, ?, ?, ?, ?)",
                ["activity", activity_id, rec.kelurahan_code, self.operator, now_iso()],
            )
            self._audit("delete", "activity", activity_id, {"title": rec.title}, None)

    # ------------------------------------------------------------------ facilities

    def _facility_from_row(self, r: dict[str, Any]) -> FacilityRecord:
        ev = tuple(x["evidence_id"] for x in self.db.query(
            "SELECT evidence_id FROM facility_evidence WHERE facility_id = ? ORDER BY evidence_id", [r["id"]]))
        return FacilityRecord(
            r["id"], r["kelurahan_code"], r["name"], r["type"], r["address"], r["latitude"], r["longitude"],
            r["standardisation"], r["notes"], ev, r["revision"], r["operator"], r["updated_at"],
        )

    def facility(self, facility_id: str) -> FacilityRecord:
        rows = list(self.db.query("SELECT * FROM facilities WHERE id = ?", [facility_id]))
        if not rows:
            raise KlaError("facility_unknown", id=facility_id)
        return self._facility_from_row(rows[0])

    def facilities(self, kelurahan_code: str | None = None, type: str | None = None, search: str = "") -> list[FacilityRecord]:
        sql, params = "SELECT * FROM facilities WHERE 1=1", []
        if self.role == "kelurahan" or kelurahan_code:
            sql += " AND kelurahan_code = ?"
            params.append(self._kel(kelurahan_code))
        if type:
            sql += " AND type = ?"
            params.append(type)
        if search:
            sql += " AND (name LIKE ? OR address LIKE ?)"
            params += [f"%{search}%", f"%{search}%"]
        return [self._facility_from_row(r) for r in self.db.query(sql + " ORDER BY type, name", params)]

    @staticmethod
    def _clean_facility(fields: dict[str, Any]) -> dict[str, Any]:
        out = dict(fields)
        if "name" in out:
            out["name"] = str(out["name"]).strip()
            if not out["name"]:
                raise KlaError("name_empty")
        if "type" in out and out["type"] not in FACILITY_TYPES:
            raise KlaError("facility_type_unknown", type=out["type"], types=", ".join(FACILITY_TYPES))
        if "standardisation" in out and out["standardisation"] not in STANDARDISATION:
            raise KlaError("standardisation_unknown", value=out["standardisation"])
        for key, lo, hi in (("latitude", -90, 90), ("longitude", -180, 180)):
            if out.get(key) not in (None, ""):
                try:
                    v = float(str(out[key]).replace(",", "."))
                except ValueError as exc:
                    raise KlaError("coordinate_invalid", value=out[key]) from exc
                if not lo <= v <= hi:
                    raise KlaError("coordinate_invalid", value=out[key])
                out[key] = v
            elif key in out:
                out[key] = None
        return out

    def add_facility(
        self, kelurahan_code: str | None, name: str, type: str, *, address: str = "", latitude: float | None = None,
        longitude: float | None = None, standardisation: str = "belum", notes: str = "", evidence_ids: Iterable[str] = (),
    ) -> FacilityRecord:
        kel = self._kel(kelurahan_code)
        f = self._clean_facility({"name": name, "type": type, "address": address, "latitude": latitude,
                                  "longitude": longitude, "standardisation": standardisation, "notes": notes})
        fid = uuid.uuid4().hex
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO facilities(id, kelurahan_code, name, type, address, latitude, longitude, standardisation,"
                " notes, revision, operator, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                [fid, kel, f["name"], f["type"], f["address"], f["latitude"], f["longitude"], f["standardisation"],
                 f["notes"], self.operator, now_iso()],
            )
            for eid in evidence_ids:
                self._attach(fid, eid, "facility", bump=False)
            self._audit("create", "facility", fid, None, {"name": f["name"], "type": f["type"]})
        return self.facility(fid)

    def update_facility(self, facility_id: str, **fields: Any) -> FacilityRecord:
        allowed = {"name", "type", "address", "latitude", "longitude", "standardisation", "notes"}
        if set(fields) - allowed:
            raise KlaError("field_unknown", fields=", ".join(sorted(set(fields) - allowed)))
        rec = self.facility(facility_id)
        self._kel(rec.kelurahan_code)
        f = self._clean_facility(fields)
        with self.db.atomic():
            sets = ", ".join(f"{k} = ?" for k in f)
            self.db.execute(
                f"UPDATE facilities SET {sets}, revision = revision + 1, operator = ?, updated_at = ? WHERE id = ?",
                [*f.values(), self.operator, now_iso(), facility_id],
            )
            self._audit("update", "facility", facility_id, {k: getattr(rec, k) for k in f}, f)
        return self.facility(facility_id)

    def delete_facility(self, facility_id: str) -> None:
        rec = self.facility(facility_id)
        self._kel(rec.kelurahan_code)
        with self.db.atomic():
            self.db.execute("DELETE FROM facilities WHERE id = ?", [facility_id])
            self.db.execute(
                "INSERT INTO deletions(entity, entity_id, kelurahan_code, operator, deleted_at) VALUES (?, ?, ?, ?, ?)",
                ["facility", facility_id, rec.kelurahan_code, self.operator, now_iso()],
            )
            self._audit("delete", "facility", facility_id, {"name": rec.name}, None)

    # ------------------------------------------------------------------ status

    def indicator_status(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> IndicatorStatus:
        kel = self._kel(kelurahan_code)
        return self._indicator_status(kel, data_year, self.template.indicator(indicator_no), None, None)

    def _indicator_status(
        self, kel: str, year: int, ind: Any, values: CellValues | None, evidence: list[EvidenceRecord] | None
    ) -> IndicatorStatus:
        t = self.template
        entry = self._entry_row(kel, year, ind.no)
        if values is None:
            values = self.values(kel, year, ind.no) if entry else {}
        if evidence is None:
            evidence = self.evidence_list(kel, year, ind.no)
        eval_year = self.period_for_data_year(year).eval_year
        required = [it for it in ind.items if it.required]
        missing = tuple(it.key for it in required if any((it.key, s, a) not in values for s, a in t.cells(it)))
        gaps = []
        for req in ind.evidence:
            of_kind = [e for e in evidence if e.kind == req.kind]
            too_old = 0
            if req.max_age_years is not None:
                too_old = sum(
                    1 for e in of_kind if e.doc_date and int(e.doc_date[:4]) < eval_year - req.max_age_years
                )
            gaps.append(EvidenceGap(req.kind, req.label, req.min_count, len(of_kind) - too_old, too_old, req.required))
        req_ev = [g for g in gaps if g.required]
        total = len(required) + len(req_ev)
        done = (len(required) - len(missing)) + sum(1 for g in req_ev if g.satisfied)
        completeness = done / total if total else (1.0 if values else 0.0)
        problems = tuple(part_whole_problems(t, ind, values))
        status = entry["status"] if entry else ""
        if status == "ready":
            state = "ready"
        elif not values and not evidence:
            state = "empty"
        elif completeness >= 1.0 and not problems:
            state = "complete"
        else:
            state = "partial"
        return IndicatorStatus(
            ind.no, ind.cluster, ind.short_name, status, state, len(required), len(required) - len(missing),
            missing, tuple(gaps), problems, round(completeness, 4), len(evidence),
            (entry or {}).get("review_state", "") or "", (entry or {}).get("review_note", "") or "",
        )

    def status(self, kelurahan_code: str | None, data_year: int) -> KelurahanStatus:
        """Completeness of one kelurahan for one data year, per klaster and indicator."""
        kel = self._kel(kelurahan_code)
        self.period_for_data_year(data_year)
        t = self.template
        unit = self.kelurahan(kel)
        kec = self.unit(unit.parent_code or "")
        # One query for all values and evidence of this kelurahan-year, not 24 each.
        values_by_ind: dict[int, CellValues] = {}
        for r in self.db.query(
            "SELECT e.indicator_no, v.item_key, v.sex, v.age, v.value FROM entry_values v"
            " JOIN entries e ON e.id = v.entry_id WHERE e.kelurahan_code = ? AND e.data_year = ?",
            [kel, data_year],
        ):
            values_by_ind.setdefault(r["indicator_no"], {})[(r["item_key"], r["sex"], r["age"])] = _load(r["value"])
        ev_by_ind: dict[int, list[EvidenceRecord]] = {}
        all_ev = {e.id: e for e in self.evidence_list(kel)}
        for e in all_ev.values():
            for y, i in e.links:
                if y == data_year:
                    ev_by_ind.setdefault(i, []).append(e)
        clusters = []
        all_ind: list[IndicatorStatus] = []
        for c in t.clusters:
            inds = tuple(
                self._indicator_status(kel, data_year, ind, values_by_ind.get(ind.no, {}), ev_by_ind.get(ind.no, []))
                for ind in t.indicators_of(c.key)
            )
            all_ind += inds
            comp = sum(i.completeness for i in inds) / len(inds) if inds else 0.0
            clusters.append(ClusterStatus(c.key, c.name, round(comp, 4), inds))
        overall = sum(i.completeness for i in all_ind) / len(all_ind) if all_ind else 0.0
        n_act = next(self.db.query(
            "SELECT count(*) AS n FROM activities WHERE kelurahan_code = ? AND data_year = ?", [kel, data_year]))["n"]
        n_fac = next(self.db.query("SELECT count(*) AS n FROM facilities WHERE kelurahan_code = ?", [kel]))["n"]
        return KelurahanStatus(
            kel, unit.name, kec.code, kec.name, data_year, round(overall, 4), tuple(clusters),
            ready_count=sum(1 for i in all_ind if i.status == "ready"),
            evidence_count=len({e.id for lst in ev_by_ind.values() for e in lst}),
            activity_count=n_act, facility_count=n_fac,
        )

    def city_status(self, data_year: int) -> list[KelurahanStatus]:
        """Every kelurahan of the city for one data year (city workspaces)."""
        return [self.status(u.code, data_year) for u in self.units("kelurahan")]

    # ------------------------------------------------------------------ backups

    @staticmethod
    def list_backups(home: Path) -> list[BackupRecord]:
        folder = WorkspacePaths(Path(home)).backups
        out = []
        if folder.exists():
            for p in folder.glob("kla-*.sqlite"):
                parts = p.stem.split("-", 3)  # kla, date, time, reason
                reason = parts[3] if len(parts) > 3 else ""
                st = p.stat()
                out.append(
                    BackupRecord(str(p), reason, dt.datetime.fromtimestamp(st.st_mtime, dt.UTC).isoformat(timespec="seconds"),
                                 st.st_size, reason.startswith("manual"))
                )
        out.sort(key=lambda b: Path(b.path).name, reverse=True)
        return out

    @staticmethod
    def describe_backup(path: Path) -> BackupInfo:
        """Summarise a backup file for the restore question; opens it read-only, never writes."""
        path = Path(path)
        if not path.is_file():
            raise KlaError("file_not_found", path=str(path))
        try:
            # mode=ro plus immutable: no journal, no WAL files next to the backup, no lock taken.
            uri = "file:" + path.resolve().as_posix().replace("?", "%3f").replace("#", "%23") + "?mode=ro&immutable=1"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if "meta" not in tables:
                    raise KlaError("backup_invalid", path=str(path), detail="not a KLA store")
                meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())

                def count(table: str) -> int:
                    return conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0] if table in tables else 0

                last = conn.execute("SELECT MAX(at) FROM audit_log").fetchone()[0] if "audit_log" in tables else None
                info = BackupInfo(
                    path=str(path),
                    created_at=dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds"),
                    role=meta.get("role", ""),
                    kelurahan_code=meta.get("kelurahan_code", ""),
                    value_count=count("entry_values"),
                    evidence_count=count("evidence"),
                    enrolled=count("sync_own_keys") > 0,
                    last_change_at=last or "",
                )
        except sqlite3.DatabaseError as exc:
            raise KlaError("backup_invalid", path=str(path), detail=str(exc)) from exc
        return info

    @classmethod
    def newest_good_backup(cls, home: Path) -> Path | None:
        for b in cls.list_backups(home):
            if _quick_check(Path(b.path)) == "ok":
                return Path(b.path)
        return None

    def backup(self, reason: str = "manual", dest: Path | None = None) -> Path:
        """Copy the store with SQLite's online backup API; automatic ones rotate."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S%f")
        safe = "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in reason)[:40] or "auto"
        # kla-<date>-<time+microseconds>-<reason>.sqlite: sorts by time, reason after 3 dashes.
        target = Path(dest) if dest else self.paths.backups / f"kla-{stamp}-{safe}.sqlite"
        try:
            sqlite_backup(self.db.conn, target)
        except OSError as exc:
            raise KlaError("backup_failed", path=str(target), detail=str(exc)) from exc
        if _quick_check(target) != "ok":
            target.unlink(missing_ok=True)
            raise KlaError("backup_failed", path=str(target), detail="verification")
        if dest is None and not safe.startswith("manual"):
            autos = [b for b in self.list_backups(self.paths.home) if not b.manual]
            for old in autos[AUTO_BACKUPS_KEPT:]:
                Path(old.path).unlink(missing_ok=True)
        return target

    @classmethod
    def restore(cls, home: Path, source: Path, operator: str = "") -> Path:
        """Replace the workspace's store with ``source`` (a backup). Returns the safety copy.

        The current file (if readable) is backed up first; ``source`` must be a sound KLA
        store of the same role and kelurahan, else nothing changes.
        """
        paths = WorkspacePaths(Path(home))
        source = Path(source)
        if not source.is_file():
            raise KlaError("file_not_found", path=str(source))
        check = _quick_check(source)
        if check != "ok":
            raise KlaError("backup_invalid", path=str(source), detail=check)
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if "meta" not in tables:
                    raise KlaError("backup_invalid", path=str(source), detail="not a KLA store")
                src_meta = dict(src.execute("SELECT key, value FROM meta").fetchall())
            finally:
                src.close()
        except sqlite3.DatabaseError as exc:
            raise KlaError("backup_invalid", path=str(source), detail=str(exc)) from exc
        safety: Path | None = None
        if paths.db.exists():
            if _quick_check(paths.db) == "ok":
                with contextlib.closing(sqlite3.connect(str(paths.db))) as cur:
                    cur_meta = dict(cur.execute("SELECT key, value FROM meta").fetchall())
                for key in ("role", "kelurahan_code", "city_code"):
                    if cur_meta.get(key, "") != src_meta.get(key, ""):
                        raise KlaError("backup_other_workspace", key=key, have=cur_meta.get(key, ""), got=src_meta.get(key, ""))
                with contextlib.closing(cls.open(home, operator=operator)) as store:
                    safety = store.backup(reason="sebelum-pulihkan")
            else:
                paths.backups.mkdir(parents=True, exist_ok=True)
                safety = paths.backups / f"rusak-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite"
                shutil.copy2(paths.db, safety)
        paths.home.mkdir(parents=True, exist_ok=True)
        tmp = paths.home / (paths.db.name + ".restoring")
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src:
            sqlite_backup(src, tmp)
        for side in ("-wal", "-shm"):
            Path(str(paths.db) + side).unlink(missing_ok=True)
        os.replace(tmp, paths.db)
        _fsync_dir(paths.home)
        with contextlib.closing(cls.open(home, operator=operator)) as store, store.db.atomic():
            store._audit("restore", "workspace", str(paths.home), None, str(source))
        return safety or paths.db

    # ------------------------------------------------------------------ check

    def check(self, verify_files: bool = True, progress: Callable[[int, int], None] | None = None) -> CheckReport:
        """Full integrity check of the database and (optionally) every evidence file's hash."""
        integrity = "; ".join(r["integrity_check"] for r in self.db.query("PRAGMA integrity_check"))
        fk = len(list(self.db.query("PRAGMA foreign_key_check")))
        missing, damaged = [], []
        if verify_files:
            rows = list(self.db.query("SELECT DISTINCT sha256, size FROM evidence"))
            for n, r in enumerate(rows, 1):
                p = self.paths.evidence_file(r["sha256"])
                if not p.exists():
                    missing.append(r["sha256"])
                elif p.stat().st_size != r["size"] or sha256_file(p) != r["sha256"]:
                    damaged.append(r["sha256"])
                if progress:
                    progress(n, len(rows))
        ok = integrity == "ok" and fk == 0 and not missing and not damaged
        return CheckReport(ok, integrity, tuple(missing), tuple(damaged), fk)

    # ------------------------------------------------------------------ iteration helpers

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group several store calls into one all-or-nothing change."""
        with self.db.atomic():
            yield self
