#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# deps.sh build|test: installs the Debian/Ubuntu packages qwq needs that are missing.
# The one list of dependencies; scripts/run.sh and scripts/test.sh both use it.
set -euo pipefail

BUILD_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libgl-dev
    qtkeychain-qt6-dev libssh-dev libqscintilla2-qt6-dev libvterm-dev libyaml-cpp-dev libgit2-dev
    nlohmann-json3-dev libhiredis-dev libssl-dev libzstd-dev libpq-dev libmariadb-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql
    libidn2-dev libunistring-dev libldns-dev
    fonts-noto-cjk
)
# What the tests start or drive: a real sshd, a Secret Service, sudo, an X server for
# screenshots, and the peers the benchmarks compare against.
TEST_PACKAGES=(
    openssh-server openssh-client dbus gnome-keyring sudo procps python3
    xvfb xauth hyperfine prometheus-node-exporter libpam-google-authenticator
    stterm xfce4-terminal htop
    docker.io busybox-static docker-registry docker-compose cron
    nginx pebble bind9 bind9-dnsutils
    postgresql mariadb-server mariadb-client redis-server redis-tools
)

case "${1:-}" in
    build) wanted=("${BUILD_PACKAGES[@]}") ;;
    test) wanted=("${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
    *) echo "usage: deps.sh build|test" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "deps.sh: missing packages (${missing[*]}) and no apt-get: install them by hand" >&2
    exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deps.sh: run as root or install sudo" >&2; exit 1; }
    SUDO=(sudo)
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
