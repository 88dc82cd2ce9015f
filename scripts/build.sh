#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build.sh [BUILD_DIR]: configures (once) and builds everything with Ninja (+ ccache).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j"$(nproc)"
