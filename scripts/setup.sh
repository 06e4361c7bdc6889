#!/bin/sh
# Installs every Debian package supplyline's build, tests and main job
# need.  Idempotent; run as root (or with sudo) on Debian 12.
set -eu
PKGS="build-essential pkg-config ca-certificates gzip python3
      libxml2-dev zlib1g-dev libutf8proc-dev libsqlite3-dev sqlite3
      libpq-dev postgresql postgresql-client libjansson-dev libcmocka-dev
      libmicrohttpd-dev libsodium-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -q --no-install-recommends $missing
fi
