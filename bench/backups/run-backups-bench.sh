#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The backups targets (issue 8), measured against tar + zstd on the same data in the same run:
#   backups.create of a ~2 GB mixed directory  <= 1.3 x  `tar -I zstd -cf OUT -C PARENT DIR`
#   backups.restore of that snapshot           <= 1.3 x  `tar -I zstd -xf OUT -C TARGET`
# The directory (built once and kept, QWQ_BENCH_BACKUP_DATA, default /var/tmp/qwq-bench-backups
# /data): ~900 MB of text (the system's C headers and Python sources copied several times
# with a numbered comment in each file, so copies differ), ~700 MB of random bytes in files
# of 1-64 MB, and 60,000 small files of 0.5-16 KB (text and random). Both sides read it warm
# from the page cache and write to the same file system (under the same parent). qwq: the wall
# time of one request through a running `qwq-helper serve` (default level 3, one zstd worker,
# plain); peer: the command's wall time. QWQ_BENCH_BACKUP_RUNS runs each (default 3),
# alternating, the median judged; the outputs are removed between runs (not timed).
# Usage: run-backups-bench.sh BUILD_DIR OUT_JSON. Needs python3, tar, zstd; ~8 GB free.
# Exit 77 = skipped, 2 = broken. OUT_JSON holds {"rows": [[name, peer, peer value, qwq value,
# unit, ratio, target, pass]], …}.
set -uo pipefail

BUILD=${1:?usage: run-backups-bench.sh BUILD_DIR OUT_JSON}
OUT=${2:?usage: run-backups-bench.sh BUILD_DIR OUT_JSON}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
HELPER="$BUILD/bin/qwq-helper"
BASE=${QWQ_BENCH_BACKUP_BASE:-/var/tmp/qwq-bench-backups}
DATA=${QWQ_BENCH_BACKUP_DATA:-$BASE/data}
RUNS=${QWQ_BENCH_BACKUP_RUNS:-3}

skip() { echo "run-backups-bench.sh: SKIP: $*" >&2; exit 77; }
die() { echo "run-backups-bench.sh: $*" >&2; exit 2; }

for tool in python3 tar zstd; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool not found"
done
[ -x "$HELPER" ] || die "$HELPER not built (ninja -C $BUILD qwq-helper)"
mkdir -p "$BASE" || die "cannot create $BASE"
AVAIL_KB=$(df -Pk "$BASE" | awk 'NR == 2 { print $4 }')
[ "${AVAIL_KB:-0}" -gt $((8 * 1024 * 1024)) ] || skip "less than 8 GB free under $BASE"

# --- the data set (kept between runs) ---------------------------------------------------------
if [ ! -f "$DATA/.complete" ]; then
    echo "== backups: building the ~2 GB mixed directory in $DATA" >&2
    rm -rf "$DATA"
    mkdir -p "$DATA/text" "$DATA/random" "$DATA/small"
    copy=0
    while [ "$(du -sm "$DATA/text" | cut -f1)" -lt 850 ]; do
        copy=$((copy + 1))
        for tree in /usr/include /usr/lib/python3; do
            [ -d "$tree" ] || continue
            mkdir -p "$DATA/text/$copy"
            cp -r "$tree" "$DATA/text/$copy/" 2>/dev/null
        done
        find "$DATA/text/$copy" -type f -size -2M -name '*.[hc]*' -exec sh -c \
            'for f; do printf "/* copy %s */\n" "$0" >>"$f"; done' "$copy" {} + 2>/dev/null
    done
    i=0
    total=0
    while [ "$total" -lt 700 ]; do
        size=$(( (i * 37 % 64) + 1 ))
        head -c "$((size * 1024 * 1024))" /dev/urandom >"$DATA/random/r$i.bin"
        total=$((total + size))
        i=$((i + 1))
    done
    python3 - "$DATA/small" <<'PY' || die "making the small files failed"
import os, random, sys
root = sys.argv[1]
rnd = random.Random(8)
words = open("/usr/share/dict/words").read().split() if os.path.exists("/usr/share/dict/words") else \
    ["alpha", "beta", "gamma", "delta", "server", "backup", "config", "value", "user", "error"]
for d in range(300):
    os.makedirs(os.path.join(root, "d%03d" % d), exist_ok=True)
    for f in range(200):
        size = rnd.randint(512, 16384)
        path = os.path.join(root, "d%03d" % d, "f%03d.%s" % (f, "txt" if f % 4 else "bin"))
        with open(path, "wb") as out:
            if f % 4:
                text = []
                n = 0
                while n < size:
                    w = rnd.choice(words) + ("\n" if rnd.random() < 0.1 else " ")
                    text.append(w)
                    n += len(w)
                out.write("".join(text).encode()[:size])
            else:
                out.write(os.urandom(size))
PY
    touch "$DATA/.complete"
fi
SIZE_MB=$(du -sm --exclude=.complete "$DATA" | cut -f1)
FILES=$(find "$DATA" -type f | wc -l)
echo "== backups: $DATA holds $SIZE_MB MB in $FILES files" >&2
find "$DATA" -type f -print0 | xargs -0 cat >/dev/null   # warm the page cache

WORK="$BASE/work"
rm -rf "$WORK"
mkdir -p "$WORK"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

export HELPER DATA WORK RUNS OUT SIZE_MB FILES
python3 - <<'PY' || die "the measurement failed"
import json, os, shutil, statistics, subprocess, sys, time

helper, data, work, runs = os.environ["HELPER"], os.environ["DATA"], os.environ["WORK"], int(os.environ["RUNS"])
parent, name = os.path.dirname(data), os.path.basename(data)

p = subprocess.Popen([helper, "serve", "--watchdog-seconds", "0"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
next_id = [0]
def request(method, params):
    next_id[0] += 1
    p.stdin.write((json.dumps({"jsonrpc": "2.0", "id": next_id[0], "method": method, "params": params}) + "\n").encode())
    p.stdin.flush()
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit("the helper exited")
        msg = json.loads(line)
        if msg.get("id") == next_id[0]:
            if "error" in msg:
                raise SystemExit("%s: %s" % (method, msg["error"]))
            return msg["result"]

def timed(f):
    subprocess.run(["sync"])
    t0 = time.perf_counter()
    r = f()
    return time.perf_counter() - t0, r

def sh(args):
    return lambda: subprocess.run(args, check=True)

request("initialize", {"client": "bench", "protocol": 1})
tar_c, tar_x, qwq_c, qwq_r = [], [], [], []
tar_size = qwq_size = 0
for i in range(runs):
    dest = os.path.join(work, "dest")
    tarball = os.path.join(work, "data.tar.zst")
    t, _ = timed(sh(["tar", "-I", "zstd", "-cf", tarball, "-C", parent, name]))
    tar_c.append(t)
    tar_size = os.path.getsize(tarball)
    t, r = timed(lambda: request("backups.create", {"sources": [{"path": data}], "destination": {"dir": dest},
                                                    "policy": "bench"}))
    qwq_c.append(t)
    qwq_size, snap = r["size"], r["snapshot"]
    target = os.path.join(work, "tar-target")
    os.makedirs(target)
    t, _ = timed(sh(["tar", "-I", "zstd", "-xf", tarball, "-C", target]))
    tar_x.append(t)
    shutil.rmtree(target)
    os.unlink(tarball)
    target = os.path.join(work, "qwq-target")
    t, _ = timed(lambda: request("backups.restore", {"destination": {"dir": dest}, "snapshot": snap, "target": target}))
    qwq_r.append(t)
    shutil.rmtree(target)
    shutil.rmtree(dest)
    print("run %d: create tar %.2f s, qwq %.2f s; restore tar %.2f s, qwq %.2f s" % (i + 1, tar_c[-1], qwq_c[-1], tar_x[-1], qwq_r[-1]), file=sys.stderr)
p.stdin.close()
p.wait()

mc, mx = statistics.median(tar_c), statistics.median(tar_x)
qc, qr = statistics.median(qwq_c), statistics.median(qwq_r)
print("backups: create %.2f s vs tar+zstd %.2f s (%.2fx); restore %.2f s vs %.2f s (%.2fx); "
      "sizes: snapshot %.0f MB, tar.zst %.0f MB" % (qc, mc, qc / mc, qr, mx, qr / mx, qwq_size / 1e6, tar_size / 1e6),
      file=sys.stderr)
result = {
    "data": {"mb": int(os.environ["SIZE_MB"]), "files": int(os.environ["FILES"])},
    "tar_create_s": tar_c, "tar_extract_s": tar_x, "qwq_create_s": qwq_c, "qwq_restore_s": qwq_r,
    "snapshot_bytes": qwq_size, "tar_zst_bytes": tar_size,
    "rows": [["backup 2GB: create", "tar -I zstd -cf", mc, qc, "s", qc / mc, "<= 1.3x", qc / mc <= 1.3],
             ["backup 2GB: restore", "tar -I zstd -xf", mx, qr, "s", qr / mx, "<= 1.3x", qr / mx <= 1.3]],
}
with open(os.environ["OUT"], "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
PY
exit 0
