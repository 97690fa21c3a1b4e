"""Coverage-guided fuzzing (atheris, libFuzzer) of every parser that reads outside input (issue 14).

Not part of the test suite: the suite's bounded property-based fuzzers are
tests/exports/test_fuzz.py (hypothesis). This is the longer, coverage-guided run; its figures
are in docs/security.md ("Fuzzing"). atheris is not a dependency of the program:

    .venv/bin/pip install atheris
    .venv/bin/python scripts/fuzz/harness.py TARGET [libFuzzer options]
    .venv/bin/python scripts/fuzz/harness.py json -max_total_time=60
    scripts/fuzz/run_all.sh 60           # every target for 60 s each, a line of figures per target

Targets (each input is raw bytes; what they become):

    json       exports.container.parse_json with the depth check (manifests, records, receipts)
    container  the decrypted ZIP of a bundle: members, sums, signature lookup, manifest, records
    bundle     records.jsonl of a genuine bundle, re-signed with the kelurahan's real key and
               encrypted to DP3AKB, imported at DP3AKB (dry run)
    manifest   manifest.json of a genuine bundle, re-signed and encrypted, imported (dry run)
    receipt    receipt.json of a genuine receipt, re-signed with DP3AKB's key, imported at the
               kelurahan (dry run)
    setup      setup.json of a genuine setup file, re-signed with DP3AKB's key, encrypted with
               its passphrase, installed into a new folder
    eml        an e-mail: the .kla attachments are found, MIME depth bounded
    template   db.template.load_template_json (templates from DP3AKB)
    value      a value typed, pasted or imported: db.template.parse_value for every item type
    paste      ui.entry.grid_model.parse_block (a block from Excel's or Calc's clipboard)
    xlsx       exports.xlsx_form.read_form (the Excel form, any bytes)

A finding is any exception other than the program's own refusal (``KlaError``; for ``json``
also ``json.JSONDecodeError``): libFuzzer stops, prints the traceback and writes the input to
``crash-*`` in the current folder. Re-run one input with: harness.py TARGET crash-FILE.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import atheris

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

with atheris.instrument_imports(include=["db", "exports"]):
    from db.errors import KlaError
    from db.store import Store
    from db.template import Item, default_template, load_template_json, parse_value
    from exports import bundle, keys, receipts, setup, xlsx_form
    from exports import passphrase as age_passphrase
    from exports.container import Container, Limits, parse_json

with atheris.instrument_imports(include=["ui.entry.grid_model"]):
    from ui.entry.grid_model import parse_block

KEL = "64.71.01.1001"
PASS = "AAAA-BBBB-CCCC-DDDD"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return buf.getvalue()


def _resign(members: dict[str, bytes], sign_private: str) -> dict[str, bytes]:
    m = dict(members)
    body = {n: d for n, d in m.items() if n not in ("SHA256SUMS", "SHA256SUMS.sig")}
    m["SHA256SUMS"] = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(body.items())).encode()
    m["SHA256SUMS.sig"] = keys.sign(sign_private, m["SHA256SUMS"])
    return m


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


class World:
    """A DP3AKB workspace and one enrolled kelurahan, made once per run in a temporary folder."""

    def __init__(self) -> None:
        import pyrage

        self.root = Path(tempfile.mkdtemp(prefix="kla-fuzz-"))
        self.city = Store.create(self.root / "city", "city", operator="fuzz")
        r = setup.enroll(self.city, KEL, self.root / "kel.klasetup")
        setup.install(self.root / "kel", r.path, r.passphrase)
        self.kel = Store.open(self.root / "kel", operator="fuzz")
        # A small genuine bundle (a few values, one evidence file, an activity): each input is
        # one signed, encrypted import, so the fewer items the more inputs per second.
        year = max(self.kel.current_period().data_years)
        for sex, age, v in (("L", "1-4", 12), ("P", "1-4", 10)):
            self.kel.set_value(None, year, 4, "anak_total", v, sex=sex, age=age)
        self.kel.set_value(None, year, 4, "anak_berakta", 9, sex="L", age="1-4")
        doc = self.root / "perda.pdf"
        doc.write_bytes(b"%PDF-1.4\nPerda\n")
        self.kel.add_evidence(None, doc, links=[(year, 1)], kind="regulation")
        self.city_sign = self.city.sync.own_keys()[-1].sign_private
        self.city_recipient = self.city.sync.own_keys()[-1].age_recipient
        self.kel_sign = self.kel.sync.own_keys()[-1].sign_private
        self.kel_recipient = self.kel.sync.own_keys()[-1].age_recipient
        part = bundle.export_bundles(self.kel, self.root / "out").parts[0].path
        ids = [keys.identity(k.age_identity) for k in self.city.sync.own_keys()]
        self.bundle = _unzip(pyrage.decrypt(part.read_bytes(), ids))
        rec = receipts.write_receipts(self.city, self.root / "tt", KEL)[0].path
        kids = [keys.identity(k.age_identity) for k in self.kel.sync.own_keys()]
        self.receipt = _unzip(pyrage.decrypt(rec.read_bytes(), kids))
        with zipfile.ZipFile(r.path) as outer:
            self.setup = _unzip(pyrage.passphrase.decrypt(outer.read("setup.age"), r.passphrase))
        self.n = 0

    def path(self, suffix: str) -> Path:
        self.n += 1
        return self.root / "in" / f"{self.n % 64}{suffix}"

    def encrypted(self, members: dict[str, bytes], sign: str, recipient: str) -> Path:
        import pyrage

        p = self.path(".kla")
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(pyrage.encrypt(_zip(_resign(members, sign)), [keys.recipient(recipient)]))
        return p


_world: World | None = None


def world() -> World:
    global _world
    if _world is None:
        _world = World()
    return _world


def _refusal_only(fn: Callable[[], Any]) -> None:
    try:
        fn()
    except KlaError:
        pass


def t_json(data: bytes) -> None:
    try:
        parse_json(data, 32)
    except json.JSONDecodeError:
        pass


def t_container(data: bytes) -> None:
    w = world()
    p = w.path(".zip")
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(data)

    def run() -> None:
        try:
            c = Container(p, p, Limits())
        except zipfile.BadZipFile:
            return
        try:
            c.find_signer([(k.key_id, k.sign_public) for k in w.city.sync.peer_keys()])
            _ = c.manifest
            for _line in c.iter_jsonl("records.jsonl"):
                pass
        except zipfile.BadZipFile:
            pass
        finally:
            c.close()

    _refusal_only(run)


def _import(store: Store, path: Path) -> None:
    res = bundle.import_paths(store, [path], dry_run=True)
    rep = res.files[0]
    assert rep.status in ("dry-run", "refused", "duplicate", "older"), rep
    assert rep.status != "refused" or rep.reason_params.get("detail") != "unreadable", rep


def t_bundle(data: bytes) -> None:
    w = world()
    _import(w.city, w.encrypted(dict(w.bundle, **{"records.jsonl": data}), w.kel_sign, w.city_recipient))


def t_manifest(data: bytes) -> None:
    w = world()
    _import(w.city, w.encrypted(dict(w.bundle, **{"manifest.json": data}), w.kel_sign, w.city_recipient))


def t_receipt(data: bytes) -> None:
    w = world()
    _import(w.kel, w.encrypted(dict(w.receipt, **{"receipt.json": data}), w.city_sign, w.kel_recipient))


def t_setup(data: bytes) -> None:
    w = world()
    inner = _zip(_resign(dict(w.setup, **{"setup.json": data}), w.city_sign))
    f = w.path(".klasetup")
    f.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(f, "w") as outer:
        outer.writestr("setup.age", age_passphrase.encrypt(inner, PASS, work_factor=2))
    home = Path(tempfile.mkdtemp(dir=w.root))
    try:
        _refusal_only(lambda: setup.install(home / "ws", f, PASS))
    finally:
        import shutil

        shutil.rmtree(home, ignore_errors=True)


def t_eml(data: bytes) -> None:
    w = world()
    p = w.path(".eml")
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(data)
    _refusal_only(lambda: [a.unlink() for a, _ in bundle._eml_attachments(p, w.root / "eml-tmp", Limits())])


def t_template(data: bytes) -> None:
    _refusal_only(lambda: load_template_json(data.decode("utf-8", "replace")))


_ITEMS: list[Item] = []


def t_value(data: bytes) -> None:
    if not _ITEMS:
        t = default_template()
        for typ in ("count", "amount", "yes_no", "choice", "date", "text"):
            _ITEMS.extend(i for ind in t.indicators for i in ind.items if i.type == typ and not i.computed)
    fdp = atheris.FuzzedDataProvider(data)
    item = _ITEMS[fdp.ConsumeIntInRange(0, len(_ITEMS) - 1)]
    raw: Any = fdp.ConsumeUnicodeNoSurrogates(64) if fdp.ConsumeBool() else fdp.ConsumeFloat()
    _refusal_only(lambda: parse_value(item, raw))


def t_paste(data: bytes) -> None:
    rows = parse_block(data.decode("utf-8", "replace"))
    assert all(isinstance(c, str) for r in rows for c in r)


def t_xlsx(data: bytes) -> None:
    w = world()
    p = w.path(".xlsx")
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(data)
    _refusal_only(lambda: xlsx_form.read_form(p))


TARGETS: dict[str, Callable[[bytes], None]] = {
    "json": t_json, "container": t_container, "bundle": t_bundle, "manifest": t_manifest, "receipt": t_receipt,
    "setup": t_setup, "eml": t_eml, "template": t_template, "value": t_value, "paste": t_paste, "xlsx": t_xlsx,
}


def seeds(target: str) -> list[bytes]:
    """Genuine inputs to start from (libFuzzer mutates them): the real bytes each target reads."""
    if target in ("bundle", "manifest", "receipt", "setup", "container"):
        w = world()
        return {"bundle": [w.bundle["records.jsonl"]], "manifest": [w.bundle["manifest.json"]],
                "receipt": [w.receipt["receipt.json"]], "setup": [w.setup["setup.json"]],
                "container": [_zip(w.bundle)]}[target]
    if target == "template":
        return [default_template().to_json().encode()]
    if target == "json":
        return [b'{"a": [1, 2, {"b": null}]}']
    if target == "eml":
        from email.message import EmailMessage

        msg = EmailMessage()
        msg["Subject"] = "kiriman"
        msg.set_content("teks")
        msg.add_attachment(b"age-encryption.org/v1\n", maintype="application", subtype="octet-stream",
                           filename="KLA-x.kla")
        return [msg.as_bytes()]
    if target == "xlsx":
        w = world()
        year = max(w.kel.current_period().data_years)
        form = xlsx_form.write_form(xlsx_form.collect_form(w.kel, year, [4]), w.root / "form.xlsx")
        return [form.read_bytes()]
    if target == "paste":
        return [b'1.234\t5\r\n"a\tb"\t6\r\n']
    return [b"17 Agustus 2025", b"1.234,5"]


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit("harness.py TARGET [libFuzzer options]; TARGET: " + ", ".join(TARGETS))
    target = sys.argv[1]
    argv = [sys.argv[0], *sys.argv[2:]]
    corpus = ROOT / "scripts" / "fuzz" / "corpus" / target
    if not any(not a.startswith("-") for a in argv[1:]):
        # Start from genuine inputs, in a corpus folder the run also adds its finds to (not versioned).
        corpus.mkdir(parents=True, exist_ok=True)
        for n, s in enumerate(seeds(target)):
            (corpus / f"seed-{n}").write_bytes(s)
        argv.append(str(corpus))
    fn = TARGETS[target]
    atheris.Setup(argv, fn)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
