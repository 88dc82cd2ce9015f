#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The terminal's targets (issue 4), measured against its peers in the same run, same file,
# same X server (Xvfb), same 80x24 size:
#   cat of 50 MB of mixed text (ASCII, CJK, SGR colours), start-up subtracted:
#     qwq < xfce4-terminal (VTE)   and   qwq <= 1.5 x st
#   100,000 lines of 80-column scrollback <= 60 MiB
#   Ctrl+C typed during that flood: the screen stops changing within 200 ms
# Each terminal runs `cat FILE` and `true` (hyperfine -N, median of QWQ_BENCH_TERM_RUNS = 5,
# failed runs dropped); the difference is the time spent on the output. qwq is
# `bench_terminal run`: the real TerminalView with a LocalPtySession, leaving after its last
# frame is painted. Also reported: TerminalScreen's parse speed alone (no PTY, no widget).
# Usage: run-terminal-bench.sh BUILD_DIR OUT_JSON. Needs xvfb-run (when there is no DISPLAY),
# st (stterm), xfce4-terminal, hyperfine, python3. Exit 77 = a tool is missing, 2 = broken.
set -uo pipefail

BUILD=${1:?usage: run-terminal-bench.sh BUILD_DIR OUT_JSON}
OUT=${2:?usage: run-terminal-bench.sh BUILD_DIR OUT_JSON}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
BENCH="$BUILD/bin/bench_terminal"
RUNS=${QWQ_BENCH_TERM_RUNS:-5}
MB=${QWQ_BENCH_TERM_MB:-50}

skip() { echo "run-terminal-bench.sh: SKIP: $*" >&2; exit 77; }
die() { echo "run-terminal-bench.sh: $*" >&2; exit 2; }

for tool in st xfce4-terminal hyperfine python3; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found (apt-get install stterm xfce4-terminal hyperfine)"
done
[ -x "$BENCH" ] || die "$BENCH not built (ninja -C $BUILD bench_terminal)"
if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null 2>&1 || skip "no DISPLAY and no xvfb-run"
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi

WORK=$(mktemp -d /tmp/qwq-termbench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
FILE="$WORK/mixed.txt"
"$BENCH" generate "$FILE" "$MB" || die "could not generate the test file"
export NO_AT_BRIDGE=1   # xfce4-terminal: no accessibility bus to wait for

q() { printf '%q ' "$@"; }
measure() {   # name, then the command line without the program to run
    local name=$1
    shift
    echo "== $name: cat of $MB MB and true" >&2
    hyperfine -N -i --warmup 1 --runs "$RUNS" --style basic --export-json "$WORK/$name.json" \
        "$(q "$@" cat "$FILE")" "$(q "$@" true)" >&2 || die "hyperfine ($name) failed"
}
measure qwq "$BENCH" run
measure st st -g 80x24 -e
measure xfce4_terminal xfce4-terminal --disable-server --geometry=80x24 -x

echo "== qwq: TerminalScreen alone, and 100,000 lines of scrollback" >&2
"$BENCH" feed "$FILE" >"$WORK/feed.json" || die "bench_terminal feed failed"
"$BENCH" scrollback 100000 >"$WORK/scrollback.json" || die "bench_terminal scrollback failed"
echo "== qwq: Ctrl+C during the flood" >&2
for i in 1 2 3; do
    "$BENCH" interrupt "$FILE" >>"$WORK/interrupt.jsonl" || die "bench_terminal interrupt failed"
done

export WORK OUT MB RUNS
python3 - <<'PY'
import json, os
work = os.environ["WORK"]
def load(name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)
out = {"file_mb": int(os.environ["MB"]), "runs": int(os.environ["RUNS"])}
def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2

def good_times(result):
    # A run whose terminal failed (hyperfine -i keeps going) is not a measurement.
    codes = result.get("exit_codes") or [0] * len(result["times"])
    times = [t for t, c in zip(result["times"], codes) if c == 0]
    if not times:
        raise SystemExit("every run of %r failed" % result["command"])
    return times, len(result["times"]) - len(times)

for name in ("qwq", "st", "xfce4_terminal"):
    cat, true = load(name + ".json")["results"]
    cat_times, cat_failed = good_times(cat)
    true_times, true_failed = good_times(true)
    out[name] = {"cat_s": median(cat_times), "start_s": median(true_times),
                 "net_s": median(cat_times) - median(true_times),
                 "cat_times_s": cat_times, "start_times_s": true_times,
                 "failed_runs": cat_failed + true_failed}
out["feed"] = load("feed.json")
out["scrollback"] = load("scrollback.json")
with open(os.path.join(work, "interrupt.jsonl")) as f:
    stops = [json.loads(line)["ctrl_c_to_screen_ms"] for line in f if line.strip()]
out["interrupt"] = {"ctrl_c_to_screen_ms": median(stops), "runs_ms": stops}
with open(os.environ["OUT"], "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
q, st, xf = out["qwq"]["net_s"], out["st"]["net_s"], out["xfce4_terminal"]["net_s"]
print("cat %d MB, start-up subtracted: qwq %.2f s, st %.2f s (qwq/st %.2f), xfce4-terminal %.2f s (qwq/xfce %.2f)"
      % (out["file_mb"], q, st, q / st, xf, q / xf))
print("TerminalScreen alone: %.0f MB/s; 100,000 scrollback lines: %.1f MiB; Ctrl+C to a still screen: %.0f ms"
      % (out["feed"]["mb_per_s"], out["scrollback"]["scrollback_bytes"] / 1048576,
         out["interrupt"]["ctrl_c_to_screen_ms"]))
PY
