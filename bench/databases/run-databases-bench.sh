#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Databases (issue 7): a million-row query, qwq through its SSH session against psql straight
# to the server's port (FETCH_COUNT=1000, the way psql streams), on a private PostgreSQL and a
# private sshd on loopback:
#   - first 1,000 rows: qwq (open a database connection over the open SSH session, run, rows in
#     the grid's model) <= 1.2 x psql (start, connect, run, the first 1,000 lines on its stdout);
#   - drain: qwq (the grid scrolled to the bottom until the last row is in) <= 1.5 x psql (all
#     lines read);
#   - peak resident memory of the qwq side while scrolling through them < 200 MB.
# Median of 5 runs each. Usage: run-databases-bench.sh BUILD OUT.json; exit 77 without
# postgresql (skipped), 2 when the setup is broken.
set -uo pipefail
BUILD=$1
OUT=$2
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
die() { echo "run-databases-bench.sh: $*" >&2; exit 2; }

WORK=$(mktemp -d /tmp/qwq-dbbench.XXXXXX)
chmod 755 "$WORK"
cleanup() {
    "$SRC/tests/fixtures/dbservers.sh" stop postgres "$WORK/db" >/dev/null 2>&1
    [ -f "$WORK/sshd/env" ] && "$SRC/tests/fixtures/sshd.sh" stop "$WORK/sshd" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

"$SRC/tests/fixtures/dbservers.sh" start postgres "$WORK/db" >/dev/null
case $? in 0) ;; 77) echo "run-databases-bench.sh: SKIP: postgresql not installed" >&2; exit 77 ;; *) die "postgres did not start" ;; esac
# shellcheck disable=SC1091
. "$WORK/db/pg.env"
"$SRC/tests/fixtures/sshd.sh" start "$WORK/sshd" >/dev/null || die "the sshd fixture did not start"
# shellcheck disable=SC1091
. "$WORK/sshd/env"
ssh-keyscan -p "$SSHD_PORT" -t ed25519 127.0.0.1 2>/dev/null | sed "s/^127.0.0.1/[127.0.0.1]:$SSHD_PORT/" >"$WORK/known_hosts"
[ -s "$WORK/known_hosts" ] || die "ssh-keyscan found no host key"

SQL="select g, md5(g::text) from generate_series(1, 1000000) g"
echo "== databases: qwq through SSH vs psql straight, $SQL (5 runs each)" >&2
"$BUILD/bin/bench_databases" --ssh-port "$SSHD_PORT" --user "$SSHD_USER" --key "$SSHD_KEY" \
    --known-hosts "$WORK/known_hosts" --helper "$BUILD/bin/qwq-helper" --pg-port "$PG_PORT" \
    --pg-password qwq-pg-secret --runs 5 --sql "$SQL" >"$WORK/qwq.json" || die "bench_databases failed"

export PSQL="$PG_BIN/psql" PG_PORT SQL OUT WORK
python3 - <<'PY'
import json, os, statistics, subprocess, sys, time

env = dict(os.environ, PGPASSWORD="qwq-pg-secret")
cmd = [os.environ["PSQL"], "-X", "-h", "127.0.0.1", "-p", os.environ["PG_PORT"], "-U", "postgres",
       "-d", "qwqtest", "-At", "-v", "FETCH_COUNT=1000", "-c", os.environ["SQL"]]
first, drain = [], []
for run in range(5):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, bufsize=0)
    lines = 0
    got_first = None
    while True:
        chunk = p.stdout.read(1 << 16)
        if not chunk:
            break
        lines += chunk.count(b"\n")
        if got_first is None and lines >= 1000:
            got_first = time.perf_counter() - t0
    p.wait()
    t1 = time.perf_counter() - t0
    if lines != 1000000 or p.returncode != 0:
        sys.exit("psql printed %d lines, exit %d" % (lines, p.returncode))
    first.append(got_first * 1000)
    drain.append(t1 * 1000)

with open(os.path.join(os.environ["WORK"], "qwq.json")) as f:
    qwq = json.load(f)
pf, pd = statistics.median(first), statistics.median(drain)
qf, qd = qwq["first_rows_ms"], qwq["drain_ms"]
rss = qwq["peak_rss_mb"]
print("psql first 1000 rows %.1f ms (runs %s), all %.0f ms (runs %s)" %
      (pf, ", ".join("%.1f" % v for v in first), pd, ", ".join("%.0f" % v for v in drain)), file=sys.stderr)
print("qwq  first 1000 rows %.1f ms (runs %s), all %.0f ms (runs %s), %d rows, peak RSS %.0f MB" %
      (qf, ", ".join("%.1f" % v for v in qwq["first_rows_runs_ms"]), qd,
       ", ".join("%.0f" % v for v in qwq["drain_runs_ms"]), qwq["rows"], rss), file=sys.stderr)
result = {
    "psql": {"first_rows_ms": pf, "drain_ms": pd, "first_rows_runs_ms": first, "drain_runs_ms": drain},
    "qwq": qwq,
    "rows": [
        ["db: first 1000 rows", "psql FETCH_COUNT=1000", pf, qf, "ms", qf / pf, "<= 1.2x", qf / pf <= 1.2],
        ["db: drain 1M rows", "psql FETCH_COUNT=1000", pd, qd, "ms", qd / pd, "<= 1.5x", qd / pd <= 1.5],
        ["db: memory scrolling 1M", "budget 200 MB", 200.0, rss, "MB", rss / 200.0, "< 1.0x", rss < 200.0],
    ],
}
with open(os.environ["OUT"], "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
PY
