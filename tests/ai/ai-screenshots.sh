#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ai-screenshots.sh BUILD_DIR OUT_DIR: the AI pane in the real app under Xvfb, with fakellm.py
# (a scripted OpenAI-compatible server) as the model, in English and Chinese:
#   aipane-LANG          a disk question answered after system_info;
#   aipane-diff-LANG     a compose_deploy approval card showing the diff of the managed
#                        project's compose.yml (read by the real helper) against the proposed one;
#   aipane-nomodel-LANG  the pane without a model (the reason and the bundled help).
# Nothing is clicked at coordinates: QWQ_AI_ASK makes the first ready AI pane ask the question
# itself (as if typed), so a changed layout cannot send keys elsewhere. Needs xvfb, xdotool
# (only to wait for the window) and imagemagick (import).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: ai-screenshots.sh BUILD_DIR OUT_DIR}" && pwd)
out=${2:?usage: ai-screenshots.sh BUILD_DIR OUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/qwq-aishots.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

python3 "$here/fakellm.py" >"$work/port" 2>"$work/fakellm.log" &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

display=:$((60 + RANDOM % 30))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display QWQ_HELPER=$build/bin/qwq-helper
unset DBUS_SESSION_BUS_ADDRESS   # no keychain here: the fake provider needs no key

# A managed compose project "shop" on This computer: the deploy's diff is against its file.
export QWQ_DATA_DIR=$work/data
mkdir -p "$QWQ_DATA_DIR/compose/shop"
printf 'services:\n  web:\n    image: qwq-test/busybox:1\n    command: ["sleep", "1000"]\n    init: true\n' \
    >"$QWQ_DATA_DIR/compose/shop/compose.yml"

# shot NAME LANG QUESTION [configured] [wait]: start qwq, let the AI pane ask, capture.
shot() {
    local name=$1 lang=$2 question=$3 configured=${4:-yes} settle=${5:-6}
    export QWQ_HOME=$work/home-$name
    mkdir -p "$QWQ_HOME/config"
    if [ "$configured" = yes ]; then
        printf '[ai]\nprovider=custom\nbaseUrl=http://127.0.0.1:%s/v1\nmodel=fake-model\n' "$port" \
            >"$QWQ_HOME/config/qwq.ini"
    fi
    QWQ_AI_ASK=$question "$build/bin/qwq" --lang "$lang" >"$work/qwq-$name.log" 2>&1 &
    local pid=$!
    local wid
    wid=$(xdotool search --sync --onlyvisible --name 'qwq' | head -1)
    xdotool windowmove "$wid" 0 0 windowsize "$wid" 1600 1000 2>/dev/null || true
    sleep "$settle"   # connect This computer, ask, stream the answer
    import -window root "$out/$name.png"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

shot aipane-en en "Why is my root disk so full?"
shot aipane-zh_CN zh_CN "为什么根分区的磁盘快满了？"
shot aipane-diff-en en "deploy shop"
shot aipane-diff-zh_CN zh_CN "部署 shop"
shot aipane-nomodel-en en "sshd will not start: permission denied (publickey)" no 4
shot aipane-nomodel-zh_CN zh_CN "磁盘满了怎么办" no 4
echo "AI screenshots written to $out"
