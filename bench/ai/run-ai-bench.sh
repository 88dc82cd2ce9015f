#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The AI pane targets (issue 9), absolute budgets measured in one process (bench_aipane):
#   tokens appear in the pane within 30 ms of their bytes arriving (p99 over every token of a
#   streamed answer; p50 and max reported), and the SSE parser handles >= 50 MB/s.
# Under Xvfb when xvfb-run is there (real X11 painting), else offscreen.
# Usage: run-ai-bench.sh BUILD_DIR OUT_JSON. Exit 2 = broken setup; the JSON says pass/fail.
set -uo pipefail

BUILD=${1:?usage: run-ai-bench.sh BUILD_DIR OUT_JSON}
OUT=${2:?usage: run-ai-bench.sh BUILD_DIR OUT_JSON}
BIN="$BUILD/bin/bench_aipane"
[ -x "$BIN" ] || { echo "run-ai-bench.sh: $BIN not built (ninja -C $BUILD bench_aipane)" >&2; exit 2; }
TOKENS=${QWQ_BENCH_AI_TOKENS:-1500}
INTERVAL=${QWQ_BENCH_AI_INTERVAL_MS:-4}

echo "== AI pane: $TOKENS streamed tokens, one every $INTERVAL ms; SSE parser throughput" >&2
if command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a -s "-screen 0 1400x1000x24" env QT_QPA_PLATFORM=xcb \
        "$BIN" --tokens "$TOKENS" --interval-ms "$INTERVAL" >"$OUT"
else
    QT_QPA_PLATFORM=offscreen "$BIN" --tokens "$TOKENS" --interval-ms "$INTERVAL" >"$OUT"
fi
rc=$?
[ -s "$OUT" ] || { echo "run-ai-bench.sh: bench_aipane wrote nothing (exit $rc)" >&2; exit 2; }
exit 0
