"""What DP3AKB records itself about its units: the only writer of ``kelana``, ``kelana_files``,
``city_deadlines`` and ``unit_contacts``, and of the ``kecamatan/`` file folder.

- **KELANA** (Kecamatan Layak Anak) belongs to a kecamatan and is measured under
  Kelembagaan indicator 2 (``shared/reference/kla-domain.md`` §10): DP3AKB records, per
  kecamatan and data year, its status, the SK that set it and the SK's file(s).
- **Deadlines**: the date by which DP3AKB wants every kelurahan's submission, per evaluation.
- **Contacts**: who to remind at each kelurahan (name, WhatsApp/phone, e-mail).

KELANA files are kept by content (SHA-256) in their own folder, ``<workspace>/kecamatan/``,
apart from the kelurahan evidence folder, whose files are removed when the last kelurahan
record using them goes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Any

from db.changes import Changes
from db.core import Core, fsync_dir, now_iso
from db.errors import KlaError
from db.ids import uuid4_hex
from db.record import record
from db.refdata import RefData
from db.template import parse_date

KELANA_STATES = ("belum", "inisiasi", "kelana")
"""Not started, being prepared (rintisan), set as KELANA by decree."""
HASH_CHUNK = 1024 * 1024


@record
class KelanaFile:
    sha256: str
    original_name: str
    mime: str
    size: int
    added_at: str


@record
class KelanaRecord:
    kecamatan_code: str
    data_year: int
    status: str
    sk_number: str
    sk_date: str | None
    notes: str
    operator: str
    updated_at: str
    files: tuple[KelanaFile, ...] = ()


@record
class ContactRecord:
    kelurahan_code: str
    name: str
    phone: str
    email: str
    notes: str
    updated_at: str


class CityAdmin:
    def __init__(self, core: Core, ref: RefData) -> None:
        self.core = core
        self.ref = ref

    @property
    def folder(self) -> Path:
        return self.core.paths.home / "kecamatan"

    def file_path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def _city_only(self) -> None:
        if self.core.role != "city":
            raise KlaError("role_needs_city")

    def _kecamatan(self, code: str) -> str:
        u = self.ref.unit(code)
        if u.level != "kecamatan":
            raise KlaError("kecamatan_unknown", code=code)
        return u.code

    # ------------------------------------------------------------------ KELANA

    def kelana(self, data_years: Any = None) -> list[KelanaRecord]:
        """Every recorded KELANA row (of ``data_years`` when given), with its files: two queries."""
        sql, params = "SELECT * FROM kelana", list[Any]()
        years = sorted(set(data_years)) if data_years is not None else None
        if years is not None:
            sql += f" WHERE data_year IN ({', '.join('?' * len(years))})" if years else " WHERE 0"
            params += years
        files: dict[tuple[str, int], list[KelanaFile]] = {}
        for r in self.core.query("SELECT * FROM kelana_files ORDER BY added_at, original_name"):
            files.setdefault((r["kecamatan_code"], r["data_year"]), []).append(
                KelanaFile(r["sha256"], r["original_name"], r["mime"], r["size"], r["added_at"]))
        return [
            KelanaRecord(r["kecamatan_code"], r["data_year"], r["status"], r["sk_number"], r["sk_date"], r["notes"],
                         r["operator"], r["updated_at"], tuple(files.get((r["kecamatan_code"], r["data_year"]), ())))
            for r in self.core.query(sql + " ORDER BY kecamatan_code, data_year", params)
        ]

    def kelana_of(self, kecamatan_code: str, data_year: int) -> KelanaRecord | None:
        for r in self.kelana([data_year]):
            if r.kecamatan_code == kecamatan_code:
                return r
        return None

    def set_kelana(self, kecamatan_code: str, data_year: int, *, status: str, sk_number: str = "",
                   sk_date: Any = None, notes: str = "") -> Changes:
        """Record a kecamatan's KELANA status for a data year; ``record`` is the KelanaRecord."""
        self._city_only()
        kec = self._kecamatan(kecamatan_code)
        self.ref.period_for_data_year(data_year)
        if status not in KELANA_STATES:
            raise KlaError("kelana_status_unknown", status=status)
        date = parse_date(sk_date) if sk_date not in (None, "") else None
        old = self.kelana_of(kec, data_year)
        new = {"status": status, "sk_number": sk_number.strip(), "sk_date": date, "notes": notes.strip()}
        if old is not None and {k: getattr(old, k) for k in new} == new:
            return Changes()
        with self.core.transaction():
            self.core.execute(
                "INSERT INTO kelana(kecamatan_code, data_year, status, sk_number, sk_date, notes, operator, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kecamatan_code, data_year) DO UPDATE SET"
                " status = excluded.status, sk_number = excluded.sk_number, sk_date = excluded.sk_date,"
                " notes = excluded.notes, operator = excluded.operator, updated_at = excluded.updated_at",
                [kec, data_year, status, new["sk_number"], date, new["notes"], self.core.operator, now_iso()])
            self.core.audit("set", "kelana", f"{kec}/{data_year}",
                            None if old is None else {k: getattr(old, k) for k in new}, new)
        return Changes.of("kelana", f"{kec}/{data_year}", record=self.kelana_of(kec, data_year))

    def add_kelana_file(self, kecamatan_code: str, data_year: int, source: Path) -> Changes:
        """Keep a copy of the SK (or other proof) of a kecamatan's KELANA status."""
        self._city_only()
        kec = self._kecamatan(kecamatan_code)
        if self.kelana_of(kec, data_year) is None:
            raise KlaError("kelana_not_recorded", code=kec, year=data_year)
        source = Path(source)
        sha, size = self._store(source)
        import mimetypes  # when a KELANA decree is attached, never at start-up

        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        with self.core.transaction():
            cur = self.core.execute(
                "INSERT OR IGNORE INTO kelana_files(kecamatan_code, data_year, sha256, original_name, mime, size,"
                " operator, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [kec, data_year, sha, source.name, mime, size, self.core.operator, now_iso()])
            if not cur.rowcount:
                return Changes()
            self.core.audit("add", "kelana_file", f"{kec}/{data_year}/{sha}", None, {"name": source.name})
        return Changes.of("kelana", f"{kec}/{data_year}", record=self.kelana_of(kec, data_year))

    def remove_kelana_file(self, kecamatan_code: str, data_year: int, sha256: str) -> Changes:
        self._city_only()
        kec = self._kecamatan(kecamatan_code)
        with self.core.transaction():
            cur = self.core.execute("DELETE FROM kelana_files WHERE kecamatan_code = ? AND data_year = ? AND sha256 = ?",
                                    [kec, data_year, sha256])
            if not cur.rowcount:
                return Changes()
            self.core.audit("delete", "kelana_file", f"{kec}/{data_year}/{sha256}", None, None)
            used = self.core.one("SELECT count(*) AS n FROM kelana_files WHERE sha256 = ?", [sha256])
        if used and not used["n"]:
            with contextlib.suppress(FileNotFoundError):
                self.file_path(sha256).unlink()
        return Changes.of("kelana", f"{kec}/{data_year}", record=self.kelana_of(kec, data_year))

    def _store(self, source: Path) -> tuple[str, int]:
        """Copy into the folder by content: temporary name, fsync, rename (never half a file)."""
        if not source.is_file():
            raise KlaError("file_not_found", path=str(source))
        tmp_dir = self.core.paths.tmp
        tmp_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_dir / f"kec-{uuid4_hex()}"
        import hashlib  # here: OpenSSL loads with the first file hashed (db/digest.py)

        h = hashlib.sha256()
        size = 0
        try:
            with open(source, "rb") as src, open(tmp, "wb") as dst:
                while chunk := src.read(HASH_CHUNK):
                    h.update(chunk)
                    dst.write(chunk)
                    size += len(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            sha = h.hexdigest()
            final = self.file_path(sha)
            if final.exists() and final.stat().st_size == size:
                tmp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                fsync_dir(final.parent)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise KlaError("file_copy_failed", path=str(source), detail=str(exc)) from exc
        return sha, size

    # ------------------------------------------------------------------ deadlines

    def deadline(self, eval_year: int) -> dt.date | None:
        r = self.core.one("SELECT deadline FROM city_deadlines WHERE eval_year = ?", [eval_year])
        return dt.date.fromisoformat(r["deadline"]) if r else None

    def set_deadline(self, eval_year: int, deadline: Any) -> Changes:
        """The date by which every kelurahan should have sent its data for evaluation ``eval_year``
        (None or '' clears it)."""
        self._city_only()
        if not any(p.eval_year == eval_year for p in self.ref.periods()):
            raise KlaError("period_unknown", eval_year=eval_year)
        date = parse_date(deadline) if deadline not in (None, "") else None
        old = self.deadline(eval_year)
        if (old.isoformat() if old else None) == date:
            return Changes()
        with self.core.transaction():
            if date is None:
                self.core.execute("DELETE FROM city_deadlines WHERE eval_year = ?", [eval_year])
            else:
                self.core.execute(
                    "INSERT INTO city_deadlines(eval_year, deadline, operator, updated_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(eval_year) DO UPDATE SET deadline = excluded.deadline,"
                    " operator = excluded.operator, updated_at = excluded.updated_at",
                    [eval_year, date, self.core.operator, now_iso()])
            self.core.audit("set", "deadline", str(eval_year), old.isoformat() if old else None, date)
        return Changes.of("deadline", str(eval_year), record=self.deadline(eval_year))

    # ------------------------------------------------------------------ contacts

    def contacts(self) -> dict[str, ContactRecord]:
        return {r["kelurahan_code"]: ContactRecord(r["kelurahan_code"], r["name"], r["phone"], r["email"], r["notes"],
                                                   r["updated_at"])
                for r in self.core.query("SELECT * FROM unit_contacts ORDER BY kelurahan_code")}

    def set_contact(self, kelurahan_code: str, *, name: str = "", phone: str = "", email: str = "",
                    notes: str = "") -> Changes:
        """Who DP3AKB reminds at a kelurahan; ``record`` is the ContactRecord (None when cleared)."""
        self._city_only()
        kel = self.ref.kelurahan(kelurahan_code).code
        new = {"name": name.strip(), "phone": phone.strip(), "email": email.strip(), "notes": notes.strip()}
        for key, limit in (("name", 200), ("phone", 60), ("email", 200), ("notes", 2000)):
            if len(new[key]) > limit:
                raise KlaError("value_too_long", length=len(new[key]))
        old = self.contacts().get(kel)
        if (old is None and not any(new.values())) or (
                old is not None and {k: getattr(old, k) for k in new} == new):
            return Changes()
        with self.core.transaction():
            if not any(new.values()):
                self.core.execute("DELETE FROM unit_contacts WHERE kelurahan_code = ?", [kel])
            else:
                self.core.execute(
                    "INSERT INTO unit_contacts(kelurahan_code, name, phone, email, notes, operator, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kelurahan_code) DO UPDATE SET name = excluded.name,"
                    " phone = excluded.phone, email = excluded.email, notes = excluded.notes,"
                    " operator = excluded.operator, updated_at = excluded.updated_at",
                    [kel, new["name"], new["phone"], new["email"], new["notes"], self.core.operator, now_iso()])
            self.core.audit("set", "contact", kel, None if old is None else {k: getattr(old, k) for k in new}, new)
        return Changes.of("contact", kel, record=self.contacts().get(kel))
