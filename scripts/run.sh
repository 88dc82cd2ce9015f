#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run.sh [qwq options]: installs what is missing, builds, and launches qwq with
# "This computer" connected through the local helper.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh" build
"$root/scripts/build.sh" "$root/build"
exec "$root/build/bin/qwq" "$@"
