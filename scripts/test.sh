#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test.sh [ctest options]: installs what is missing, builds, and runs every test. The tests
# start the servers they need themselves (sshd, a private D-Bus + gnome-keyring) on
# 127.0.0.1 and stop them by PID. Fixtures create users and run daemons: needs root
# (on a workstation the script re-runs the tests through sudo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QWQ_BUILD_DIR:-$root/build}
"$root/scripts/deps.sh" test
"$root/scripts/build.sh" "$build"
cd "$build"
run=(ctest --output-on-failure --timeout 900 "$@")
if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the integration fixtures need root; running ctest through sudo"
    run=(sudo --preserve-env=PATH "${run[@]}")
fi
"${run[@]}"
