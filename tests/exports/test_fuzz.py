"""Property-based fuzzing of every importer (issue 14): any input ends in a clean refusal or a
correct import - never an internal error, a partial write or a file outside the workspace.

The number of examples is bounded so the suite stays fast (``KLA_FUZZ_EXAMPLES`` raises it:
``scripts/fuzz_long.sh`` is the long run, its figures are in docs/security.md). Hostile
bundles and receipts are signed and encrypted with real enrolled keys, so what is fuzzed
is everything after the signature: the importer's own checks.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import io
import json
import os
import zipfile
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import KlaError
from exports import bundle, setup
from exports.cells import FORMULA_START, cell_text, csv_text, safe_row
from exports.container import Container, Limits, json_depth_ok, parse_json
from exports.names import display_name, safe_file_name
from tests.exports.conftest import KEL_A, city_recipient, dump, own_private, read_plain, write_forged

EXAMPLES = int(os.environ.get("KLA_FUZZ_EXAMPLES", "0") or 0)


def budget(n: int) -> Any:
    """``n`` examples in the suite (or KLA_FUZZ_EXAMPLES), no deadline: the machine is shared."""
    return settings(max_examples=EXAMPLES or n, deadline=None, derandomize=not EXAMPLES,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


# ---------------------------------------------------------------------------- pure parts


@budget(300)
@given(st.binary(max_size=300) | st.builds(lambda n, c: c * n, st.integers(0, 3000), st.sampled_from([b"[", b"{\"a\":"])))
def test_parse_json_refuses_cleanly_whatever_the_bytes(data: bytes) -> None:
    try:
        value = parse_json(data, 32)
    except json.JSONDecodeError:
        return
    assert json_depth_ok(data, 32)
    assert value == json.loads(data)


@budget(150)
@given(json_values, st.integers(1, 8))
def test_depth_check_agrees_with_the_real_depth(value: Any, limit: int) -> None:
    def depth(v: Any) -> int:
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        return 0

    data = json.dumps(value).encode()
    assert json_depth_ok(data, limit) == (depth(value) <= limit)


RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@budget(300)
@given(st.text(max_size=150) | st.sampled_from(["CON", "aux.txt", "nul.", " .. ", "a\u202egpj.exe", "COM1 .pdf"]))
def test_safe_file_name_is_safe_on_windows(name: str) -> None:
    out = safe_file_name(name)
    assert out and len(out) <= 100 and out == out.strip(" .")
    assert not any(c in out for c in '\\/:*?"<>|') and all(ord(c) >= 32 for c in out)
    assert not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in out)
    assert out.split(".")[0].rstrip(" ").upper() not in RESERVED
    assert safe_file_name(out) == out
    display_name(name).encode("utf-8")


@budget(200)
@given(st.binary(max_size=60))
def test_any_bytes_of_a_file_name_display(raw: bytes) -> None:
    display_name(os.fsdecode(raw)).encode("utf-8")
    safe_file_name(os.fsdecode(raw)).encode("utf-8")


@budget(80)
@given(st.lists(st.text(max_size=40) | st.sampled_from(["=1+1", "=cmd|' /C calc'!A0", "@SUM(1)", "\x00\x0b\x0c"]),
                min_size=1, max_size=6))
def test_any_text_makes_a_workbook_without_formulas(texts: list[str]) -> None:
    from openpyxl import Workbook, load_workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    ws.append(safe_row(ws, texts))
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    row = list(next(load_workbook(buf, read_only=True)["x"].iter_rows(values_only=True)))
    row += [None] * (len(texts) - len(row))
    for t, got in zip(texts, row, strict=True):
        assert (got or "") == cell_text(t).replace("\r\n", "\n").replace("\r", "\n"), (t, got)
    for t in texts:
        v = csv_text(t)
        assert not str(v).startswith(FORMULA_START)


# ---------------------------------------------------------------------------- containers (ZIP level)


member_names = st.sampled_from(["manifest.json", "SHA256SUMS", "SHA256SUMS.sig", "records.jsonl", "receipt.json",
                                "evidence/" + "a" * 64, "../x", "/etc/passwd", "a\\b", "templates/k-v1.json", ""])


@budget(120)
@given(st.dictionaries(member_names, st.binary(max_size=200), max_size=6), st.booleans())
def test_any_zip_is_a_container_or_a_refusal(tmp_path_factory: pytest.TempPathFactory, members: dict[str, bytes],
                                            deflate: bool) -> None:
    z = tmp_path_factory.mktemp("z") / "inner.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as zf:
        for n, d in members.items():
            if n:
                zf.writestr(n, d)
    try:
        c = Container(z, z, Limits())
        c.find_signer([])
        _ = c.manifest
    except KlaError:
        return
    except zipfile.BadZipFile:
        return  # open_container turns this into bundle_damaged


# ---------------------------------------------------------------------------- bundles at DP3AKB


@pytest.fixture
def genuine(world, tmp_path: Path) -> dict[str, bytes]:
    return read_plain(bundle.export_bundles(world.a, tmp_path / "good").parts[0].path, world.city)


def _outside_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


mutations = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10_000), st.integers(1, 255)),
    st.tuples(st.just("value"), st.integers(0, 200), json_values),
    st.tuples(st.just("drop_key"), st.integers(0, 200), st.text(max_size=10)),
    st.tuples(st.just("line"), st.binary(max_size=80)),
    st.tuples(st.just("manifest"), st.sampled_from(["id", "device_seq", "series", "kelurahan", "city_code",
                                                    "format_version", "signer", "type", "device_id", "device_name",
                                                    "device_replaces", "created_at", "template", "unit_path"]),
              json_values),
    st.tuples(st.just("evidence"), st.binary(max_size=100)),
)


def _mutate(m: dict[str, bytes], mutation: tuple[Any, ...]) -> dict[str, bytes]:
    m = dict(m)
    kind = mutation[0]
    lines = [json.loads(x) for x in m["records.jsonl"].splitlines()]
    if kind == "flip":
        name = sorted(m)[mutation[1] % len(m)]
        data = bytearray(m[name] or b"\0")
        data[mutation[1] % len(data)] ^= mutation[2]
        m[name] = bytes(data)
        return m
    if kind in ("value", "drop_key"):
        rec = lines[mutation[1] % len(lines)]
        target = rec if mutation[1] % 3 == 0 or not isinstance(rec.get("data"), dict) else rec["data"]
        keys = sorted(target)
        if keys:
            k = keys[mutation[1] % len(keys)]
            if kind == "value":
                target[k] = mutation[2]
            else:
                del target[k]
        if mutation[1] % 2:  # keep the hash right so the item reaches the deeper checks
            from db import sync

            rec["hash"] = sync.item_hash(str(rec.get("key")), rec.get("data") if isinstance(rec.get("data"), dict)
                                         else None)
        m["records.jsonl"] = b"".join(json.dumps(x).encode() + b"\n" for x in lines)
        return m
    if kind == "line":
        m["records.jsonl"] += mutation[1] + b"\n"
        return m
    if kind == "manifest":
        man = json.loads(m["manifest.json"])
        man[mutation[1]] = mutation[2]
        m["manifest.json"] = json.dumps(man).encode()
        return m
    name = next((n for n in sorted(m) if n.startswith("evidence/")), None)
    if name:
        m[name] = mutation[1]
    return m


@budget(40)
@given(mutation=mutations)
def test_a_mutated_signed_bundle_is_imported_or_refused_cleanly(world, genuine: dict[str, bytes], tmp_path: Path,
                                                                mutation: tuple[Any, ...]) -> None:
    city = world.city
    path = write_forged(tmp_path / f"f-{hashlib.sha256(repr(mutation).encode()).hexdigest()[:12]}.kla",
                        _mutate(genuine, mutation), city_recipient(city), sign_with=own_private(world.a))
    before = dump(city)
    outside = _outside_files(world.root) - _outside_files(world.root / "city")
    res = bundle.import_paths(city, [path])
    rep = res.files[0]
    assert rep.status in ("imported", "refused", "duplicate"), rep
    if rep.status == "refused":
        assert rep.reason_code and rep.reason_params.get("detail") != "unreadable", rep
        assert dump(city) == before
        assert Path(rep.quarantined).exists()
    assert not list(city.paths.tmp.glob("*")), "tmp/ left behind"
    # Nothing written anywhere but the city's own workspace (quarantine) and the forged file itself.
    assert _outside_files(world.root) - _outside_files(world.root / "city") <= outside | {path}


@budget(25)
@given(st.binary(min_size=0, max_size=400), st.booleans())
def test_any_file_named_kla_or_eml_is_refused_cleanly(world, tmp_path: Path, data: bytes, as_eml: bool) -> None:
    city = world.city
    head = b"age-encryption.org/v1\n" if data[:1] == b"a" else b""
    path = tmp_path / ("x.eml" if as_eml else "x.kla")
    path.write_bytes(head + data)
    before = dump(city)
    rep = bundle.import_paths(city, [path]).files[0]
    assert rep.status == "refused" and rep.reason_code
    assert dump(city) == before


# ---------------------------------------------------------------------------- e-mail


def _message(tree: Any, attachment: bytes) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = "kiriman"

    def fill(node: EmailMessage, shape: Any) -> None:
        if isinstance(shape, list) and shape:
            node.make_mixed()
            for sub in shape:
                part = EmailMessage()
                fill(part, sub)
                node.attach(part)
        elif shape == "kla":
            node.set_content(attachment, maintype="application", subtype="octet-stream", filename="KLA-x.kla")
        else:
            node.set_content(str(shape))

    fill(msg, tree)
    return msg


mime_trees = st.recursive(st.sampled_from(["kla", "teks"]), lambda inner: st.lists(inner, min_size=1, max_size=3),
                          max_leaves=8)


@budget(40)
@given(mime_trees, st.binary(max_size=64))
def test_any_mime_tree_gives_attachments_or_a_refusal(tmp_path_factory: pytest.TempPathFactory, tree: Any,
                                                      attachment: bytes) -> None:
    tmp = tmp_path_factory.mktemp("m")
    eml = tmp / "m.eml"
    eml.write_bytes(_message(tree, attachment).as_bytes(policy=email.policy.SMTP))
    try:
        found = bundle._eml_attachments(eml, tmp / "t", Limits(max_mime_depth=3))
    except KlaError as err:
        assert err.code in ("email_no_bundle", "email_too_complex", "bundle_damaged")
        return
    assert all(p.read_bytes() == attachment for p, _ in found)


# ---------------------------------------------------------------------------- setup files


@budget(20)
@given(st.dictionaries(st.sampled_from(["setup.age", "restore.age", "x", "../y"]), st.binary(max_size=100), max_size=3))
def test_any_setup_file_is_refused_cleanly(tmp_path_factory: pytest.TempPathFactory, members: dict[str, bytes]) -> None:
    tmp = tmp_path_factory.mktemp("s")
    f = tmp / "x.klasetup"
    with zipfile.ZipFile(f, "w") as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    with pytest.raises(KlaError):
        setup.install(tmp / "home", f, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert not (tmp / "home").exists() or not any((tmp / "home").rglob("*.sqlite"))


# ---------------------------------------------------------------------------- receipts at the kelurahan


@budget(20)
@given(st.sampled_from(["held", "files", "rejected", "seq", "reviews", "template", "city", "kelurahan",
                        "shared_keys", "unit"]), json_values)
def test_a_mutated_signed_receipt_is_imported_or_refused_cleanly(world, tmp_path: Path, field: str,
                                                                 value: Any) -> None:
    from exports import keys, receipts

    a, city = world.a, world.city
    path = receipts.write_receipts(city, tmp_path / f"r-{abs(hash((field, repr(value))))}", KEL_A)[0].path
    import pyrage

    ids = [keys.identity(k.age_identity) for k in a.sync.own_keys()]
    with zipfile.ZipFile(io.BytesIO(pyrage.decrypt(path.read_bytes(), ids))) as zf:
        m = {n: zf.read(n) for n in zf.namelist()}
    r = json.loads(m["receipt.json"])
    r[field] = value
    r["seq"] = r["seq"] if field != "seq" else value
    m["receipt.json"] = json.dumps(r).encode()
    bad = write_forged(path.with_name("bad.kla"), m, a.sync.own_keys()[-1].age_recipient,
                       sign_with=own_private(city))
    before = dump(a)
    rep = bundle.import_paths(a, [bad]).files[0]
    assert rep.status in ("imported", "refused", "older", "duplicate"), rep
    if rep.status == "refused":
        assert rep.reason_params.get("detail") != "unreadable", rep
        assert dump(a) == before


# ---------------------------------------------------------------------------- setup files, inside the signature


@pytest.fixture(scope="module")
def genuine_setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], str]:
    """The members of a real setup file (decrypted) and the DP3AKB key that signed it."""
    import pyrage

    from db.store import Store

    root = tmp_path_factory.mktemp("setupfuzz")
    with Store.create(root / "city", "city", operator="Admin") as city:
        r = setup.enroll(city, KEL_A, root / "a.klasetup")
        sign = own_private(city)
    with zipfile.ZipFile(r.path) as outer:
        inner = pyrage.passphrase.decrypt(outer.read("setup.age"), r.passphrase)
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}, sign


setup_mutations = st.one_of(
    st.tuples(st.just("setup"), st.sampled_from(["kelurahan", "city", "unit", "reference_edition", "key",
                                                 "template"]), json_values),
    st.tuples(st.just("drop"), st.sampled_from(["kelurahan", "city", "unit", "key", "template"]), st.none()),
    st.tuples(st.just("member"), st.sampled_from(["keys/sign.pem", "keys/identity.txt", "setup.json",
                                                  "templates/kla24-v1.json", "manifest.json"]),
              st.binary(max_size=120) | st.sampled_from([b"[" * 5000, b'{"a": NaN}', b"9" * 5000])),
)


@budget(20)
@given(mutation=setup_mutations)
def test_a_mutated_signed_setup_file_installs_or_is_refused_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                                                    genuine_setup: tuple[dict[str, bytes], str],
                                                                    mutation: tuple[Any, ...]) -> None:
    """Signed by DP3AKB's real key and encrypted with the passphrase: what is fuzzed is the
    installer's reading of setup.json, the keys and the templates."""
    from exports import passphrase as age_passphrase
    from exports.keys import sign

    members, key = genuine_setup
    m = dict(members)
    kind, name, value = mutation
    if kind in ("setup", "drop"):
        body = json.loads(m["setup.json"])
        if kind == "setup":
            body[name] = value
        else:
            body.pop(name, None)
        m["setup.json"] = json.dumps(body).encode()
    else:
        m[name] = value
    body = {n: d for n, d in m.items() if n not in ("SHA256SUMS", "SHA256SUMS.sig")}
    m["SHA256SUMS"] = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(body.items())).encode()
    m["SHA256SUMS.sig"] = sign(key, m["SHA256SUMS"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, d in m.items():
            zf.writestr(n, d)
    tmp = tmp_path_factory.mktemp("ms")
    f = tmp / "x.klasetup"
    with zipfile.ZipFile(f, "w") as outer:
        outer.writestr("setup.age", age_passphrase.encrypt(buf.getvalue(), "AAAA-BBBB-CCCC-DDDD", work_factor=10))
    try:
        r = setup.install(tmp / "home", f, "AAAA-BBBB-CCCC-DDDD")
    except KlaError as err:
        assert err.code not in ("unreadable",), err
        assert not (tmp / "home").exists() or not any((tmp / "home").rglob("*.sqlite")), "half a workspace"
        return
    assert r.kelurahan_code  # installed: the workspace opens and names its unit
    from db.store import Store

    with Store.open(tmp / "home") as s:
        assert s.kelurahan_code == r.kelurahan_code and s.sync.own_keys()


# ---------------------------------------------------------------------------- templates (JSON from DP3AKB)


def _template_raw() -> dict[str, Any]:
    from db.template import default_template

    return json.loads(default_template().to_json())


def _poke(obj: Any, path: list[int], value: Any, drop: bool) -> Any:
    """Replace (or drop) the node that ``path`` leads to, choosing keys/indexes by number."""
    if not path or not isinstance(obj, dict | list) or not obj:
        return value
    keys = sorted(obj) if isinstance(obj, dict) else list(range(len(obj)))
    k = keys[path[0] % len(keys)]
    if len(path) == 1 and drop:
        if isinstance(obj, dict):
            del obj[k]
        else:
            obj.pop(k)
        return obj
    obj[k] = _poke(obj[k], path[1:], value, drop)
    return obj


@budget(150)
@given(st.lists(st.integers(0, 1000), min_size=1, max_size=6), json_values, st.booleans())
def test_a_mutated_template_is_read_or_refused_cleanly(path: list[int], value: Any, drop: bool) -> None:
    from db.template import load_template_json

    raw = _poke(_template_raw(), path, value, drop)
    try:
        t = load_template_json(json.dumps(raw))
    except KlaError as err:
        assert err.code == "template_invalid", err
        return
    assert 1 <= len(t.indicators) and all(ind.items for ind in t.indicators)


@budget(100)
@given(st.binary(max_size=300) | st.sampled_from([b"[" * 100_000, b'{"a": NaN}', b"1" + b"0" * 5000,
                                                    b'{"indicators": Infinity}']))
def test_any_template_text_is_read_or_refused_cleanly(data: bytes) -> None:
    from db.template import load_template_json

    try:
        load_template_json(data.decode("utf-8", "replace"))
    except KlaError as err:
        assert err.code == "template_invalid", err


# ---------------------------------------------------------------------------- numbers and dates typed the Indonesian way


def _items() -> dict[str, Any]:
    from db.template import Item, default_template

    t = default_template()
    count = next(i for ind in t.indicators for i in ind.items if i.type == "count" and not i.computed)
    amount = next((i for ind in t.indicators for i in ind.items if i.type == "amount" and not i.computed),
                  Item("uang", "Anggaran", "amount"))
    return {"count": count, "amount": amount, "date": Item("tgl", "Tanggal", "date"),
            "yes_no": Item("ya", "Ya/tidak", "yes_no"), "text": Item("teks", "Teks", "text")}


TYPED = st.text(alphabet="0123456789.,- RpAgusMei\u00a0/eE+", max_size=30) | st.text(max_size=40) | \
    st.sampled_from(["1.234", "1.234,5", "1,500", "Rp 1.500.000", "-3", "1e5", "9" * 5000, "17-08-2025",
                     "17/8/25", "31 Februari 2025", "17 Agustus 2025", "2025-13-01", "NaN", "Infinity", ""])


@budget(300)
@given(st.sampled_from(["count", "amount", "date", "yes_no", "text"]),
       TYPED | json_values | st.integers() | st.floats())
def test_any_typed_or_imported_value_is_stored_right_or_refused(kind: str, raw: Any) -> None:
    """The one rule every path uses (typed, pasted, Excel, bundle): a value of the item's type or a
    refusal with a code, never another exception (a 5,000-digit number, NaN, 31 February)."""
    from db.template import MAX_NUMBER, parse_value

    item = _items()[kind]
    try:
        v = parse_value(item, raw)
    except KlaError as err:
        assert err.code.startswith("value_"), err
        return
    if v is None:
        return
    if kind == "count":
        assert isinstance(v, int) and 0 <= v < MAX_NUMBER
        assert parse_value(item, v) == v  # what a bundle carries is accepted again
    elif kind == "amount":
        assert isinstance(v, int | float) and 0 <= v < MAX_NUMBER and v == v
    elif kind == "date":
        assert dt.date.fromisoformat(v).isoformat() == v
    elif kind == "yes_no":
        assert isinstance(v, bool)
    else:
        assert isinstance(v, str) and len(v) <= 5000


@budget(200)
@given(st.integers(0, 10**15 - 1), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_indonesian_numbers_and_dates_read_back_as_written(n: int, day: Any) -> None:
    from db.template import parse_value
    from exports.paper import fmt_date_long
    from ui.messages import id_number

    items = _items()

    assert parse_value(items["count"], id_number(n)) == n  # 1.234.567
    assert parse_value(items["count"], str(n)) == n
    assert parse_value(items["date"], day.strftime("%d-%m-%Y")) == day.isoformat()
    assert parse_value(items["date"], fmt_date_long(day)) == day.isoformat()  # 17 Agustus 2025


# ---------------------------------------------------------------------------- Excel forms (xlsx import)


xlsx_members = st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels",
                                "xl/vbaProject.bin", "xl/externalLinks/externalLink1.xml", "../x"])


@budget(60)
@given(st.dictionaries(xlsx_members, st.binary(max_size=200) | st.sampled_from(
    [b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;&a;</x>", b"<" * 3000]), max_size=6)
       | st.binary(max_size=300).map(lambda b: {"": b}))
def test_any_file_named_xlsx_is_refused_cleanly(tmp_path_factory: pytest.TempPathFactory,
                                                members: dict[str, bytes]) -> None:
    from exports import xlsx_form

    f = tmp_path_factory.mktemp("x") / "isian.xlsx"
    if "" in members:
        f.write_bytes(members[""])
    else:
        with zipfile.ZipFile(f, "w") as zf:
            for n, d in members.items():
                zf.writestr(n, d)
    with pytest.raises(KlaError):
        xlsx_form.read_form(f)


@pytest.fixture(scope="module")
def form_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.demo import create_demo

    home = tmp_path_factory.mktemp("formfuzz") / "ws"
    create_demo(home, seed=3, kelurahan_code=KEL_A)
    return home


@pytest.fixture(scope="module")
def form_file(form_home: Path) -> Path:
    from db.store import Store
    from exports import xlsx_form

    with Store.open(form_home) as s:
        year = max(s.current_period().data_years)
        return xlsx_form.write_form(xlsx_form.collect_form(s, year, [4]), form_home.parent / "form.xlsx")


@budget(25)
@given(st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40), TYPED | st.integers() | st.floats() |
                          st.sampled_from(["=1+1", "=HYPERLINK(\"x\")", "[[[[", 'null'])), min_size=1, max_size=8))
def test_a_filled_in_form_with_any_cells_imports_what_is_valid_and_lists_the_rest(
        form_home: Path, form_file: Path, tmp_path_factory: pytest.TempPathFactory,
        cells: list[tuple[int, int, Any]]) -> None:
    """Any text, number or formula typed into any cell (labels, hidden keys, inputs): a dry run
    reports per cell or refuses the workbook; never an internal error; the store unchanged."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    from db.store import Store
    from exports import xlsx_form

    wb = load_workbook(form_file)
    for ws in wb.worksheets:
        for r, c, v in cells:
            try:
                ws.cell(r, c).value = v
            except (ValueError, TypeError, AttributeError, IllegalCharacterError):  # openpyxl refuses some (control
                continue  # characters; a merged cell's other parts)
    f = tmp_path_factory.mktemp("ff") / "isian.xlsx"
    wb.save(f)
    with Store.open(form_home) as s:
        before = dump(s)
        try:
            report = xlsx_form.import_form(s, f, dry_run=True)
        except KlaError:
            pass
        else:
            assert all(o.kind for o in report.outcomes)
        assert dump(s) == before
