"""GUI entry point (filled by the kelurahan window work)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("KLA Desktop: jendela program belum tersedia di versi ini.", file=sys.stderr)
    return 1
