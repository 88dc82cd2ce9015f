#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The websites target (issue 6), measured against nginx's own commands in the same run, on the
# same private nginx (tests/fixtures/nginx.sh, 127.0.0.1, its own prefix; never /etc/nginx):
#   websites.update (stage + nginx -t + switch + reload)  <= 1.5 x  `nginx -t && nginx -s reload`
# qwq: the wall time of one websites.update through a running `qwq-helper serve` (the site's root
# alternates between two directories, so every apply really changes a file and the master
# really reloads; the helper answers once the new workers run), median of QWQ_BENCH_WEB_RUNS
# (default 20) after 3 warm-ups. Peer: hyperfine -N of `sh -c 'nginx -t -q -c CONF && nginx
# -s reload -c CONF'` (by hand: validate, then signal), same runs and warm-ups. Both sides
# start each run from a settled master (0.2 s apart, not timed): after starting new workers the
# master sleeps 100 ms before it handles the next signal, which back-to-back reloads would
# measure instead of the apply (and which `nginx -s reload`, returning at the signal, hides).
# Usage: run-websites-bench.sh BUILD_DIR OUT_JSON. Needs root, nginx, hyperfine, python3.
# Exit 77 = skipped (a tool missing), 2 = broken. OUT_JSON holds {"rows": [[name, peer, peer
# value, qwq value, unit, ratio, target, pass]], …}.
set -uo pipefail

BUILD=${1:?usage: run-websites-bench.sh BUILD_DIR OUT_JSON}
OUT=${2:?usage: run-websites-bench.sh BUILD_DIR OUT_JSON}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURE="$HERE/../../tests/fixtures/nginx.sh"
HELPER="$BUILD/bin/qwq-helper"
RUNS=${QWQ_BENCH_WEB_RUNS:-20}

skip() { echo "run-websites-bench.sh: SKIP: $*" >&2; exit 77; }
die() { echo "run-websites-bench.sh: $*" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || skip "must run as root (nginx workers)"
for tool in hyperfine python3; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
done
NGINX=$(PATH="/usr/sbin:/usr/local/sbin:$PATH" command -v nginx) || skip "nginx not installed"
[ -x "$HELPER" ] || die "$HELPER not built (ninja -C $BUILD qwq-helper)"

WORK=$(mktemp -d /tmp/qwq-webbench.XXXXXX)
cleanup() {
    "$FIXTURE" stop "$WORK" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== websites: starting a private nginx" >&2
bash "$FIXTURE" start "$WORK" >&2
case $? in 0) ;; 77) skip "nginx not installed" ;; *) die "the nginx fixture failed" ;; esac
# shellcheck disable=SC1091
. "$WORK/env"
for d in a b; do
    mkdir -p "$WORK/www/$d" && echo "$d" >"$WORK/www/$d/index.html"
done
chmod -R a+rX "$WORK/www"

echo "== websites: nginx -t && nginx -s reload" >&2
hyperfine --warmup 3 --runs "$RUNS" -N --style basic --prepare 'sleep 0.2' --export-json "$WORK/peer.json" \
    "sh -c '$NGINX -t -q -c $CONF && $NGINX -s reload -c $CONF'" >&2 || die "hyperfine (nginx) failed"

echo "== websites: websites.update through qwq-helper" >&2
export HELPER RUNS WORK OUT CONF PORT
python3 - <<'PY' || die "the helper measurement failed"
import json, os, statistics, subprocess, time

work, runs = os.environ["WORK"], int(os.environ["RUNS"])
env = dict(os.environ, QWQ_NGINX_CONF=os.environ["CONF"], QWQ_DATA_DIR=work + "/qwq-data",
           QWQ_WEBSITES_ROOTS=work + "/www")

def request(p, rid, method, params=None):
    msg = {"jsonrpc": "2.0", "id": rid, "method": method}
    if params is not None:
        msg["params"] = params
    p.stdin.write((json.dumps(msg) + "\n").encode())
    p.stdin.flush()
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit("the helper exited")
        if b'"$/' not in line[:64]:
            answer = json.loads(line)
            if "error" in answer:
                raise SystemExit("%s: %s" % (method, answer["error"]))
            return answer

def site(root):
    return {"site": {"domain": "bench.test", "root": work + "/www/" + root,
                     "port": int(os.environ["PORT"]), "address": "127.0.0.1", "gzip": True}}

p = subprocess.Popen([os.environ["HELPER"], "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
request(p, 0, "initialize", {"client": "bench", "protocol": 1})
request(p, 1, "websites.create", site("a"))
times = []
for i in range(runs + 3):
    time.sleep(0.2)
    t0 = time.perf_counter()
    request(p, i + 2, "websites.update", site("b" if i % 2 == 0 else "a"))
    dt = time.perf_counter() - t0
    if i >= 3:
        times.append(dt)
p.stdin.close()
p.wait()

with open(os.path.join(work, "peer.json")) as f:
    peer = json.load(f)["results"][0]
peer_ms = peer["median"] * 1000
qwq_ms = statistics.median(times) * 1000
print("websites.update: helper %.2f ms (p90 %.2f); nginx -t && nginx -s reload %.2f ms"
      % (qwq_ms, sorted(times)[int(len(times) * 0.9) - 1] * 1000, peer_ms), file=__import__("sys").stderr)
result = {
    "peer": {"median_ms": peer_ms, "mean_ms": peer["mean"] * 1000, "runs": len(peer["times"])},
    "helper_update": {"median_ms": qwq_ms, "runs": len(times)},
    "rows": [["site change: validate + reload", "nginx -t && nginx -s reload", peer_ms, qwq_ms, "ms",
              qwq_ms / peer_ms, "<= 1.5x", qwq_ms / peer_ms <= 1.5]],
}
with open(os.environ["OUT"], "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
PY
exit 0
