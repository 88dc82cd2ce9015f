#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# screenshots.sh [BUILD_DIR]: the README's pictures, taken from the real app in a real X
# server (Xvfb): This computer and a loopback sshd server, in English and Chinese.
# Needs root (the sshd fixture), xvfb and imagemagick's `import`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=$root/docs
command -v import >/dev/null || { echo "screenshots.sh: install imagemagick" >&2; exit 1; }
work=$(mktemp -d /tmp/qwq-shots.XXXXXX)
chmod 755 "$work"   # sshd reads the authorized keys as the test user
cleanup() {
    [ -n "${xpid:-}" ] && kill "$xpid" 2>/dev/null || true
    "$root/tests/fixtures/sshd.sh" stop "$work/sshd" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

export QWQ_HOME=$work/home QWQ_HELPER=$build/bin/qwq-helper
port=$("$root/tests/fixtures/sshd.sh" start "$work/sshd")
"$build/bin/qwqctl" profiles add --name "web-01 (loopback sshd)" --host 127.0.0.1 --port "$port" \
    --user qwqtest --key "$work/sshd/id_ed25519" --auth key --group prod/web >/dev/null
"$build/bin/qwqctl" profiles add --name "db-01 (offline)" --host 127.0.0.1 --port 1 \
    --user qwqtest --key "$work/sshd/id_ed25519" --auth key --group prod/db >/dev/null
fp=$(ssh-keygen -lf "$work/sshd/ssh_host_ed25519_key.pub" | awk '{print $2}')
"$build/bin/qwqctl" check "web-01 (loopback sshd)" --trust-host-key "$fp" >/dev/null

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
sleep 1
export DISPLAY=$display
shot() {   # shot NAME LANG [qwq args…]
    local name=$1 lang=$2
    shift 2
    "$build/bin/qwq" --lang "$lang" "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep 7   # connect, two metrics samples
    import -window root "$out/$name.png"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}
mkdir -p "$out"
shot dashboard-local-en en
shot dashboard-local-zh_CN zh_CN
shot dashboard-sshd-en en --server "web-01 (loopback sshd)"
shot dashboard-sshd-zh_CN zh_CN --server "web-01 (loopback sshd)"
echo "screenshots written to $out"
