#!/bin/bash
# serve_env.sh: sourced by tests/api.sh and tests/serve_browser.sh.  Builds
# a throwaway database from the fixture articles in tests/data/serve/
# (short texts written for these tests), adds the analyst "alice", starts
# `supplyline serve` on a free loopback port and exports SL_URL.  The
# server is stopped and the directory removed on exit.
#
#   SL_BIN   the binary (default build/supplyline)
#   SL_DB    a database URL to use instead of a temporary SQLite file
#            (e.g. a PostgreSQL one from tests/store_pg.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SL_BIN=${SL_BIN:-build/supplyline}
SL_TMP=$(mktemp -d /tmp/sl-serve.XXXXXX)
SL_DB=${SL_DB:-$SL_TMP/serve.db}
SL_PASSWORD="correct horse battery"
export SL_BIN SL_TMP SL_DB SL_PASSWORD
sl_server_pid=""
sl_cleanup() {
	status=$?
	if [ -n "$sl_server_pid" ]; then
		kill "$sl_server_pid" 2>/dev/null || true
		wait "$sl_server_pid" 2>/dev/null || true
	fi
	rm -rf "$SL_TMP"
	exit "$status"
}
trap sl_cleanup EXIT
trap 'exit 130' INT TERM

"$SL_BIN" ingest --db "$SL_DB" tests/data/serve >"$SL_TMP/ingest.log" 2>&1 ||
	{ cat "$SL_TMP/ingest.log" >&2; exit 2; }
printf '%s\n' "$SL_PASSWORD" | "$SL_BIN" serve --db "$SL_DB" --add-user alice 2>>"$SL_TMP/ingest.log"

# (re)starts the server; SL_URL is its address
sl_start() {
	: >"$SL_TMP/serve.log"  # exists before the server opens it: the loop below reads it
	"$SL_BIN" serve --db "$SL_DB" --listen 127.0.0.1:0 --web web --data data \
		>"$SL_TMP/serve.log" 2>&1 &
	sl_server_pid=$!
	# up to 30 s: a sanitizer build on a loaded machine starts slowly.
	# The log is read with builtins, not $(sed ...): bash 5.2 can lose
	# track of a command substitution's child while a background job
	# runs ("wait_for: No record of process"), which set -e turns into a
	# silent exit.
	port=""
	local line
	for _ in $(seq 1 600); do
		while IFS= read -r line; do
			if [[ $line =~ listening\ on\ http://127\.0\.0\.1:([0-9]+)/ ]]; then
				port=${BASH_REMATCH[1]}
			fi
		done < "$SL_TMP/serve.log"
		[ -n "$port" ] && break
		if ! kill -0 "$sl_server_pid" 2>/dev/null; then
			local st=0
			wait "$sl_server_pid" || st=$?
			echo "serve exited with status $st before it listened; its log:" >&2
			cat "$SL_TMP/serve.log" >&2
			exit 2
		fi
		sleep 0.05
	done
	[ -n "$port" ] || { echo "serve did not start in 30 s; its log:" >&2; cat "$SL_TMP/serve.log" >&2; exit 2; }
	SL_URL="http://127.0.0.1:$port"
	export SL_URL
}
sl_stop() {
	kill "$sl_server_pid" 2>/dev/null || true
	wait "$sl_server_pid" 2>/dev/null || true
	sl_server_pid=""
}
sl_start
