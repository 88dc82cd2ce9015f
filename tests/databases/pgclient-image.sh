#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds, offline, a small image holding busybox and this machine's PostgreSQL client tools
# (pg_dump, psql with the shared libraries ldd names), for tests that run a dump inside a
# container (databases.dump/restore with "container").
#   pgclient-image.sh DOCKER_SOCK IMAGE
# Exit 77 when busybox-static or PostgreSQL is missing.
set -euo pipefail
SOCK=$1
IMAGE=$2
docker_cli() { /usr/bin/docker -H "unix://$SOCK" "$@"; }
docker_cli image inspect "$IMAGE" >/dev/null 2>&1 && exit 0
bin=
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_dump" ] && bin=$d; done
[ -n "$bin" ] || { echo "pgclient-image.sh: SKIP: no PostgreSQL" >&2; exit 77; }
busybox=$(command -v busybox || true)
[ -n "$busybox" ] || { echo "pgclient-image.sh: SKIP: no busybox" >&2; exit 77; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/usr/bin" "$root/tmp" "$root/etc"
cp "$busybox" "$root/bin/busybox"
for applet in sh sleep cat ls; do ln -sf busybox "$root/bin/$applet"; done
echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
for tool in pg_dump psql pg_restore; do
    cp "$bin/$tool" "$root/usr/bin/$tool"
    for lib in $(ldd "$bin/$tool" | awk '/=> \//{print $3} /^\t\/.*ld-linux/{print $1}'); do
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
done
tar -C "$root" -c . | docker_cli import -c 'CMD ["sleep", "3600"]' - "$IMAGE" >/dev/null
