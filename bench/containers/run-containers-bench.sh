#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The containers target (issue 5), measured against the docker CLI in the same run, on the
# same private dockerd (tests/fixtures/dockerd.sh) holding the same 200 containers (created,
# not started, half of them labelled as compose services):
#   containers.list through a running `qwq-helper serve`  <= 1.0 x  `docker ps -a --format '{{json .}}'`
# qwq: the wall time from writing the request line to reading the whole response line on the
# helper's stdout (the app keeps one helper per server running), median of QWQ_BENCH_DOCKER_RUNS
# (default 30) after 3 warm-ups. docker: hyperfine -N, same runs and warm-ups. Also reported,
# not a target: a cold helper (start, initialize, containers.list, exit).
# Usage: run-containers-bench.sh BUILD_DIR OUT_JSON. Needs root, docker.io, busybox-static,
# hyperfine, python3. Exit 77 = skipped (a tool missing, dockerd cannot start), 2 = broken.
# OUT_JSON holds {"rows": [[name, peer, peer value, qwq value, unit, ratio, target, pass]], …}.
set -uo pipefail

BUILD=${1:?usage: run-containers-bench.sh BUILD_DIR OUT_JSON}
OUT=${2:?usage: run-containers-bench.sh BUILD_DIR OUT_JSON}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURE="$HERE/../../tests/fixtures/dockerd.sh"
HELPER="$BUILD/bin/qwq-helper"
RUNS=${QWQ_BENCH_DOCKER_RUNS:-30}
COUNT=${QWQ_BENCH_DOCKER_CONTAINERS:-200}

skip() { echo "run-containers-bench.sh: SKIP: $*" >&2; exit 77; }
die() { echo "run-containers-bench.sh: $*" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || skip "must run as root (dockerd)"
for tool in hyperfine python3; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
done
[ -x "$HELPER" ] || die "$HELPER not built (ninja -C $BUILD qwq-helper)"
DOCKER=/usr/bin/docker
[ -x "$DOCKER" ] || DOCKER=$(command -v docker) || skip "no docker CLI (install docker.io)"

WORK=$(mktemp -d /tmp/qwq-dockbench.XXXXXX)
cleanup() {
    "$FIXTURE" stop "$WORK" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== containers: starting a private dockerd" >&2
"$FIXTURE" start "$WORK" >&2
case $? in 0) ;; 77) skip "dockerd cannot start here" ;; *) die "the dockerd fixture failed" ;; esac
SOCK="$WORK/docker.sock"
IMAGE=qwq-test/busybox:1
D=("$DOCKER" -H "unix://$SOCK")

echo "== containers: creating $COUNT containers" >&2
seq 1 "$COUNT" | xargs -P 4 -I{} sh -c '
    n={} docker=$0 sock=$1 image=$2
    set --
    if [ $((n % 2)) -eq 0 ]; then
        set -- --label com.docker.compose.project=bench$((n % 10)) --label com.docker.compose.service=svc$n \
               --label com.docker.compose.project.working_dir=/srv/bench --label com.docker.compose.project.config_files=/srv/bench/compose.yml
    fi
    exec "$docker" -H "unix://$sock" create --name "bench-$n" "$@" "$image" sleep 1000 >/dev/null
' "$DOCKER" "$SOCK" "$IMAGE" || die "could not create the containers"
have=$("${D[@]}" ps -aq | wc -l)
[ "$have" -ge "$COUNT" ] || die "only $have containers exist"

echo "== containers: docker ps -a --format '{{json .}}'" >&2
hyperfine --warmup 3 --runs "$RUNS" -N --style basic --export-json "$WORK/docker-ps.json" \
    "$(printf '%q ' "${D[@]}" ps -a --format '{{json .}}')" >&2 || die "hyperfine (docker ps) failed"

echo "== containers: containers.list through qwq-helper" >&2
export HELPER SOCK RUNS COUNT WORK OUT
python3 - <<'PY' || die "the helper measurement failed"
import json, os, statistics, subprocess, time

helper, sock, runs, count = os.environ["HELPER"], os.environ["SOCK"], int(os.environ["RUNS"]), int(os.environ["COUNT"])
env = dict(os.environ, DOCKER_HOST="unix://" + sock)

def request(p, rid, method, params=None):
    msg = {"jsonrpc": "2.0", "id": rid, "method": method}
    if params is not None:
        msg["params"] = params
    p.stdin.write((json.dumps(msg) + "\n").encode())
    p.stdin.flush()
    while True:  # one request at a time: the first line that is not a notification answers it
        line = p.stdout.readline()
        if not line:
            raise SystemExit("the helper exited")
        if b'"$/' not in line[:64]:
            return line

p = subprocess.Popen([helper, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
request(p, 0, "initialize", {"client": "bench", "protocol": 1})
times, size = [], 0
for i in range(runs + 3):
    t0 = time.perf_counter()
    line = request(p, i + 1, "containers.list")
    dt = time.perf_counter() - t0
    if i >= 3:
        times.append(dt)
    size = len(line)
listed = len(json.loads(line)["result"]["containers"])
p.stdin.close()
p.wait()
if listed < count:
    raise SystemExit("containers.list returned %d of %d" % (listed, count))

cold = []
for i in range(max(5, runs // 3)):
    t0 = time.perf_counter()
    q = subprocess.Popen([helper, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    request(q, 0, "initialize", {"client": "bench", "protocol": 1})
    request(q, 1, "containers.list")
    q.stdin.close()
    q.wait()
    cold.append(time.perf_counter() - t0)

work = os.environ["WORK"]
with open(os.path.join(work, "docker-ps.json")) as f:
    ps = json.load(f)["results"][0]
ps_ms = ps["median"] * 1000
qwq_ms = statistics.median(times) * 1000
cold_ms = statistics.median(cold) * 1000
print("containers.list of %d: helper %.2f ms (p90 %.2f, %d KiB), cold helper %.2f ms; docker ps %.2f ms"
      % (listed, qwq_ms, sorted(times)[int(len(times) * 0.9) - 1] * 1000, size // 1024, cold_ms, ps_ms),
      file=__import__("sys").stderr)
result = {
    "containers": listed,
    "docker_ps": {"median_ms": ps_ms, "mean_ms": ps["mean"] * 1000, "runs": len(ps["times"])},
    "helper_list": {"median_ms": qwq_ms, "runs": len(times), "response_bytes": size},
    "cold_helper_initialize_list": {"median_ms": cold_ms, "runs": len(cold)},
    "rows": [["list %d containers" % listed, "docker ps -a --format json", ps_ms, qwq_ms, "ms",
              qwq_ms / ps_ms, "<= 1.0x", qwq_ms / ps_ms <= 1.0]],
}
with open(os.environ["OUT"], "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
PY
exit 0
