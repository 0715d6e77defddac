#!/bin/sh
# Headless Chromium for tests/service/test_browser.py: Debian's chromium and
# chromium-driver packages (Playwright drives the system binary; `playwright install`
# is never run, so nothing is downloaded from outside the distribution's mirrors).
# Idempotent: does nothing when `chromium` is already on PATH.  Where it cannot install
# (not root, no sudo, no apt-get) it warns and exits 0, or 1 with REQUIRE_BROWSER=1.
set -eu
FAIL=0
[ "${REQUIRE_BROWSER:-0}" = "1" ] && FAIL=1

if command -v chromium >/dev/null 2>&1; then
    echo "chromium present: $(command -v chromium)"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "chromium is missing and this user cannot install packages (not root, no sudo);" >&2
    echo "install it with: apt-get install chromium chromium-driver" >&2
    echo "(tests/service/test_browser.py is skipped without it)" >&2
    exit "$FAIL"
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium is missing and there is no apt-get here; install Chromium yourself." >&2
    exit "$FAIL"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver
echo "installed: $(chromium --version 2>/dev/null || command -v chromium)"
