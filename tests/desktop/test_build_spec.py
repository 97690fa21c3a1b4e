"""build.spec, checked without building: the version, the data files and the entry scripts.

The spec is run with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT (PyInstaller itself is not a
test dependency; CI never builds). What it hands to Analysis as ``datas`` is what lands in the frozen
app, so every file the code looks up beside its module must be in it, at the same relative folder.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.version import __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


class _Analysis:
    calls: list[dict] = []

    def __init__(self, scripts, **kwargs):
        type(self).calls.append({"scripts": scripts, **kwargs})
        # PyInstaller's TOC entries: (name inside the bundle, source, type)
        self.datas = [(str(Path(dest) / Path(src).name), src, "DATA") for src, dest in kwargs["datas"]]
        self.datas.append(("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"))
        self.pure, self.scripts, self.binaries = [], scripts, []


@pytest.fixture(scope="module")
def spec() -> SimpleNamespace:
    _Analysis.calls = []
    exes: list[dict] = []
    collects: list[tuple] = []

    def exe(*args, **kwargs):
        exes.append(kwargs)
        return SimpleNamespace(**kwargs)

    def collect(*args, **kwargs):
        collects.append((args, kwargs))

    ns = {"SPECPATH": str(ROOT), "Analysis": _Analysis, "PYZ": lambda *a, **k: object(),
          "EXE": exe, "COLLECT": collect, "__name__": "__main__"}
    exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), ns)  # noqa: S102 - our own spec file
    return SimpleNamespace(ns=ns, analyses=_Analysis.calls, exes=exes, collects=collects)


def bundled(spec: SimpleNamespace) -> set[str]:
    """Bundle-relative paths of the data files, as in the frozen ``_internal`` folder."""
    names = set()
    for entry in spec.ns["gui_a"].datas + spec.ns["cli_a"].datas:
        names.add(entry[0].replace("\\", "/"))
    return names


def test_version_is_read_from_desktop_version(spec: SimpleNamespace) -> None:
    assert spec.ns["VERSION"] == __version__
    assert "0.0.0" not in spec.ns["VERSION"]


def test_two_programs_over_one_onedir_folder(spec: SimpleNamespace) -> None:
    by_name = {e["name"]: e for e in spec.exes}
    assert set(by_name) == {"kla-desktop", "kla"}
    assert by_name["kla-desktop"]["console"] is False and by_name["kla"]["console"] is True
    assert all(e["exclude_binaries"] for e in spec.exes)  # onedir: binaries go to COLLECT
    assert len(spec.collects) == 1 and spec.collects[0][1]["name"] == "kla-desktop"
    scripts = sorted(Path(a["scripts"][0]).name for a in spec.analyses)
    assert scripts == ["pyinstaller_cli.py", "pyinstaller_gui.py"]


@pytest.mark.parametrize(("script", "target"), [("pyinstaller_gui.py", "desktop.app"),
                                                ("pyinstaller_cli.py", "desktop.cli")])
def test_entry_scripts_only_call_into_desktop(script: str, target: str) -> None:
    text = (ROOT / "scripts" / script).read_text("utf-8")
    assert f"from {target} import main" in text and "sys.exit(main())" in text
    assert len([line for line in text.splitlines() if line.strip()]) <= 8


@pytest.mark.parametrize(("folder", "pattern"), [
    ("db/templates", "*.json"),   # db.template reads the default template with importlib.resources
    ("ui/i18n", "*.qm"),          # ui.i18n: Path(__file__).parent
    ("ui/icons", "*.svg"),        # ui.widgets.icons: Path(__file__).parent.parent / "icons"
    ("exports/fonts", "*.ttf"),   # exports.reports: Path(__file__).parent / "fonts"
    ("exports/fonts", "*.txt"),   # the font licence travels with the fonts
])
def test_every_data_file_is_bundled_where_the_code_looks(spec: SimpleNamespace, folder: str, pattern: str) -> None:
    files = sorted((ROOT / folder).glob(pattern))
    assert files, f"no {pattern} in {folder}"
    missing = [f"{folder}/{f.name}" for f in files if f"{folder}/{f.name}" not in bundled(spec)]
    assert not missing


def test_code_looks_for_data_where_the_spec_puts_it() -> None:
    # If one of these lookups moves, the spec's folders must move with it.
    assert 'resources.files("db").joinpath("templates"' in (ROOT / "db/template.py").read_text("utf-8")
    assert 'Path(__file__).resolve().parent / "reference"' in (ROOT / "db/regions.py").read_text("utf-8")
    assert 'Path(__file__).resolve().parent.parent / "icons"' in (ROOT / "ui/widgets/icons.py").read_text("utf-8")
    assert "I18N_DIR = Path(__file__).resolve().parent" in (ROOT / "ui/i18n/__init__.py").read_text("utf-8")
    assert 'Path(__file__).resolve().parent / "fonts"' in (ROOT / "exports/paper.py").read_text("utf-8")


def test_default_template_and_translations_the_code_names_exist(spec: SimpleNamespace) -> None:
    from db import regions, template

    assert f"db/templates/{template.DEFAULT_TEMPLATE_FILE}" in bundled(spec)
    for path in (regions.DATA_FILE, regions.ALIASES_FILE, regions.REFERENCE_DIR / "LICENSE-wilayah.txt"):
        assert path.relative_to(ROOT).as_posix() in bundled(spec), path.name
    i18n = (ROOT / "ui/i18n/__init__.py").read_text("utf-8")
    for name in re.findall(r'"((?:kla|qt)_\w+)"', i18n):
        assert f"ui/i18n/{name}.qm" in bundled(spec), name
    fonts = (ROOT / "exports/paper.py").read_text("utf-8")
    for name in re.findall(r'here / "([\w-]+\.ttf)"', fonts):
        assert f"exports/fonts/{name}" in bundled(spec), name


def test_qt_translations_are_left_out_but_ours_stay(spec: SimpleNamespace) -> None:
    names = bundled(spec)
    assert not any(n.startswith("PySide6/Qt/translations/") for n in names)
    assert "ui/i18n/qt_id.qm" in names


# ---------------------------------------------------------------- icons named in ui/ code

def _icon_names_in(tree: ast.Module) -> set[str]:
    """String icon names passed to ``icons.icon(...)``, directly or one step away.

    Handles: a literal; ``MAPPING.get(key, "default")`` with a dict literal or a module-level dict;
    ``"a" if cond else "b"``; a parameter of the enclosing function (the literals its callers pass there); a name unpacked
    in a ``for`` over a list of tuple literals (that element of each tuple).
    """
    dicts = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
             and isinstance(node.value, ast.Dict) for t in node.targets if isinstance(t, ast.Name)}
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    names: set[str] = set()

    def consts(node: ast.AST | None) -> set[str]:
        return {node.value} if isinstance(node, ast.Constant) and isinstance(node.value, str) else set()

    def enclosing_function(node: ast.AST) -> ast.FunctionDef | None:
        while node in parents:
            node = parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def from_callers(func: ast.FunctionDef, param: str) -> set[str]:
        params = [a.arg for a in func.args.args]
        index = params.index(param) - (1 if params and params[0] == "self" else 0)
        found: set[str] = set()
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            callee = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
            if callee != func.name:
                continue
            if index < len(call.args):
                found |= consts(call.args[index])
            found |= {v for k in call.keywords if k.arg == param for v in consts(k.value)}
        return found

    def from_loops(name: str) -> set[str]:
        found: set[str] = set()
        for loop in ast.walk(tree):
            if not isinstance(loop, ast.For):
                continue
            for target in ast.walk(loop.target):
                if isinstance(target, ast.Tuple) and name in [getattr(e, "id", None) for e in target.elts]:
                    i, size = [getattr(e, "id", None) for e in target.elts].index(name), len(target.elts)
                    for lst in ast.walk(tree):
                        if isinstance(lst, ast.List | ast.Tuple):
                            for t in lst.elts:
                                if isinstance(t, ast.Tuple) and len(t.elts) == size:
                                    found |= consts(t.elts[i])
        return found

    def resolve(arg: ast.AST, call: ast.Call) -> set[str]:
        if isinstance(arg, ast.Constant):
            return consts(arg)
        if isinstance(arg, ast.IfExp):
            return resolve(arg.body, call) | resolve(arg.orelse, call)
        if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "get":
            mapping = arg.func.value
            if isinstance(mapping, ast.Name):
                mapping = dicts.get(mapping.id)
            values = {v for node in getattr(mapping, "values", []) for v in consts(node)}
            return values | (consts(arg.args[1]) if len(arg.args) > 1 else set())
        if isinstance(arg, ast.Name):
            func = enclosing_function(call)
            if func is not None and arg.id in [a.arg for a in func.args.args]:
                return from_callers(func, arg.id)
            return from_loops(arg.id)
        raise AssertionError(f"icon name not understood at line {call.lineno}: {ast.unparse(arg)}")

    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and call.args and (
                (isinstance(call.func, ast.Attribute) and call.func.attr == "icon"
                 and getattr(call.func.value, "id", None) == "icons")
                or (isinstance(call.func, ast.Name) and call.func.id == "icon")):
            names |= resolve(call.args[0], call)
    return names


def test_every_icon_the_ui_names_exists_and_is_bundled(spec: SimpleNamespace) -> None:
    referenced: dict[str, str] = {}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "icons.py":
            continue
        for name in _icon_names_in(ast.parse(path.read_text("utf-8"))):
            referenced.setdefault(name, str(path.relative_to(ROOT)))
    assert len(referenced) >= 15, referenced  # the scan found the nav, buttons and states
    missing = {n: where for n, where in referenced.items() if f"ui/icons/{n}.svg" not in bundled(spec)}
    assert not missing
