#!/bin/bash
# store_pg.sh: runs a command against a throwaway PostgreSQL server.
#
# Creates a cluster in a temporary directory, starts it on a free
# loopback port (and a Unix socket inside that directory), runs the
# command with SL_PG_URL set to an empty database, then stops the server
# and removes the directory, also when the command fails or the script is
# interrupted.  The exit status is the command's.
#
#   tests/store_pg.sh                      # build/tests/test_store
#   tests/store_pg.sh build-san/tests/test_store
#   tests/store_pg.sh sh -c 'build/supplyline ingest --db "$SL_PG_URL" tests/cases'
#
# Needs Debian's `postgresql` package (server binaries under
# /usr/lib/postgresql/<version>/bin; it pulls in postgresql-client) and
# libpq-dev to build.  As root, the server runs as the `postgres` user the
# package creates (or `nobody`), since PostgreSQL refuses to run as root.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
	set -- "${B:-build}/tests/test_store"
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "store_pg.sh: PostgreSQL server not found (apt-get install postgresql)" >&2
	exit 2
fi

tmp=$(mktemp -d /tmp/sl-pg.XXXXXX)
chmod 755 "$tmp"
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	user=postgres
	id "$user" >/dev/null 2>&1 || user=nobody
	chown "$user" "$tmp"
	as_user() { runuser -u "$user" -- "$@"; }
fi

started=0
cleanup() {
	status=$?
	if [ "$started" = 1 ]; then
		as_user "$bindir/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((20000 + RANDOM % 20000))
for _ in $(seq 1 100); do
	port_free "$port" && break
	port=$((port + 1))
done

as_user "$bindir/initdb" -D "$tmp/data" -U sl --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 || {
	cat "$tmp/initdb.log" >&2
	exit 2
}
if ! as_user "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
	-o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
	cat "$tmp/server.log" >&2
	exit 2
fi
started=1
as_user "$bindir/createdb" -h 127.0.0.1 -p "$port" -U sl sl_test

export SL_PG_URL="postgresql://sl@127.0.0.1:$port/sl_test"
export SL_DATA="${SL_DATA:-data}" SL_TESTS="${SL_TESTS:-tests}"
"$@"
