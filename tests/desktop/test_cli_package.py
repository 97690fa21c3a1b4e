"""desktop/cli/ is a package without import circles; every command is always registered, and a
command whose library is missing says which one and how to install it (issue 7)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import Store
from desktop.cli.common import missing_library
from tests.db.conftest import KEL
from tests.desktop.test_cli import ROOT, db_bytes

RUN_WITHOUT = """
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None  # 'import name' now fails as if it were not installed
from desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""


def kla_without(missing: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("KLA_HOME", "KLA_OPERATOR")}
    return subprocess.run([sys.executable, "-c", RUN_WITHOUT, missing, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    home = tmp_path / "ws"
    Store.create(home, "kelurahan", kelurahan_code=KEL, operator="Siti").close()
    return home


def test_no_import_circle_inside_desktop_cli() -> None:
    import grimp

    graph = grimp.build_graph("desktop", cache_dir=None)
    modules = sorted(m for m in graph.modules if m.startswith("desktop.cli"))
    assert {"desktop.cli", "desktop.cli.common", "desktop.cli.entries", "desktop.cli.bundles",
            "desktop.cli.bundle_commands", "desktop.cli.reports"} <= set(modules)
    circles = [(a, b) for a, b in itertools.combinations(modules, 2)
               if graph.chain_exists(importer=a, imported=b) and graph.chain_exists(importer=b, imported=a)]
    assert circles == []
    # The command modules lean on common only, never on the package that assembles them.
    for module in modules:
        if module not in ("desktop.cli", "desktop.cli.__main__"):
            assert not graph.direct_import_exists(importer=module, imported="desktop.cli"), module


def test_old_modules_are_gone_and_the_entry_point_still_names_main() -> None:
    assert not (ROOT / "desktop" / "cli.py").exists()
    assert not (ROOT / "desktop" / "cli_bundles.py").exists() and not (ROOT / "desktop" / "cli_reports.py").exists()
    assert 'kla = "desktop.cli:main"' in (ROOT / "pyproject.toml").read_text("utf-8")
    from desktop.cli import main

    assert callable(main)


def test_lazily_imported_command_module_is_a_hidden_import_of_the_frozen_app() -> None:
    assert '"desktop.cli.bundle_commands"' in (ROOT / "build.spec").read_text("utf-8")


def test_bundle_commands_exist_and_say_what_is_missing_without_pyrage(ws: Path, tmp_path: Path) -> None:
    help_ = kla_without("pyrage", "--help")
    assert help_.returncode == 0
    for command in ("export", "import", "setup", "receipt", "city", "keys"):
        assert f"    {command} " in help_.stdout, command
    before = db_bytes(ws)
    out = tmp_path / "flashdisk"
    r = kla_without("pyrage", "export", "--out", str(out), "--home", str(ws))
    assert r.returncode == 1, (r.stdout, r.stderr)
    [line] = r.stderr.strip().splitlines()
    assert "Pustaka 'pyrage' belum terpasang" in line and "./scripts/setup.sh" in line and "ulangi" in line
    assert "tidak ada" not in line and "Traceback" not in r.stderr and r.stdout == ""
    assert db_bytes(ws) == before and not out.exists()
    assert "kla export ditolak: pustaka tidak terpasang: pyrage" in (ws / "logs" / "kla.log").read_text("utf-8")
    # The rest of the command line does not need it.
    assert kla_without("pyrage", "status", "--year", "2025", "--home", str(ws)).returncode == 0


def test_report_without_openpyxl_says_so(ws: Path, tmp_path: Path) -> None:
    r = kla_without("openpyxl", "report", "xlsx", "--year", "2025", "--out", str(tmp_path / "x.xlsx"),
                    "--home", str(ws))
    assert r.returncode == 1
    [line] = r.stderr.strip().splitlines()
    assert "Pustaka 'openpyxl' belum terpasang" in line
    assert not (tmp_path / "x.xlsx").exists()


def test_only_libraries_count_as_missing_our_own_module_is_a_bug() -> None:
    assert "Pustaka 'Pillow'" in (missing_library(ModuleNotFoundError("x", name="PIL.Image")) or "")
    assert missing_library(ModuleNotFoundError("x", name="exports.nothing")) is None
    assert missing_library(ImportError("x")) is None
