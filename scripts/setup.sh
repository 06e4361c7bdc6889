#!/bin/sh
# Installs every Debian package supplyline's build, tests and main job
# need, and the pinned npm packages of the browser tests.  Idempotent; run
# as root (or with sudo available) on Debian 12.
set -eu
cd "$(dirname "$0")/.."
PKGS="build-essential pkg-config ca-certificates gzip curl python3
      zlib1g-dev libutf8proc-dev libsqlite3-dev sqlite3
      libpq-dev postgresql postgresql-client libjansson-dev libcmocka-dev
      libmicrohttpd-dev libsodium-dev libxml2-dev chromium clang libclang-rt-14-dev
      slurm-wlm munge wrk"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
# Node.js may come from Debian or from elsewhere (NodeSource ships npm
# inside its nodejs package): install Debian's only when it is absent.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if [ -n "$missing" ]; then
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -q --no-install-recommends $missing
fi
# the chart library and playwright-core, exactly as package-lock.json pins them
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
