#!/usr/bin/env bash
# Set up Taftan Desk on a fresh Debian or Ubuntu machine that has Python 3.
#   bash packaging/bootstrap.sh desk [ARGS...]  install, then start the desk (ARGS go to taftan-desk)
#   bash packaging/bootstrap.sh test [ARGS...]  install with test tools, lint (ruff, import
#                                               contracts), then run the suite (ARGS go to pytest)
# Safe to repeat: apt packages and the virtual environment are only added when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-desk}
[ $# -gt 0 ] && shift

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# What Qt needs to open a window (and, for a few of them, even to run offscreen).
qt_packages=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libcups2 fonts-dejavu-core)
# The printing tests start their own CUPS scheduler with a cups-pdf queue (tests/cups.py);
# cups-filters turns the desk's PDFs into what the queue's driver takes.
test_packages=(postgresql desktop-file-utils xvfb cups-daemon cups-client cups-bsd cups-filters
  printer-driver-cups-pdf)

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

make_venv() {
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      apt_install python3-venv
      python3 -m venv .venv
    fi
  fi
  .venv/bin/python -m pip install -q --upgrade pip
}

case "$mode" in
  desk)
    apt_install "${qt_packages[@]}"
    make_venv
    .venv/bin/python -m pip install -q .
    exec .venv/bin/taftan-desk "$@"
    ;;
  test)
    apt_install "${qt_packages[@]}" "${test_packages[@]}"
    make_venv
    .venv/bin/python -m pip install -q -e ".[test,postgres]"
    # Lint first: a style slip or an import across the rings fails here, before the suite
    # (set -e stops the script at the first that fails).
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/lint-imports
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "usage: bash packaging/bootstrap.sh desk|test [ARGS...]" >&2
    exit 2
    ;;
esac
