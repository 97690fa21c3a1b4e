"""Plain dataclasses that go in and out of the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Any, NamedTuple

from db.record import record
from db.regions import kind_of


@record
class OperatorRecord:
    id: int
    name: str
    active: bool


@record
class UnitRecord:
    """A unit of the workspace: the kab/kota ('city'), a kecamatan, or a desa/kelurahan ('kelurahan').

    ``kind`` follows the Kemendagri code and name (:func:`db.regions.kind_of`): 'kota' or
    'kabupaten', 'kecamatan' or 'distrik', 'kelurahan' or 'desa'. ``edition`` is the reference
    edition the unit came from ('dp3akb' when DP3AKB added it); ``retired_at`` is set once DP3AKB
    retired it (its data is kept).
    """

    code: str
    level: str
    name: str
    parent_code: str | None
    aliases: tuple[str, ...]
    edition: str = ""
    retired_at: str | None = None
    retired_note: str = ""

    @property
    def kind(self) -> str:
        return kind_of(self.code, self.name)

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@record
class PeriodRecord:
    eval_year: int
    data_years: tuple[int, ...]


@record
class EntryRecord:
    id: int
    kelurahan_code: str
    data_year: int
    indicator_no: int
    status: str
    notes: str
    revision: int
    template_id: str
    template_version: int
    operator: str
    updated_at: str
    review_state: str = ""
    review_note: str = ""


@record
class ValueRecord:
    item_key: str
    sex: str
    age: str
    value: Any
    revision: int
    operator: str
    updated_at: str


@record
class ValueChange:
    """What one ``set_value`` did. ``changed`` is False when the value was already there.

    ``flags`` are the entry's flags touching this cell after the write (``db.rules`` flag
    dicts: a part larger than its whole, a big change from last year, ...): the value is
    stored all the same, and the front end shows them at the cell.
    """

    kelurahan_code: str
    data_year: int
    indicator_no: int
    item_key: str
    sex: str
    age: str
    old: Any
    new: Any
    changed: bool
    flags: tuple[dict[str, Any], ...] = ()


@record
class EvidenceRecord:
    id: str
    kelurahan_code: str
    sha256: str
    original_name: str
    mime: str
    size: int
    kind: str
    caption: str
    doc_date: str | None
    doc_number: str
    issuer: str
    revision: int
    operator: str
    added_at: str
    updated_at: str
    links: tuple[tuple[int, int], ...] = ()  # (data_year, indicator_no)
    requirements: tuple[tuple[int, int, str], ...] = ()  # (data_year, indicator_no, requirement key) chosen

    def requirement_for(self, data_year: int, indicator_no: int) -> str:
        """The requirement this file fulfils for one indicator and year, as the clerk chose it ('' = none)."""
        return next((k for y, i, k in self.requirements if (y, i) == (data_year, indicator_no)), "")

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf"


@record
class ActivityRecord:
    id: str
    kelurahan_code: str
    data_year: int
    kind: str
    title: str
    date: str | None
    description: str
    partners: tuple[str, ...]
    indicators: tuple[int, ...]
    evidence_ids: tuple[str, ...]
    revision: int
    operator: str
    updated_at: str


@record
class FacilityRecord:
    id: str
    kelurahan_code: str
    name: str
    type: str
    address: str
    latitude: float | None
    longitude: float | None
    standardisation: str
    notes: str
    evidence_ids: tuple[str, ...]
    revision: int
    operator: str
    updated_at: str


@record
class AuditRecord:
    id: int
    at: str
    operator: str
    action: str
    entity: str
    entity_key: str
    old_value: Any
    new_value: Any


@record
class EvidenceGap:
    kind: str
    label: str
    need: int
    have: int
    too_old: int
    required: bool
    key: str = ""  # the requirement's key in the template (db.template.EvidenceRequirement.key)
    evidence_ids: tuple[str, ...] = ()  # the files counted for this requirement (too old ones included)

    @property
    def satisfied(self) -> bool:
        return self.have >= self.need


@record
class IndicatorStatus:
    indicator_no: int
    cluster: str
    short_name: str
    status: str  # '' (nothing entered), 'draft', 'ready'
    state: str  # 'empty' | 'partial' | 'complete' | 'ready'
    required_items: int
    complete_items: int
    missing_items: tuple[str, ...]
    evidence: tuple[EvidenceGap, ...]
    problems: tuple[dict[str, Any], ...]  # parts larger than their wholes (item, whole, sex, age, values)
    completeness: float  # 0..1
    evidence_count: int
    review_state: str = ""
    review_note: str = ""
    flags: tuple[dict[str, Any], ...] = ()  # every flag (db.rules): problems first, then plausibility

    @property
    def blocking_flags(self) -> tuple[dict[str, Any], ...]:
        """Flags that keep the indicator from "siap" (importance 'high', e.g. a part over its whole)."""
        return tuple(f for f in self.flags if f.get("importance") == "high")

    @property
    def missing_evidence(self) -> tuple[EvidenceGap, ...]:
        return tuple(g for g in self.evidence if g.required and not g.satisfied)

    @property
    def too_old_evidence(self) -> int:
        return sum(g.too_old for g in self.evidence)


@record
class ClusterStatus:
    key: str
    name: str
    completeness: float
    indicators: tuple[IndicatorStatus, ...]


@record
class KelurahanStatus:
    kelurahan_code: str
    kelurahan_name: str
    kecamatan_code: str
    kecamatan_name: str
    data_year: int
    completeness: float
    clusters: tuple[ClusterStatus, ...]
    ready_count: int = 0
    evidence_count: int = 0
    activity_count: int = 0
    facility_count: int = 0

    @property
    def indicators(self) -> list[IndicatorStatus]:
        return [i for c in self.clusters for i in c.indicators]

    @property
    def tally(self) -> StatusTally:
        """How many of its indicators are in each state and each review state (a kept status
        has it without its indicators being read: db.status_cache)."""
        return StatusTally.of(self.indicators)


class StatusTally(NamedTuple):
    indicators: int
    ready: int
    complete: int
    partial: int
    empty: int
    accepted: int  # reviewed 'diterima'
    needs_fix: int  # reviewed 'perlu_perbaikan'

    @classmethod
    def of(cls, indicators: Iterable[IndicatorStatus]) -> StatusTally:
        n = ready = complete = partial = empty = accepted = needs_fix = 0
        for i in indicators:
            n += 1
            st = i.state
            if st == "ready":
                ready += 1
            elif st == "complete":
                complete += 1
            elif st == "partial":
                partial += 1
            elif st == "empty":
                empty += 1
            rv = i.review_state
            if rv == "diterima":
                accepted += 1
            elif rv == "perlu_perbaikan":
                needs_fix += 1
        return cls(n, ready, complete, partial, empty, accepted, needs_fix)


@record
class BackupRecord:
    path: str
    reason: str
    created_at: str
    size: int
    manual: bool
    kind: str = "auto"  # db.backups.REASONS: auto | manual | before_migration | before_restore | before_template


@record
class BackupInfo:
    """What a backup file holds, read without changing it (``Store.describe_backup``)."""

    path: str
    created_at: str  # the file's modification time, UTC ISO
    role: str
    kelurahan_code: str
    value_count: int  # stored values (entry_values rows)
    evidence_count: int
    enrolled: bool  # sync key pairs present: setup file from DP3AKB installed (city: DP3AKB keys made)
    last_change_at: str  # newest audit_log time, '' if none


@record
class CheckReport:
    ok: bool
    integrity: str
    missing_files: tuple[str, ...] = ()
    damaged_files: tuple[str, ...] = ()
    foreign_key_problems: int = 0
    details: dict[str, Any] = field(default_factory=dict)
    set_aside: tuple[str, ...] = ()
    """Damaged files moved out of the evidence folder into quarantine (they now count as missing)."""


@record
class TemplateDraftRecord:
    """DP3AKB's draft of the next template version (``Store.template_draft``).

    ``template`` is the draft parsed (``version`` is ``base_version + 1``); ``step`` the migration
    step declared so far from the base (rename, merge, split, retire); ``problems`` what still
    keeps it from being published (codes with parameters, :func:`db.template_drafts.draft_problems`):
    empty when it may be. ``content_hash`` is the hash of the version publishing would make.
    """

    template_id: str
    base_version: int
    template: Any  # db.template.Template
    step: dict[str, Any]
    problems: tuple[dict[str, Any], ...]
    content_hash: str

    @property
    def version(self) -> int:
        return int(self.template.version)

    @property
    def publishable(self) -> bool:
        return not self.problems


@record
class TemplateDiffRecord:
    """What changed between two versions (``Store.template_diff``): codes with parameters to be worded.

    ``old``/``new`` are :class:`db.template.Template`; ``steps`` the declared migration steps from
    ``old`` to ``new``, oldest first (the draft's own step, or the ones the newer version carries).
    """

    old: Any
    new: Any
    changes: tuple[dict[str, Any], ...]
    steps: tuple[dict[str, Any], ...]
    is_draft: bool


@record
class TemplatePublished:
    """What publishing made: the new version in force and what its migration did at DP3AKB."""

    template: Any  # db.template.Template
    moved: int
    kept: int
    backup: str
