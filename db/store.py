"""The local store: one SQLite file per workspace, behind one object.

:class:`Store` is the facade every caller uses (the window, the CLI, ``exports/``). It owns
a :class:`db.core.Core` (connection, transactions, audit log, meta) and hands each area to
a module of its own, the only writer of that area's tables (Anki's ``Collection`` over its
managers)::

    refdata     org_units, periods, templates, operators, settings
    entries     entries, entry_values (typed, pasted, imported and bundled values alike)
    evidence    evidence, evidence_links, the evidence folder (photo downscaling too)
    recordsets  activities, facilities and their evidence
    tombstones  deletions
    status      status_cache (each unit's computed status kept; batched reads of the rest)
    backups     backup files
    sync        sync_* tables (keys, bundle log, what DP3AKB holds, conflicts)

Every write returns a :class:`db.changes.Changes` naming what changed; its ``record``
holds what the write made (a record, a :class:`db.records.ValueChange`). Area modules
receive the core, never this facade, so no import circle appears inside ``db/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import backups as _backups
from db import integrity, orgunits
from db.changes import Changes
from db.core import (
    Core,
    connect,
    disk_nearly_full,
    fsync_dir,
    fsync_file,
    now_iso,
    operational_error,
    quick_check,
    sha256_file,
    sqlite_backup,
)
from db.entries import Entries
from db.errors import KlaError
from db.evidence import Evidence
from db.ids import uuid4_hex
from db.paths import WorkspacePaths, device_place
from db.progress import Cancelled, Progress
from db.progress import step as progress_step
from db.records import (
    ActivityRecord,
    AuditRecord,
    BackupInfo,
    BackupRecord,
    CheckReport,
    EntryRecord,
    EvidenceRecord,
    FacilityRecord,
    IndicatorStatus,
    KelurahanStatus,
    OperatorRecord,
    PeriodRecord,
    TemplateDiffRecord,
    TemplateDraftRecord,
    TemplatePublished,
    UnitRecord,
    ValueRecord,
)
from db.recordsets import RecordSets
from db.refdata import RefData
from db.rubrics import RubricResult, Rubrics, RubricScore, rubric_result_of
from db.rules import FACILITY_TYPES, PARTNERS, STANDARDISATION
from db.schema import MIGRATIONS
from db.sqlite_db import Database
from db.status import Status, StatusSummary
from db.template import CellValues, Template, default_template, parse_template
from db.template import content_hash as template_content_hash

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    # The city's own areas are imported where they are used: a kelurahan window never loads
    # them (tests/desktop/test_startup.py), and Python spends ~1 ms per dataclass they define.
    from db import chase, indicator2
    from db.cityadmin import CityAdmin, ContactRecord, KelanaRecord
    from db.figures import CityFigures
    from db.sync_parts.area import Sync
    from db.template_drafts import TemplateDrafts

__all__ = [
    "FACILITY_TYPES", "PARTNERS", "STANDARDISATION", "ROLES", "DEFAULT_PERIODS", "Store", "now_iso",
    "sha256_file", "sqlite_backup",
]

ROLES = ("kelurahan", "city")
DEFAULT_PERIODS = {2023: (2021, 2022), 2025: (2023, 2024), 2027: (2025, 2026)}
AUTO_BACKUPS_KEPT = _backups.AUTO_BACKUPS_KEPT


class Store:
    """A workspace's data. Open with :meth:`open` or create with :meth:`create`."""

    def __init__(self, paths: WorkspacePaths, database: Database, operator: str = "") -> None:
        self.core = Core(paths, database, operator)
        self.ref = RefData(self.core)
        self.entries_ = Entries(self.core, self.ref)
        self.evidence_ = Evidence(self.core, self.ref)
        self.records = RecordSets(self.core, self.ref)
        self.status_ = Status(self.core, self.ref)
        self._sync: Sync | None = None
        self._cityadmin: CityAdmin | None = None
        self._rubrics: Rubrics | None = None

    @property
    def sync(self) -> Sync:
        """Bundles, keys, receipts and conflicts (db/sync_parts): made when first used, so a window
        that only shows Beranda never imports them."""
        if self._sync is None:
            from db.sync_parts.area import Sync

            self._sync = Sync(self.core, self.ref, self.entries_, self.evidence_, self.records)
        return self._sync

    @property
    def cityadmin(self) -> CityAdmin:
        """DP3AKB's own records (deadlines, contacts, KELANA): made when first used."""
        if self._cityadmin is None:
            from db.cityadmin import CityAdmin

            self._cityadmin = CityAdmin(self.core, self.ref)
        return self._cityadmin

    @property
    def rubrics(self) -> Rubrics:
        """A city's rubric for its desa/kelurahan (db/rubrics.py): made when first used."""
        if self._rubrics is None:
            self._rubrics = Rubrics(self.core, self.ref)
        return self._rubrics

    # ------------------------------------------------------------------ the core

    @property
    def paths(self) -> WorkspacePaths:
        return self.core.paths

    @property
    def db(self) -> Database:
        """The connection, for reads in tests and benchmarks; writes go through the areas."""
        return self.core.db

    @property
    def operator(self) -> str:
        return self.core.operator

    @operator.setter
    def operator(self, name: str) -> None:
        self.core.operator = name

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Group several store calls into one all-or-nothing change."""
        with self.core.transaction():
            yield self

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
        city_code: str | None = None,
        operator: str = "",
        template: Template | None = None,
        units: Sequence[orgunits.OrgUnitRecord] | None = None,
    ) -> Store:
        """Make a new workspace in ``home`` (which may exist but must hold no store).

        DP3AKB (``role='city'``): any kabupaten/kota by its Kemendagri code (default Kota
        Balikpapan), with all its kecamatan and desa/kelurahan from the reference data. A
        desa/kelurahan (``role='kelurahan'``): its code, its kab/kota follows from the code; the
        workspace holds its own line (kab/kota, kecamatan, itself). ``units`` replaces the
        reference data's units: a setup file names a unit DP3AKB added that the edition lacks.
        """
        from db import regions

        paths = WorkspacePaths(Path(home))
        if role not in ROLES:
            raise KlaError("role_unknown", role=role)
        if paths.db.exists():
            raise KlaError("workspace_exists", home=str(paths.home))
        if role == "kelurahan":
            if not kelurahan_code:
                raise KlaError("kelurahan_required")
            kelurahan_code = kelurahan_code.strip()
            own_city = kelurahan_code.rsplit(".", 2)[0]
            if city_code and city_code != own_city:
                raise KlaError("kelurahan_other_city", code=kelurahan_code, city=city_code)
            city_code = own_city
            unit_list = list(units) if units is not None else orgunits.path_units(kelurahan_code)
            by_code = {u.code: u for u in unit_list}
            if kelurahan_code not in by_code or by_code[kelurahan_code].level != "kelurahan":
                raise KlaError("kelurahan_unknown", code=kelurahan_code, edition=regions.edition())
        else:
            city_code = (city_code or orgunits.BALIKPAPAN_CODE).strip()
            unit_list = list(units) if units is not None else orgunits.city_units(city_code)
            by_code = {u.code: u for u in unit_list}
        if city_code not in by_code or by_code[city_code].level != "city":
            raise KlaError("city_unknown", code=city_code, edition=regions.edition())
        paths.home.mkdir(parents=True, exist_ok=True)
        tmp_db = paths.home / (paths.db.name + ".creating")
        for leftover in (tmp_db, Path(str(tmp_db) + "-wal"), Path(str(tmp_db) + "-shm")):
            if leftover.exists():
                leftover.unlink()
        # Build the whole store under a temporary name, then rename: a crash during
        # creation never leaves a half-made kla.sqlite that looks like a workspace.
        database = connect(tmp_db)
        store = cls(paths, database, operator)
        store.core.migrate(MIGRATIONS)
        with database.atomic():
            meta = {
                "role": role,
                "city_code": city_code,
                "kelurahan_code": kelurahan_code or "",
                "device_id": uuid4_hex(),
                "device_place": device_place(paths.home),
                "created_at": now_iso(),
                "reference_edition": regions.edition(),
            }
            province = regions.reference().get(city_code.split(".")[0])
            if province is not None:  # named in manifests: "Kalimantan Timur"
                meta["province_code"], meta["province_name"] = province.code, province.name
            for k, v in meta.items():
                store.core.set_meta(k, v)
            store.ref.seed(by_code.values(), DEFAULT_PERIODS)
            store.ref.install_template(template or default_template(), activate=True)
            store.core.audit("create", "workspace", str(paths.home), None, meta)
            if operator:
                store.ref.ensure_operator(operator)
        database.conn.close()
        os.replace(tmp_db, paths.db)
        fsync_dir(paths.home)
        return cls.open(home, operator=operator)

    @classmethod
    def open(cls, home: Path, *, operator: str = "", check: bool = True, start_backup: bool = True,
             settle_device: bool = True) -> Store:
        """Open an existing workspace: integrity check, WAL, pending migrations.

        With ``start_backup`` a rotating automatic backup is made when the newest one is
        more than a day old, so a workspace in daily use always has a recent copy. A kelurahan
        workspace opened somewhere else than it was (copied to a second PC or folder, or moved)
        becomes a sending device of its own (:meth:`_settle_device`), unless ``settle_device`` is
        False (a restore's staging copy).
        """
        paths = WorkspacePaths(Path(home))
        if not paths.db.exists():
            raise KlaError("workspace_missing", home=str(paths.home))
        # quick_check reads every page: run it when something may have happened (at most daily,
        # after an unclean shutdown or a change from outside; db/integrity.py), not on every open.
        if check and integrity.check_reason(paths) is not None:
            result = quick_check(paths.db)
            if result != "ok" and disk_nearly_full(paths.home):
                # "disk I/O error" on a full disk is not damage: the file is intact, and
                # restoring an older backup would throw away good data.
                raise KlaError("workspace_full", path=str(paths.home))
            if result != "ok":
                newest = _backups.newest_good_backup(paths.home)
                raise KlaError(
                    "db_corrupt", detail=result, home=str(paths.home), backup=str(newest) if newest else ""
                )
            integrity.note_checked(paths)
        database = connect(paths.db)
        try:
            tables = set(database.table_names())
            if "meta" not in tables or "migrations" not in tables:
                raise KlaError("not_a_workspace", path=str(paths.db))
            with database.ensure_autocommit_on():
                database.execute("PRAGMA journal_mode = WAL")
            database.execute("PRAGMA synchronous = FULL")
            store = cls(paths, database, operator)
            store.core.migrate(MIGRATIONS, before=lambda: store.backup(reason=_backups.BEFORE_MIGRATION))
        except sqlite3.OperationalError as exc:
            database.conn.close()
            mapped = operational_error(exc, paths.home)
            if isinstance(mapped, KlaError):
                raise mapped from exc
            raise KlaError("db_corrupt", detail=str(exc), home=str(paths.home), backup="") from exc
        except sqlite3.DatabaseError as exc:
            database.conn.close()
            raise KlaError("db_corrupt", detail=str(exc), home=str(paths.home), backup="") from exc
        except BaseException:
            database.conn.close()
            raise
        if settle_device:
            store._settle_device()
        if operator:
            with store.core.transaction():
                store.ref.ensure_operator(operator)
                store.core.set_meta("last_operator", operator)
        if start_backup:
            _backups.daily_backup(store.core)
        return store

    def _settle_device(self) -> None:
        """A kelurahan workspace found in another place than it recorded (``db.paths.device_place``:
        this computer and the workspace's folder) was copied or moved there: it gets a new device id.
        A copy kept in use beside its original would otherwise send bundles under the same device
        and the same export numbers, and DP3AKB's "same PC, higher number" rule would take one
        PC's later export as newer than the other's concurrent change, replacing it without a
        conflict. With a device of its own, both PCs' changes meet DP3AKB's conflict rule, and
        DP3AKB is told that two PCs sign with one setup file (``db.sync.key_sharing``; after a move
        it is told once that the setup moved to another PC). Nothing else changes: the data, the
        export numbers, what waits to be sent. A workspace that cannot be written (read-only
        media) is left as it is."""
        core = self.core
        if core.role != "kelurahan":
            return
        here = device_place(self.paths.home)
        if core.meta("device_place") == here:
            return
        try:
            with core.transaction():
                core.forget_cache()
                was = core.meta("device_place")
                if was == here:
                    return  # another window of this workspace settled it just now
                if was:
                    old = core.device_id
                    new = uuid4_hex()
                    core.set_meta("device_id", new)
                    core.audit("device", "workspace", str(self.paths.home), {"device_id": old},
                               {"device_id": new, "reason": "moved_or_copied"})
                core.set_meta("device_place", here)
        except (sqlite3.OperationalError, KlaError) as exc:
            log.warning("workspace %s: device left unsettled (%s)", self.paths.home, exc)

    def close(self) -> None:
        self.core.close()
        integrity.note_clean_close(self.paths)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def pending_migrations(self) -> list[str]:
        return self.core.pending_migrations(MIGRATIONS)

    # ------------------------------------------------------------------ meta, settings, operators

    def meta(self, key: str, default: str = "") -> str:
        return self.core.meta(key, default)

    def set_setting(self, key: str, value: str) -> Changes:
        """A setting that travels with the data (not window state)."""
        return self.ref.set_setting(key, value)

    def setting(self, key: str, default: str = "") -> str:
        return self.ref.setting(key, default)

    @property
    def role(self) -> str:
        return self.core.role

    @property
    def kelurahan_code(self) -> str:
        return self.core.kelurahan_code

    @property
    def city_code(self) -> str:
        return self.core.city_code

    @property
    def device_id(self) -> str:
        return self.core.device_id

    def replaced_devices(self) -> list[str]:
        """Earlier device ids of this workspace (a restore that could not read the old file)."""
        try:
            got = json.loads(self.core.meta("device_replaces", "[]"))
        except ValueError:
            return []
        return [str(x) for x in got] if isinstance(got, list) else []

    def audit_log(self, entity: str | None = None, key_prefix: str | None = None, limit: int = 200) -> list[AuditRecord]:
        return self.core.audit_log(entity, key_prefix, limit)

    def add_operator(self, name: str) -> Changes:
        """Changes whose ``record`` is the :class:`OperatorRecord`."""
        return self.ref.add_operator(name)

    def operators(self) -> list[OperatorRecord]:
        return self.ref.operators()

    def set_operator(self, name: str) -> Changes:
        return self.ref.set_operator(name)

    def photo_limits(self) -> tuple[int, int]:
        """(long side in pixels, JPEG quality) for photos added to this workspace."""
        return self.evidence_.photo_limits()

    def set_photo_limits(self, side: int, quality: int) -> Changes:
        with self.core.transaction():
            return (self.ref.set_setting("photo_max_long_side", str(int(side)))
                    | self.ref.set_setting("photo_jpeg_quality", str(int(quality))))

    # ------------------------------------------------------------------ org units, periods, templates

    def units(self, level: str | None = None, parent_code: str | None = None,
              active_only: bool = False) -> list[UnitRecord]:
        """Units in code order; retired ones too unless ``active_only`` (their data is kept and shown)."""
        return self.ref.units(level, parent_code, active_only)

    def unit_path(self, code: str) -> list[UnitRecord]:
        """The kab/kota, kecamatan and unit of ``code``, top down."""
        return self.ref.unit_path(code)

    def path_json(self, code: str) -> list[dict[str, Any]]:
        """Province, kab/kota, kecamatan, unit of ``code`` as carried in manifests, setup files and receipts."""
        return self.ref.path_json(code)

    @property
    def reference_edition(self) -> str:
        """The reference-data edition this workspace's units were taken from ('' before editions)."""
        return self.core.meta("reference_edition")

    def add_unit(self, code: str, name: str) -> Changes:
        """DP3AKB adds a kecamatan or desa/kelurahan the reference data lacks; ``record`` is the unit."""
        return self.ref.add_unit(code, name)

    def rename_unit(self, code: str, name: str) -> Changes:
        """DP3AKB renames a unit; the old name stays findable."""
        return self.ref.rename_unit(code, name)

    def retire_unit(self, code: str, note: str = "") -> Changes:
        """DP3AKB marks a unit as no longer in use; its data is kept and shown as retired."""
        return self.ref.retire_unit(code, note)

    def reinstate_unit(self, code: str) -> Changes:
        return self.ref.reinstate_unit(code)

    def apply_path(self, path: Iterable[Mapping[str, Any]]) -> Changes:
        """At the desa/kelurahan: DP3AKB's names and retirement for its own line (one transaction)."""
        with self.core.transaction():
            return self.ref.apply_path(path)

    def unit(self, code: str) -> UnitRecord:
        return self.ref.unit(code)

    def find_unit(self, text: str, level: str | None = None) -> UnitRecord:
        return self.ref.find_unit(text, level)

    def kelurahan(self, code: str) -> UnitRecord:
        return self.ref.kelurahan(code)

    def kel(self, code: str | None) -> str:
        """Which kelurahan an operation is about: a kelurahan workspace's own, or ``code`` checked."""
        return self.ref.kel(code)

    def periods(self) -> list[PeriodRecord]:
        return self.ref.periods()

    def period_for_data_year(self, data_year: int) -> PeriodRecord:
        return self.ref.period_for_data_year(data_year)

    def data_years(self) -> list[int]:
        return self.ref.data_years()

    def current_period(self, today: Any = None) -> PeriodRecord:
        return self.ref.current_period(today)

    def add_period(self, eval_year: int, data_years: Iterable[int]) -> Changes:
        return self.ref.add_period(eval_year, data_years)

    def install_template(self, template: Template, activate: bool = True) -> Changes:
        """Keep ``template``; with ``activate`` put it in force as :meth:`install_template_with_migration`
        does (a newer version moves every entry; an older one, another family or a rubric is refused)."""
        if activate:
            return self.install_template_with_migration(template)[1]
        with self.core.transaction():
            return self.ref.install_template(template, activate)

    def install_template_with_migration(self, template: Template, progress: Progress | None = None,
                                        cancelled: Cancelled | None = None) -> tuple[dict[str, int], Changes]:
        """Put a version in force and move entries onto it by its declared rules (one transaction:
        a refusal, a cancel or a migration failing half way leaves the version in force and every
        value as they were). See db/template_migration.put_in_force."""
        with self.core.transaction():
            return self._put_in_force(template, progress, cancelled)

    def put_template_in_force(self, template: Template, progress: Progress | None = None,
                              cancelled: Cancelled | None = None) -> Changes:
        """A newer version from a file or shipped with the program (kla24_v2.json) put in force here, as
        :meth:`publish_template_draft` puts a draft: a backup first (``template_backup``), then one
        transaction moving every entry (``template_moving``); a cancel before the commit changes
        nothing. The same version again changes nothing (no backup). ``record`` is a
        :class:`TemplatePublished`; refusals as db/template_migration.put_in_force."""
        active = self.template
        if (template.id, template.version, template.content_hash) == (active.id, active.version, active.content_hash):
            return Changes.none(TemplatePublished(template, 0, 0, ""))
        if progress is not None:
            progress(0, 0, progress_step("template_backup"))
        backup = self.backup(reason=_backups.BEFORE_TEMPLATE)
        if cancelled is not None and cancelled():
            raise KlaError("cancelled")
        counts, changes = self.install_template_with_migration(template, progress, cancelled)
        return changes.with_record(TemplatePublished(template, int(counts["moved"]), int(counts["kept"]), str(backup)))

    def _put_in_force(self, template: Template, progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> tuple[dict[str, int], Changes]:
        """db/template_migration.put_in_force inside the caller's transaction; at DP3AKB the import
        origins of the entries it moves follow them (db/sync_parts/city.follow_migration). A cancel
        (KlaError 'cancelled') is honoured up to the end, before the caller commits."""
        from db.template_migration import put_in_force

        before: dict[tuple[str, str], str] = {}
        if self.role == "city" and self.sync.has_entry_origins():
            before = self.sync.entry_hashes(template.id, template.version, older=True)
        counts, changes = put_in_force(self.ref, self.entries_, template, progress, cancelled)
        if before and self.ref.template.version == template.version:
            if progress is not None:
                progress(0, 0, progress_step("template_origins"))
            self.sync.follow_migration(before, template.id, template.version)
        if cancelled is not None and cancelled():
            raise KlaError("cancelled")
        return counts, changes

    @property
    def template(self) -> Template:
        return self.ref.template

    # ------------------------------------------------------------------ rubrics (issue 12, db/rubrics.py)

    def install_rubric(self, rubric: Template) -> Changes:
        """DP3AKB puts its own rubric for desa/kelurahan in force (beside the KLA template)."""
        self.ref._require_city()
        with self.core.transaction():
            return self.rubrics.install(rubric)

    @property
    def rubric(self) -> Template | None:
        return self.rubrics.in_force()

    def set_rubric_score(self, kelurahan_code: str, eval_year: int, indicator_no: int, score: Any,
                         note: str = "") -> Changes:
        """DP3AKB's verified score of a unit on one rubric indicator (None clears it)."""
        self.ref._require_city()
        kel = self.ref.kelurahan(kelurahan_code).code
        with self.core.transaction():
            return self.rubrics.set_score(kel, eval_year, indicator_no, score, note)

    def rubric_results(self, eval_year: int) -> list[RubricResult]:
        return self.rubrics.results(eval_year)

    def rubric_result(self, kelurahan_code: str, eval_year: int) -> RubricResult | None:
        """One unit's standing on the rubric in force, complete or not (None: nothing scored yet)."""
        return self.rubrics.result(self.ref.kel(kelurahan_code), eval_year)

    def rubric_scores(self, kelurahan_code: str, eval_year: int) -> dict[int, RubricScore]:
        """One unit's verified scores on the rubric in force, by rubric indicator (with the jury's notes)."""
        return self.rubrics.scores(self.ref.kel(kelurahan_code), eval_year)

    def unit_category(self, kelurahan_code: str | None, eval_year: int) -> RubricResult | None:
        """A unit's category, only ever from the city's rubric: at DP3AKB from its scores, at the
        unit from the last receipt that carried it (None: no rubric, or not every indicator scored)."""
        if self.role == "city":
            found = self.rubrics.result(self.ref.kel(kelurahan_code), eval_year)
            return found if found is not None and found.complete else None
        # One read of the sync state (written by db/sync_parts/log.py) without making ``self.sync``: Beranda
        # shows the category at start-up, and the bundle machinery would load for that alone.
        r = self.core.one("SELECT value FROM sync_state WHERE key = ?", ["rubric_result"])
        got = rubric_result_of(str(r["value"]) if r else "")
        return got if got is not None and got.eval_year == eval_year else None

    def inbox_counts(self) -> tuple[int, int, int]:
        """DP3AKB's inbox card: (units with a key enrolled, conflicts waiting, bundle series missing
        parts): what ``len({k.unit_code for k in self.sync.peer_keys()})``, ``len(self.sync.conflicts())``
        and ``len(self.sync.series_status(incomplete_only=True))`` count, in three reads of the tables
        without making ``self.sync`` (db/sync_parts/ owns them): the city summary shows them at
        start-up, and the bundle machinery would load for that alone."""
        enrolled = self.core.one("SELECT COUNT(DISTINCT unit_code) AS n FROM sync_peer_keys WHERE revoked_at IS NULL")
        conflicts = self.core.one("SELECT COUNT(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL")
        from db.series import series_of  # as LogPart.series_status, without the bundle machinery

        rows = self.core.query("SELECT series_id, kelurahan_code, device_id, device_seq, part, parts FROM sync_bundles"
                               " WHERE direction = 'in' AND type = 'bundle' AND series_id <> ''"
                               " ORDER BY recorded_at DESC, part")
        incomplete = sum(1 for s in series_of((r["series_id"], r["kelurahan_code"], r["device_id"], r["device_seq"],
                                               r["part"], r["parts"]) for r in rows) if s.missing and not s.superseded)
        return int(enrolled["n"] if enrolled else 0), int(conflicts["n"] if conflicts else 0), incomplete

    def enrolment_counts(self) -> tuple[int, int, int]:
        """(active units with an active key, active units, active units whose key was revoked and that hold
        no active key): what DP3AKB's "Kelurahan Terdaftar" page counts, in two reads without the bundle
        machinery. The third is the one to warn of (a laptop lost: its next bundle is refused until the unit
        is enrolled again); the rest of the units without an active key were never enrolled (a new
        workspace, the demo), which is no fault, only a step not taken yet."""
        active = {u.code for u in self.units("kelurahan", active_only=True) if u.level == "kelurahan"}
        keyed: set[str] = set()
        revoked: set[str] = set()
        for r in self.core.query("SELECT unit_code, revoked_at IS NULL AS live FROM sync_peer_keys"):
            (keyed if r["live"] else revoked).add(r["unit_code"])
        return len(active & keyed), len(active), len((active & revoked) - keyed)

    def retired_values(self, kelurahan_code: str | None = None) -> list[dict[str, Any]]:
        """Values a template step gave no place (retired items, a split without a carry): kept, listed."""
        from db.template_migration import RetiredValues

        return RetiredValues(self.core).listing(kelurahan_code)

    def keep_retired_values(self, rows: list[dict[str, Any]], template: Template) -> Changes:
        """Keep values of an older version that ``template`` has no place for (an older Excel form's
        cells of a retired item): inside the caller's transaction."""
        if not rows:
            return Changes.none()
        from db.template_migration import RetiredValues

        RetiredValues(self.core).keep(rows, template.version, template.id)
        return Changes.of("template", f"{template.id}/v{template.version}/retired")

    def template_version(self, template_id: str, version: int) -> Template:
        return self.ref.template_version(template_id, version)

    def template_rows(self) -> list[dict[str, Any]]:
        return self.ref.template_rows()

    # ------------------------------------------------------------------ template drafts (issue 12)
    # db/template_drafts.py owns template_drafts; publishing installs through db/refdata.py and moves
    # the entries through db/entries.py (db/template_migration.py keeps what has no place).

    def _drafts(self) -> TemplateDrafts:
        if self.role != "city":
            raise KlaError("role_needs_city")
        from db.template_drafts import TemplateDrafts

        return TemplateDrafts(self.core)

    def template_draft(self) -> TemplateDraftRecord | None:
        """DP3AKB's draft of the active template's next version, or None when there is none."""
        d = self._drafts().get(self.template.id)
        if d is None:
            return None
        base_version, raw, step = d
        base = self.template if base_version == self.template.version else None
        if base is None:
            raise KlaError("template_draft_stale", id=self.template.id, base=base_version,
                           version=self.template.version)
        from db.template_drafts import draft_problems, frozen_content

        problems = tuple(draft_problems(base, raw, step))
        return TemplateDraftRecord(base.id, base.version, parse_template(raw), step, problems,
                                   template_content_hash(frozen_content(base, raw, step)))

    def start_template_draft(self) -> Changes:
        """A draft of the next version from the one in force; ``record`` is the TemplateDraftRecord."""
        with self.core.transaction():
            changes = self._drafts().start(self.template)
        return changes.with_record(self.template_draft())

    def edit_template_draft(self, op: str, **params: Any) -> Changes:
        """One edit of the draft (``db.template_drafts.EDITS``), checked as it is made: a refused edit
        raises KlaError and changes nothing. ``record`` is the TemplateDraftRecord with its problems."""
        with self.core.transaction():
            changes, _problems = self._drafts().edit(self.template, op, **params)
        return changes.with_record(self.template_draft())

    def discard_template_draft(self) -> Changes:
        with self.core.transaction():
            return self._drafts().discard(self.template.id)

    def template_draft_problems(self) -> list[dict[str, Any]]:
        """What keeps the draft from being published (codes with parameters); refused without a draft."""
        d = self.template_draft()
        if d is None:
            raise KlaError("template_draft_missing", id=self.template.id)
        return list(d.problems)

    def template_diff(self, old_version: int | None = None, new_version: int | None = None) -> TemplateDiffRecord:
        """What changed, as codes: the draft against the version in force (no versions given), or between
        two installed versions of the active template's family (``new_version`` default: the one in force)."""
        from db.template_diff import diff as template_changes
        from db.template_migration import steps_of

        t = self.template
        if old_version is None and new_version is None:
            d = self.template_draft()
            if d is None:
                raise KlaError("template_draft_missing", id=t.id)
            return TemplateDiffRecord(t, d.template, tuple(template_changes(t, d.template)),
                                      ({**d.step, "from_version": t.version},), True)
        have = sorted(int(r["version"]) for r in self.ref.template_rows() if r["template_id"] == t.id)
        for v in (old_version, new_version):
            if v is not None and v not in have:
                raise KlaError("template_version_unknown", id=t.id, version=v, versions=", ".join(map(str, have)))
        old = self.template_version(t.id, old_version) if old_version is not None else t
        new = self.template_version(t.id, new_version) if new_version is not None else t
        steps = tuple(m for v, m in sorted(steps_of(new).items()) if old.version <= v < new.version)
        return TemplateDiffRecord(old, new, tuple(template_changes(old, new)), steps, False)

    def publish_template_draft(self, expect_hash: str | None = None, progress: Progress | None = None,
                               cancelled: Cancelled | None = None) -> Changes:
        """Freeze the draft as the next version (content hash, the chained migration steps), install it
        in force here with the migration of DP3AKB's copies of the entries, and remove the draft: all in
        one transaction, after a backup. The next receipts and setup files carry it. ``expect_hash``:
        refused (``template_draft_changed``) unless the draft still hashes as the one the officer
        looked at. ``record`` is a :class:`TemplatePublished`. ``progress``/``cancelled``: a background
        job's (``template_backup``, then ``template_moving`` per entry); a cancel before the commit
        changes nothing (the backup already made stays, as every backup does)."""
        d = self.template_draft()
        if d is None:
            raise KlaError("template_draft_missing", id=self.template.id)
        if expect_hash is not None and d.content_hash != expect_hash:
            raise KlaError("template_draft_changed", id=d.template_id)
        if d.problems:
            raise KlaError("template_draft_unfinished", count=len(d.problems), first=d.problems[0]["code"])
        from db.template_drafts import publish

        if progress is not None:
            progress(0, 0, progress_step("template_backup"))
        backup = self.backup(reason=_backups.BEFORE_TEMPLATE)
        if cancelled is not None and cancelled():
            raise KlaError("cancelled")
        with self.core.transaction():
            new, counts, changes = publish(self._drafts(), self.template,
                                           lambda t: self._put_in_force(t, progress, cancelled))
        return changes.with_record(TemplatePublished(new, int(counts["moved"]), int(counts["kept"]), str(backup)))

    # ------------------------------------------------------------------ entries

    def entry(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> EntryRecord | None:
        return self.entries_.entry(kelurahan_code, data_year, indicator_no)

    def entry_changed_since_review(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> bool:
        return self.entries_.changed_since_review(kelurahan_code, data_year, indicator_no)

    def entries(self, kelurahan_code: str | None = None, data_year: int | None = None) -> list[EntryRecord]:
        return self.entries_.entries(kelurahan_code, data_year)

    def latest_data_year(self, kelurahan_code: str | None = None) -> int | None:
        return self.entries_.latest_data_year(kelurahan_code)

    def values(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> CellValues:
        return self.entries_.values(kelurahan_code, data_year, indicator_no)

    def value_records(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> list[ValueRecord]:
        return self.entries_.value_records(kelurahan_code, data_year, indicator_no)

    def year_values(self, data_year: int, kelurahan_code: str | None = None
                    ) -> list[tuple[str, int, str, str, str, Any, str, str]]:
        """Every stored value of ``data_year`` (every kelurahan, or one) in one query: (kelurahan,
        indicator, item, sex, age, value, operator, updated_at), in kelurahan, indicator and cell order."""
        return self.entries_.year_values(data_year, kelurahan_code)

    def computed(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> CellValues:
        return self.entries_.computed(kelurahan_code, data_year, indicator_no)

    def set_value(
        self, kelurahan_code: str | None, data_year: int, indicator_no: int, item_key: str, value: Any,
        *, sex: str = "", age: str = "",
    ) -> Changes:
        """Validate and store one cell; ``record`` is the :class:`db.records.ValueChange`."""
        return self.entries_.set_value(kelurahan_code, data_year, indicator_no, item_key, value, sex=sex, age=age)

    def set_values(self, kelurahan_code: str | None, data_year: int, indicator_no: int,
                   cells: Iterable[tuple[str, str, str, Any]]) -> Changes:
        """Several cells of one entry at once (a paste): (item_key, sex, age, value) each, all or none.

        ``record`` is a tuple of :class:`db.records.ValueChange`, one per cell.
        """
        return self.entries_.set_values(kelurahan_code, data_year, indicator_no, cells)

    def copy_from_last_year(self, kelurahan_code: str | None, data_year: int,
                            indicator_no: int | None = None) -> Changes:
        """Copy last data year's stable answers (yes/no, choices, text, dates; never counts) into empty cells.

        One indicator or all (None); ``record`` is a tuple of the :class:`db.records.ValueChange` made.
        """
        return self.entries_.copy_from_last_year(kelurahan_code, data_year, indicator_no)

    def entry_flags(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> tuple[dict[str, Any], ...]:
        """The flags of one entry (``db.rules.entry_flags``): what to check before marking it ready."""
        kel, indicator = self.entries_._target(kelurahan_code, data_year, indicator_no)
        return self.entries_.flags_of(kel, data_year, indicator)

    def value_history(
        self, kelurahan_code: str | None, data_year: int, indicator_no: int, item_key: str, sex: str = "", age: str = ""
    ) -> list[AuditRecord]:
        return self.entries_.value_history(kelurahan_code, data_year, indicator_no, item_key, sex, age)

    def set_notes(self, kelurahan_code: str | None, data_year: int, indicator_no: int, notes: str) -> Changes:
        return self.entries_.set_notes(kelurahan_code, data_year, indicator_no, notes)

    def set_status(self, kelurahan_code: str | None, data_year: int, indicator_no: int, status: str) -> Changes:
        return self.entries_.set_status(kelurahan_code, data_year, indicator_no, status)

    def set_review(self, kelurahan_code: str, data_year: int, indicator_no: int, state: str, note: str = "") -> Changes:
        return self.entries_.set_review(kelurahan_code, data_year, indicator_no, state, note)

    def reviews(self, kelurahan_code: str) -> list[dict[str, Any]]:
        return self.entries_.reviews(kelurahan_code)

    def apply_reviews(self, kelurahan_code: str, reviews: list[dict[str, Any]]) -> Changes:
        """Make the entries' review state and notes equal to a receipt's (inside a transaction)."""
        return self.entries_.apply_reviews(kelurahan_code, reviews)

    # ------------------------------------------------------------------ evidence

    def evidence(self, evidence_id: str) -> EvidenceRecord:
        return self.evidence_.evidence(evidence_id)

    def evidence_list(
        self, kelurahan_code: str | None = None, data_year: int | None = None, indicator_no: int | None = None
    ) -> list[EvidenceRecord]:
        return self.evidence_.evidence_list(kelurahan_code, data_year, indicator_no)

    def evidence_path(self, record: EvidenceRecord | str) -> Path:
        return self.evidence_.path(record)

    def evidence_viewing_copy(self, record: EvidenceRecord) -> Path:
        """A copy to open under the file's original name (:meth:`db.evidence.Evidence.viewing_copy`)."""
        return self.evidence_.viewing_copy(record)

    def store_file(self, source: Path, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> tuple[str, int]:
        return self.evidence_.store_file(source, progress, cancelled)

    def add_evidence(self, kelurahan_code: str | None, source: Path, **kwargs: Any) -> Changes:
        """Add a file as evidence (see :meth:`db.evidence.Evidence.add`); ``record`` is the EvidenceRecord."""
        return self.evidence_.add(kelurahan_code, source, **kwargs)

    def link_evidence(self, evidence_id: str, data_year: int, indicator_no: int) -> Changes:
        return self.evidence_.link(evidence_id, data_year, indicator_no)

    def unlink_evidence(self, evidence_id: str, data_year: int, indicator_no: int) -> Changes:
        return self.evidence_.unlink(evidence_id, data_year, indicator_no)

    def set_evidence_requirement(self, evidence_id: str, data_year: int, indicator_no: int,
                                 requirement: str) -> Changes:
        """The requirement of an indicator a linked file fulfils ('' = none chosen): it ticks that one only."""
        return self.evidence_.set_requirement(evidence_id, data_year, indicator_no, requirement)

    def update_evidence(self, evidence_id: str, **fields: Any) -> Changes:
        return self.evidence_.update(evidence_id, **fields)

    def evidence_usage(self, evidence_id: str) -> int:
        return self.evidence_.usage(evidence_id)

    def remove_evidence(self, evidence_id: str) -> Changes:
        return self.evidence_.remove(evidence_id)

    # ------------------------------------------------------------------ activities and facilities

    def activity(self, activity_id: str) -> ActivityRecord:
        rec: ActivityRecord = self.records.get("activity", activity_id)
        return rec

    def activities(self, kelurahan_code: str | None = None, data_year: int | None = None,
                   search: str = "") -> list[ActivityRecord]:
        return self.records.list("activity", kelurahan_code, search, data_year=data_year)

    def add_activity(
        self, kelurahan_code: str | None, data_year: int, title: str, *, kind: str = "kegiatan",
        date: str | None = None, description: str = "", partners: Iterable[str] = (),
        indicators: Iterable[int] = (), evidence_ids: Iterable[str] = (),
    ) -> Changes:
        """``record`` is the new :class:`ActivityRecord`."""
        return self.records.add("activity", kelurahan_code, {
            "data_year": data_year, "title": title, "kind": kind, "date": date, "description": description,
            "partners": list(partners), "indicators": list(indicators)}, evidence_ids)

    def update_activity(self, activity_id: str, **fields: Any) -> Changes:
        return self.records.update("activity", activity_id, fields)

    def delete_activity(self, activity_id: str) -> Changes:
        return self.records.delete("activity", activity_id)

    def attach_evidence(self, owner: str, owner_id: str, evidence_id: str) -> Changes:
        """Attach evidence to an activity or a facility (owner = 'activity' | 'facility')."""
        return self.records.attach(owner, owner_id, evidence_id)

    def detach_evidence(self, owner: str, owner_id: str, evidence_id: str) -> Changes:
        return self.records.detach(owner, owner_id, evidence_id)

    def facility(self, facility_id: str) -> FacilityRecord:
        rec: FacilityRecord = self.records.get("facility", facility_id)
        return rec

    def facilities(self, kelurahan_code: str | None = None, type: str | None = None,  # noqa: A002
                   search: str = "") -> list[FacilityRecord]:
        return self.records.list("facility", kelurahan_code, search, type=type)

    def add_facility(
        self, kelurahan_code: str | None, name: str, type: str, *, address: str = "",  # noqa: A002
        latitude: float | None = None, longitude: float | None = None, standardisation: str = "belum",
        notes: str = "", evidence_ids: Iterable[str] = (),
    ) -> Changes:
        """``record`` is the new :class:`FacilityRecord`."""
        return self.records.add("facility", kelurahan_code, {
            "name": name, "type": type, "address": address, "latitude": latitude, "longitude": longitude,
            "standardisation": standardisation, "notes": notes}, evidence_ids)

    def update_facility(self, facility_id: str, **fields: Any) -> Changes:
        return self.records.update("facility", facility_id, fields)

    def delete_facility(self, facility_id: str) -> Changes:
        return self.records.delete("facility", facility_id)

    # ------------------------------------------------------------------ status

    def indicator_status(self, kelurahan_code: str | None, data_year: int, indicator_no: int) -> IndicatorStatus:
        return self.status_.indicator(kelurahan_code, data_year, indicator_no)

    def status(self, kelurahan_code: str | None, data_year: int, *, fresh: bool = False) -> KelurahanStatus:
        """Completeness of one kelurahan for one data year, per klaster and indicator: as kept
        (``status_cache``) while its data is unchanged, else computed (and kept). ``fresh``:
        computed from the data, the kept status neither read nor written."""
        return self.status_.kelurahan(kelurahan_code, data_year, fresh=fresh)

    def city_status(self, data_year: int, codes: Iterable[str] | None = None, *,
                    fresh: bool = False) -> list[KelurahanStatus]:
        """Every kelurahan of the city (or only ``codes``) for one data year: the kept statuses,
        the units whose data changed computed (batched) and kept. ``fresh`` as in :meth:`status`."""
        return self.status_.city(data_year, codes, fresh=fresh)

    def status_summaries(self, data_year: int, codes: Iterable[str] | None = None) -> list[StatusSummary]:
        """:meth:`city_status` as ``kla status --json`` lists it (the JSON of each unit's klaster
        kept as text beside its status: no indicator objects made)."""
        return self.status_.summaries(data_year, codes)

    @property
    def keep_statuses(self) -> bool:
        """Whether computed statuses are written to ``status_cache`` (derived data): False for a
        command that reads while the window holds the workspace, which then writes nothing."""
        return self.status_.keep

    @keep_statuses.setter
    def keep_statuses(self, keep: bool) -> None:
        self.status_.keep = keep

    # ------------------------------------------------------------------ figures

    def city_figures(self, years: Iterable[int], indicators: Iterable[int] | None = None,
                     ready_only: bool = False, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> CityFigures:
        """The kelurahan's values added up per kecamatan and for the city (:mod:`db.figures`).

        One query for every kelurahan and year; a kelurahan workspace gets its own figures only.
        ``progress`` is told ``reading_figures`` after each indicator and data year added up (a
        1,000-unit kabupaten: seconds), and ``cancelled`` asked as often (KlaError 'cancelled').
        """
        from db.figures import CityFigures, compute, make_areas, read_values

        years_t = tuple(sorted(set(years)))
        for y in years_t:
            self.ref.period_for_data_year(y)
        if self.role == "kelurahan":
            units = [self.ref.kelurahan(self.kelurahan_code)]
            areas = make_areas(units, None)
        else:
            units = self.ref.units()
            areas = make_areas(units, self.ref.unit(self.city_code))
        inds = list(indicators) if indicators is not None else None
        codes = [a.code for a in areas if a.level == "kelurahan"]
        values, ready = read_values(self.core, codes, years_t, inds, ready_only)
        if cancelled is not None and cancelled():
            raise KlaError("cancelled")
        return CityFigures(years_t, areas, compute(self.template, areas, years_t, values, ready, inds,
                                                   progress, cancelled), ready_only)

    def kelembagaan(self, years: Iterable[int]) -> indicator2.Kelembagaan:
        """Kelembagaan indicator 2 computed for ``years`` (:mod:`db.indicator2`): three queries."""
        from db import indicator2
        from db.figures import read_values

        years_t = tuple(sorted(set(years)))
        for y in years_t:
            self.ref.period_for_data_year(y)
        if self.role == "kelurahan":
            kel = [self.kelurahan_code]
            kec = [self.ref.kelurahan(self.kelurahan_code).parent_code or ""]
        else:
            kel = [u.code for u in self.ref.units("kelurahan")]
            kec = [u.code for u in self.ref.units("kecamatan")]
        values, _ready = read_values(self.core, kel, years_t, [indicator2.INDICATOR],
                                     items=[key for key, _ in indicator2.ITEMS.values()])
        req = indicator2.profile_requirement(self.template)
        docs = indicator2.read_documents(self.core, kel, years_t, req.kind) if req else []
        return indicator2.compute(self.template, kel, kec, years_t, values, docs, self.cityadmin.kelana(years_t))

    def chase_list(self, eval_year: int | None = None, today: dt.date | None = None) -> chase.ChaseList:
        """Who to remind for evaluation ``eval_year`` (the current one by default), most urgent first."""
        from db import chase

        if self.role != "city":
            raise KlaError("role_needs_city")
        period = (self.current_period(today) if eval_year is None
                  else next((p for p in self.ref.periods() if p.eval_year == eval_year), None))
        if period is None:
            raise KlaError("period_unknown", eval_year=eval_year)
        units = self.ref.units("kelurahan")
        kec = {u.code: u.name for u in self.ref.units("kecamatan")}
        statuses = {y: self.city_status(y) for y in period.data_years}
        conflicts: dict[str, int] = {}
        for c in self.sync.conflicts():
            conflicts[c.kelurahan_code] = conflicts.get(c.kelurahan_code, 0) + 1
        return chase.build(units, kec, statuses, self.sync.bundle_log(), self.sync.peer_keys(), conflicts,
                           self.sync.series_status(incomplete_only=True), self.cityadmin.contacts(),
                           chase.read_revisions(self.core, period.data_years), period.eval_year,
                           self.cityadmin.deadline(period.eval_year), today or dt.date.today())

    def conflict_view(self, conflict_id: int) -> Any:
        """Both versions of a conflict side by side (:class:`db.conflicts.ConflictView`)."""
        from db import conflicts

        return conflicts.read(self.core, self.sync, conflict_id)

    # ------------------------------------------------------------------ what DP3AKB records itself

    def kelana(self, data_years: Iterable[int] | None = None) -> list[KelanaRecord]:
        """KELANA (Kecamatan Layak Anak) as DP3AKB recorded it, per kecamatan and data year."""
        return self.cityadmin.kelana(data_years)

    def set_kelana(self, kecamatan_code: str, data_year: int, *, status: str, sk_number: str = "",
                   sk_date: Any = None, notes: str = "") -> Changes:
        return self.cityadmin.set_kelana(kecamatan_code, data_year, status=status, sk_number=sk_number,
                                         sk_date=sk_date, notes=notes)

    def add_kelana_file(self, kecamatan_code: str, data_year: int, source: Path) -> Changes:
        return self.cityadmin.add_kelana_file(kecamatan_code, data_year, source)

    def remove_kelana_file(self, kecamatan_code: str, data_year: int, sha256: str) -> Changes:
        return self.cityadmin.remove_kelana_file(kecamatan_code, data_year, sha256)

    def kelana_file_path(self, sha256: str) -> Path:
        return self.cityadmin.file_path(sha256)

    def deadline(self, eval_year: int) -> dt.date | None:
        """DP3AKB's deadline for the kelurahan's submissions for evaluation ``eval_year``."""
        return self.cityadmin.deadline(eval_year)

    def set_deadline(self, eval_year: int, deadline: Any) -> Changes:
        return self.cityadmin.set_deadline(eval_year, deadline)

    def contacts(self) -> dict[str, ContactRecord]:
        return self.cityadmin.contacts()

    def set_contact(self, kelurahan_code: str, *, name: str = "", phone: str = "", email: str = "",
                    notes: str = "") -> Changes:
        return self.cityadmin.set_contact(kelurahan_code, name=name, phone=phone, email=email, notes=notes)

    # ------------------------------------------------------------------ backups

    @staticmethod
    def list_backups(home: Path) -> list[BackupRecord]:
        return _backups.list_backups(home)

    @staticmethod
    def describe_backup(path: Path) -> BackupInfo:
        return _backups.describe_backup(path)

    @classmethod
    def newest_good_backup(cls, home: Path) -> Path | None:
        return _backups.newest_good_backup(home)

    def backup(self, reason: str = _backups.MANUAL, dest: Path | None = None) -> Path:
        return _backups.backup(self.core, reason, dest)

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
        check = quick_check(source)
        if check != "ok":
            raise KlaError("backup_invalid", path=str(source), detail=check)
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if "meta" not in tables:
                    raise KlaError("backup_invalid", path=str(source), detail="not_a_store")
                src_meta = dict(src.execute("SELECT key, value FROM meta").fetchall())
            finally:
                src.close()
        except sqlite3.DatabaseError as exc:
            raise KlaError("backup_invalid", path=str(source), detail=str(exc)) from exc
        safety: Path | None = None
        carried: dict[str, int] | None = None  # the counters now, carried over the restore
        if paths.db.exists():
            if quick_check(paths.db) == "ok":
                with contextlib.closing(sqlite3.connect(str(paths.db))) as cur:
                    cur_meta = dict(cur.execute("SELECT key, value FROM meta").fetchall())
                for key in ("role", "kelurahan_code", "city_code"):
                    if cur_meta.get(key, "") != src_meta.get(key, ""):
                        raise KlaError("backup_other_workspace", key=key, have=cur_meta.get(key, ""),
                                       got=src_meta.get(key, ""))
                with contextlib.closing(cls.open(home, operator=operator)) as store:
                    safety = store.backup(reason=_backups.BEFORE_RESTORE)
                    carried = store.sync.counters()
            else:
                paths.backups.mkdir(parents=True, exist_ok=True)
                safety = paths.backups / f"rusak-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite"
                shutil.copy2(paths.db, safety)
        paths.home.mkdir(parents=True, exist_ok=True)
        # The backup is copied into a workspace of its own under tmp/ and made ready there (its
        # migrations, the counters carried over or a new device id), and only then takes the
        # store's name in one rename: a crash at any moment leaves either the store as it was or
        # the restored one with the counters, never a restored store that would reuse an export
        # number this PC already sent (DP3AKB would drop its next bundle as older).
        stage = WorkspacePaths(paths.tmp / "pulihkan")
        shutil.rmtree(stage.home, ignore_errors=True)
        stage.home.mkdir(parents=True)
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src:
            sqlite_backup(src, stage.db)
        with contextlib.closing(cls.open(stage.home, operator=operator, check=False, start_backup=False,
                                         settle_device=False)) as store, store.core.transaction():
            # The restored store is this workspace, here: its device is decided below, not by where
            # the backup was made.
            store.core.set_meta("device_place", device_place(paths.home))
            # Never rewind: numbers already used on bundles and receipts stay used. When the
            # current file could not be read they are unknown, so this PC becomes a new
            # sending device: DP3AKB then never mistakes its next bundle for an old one.
            if carried is not None:
                if store.role == "kelurahan":
                    # What the backup holds is no newer than its own last export; the exports
                    # after it (carried over) may have brought DP3AKB newer versions.
                    store.sync.mark_restored({it.key: it.hash for it in store.sync.items(store.kelurahan_code)},
                                             store.sync.counters().get("export_seq", 0))
                raised = store.sync.raise_counters(carried)
                store.core.audit("restore", "workspace", str(paths.home), None,
                                 {"source": str(source), "counters_kept": raised})
            else:
                old_device = store.core.device_id
                store.core.set_meta("device_id", uuid4_hex())
                # Bundles say whom this PC took over from, so DP3AKB does not take it for a
                # second PC sharing the key (db.sync.key_sharing).
                replaced = [*store.replaced_devices(), old_device]
                store.core.set_meta("device_replaces", json.dumps(replaced[-20:]))
                store.core.audit("restore", "workspace", str(paths.home), None,
                                 {"source": str(source), "new_device_from": old_device})
        with contextlib.closing(sqlite3.connect(str(stage.db))) as staged:
            staged.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        fsync_file(stage.db)
        for side in ("-wal", "-shm"):
            Path(str(paths.db) + side).unlink(missing_ok=True)
        os.replace(stage.db, paths.db)
        fsync_dir(paths.home)
        shutil.rmtree(stage.home, ignore_errors=True)
        return safety or paths.db

    # ------------------------------------------------------------------ check

    def set_aside_evidence(self, sha256: str, got: str = "",
                           describe: Callable[[str, dict[str, Any]], str] | None = None) -> Path | None:
        """Move a stored file whose bytes no longer hash to its name into quarantine (Evidence.set_aside)."""
        return self.evidence_.set_aside(sha256, got, describe)

    def check(self, verify_files: bool = True, progress: Callable[[int, int], None] | None = None,
              describe: Callable[[str, dict[str, Any]], str] | None = None) -> CheckReport:
        """Full integrity check of the database and (optionally) every evidence file's hash.

        A file whose bytes no longer hash to its name is set aside (``Evidence.set_aside``: moved
        to quarantine, never deleted), so it counts as missing from then on: backups hold no
        evidence files, so the only repair is the original again — at DP3AKB the next receipt
        leaves it out and the kelurahan sends it again; at the kelurahan the clerk adds it again.
        """
        integrity = "; ".join(r["integrity_check"] for r in self.core.query("PRAGMA integrity_check"))
        fk = len(self.core.rows("PRAGMA foreign_key_check"))
        missing, damaged, set_aside = [], [], []
        if verify_files:
            rows = self.core.rows("SELECT DISTINCT sha256 FROM evidence")
            for n, r in enumerate(rows, 1):
                state = self.evidence_.verify_file(r["sha256"], describe)
                if state == "missing":
                    missing.append(r["sha256"])
                elif state != "ok":
                    damaged.append(r["sha256"])
                    if state == "damaged":
                        set_aside.append(r["sha256"])
                if progress:
                    progress(n, len(rows))
        ok = integrity == "ok" and fk == 0 and not missing and not damaged
        return CheckReport(ok, integrity, tuple(missing), tuple(damaged), fk, set_aside=tuple(set_aside))

    def set_meta(self, key: str, value: str) -> None:
        """A bookkeeping value of the workspace (e.g. when it last exported), audited."""
        with self.core.transaction():
            self.core.set_meta(key, value)

