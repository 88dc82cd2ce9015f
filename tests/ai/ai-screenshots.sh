#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ai-screenshots.sh BUILD_DIR OUT_DIR: the AI pane in the real app under Xvfb, answering a disk
# question through fakellm.py (a scripted OpenAI-compatible server), in English and Chinese;
# then the AI settings page and the pane without a model. Needs xvfb, xdotool, imagemagick.
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
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display QWQ_HELPER=$build/bin/qwq-helper
unset DBUS_SESSION_BUS_ADDRESS   # no keychain here: the fake provider needs no key

# shot NAME LANG QUESTION [model]: start qwq, ask in the AI pane, capture the answer.
shot() {
    local name=$1 lang=$2 question=$3 configured=${4:-yes}
    export QWQ_HOME=$work/home-$name
    mkdir -p "$QWQ_HOME/config"
    if [ "$configured" = yes ]; then
        printf '[ai]\nprovider=custom\nbaseUrl=http://127.0.0.1:%s/v1\nmodel=fake-model\n' "$port" \
            >"$QWQ_HOME/config/qwq.ini"
    fi
    "$build/bin/qwq" --lang "$lang" >"$work/qwq-$name.log" 2>&1 &
    local pid=$!
    sleep 6   # connect This computer
    local wid
    wid=$(xdotool search --sync --onlyvisible --name 'qwq' | head -1)
    xdotool windowactivate --sync "$wid" 2>/dev/null || true
    # A click on the AI pane's (empty) conversation focuses its input; the default 1400x900
    # layout puts the pane under the Dashboard.
    xdotool mousemove --window "$wid" "${AI_CHAT_X:-700}" "${AI_CHAT_Y:-500}" click 1
    sleep 0.3
    xdotool type --delay 20 "$question"
    xdotool key Return
    sleep 5
    import -window root "$out/$name.png"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

shot aipane-en en "Why is my root disk so full?"

# The Dashboard's entry point: right-click a filesystem, "Ask AI …"; the pane comes forward
# with the question and the filesystem's numbers attached (not sent yet).
asked() {   # asked NAME LANG ROW_Y
    local name=$1 lang=$2 rowy=$3
    export QWQ_HOME=$work/home-$name
    mkdir -p "$QWQ_HOME/config"
    printf '[ai]\nprovider=custom\nbaseUrl=http://127.0.0.1:%s/v1\nmodel=fake-model\n' "$port" \
        >"$QWQ_HOME/config/qwq.ini"
    "$build/bin/qwq" --lang "$lang" >"$work/qwq-$name.log" 2>&1 &
    local pid=$!
    sleep 6
    local wid
    wid=$(xdotool search --sync --onlyvisible --name 'qwq' | head -1)
    xdotool windowactivate --sync "$wid" 2>/dev/null || true
    # The first row of the Filesystems table in the default 1400x900 layout.
    xdotool mousemove --window "$wid" 480 "$rowy" click 3
    sleep 1
    xdotool key Down Return
    sleep 1
    import -window root "$out/$name.png"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}
asked aipane-askdisk-en en 352
asked aipane-askdisk-zh_CN zh_CN 372   # Chinese text makes the Dashboard a little taller
shot aipane-zh_CN zh_CN "为什么根分区的磁盘快满了？"
shot aipane-nomodel-en en "sshd will not start: permission denied (publickey)" no
shot aipane-nomodel-zh_CN zh_CN "磁盘满了怎么办" no
echo "AI screenshots written to $out"
