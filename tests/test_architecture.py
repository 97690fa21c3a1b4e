"""Checks that can fail when the code's shape drifts: import direction, lint and types."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_layers_hold():
    """The import-linter contracts in pyproject.toml: desktop -> ui -> exports -> db, no Qt in db/ or
    exports/, SQLite only in db/, no circles inside ui/exports/db, layers inside db."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_db_and_exports_import_without_qt():
    code = (
        "import sys, db.store, db.demo, exports, desktop.cli\n"
        "import pkgutil, importlib, exports as e\n"
        "for m in pkgutil.walk_packages(e.__path__, 'exports.'): importlib.import_module(m.name)\n"
        "assert not any(n.startswith('PySide6') for n in sys.modules), [n for n in sys.modules if 'PySide6' in n]\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    r = subprocess.run([ruff, "check", "db", "exports", "desktop", "ui", "tests"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]


def test_mypy_is_clean_on_db_and_exports(tmp_path: Path):
    """mypy over db/ and exports/ ([tool.mypy] in pyproject.toml); a new type error fails the suite."""
    r = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy"), "--no-error-summary"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-5000:] + r.stderr[-2000:]
