"""exports/ returns codes with parameters (refusals, progress); the words come from ui.messages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from db.errors import KlaError
from exports.container import Container, Limits
from ui.messages import error_text


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _refusal(tmp_path: Path, members: dict[str, bytes], limits: Limits | None = None) -> KlaError:
    z = _zip(tmp_path / "inner.zip", members)
    with pytest.raises(KlaError) as exc:
        Container(z, z, limits or Limits())
    return exc.value


def test_too_many_members_is_a_code_with_the_count(tmp_path: Path) -> None:
    err = _refusal(tmp_path, {f"m{i}.json": b"{}" for i in range(5)}, Limits(max_members=3))
    assert (err.code, err.params) == ("bundle_zip_bomb", {"detail": "too_many_files", "count": 5})
    assert "(5 berkas di dalamnya)" in error_text(err)


def test_a_missing_member_is_named_in_words_not_by_its_file_name(tmp_path: Path) -> None:
    err = _refusal(tmp_path, {"manifest.json": b"{}", "SHA256SUMS": b""})
    assert (err.code, err.params) == ("bundle_damaged", {"detail": "member_missing", "name": "SHA256SUMS.sig"})
    assert "(tanda tangan tidak ada)" in error_text(err) and "SHA256SUMS" not in error_text(err)


def test_export_import_and_receipts_report_steps_not_sentences(world, tmp_path: Path) -> None:
    """Progress from exports/ is a code with parameters; ui.messages words it (English in the window)."""
    from db.progress import Step, step
    from exports import bundle, receipts
    from ui.messages import progress_text

    seen: list[object] = []

    def progress(done: int, total: int, s: object) -> None:
        seen.append(s)

    part = bundle.export_bundles(world.a, tmp_path / "out", progress=progress).parts[0].path
    bundle.import_paths(world.city, [part], progress=progress)
    receipts.write_receipts(world.city, tmp_path / "receipts", progress=progress)
    assert seen and all(isinstance(s, Step) for s in seen), [s for s in seen if not isinstance(s, Step)]
    codes = {s.code for s in seen if isinstance(s, Step)}
    assert {"export_part_done", "checking_file", "receipt_for", "done"} <= codes
    assert step("checking_file", name=part.name) in seen
    done = next(s for s in seen if isinstance(s, Step) and s.code == "export_part_done")
    assert progress_text(done) == "Bagian 1/1 selesai"
    receipt = next(s for s in seen if isinstance(s, Step) and s.code == "receipt_for")
    assert progress_text(receipt) == f"Tanda terima {world.a.kelurahan(world.a.kelurahan_code).name}"


def test_reports_workbook_and_pack_report_steps(tmp_path: Path) -> None:
    from db.demo import create_demo
    from db.progress import Step, step
    from db.store import Store
    from exports import evidence_pack, reports, spreadsheet

    kel = "64.71.01.1001"
    create_demo(tmp_path / "ws", seed=1, kelurahan_code=kel)
    store = Store.open(tmp_path / "ws", start_backup=False)
    seen: list[object] = []

    def progress(done: int, total: int, s: object) -> None:
        seen.append(s)

    try:
        year = max(store.current_period().data_years)
        reports.write_sheet_pdf(reports.collect_sheet(store, None, year), tmp_path / "l.pdf", progress)
        spreadsheet.write_xlsx(spreadsheet.collect_workbook(store, year, None, progress), tmp_path / "d.xlsx",
                               progress)
        evidence_pack.write_pack(store, year, tmp_path / "p.zip", progress=progress)
    finally:
        store.close()
    assert seen and all(isinstance(s, Step) for s in seen), [s for s in seen if not isinstance(s, Step)]
    assert step("composing_sheet") in seen and step("writing_pdf") in seen
    assert step("reading_unit", name="Manggar") in seen and step("writing_values") in seen
    assert step("checking_pack") in seen


# Raised and worded elsewhere, never through their own message: template edits (edit_error_text), a
# damaged evidence pack (caught in exports.evidence_pack), and db.rules.check_values (no caller).
_WORDED_ELSEWHERE = {"template_edit_invalid", "pack_file_damaged", "value_missing", "value_not_canonical",
                     "value_twice"}


def test_every_code_raised_with_its_parameters_has_a_message_they_fill() -> None:
    """A refusal read '{sheet}', '{rows}', '{row_limit}' as they are (a parameter the message names was not
    raised) or 'Terjadi kesalahan (code: ...)' (no message): every literal KlaError(code, name=...) of the
    code is checked against its sentence, with the parameters the front ends derive."""
    import ast
    import string

    from ui.messages import MESSAGES, _derived, _same

    root = Path(__file__).resolve().parents[2]
    bad = []
    for folder in ("db", "exports", "desktop", "ui"):
        for path in sorted((root / folder).rglob("*.py")):
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", None)) == "KlaError"
                        and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)):
                    continue
                code = n.args[0].value
                if code in _WORDED_ELSEWHERE or any(k.arg is None for k in n.keywords):  # **params: not known here
                    continue
                where = f"{path.relative_to(root)}:{n.lineno} {code}"
                if code not in MESSAGES:
                    bad.append(f"{where}: no message")
                    continue
                params = {k.arg: "64.71.01.1001" for k in n.keywords}
                names = set(params) | set(_derived(code, params, _same))
                missing = {f for _, f, _, _ in string.Formatter().parse(MESSAGES[code]) if f} - names
                if missing:
                    bad.append(f"{where}: not raised with {sorted(missing)}")
    assert bad == []
