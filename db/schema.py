"""Schema migrations.

Each migration is a named list of SQL statements. A released migration never changes:
new needs get a new migration appended to ``MIGRATIONS``. The store copies the file
(SQLite backup API) before running any pending migration on an existing workspace.
"""

from __future__ import annotations

from db.status_cache import migration as status_cache_migration

M001_INITIAL = [
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE org_units (
        code TEXT PRIMARY KEY,
        level TEXT NOT NULL CHECK (level IN ('city', 'kecamatan', 'kelurahan')),
        name TEXT NOT NULL,
        parent_code TEXT REFERENCES org_units(code),
        aliases TEXT NOT NULL DEFAULT '[]')""",
    """CREATE TABLE templates (
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        content TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (template_id, version))""",
    """CREATE TABLE periods (
        eval_year INTEGER PRIMARY KEY,
        data_years TEXT NOT NULL)""",
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        kelurahan_code TEXT NOT NULL REFERENCES org_units(code),
        data_year INTEGER NOT NULL,
        indicator_no INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
        notes TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 0,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        UNIQUE (kelurahan_code, data_year, indicator_no))""",
    """CREATE TABLE entry_values (
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        sex TEXT NOT NULL DEFAULT '',
        age TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, item_key, sex, age))""",
    """CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        kelurahan_code TEXT NOT NULL REFERENCES org_units(code),
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'other',
        caption TEXT NOT NULL DEFAULT '',
        doc_date TEXT,
        doc_number TEXT NOT NULL DEFAULT '',
        issuer TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 1,
        operator TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kelurahan_code, sha256))""",
    """CREATE TABLE evidence_links (
        evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        data_year INTEGER NOT NULL,
        indicator_no INTEGER NOT NULL,
        PRIMARY KEY (evidence_id, data_year, indicator_no))""",
    """CREATE TABLE activities (
        id TEXT PRIMARY KEY,
        kelurahan_code TEXT NOT NULL REFERENCES org_units(code),
        data_year INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'kegiatan' CHECK (kind IN ('kegiatan', 'inovasi')),
        title TEXT NOT NULL,
        date TEXT,
        description TEXT NOT NULL DEFAULT '',
        partners TEXT NOT NULL DEFAULT '[]',
        indicators TEXT NOT NULL DEFAULT '[]',
        revision INTEGER NOT NULL DEFAULT 1,
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE activity_evidence (
        activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        PRIMARY KEY (activity_id, evidence_id))""",
    """CREATE TABLE facilities (
        id TEXT PRIMARY KEY,
        kelurahan_code TEXT NOT NULL REFERENCES org_units(code),
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        latitude REAL,
        longitude REAL,
        standardisation TEXT NOT NULL DEFAULT 'belum',
        notes TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 1,
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE facility_evidence (
        facility_id TEXT NOT NULL REFERENCES facilities(id) ON DELETE CASCADE,
        evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        PRIMARY KEY (facility_id, evidence_id))""",
    """CREATE TABLE deletions (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        kelurahan_code TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        deleted_at TEXT NOT NULL)""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT)""",
    "CREATE INDEX idx_audit_entity ON audit_log(entity, entity_key)",
    "CREATE INDEX idx_values_item ON entry_values(item_key)",
    "CREATE INDEX idx_evidence_sha ON evidence(sha256)",
    "CREATE INDEX idx_links_ind ON evidence_links(data_year, indicator_no)",
]

# Review state per entry, written by DP3AKB and carried back to the kelurahan in receipts.
M002_REVIEW = [
    """ALTER TABLE entries ADD COLUMN review_state TEXT NOT NULL DEFAULT ''""",
    """ALTER TABLE entries ADD COLUMN review_note TEXT NOT NULL DEFAULT ''""",
    """ALTER TABLE entries ADD COLUMN reviewed_at TEXT""",
]

# Submission bundles (docs/bundle-format.md): keys, what DP3AKB holds, imported bundles,
# conflicts. The same tables serve both roles; each role uses the ones it needs.
M003_SYNC = [
    # This workspace's own key pairs (city: DP3AKB's; kelurahan: from its setup file).
    """CREATE TABLE sync_own_keys (
        key_id TEXT PRIMARY KEY,
        sign_private TEXT NOT NULL,
        sign_public TEXT NOT NULL,
        age_identity TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1)""",
    # The other side's public keys (city: enrolled kelurahan keys; kelurahan: DP3AKB's).
    """CREATE TABLE sync_peer_keys (
        key_id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL,
        sign_public TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT,
        revoke_reason TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX idx_peer_keys_unit ON sync_peer_keys(unit_code)",
    """CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    # Kelurahan: per item, what the last receipt says DP3AKB holds, and the version the
    # local content descends from (the base sent with a change, for conflict detection).
    """CREATE TABLE sync_local (
        item_key TEXT PRIMARY KEY,
        held_hash TEXT,
        base_hash TEXT,
        rejected TEXT NOT NULL DEFAULT '[]')""",
    """CREATE TABLE sync_held_files (sha256 TEXT PRIMARY KEY)""",
    # City: which device and export last wrote each item (older-after-newer protection).
    """CREATE TABLE sync_origin (
        kelurahan_code TEXT NOT NULL,
        item_key TEXT NOT NULL,
        hash TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        bundle_id TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kelurahan_code, item_key))""",
    """CREATE TABLE sync_rejected (
        kelurahan_code TEXT NOT NULL,
        item_key TEXT NOT NULL,
        hash TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (kelurahan_code, item_key, hash))""",
    # Both: every bundle, receipt and setup file written ('out') or imported ('in').
    """CREATE TABLE sync_bundles (
        bundle_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        type TEXT NOT NULL,
        kelurahan_code TEXT NOT NULL DEFAULT '',
        device_id TEXT NOT NULL DEFAULT '',
        device_seq INTEGER NOT NULL DEFAULT 0,
        series_id TEXT NOT NULL DEFAULT '',
        part INTEGER NOT NULL DEFAULT 1,
        parts INTEGER NOT NULL DEFAULT 1,
        file_name TEXT NOT NULL DEFAULT '',
        file_sha256 TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (bundle_id, direction))""",
    "CREATE INDEX idx_bundles_series ON sync_bundles(series_id)",
    """CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        kelurahan_code TEXT NOT NULL,
        item_key TEXT NOT NULL,
        held_hash TEXT,
        incoming_hash TEXT NOT NULL,
        incoming TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT NOT NULL DEFAULT '',
        UNIQUE (kelurahan_code, item_key, incoming_hash))""",
]

# What DP3AKB records itself (db/cityadmin.py): KELANA per kecamatan and data year with the SK
# and its files, the submission deadline per evaluation, and who to remind at each kelurahan.
M004_CITY = [
    """CREATE TABLE kelana (
        kecamatan_code TEXT NOT NULL REFERENCES org_units(code),
        data_year INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('belum', 'inisiasi', 'kelana')),
        sk_number TEXT NOT NULL DEFAULT '',
        sk_date TEXT,
        notes TEXT NOT NULL DEFAULT '',
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kecamatan_code, data_year))""",
    """CREATE TABLE kelana_files (
        kecamatan_code TEXT NOT NULL,
        data_year INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        PRIMARY KEY (kecamatan_code, data_year, sha256),
        FOREIGN KEY (kecamatan_code, data_year) REFERENCES kelana(kecamatan_code, data_year) ON DELETE CASCADE)""",
    """CREATE TABLE city_deadlines (
        eval_year INTEGER PRIMARY KEY,
        deadline TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE unit_contacts (
        kelurahan_code TEXT PRIMARY KEY REFERENCES org_units(code),
        name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)""",
]

# Units of any kabupaten/kota (issue 9): where each row came from and whether it is still in use.
# ``edition`` is the reference-data edition the row was taken from (db/regions.py), 'dp3akb' for a
# unit DP3AKB added itself, '' for rows made before editions existed (Balikpapan's built-in list).
# ``retired_at`` set: DP3AKB retired the unit (merged, split, renamed with a new code); its data stays.
# A unit's kind (desa or kelurahan, kabupaten or kota) follows its Kemendagri code and name, so it
# is not stored.
M005_UNITS = [
    "ALTER TABLE org_units ADD COLUMN edition TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE org_units ADD COLUMN retired_at TEXT",
    "ALTER TABLE org_units ADD COLUMN retired_note TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX idx_org_units_parent ON org_units(parent_code)",
]

# Template drafts and migrations (issue 12). ``template_drafts``: DP3AKB's draft of the next
# version of a template family (db/template_drafts.py): its content and the migration step being
# declared from the version it was based on. ``template_retired_values``: a value a template step
# gave no place (retired, split without a carry, not addable in a merge), kept and listed
# (db/template_migration.py), never dropped.
M006_TEMPLATES = [
    """CREATE TABLE template_drafts (
        template_id TEXT PRIMARY KEY,
        base_version INTEGER NOT NULL,
        content TEXT NOT NULL,
        step TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE template_retired_values (
        id INTEGER PRIMARY KEY,
        template_id TEXT NOT NULL,
        from_version INTEGER NOT NULL,
        to_version INTEGER NOT NULL,
        kelurahan_code TEXT NOT NULL,
        data_year INTEGER NOT NULL,
        indicator_no INTEGER NOT NULL,
        item_key TEXT NOT NULL,
        sex TEXT NOT NULL,
        age TEXT NOT NULL,
        value TEXT NOT NULL,
        reason TEXT NOT NULL,
        retired_at TEXT NOT NULL)""",
]

# Evidence per requirement (issue 8): the requirement (db.template.EvidenceRequirement.key) a file
# fulfils for one indicator and data year, as the clerk chose it; '' = not chosen (the file counts
# for the first requirement of its kind still short of files). One file never ticks two.
M007_EVIDENCE_REQUIREMENT = [
    "ALTER TABLE evidence_links ADD COLUMN requirement TEXT NOT NULL DEFAULT ''",
]

# A city's own rubric for its desa/kelurahan (issue 12, db/rubrics.py): DP3AKB's verified score of
# each unit on each rubric indicator per evaluation. The rubric itself is a template (kind 'rubric')
# in ``templates``; a unit's category is its band once every indicator is scored.
M008_RUBRICS = [
    """CREATE TABLE rubric_scores (
        rubric_id TEXT NOT NULL,
        rubric_version INTEGER NOT NULL,
        kelurahan_code TEXT NOT NULL,
        eval_year INTEGER NOT NULL,
        indicator_no INTEGER NOT NULL,
        score REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        operator TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (rubric_id, kelurahan_code, eval_year, indicator_no))""",
]

# Each desa/kelurahan's computed status per data year (db/status_cache.py, which also holds the
# triggers that forget a row in the transaction that changes what it was computed from).
M009_STATUS_CACHE = status_cache_migration()

# A passphrase of a batch enrolment kept until its slip is printed (db/sync_parts/keys.py): a batch
# stopped by a full stick or a power cut after some units were enrolled no longer loses their
# passphrases (JSON {"passphrase", "path"}; NULL once the slips' PDF is written, or the key revoked).
M010_PENDING_SLIPS = [
    "ALTER TABLE sync_peer_keys ADD COLUMN slip TEXT",
]

MIGRATIONS: list[tuple[str, list[str]]] = [
    ("0001_initial", M001_INITIAL),
    ("0002_review_state", M002_REVIEW),
    ("0003_sync", M003_SYNC),
    ("0004_city", M004_CITY),
    ("0005_units", M005_UNITS),
    ("0006_templates", M006_TEMPLATES),
    ("0007_evidence_requirement", M007_EVIDENCE_REQUIREMENT),
    ("0008_rubrics", M008_RUBRICS),
    ("0009_status_cache", M009_STATUS_CACHE),
    ("0010_pending_slips", M010_PENDING_SLIPS),
]
