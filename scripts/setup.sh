#!/usr/bin/env bash
# Set up KLA Desktop on a fresh Debian/Ubuntu machine: the system libraries Qt needs,
# a virtual environment in .venv, and the program (with --test: the test tools too).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TEST=0
[ "${1:-}" = "--test" ] && WITH_TEST=1

# Offscreen and on-screen Qt need these; with no font package every glyph is a box and
# nothing warns. xcb ones are for a real window on an X11 desktop.
PKGS="python3 python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1
 libdbus-1-3 fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0"
# The tests also check bundles with independent tools (age, openssl), and that an Excel form
# re-saved by LibreOffice Calc still imports (libreoffice-calc, about 1-2 minutes to install).
[ "$WITH_TEST" = 1 ] && PKGS="$PKGS age openssl unzip poppler-utils libreoffice-calc zbar-tools binutils"

if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  missing=""
  for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" != 0 ] && SUDO="sudo"
    echo "Memasang paket sistem:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends --no-upgrade $missing
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "$WITH_TEST" = 1 ]; then
  # build: PyInstaller, for the frozen-folder test (scripts/build) the suite runs in CI.
  .venv/bin/python -m pip install -q -e '.[test,build]'
else
  .venv/bin/python -m pip install -q -e .
fi
