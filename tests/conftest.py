"""Shared test set-up.

Qt aborts (exit 134) without a display unless the offscreen platform is chosen before
any QApplication exists, so it is set here, first, for every test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real home or the real settings.
os.environ.pop("KLA_HOME", None)
os.environ.pop("KLA_OPERATOR", None)
