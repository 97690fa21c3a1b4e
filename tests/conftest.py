"""Shared test set-up.

Qt aborts (exit 134) without a display unless the offscreen platform is chosen before
any QApplication exists, so it is set here, first, for every test.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real home or the real settings.
os.environ.pop("KLA_HOME", None)
os.environ.pop("KLA_OPERATOR", None)
# Nor the platform folders (db.paths uses platformdirs, which follows XDG on Linux): a test
# without --home, and the log of a command whose --home holds no workspace yet, land here.
_PLATFORM_HOME = tempfile.mkdtemp(prefix="kla-tests-home-")
atexit.register(shutil.rmtree, _PLATFORM_HOME, True)
for _var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
    os.environ[_var] = os.path.join(_PLATFORM_HOME, _var.lower())


@pytest.fixture(autouse=True)
def _our_loggers_enabled() -> None:
    """tests/test_architecture.py runs import-linter in this process; its logging.config.dictConfig
    disables every logger that existed then, so a later test of what we log would see nothing."""
    for name, logger in logging.root.manager.loggerDict.items():
        if isinstance(logger, logging.Logger) and name.split(".")[0] in ("db", "exports", "ui", "desktop"):
            logger.disabled = False


# The process ends with the interpreter's full teardown: a crash there is a fault CI must show (once
# it was rc 139 after every test had passed: a QMimeData left on the offscreen clipboard, freed by
# QtGui after Python was gone; tests/ui/conftest.py empties the clipboard after each GUI test).
