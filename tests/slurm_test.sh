#!/bin/bash
# slurm_test.sh: a job array on a one-node Slurm cluster loads one
# PostgreSQL database exactly as one single-process ingest does.
#
# Starts munged and a Slurm cluster of this machine alone (slurmctld and
# slurmd on loopback ports, configuration and state in a temporary
# directory, set up for a container: no cgroups, proctrack/linuxproc,
# task/none), and PostgreSQL through tests/store_pg.sh.  Builds a corpus
# from ../shared/eval/dev/*.txt repeated under distinct ids (samples/ and
# tests/cases/*.txt when dev is absent), in 16 shards of which two share
# some documents, and submits contrib/slurm/submit.sh with 4 tasks: each
# task extracts its shards and loads them concurrently, then the
# dependent merge job rebuilds the facts.  The database must then hold
# exactly what `ingest` of the same shards in one process holds: a
# canonical sorted dump of documents, records and facts with their
# sources (record ids, which differ, replaced by document and position)
# is compared byte for byte.  Then 4 background `ingest --no-facts`
# processes load the same shards straight from the documents into a
# third database, which must match too.
#
# When slurmd cannot run here, says precisely why and runs only the
# background-process part (exit 0; SLURM_REQUIRED=1 makes it a failure).
# Installs nothing: needs Debian's slurm-wlm, munge and postgresql.
#
#   tests/slurm_test.sh [build/supplyline]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=$(realpath "${1:-${SL_BIN:-build/supplyline}}")

if [ -z "${SL_PG_URL:-}" ]; then
	exec tests/store_pg.sh "$0" "$bin"
fi

tmp=$(mktemp -d /tmp/sl-slurm.XXXXXX)
chmod 755 "$tmp"
jobs_submitted=
cleanup() {
	status=$?
	if [ -n "$jobs_submitted" ]; then
		scancel $jobs_submitted >/dev/null 2>&1 || true
	fi
	for p in slurmd slurmctld munged; do
		if [ -s "$tmp/$p.pid" ]; then
			kill "$(cat "$tmp/$p.pid")" 2>/dev/null || true
		fi
	done
	sleep 0.5
	for p in slurmd slurmctld munged; do
		if [ -s "$tmp/$p.pid" ]; then
			kill -9 "$(cat "$tmp/$p.pid")" 2>/dev/null || true
		fi
	done
	for pid in ${bg_pids:-}; do
		kill "$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "slurm_test: $*"; }
fail() { say "FAIL: $*"; exit 1; }
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# ---- databases -----------------------------------------------------------
base=${SL_PG_URL%/*}
for db in sl_ref sl_slurm sl_bg; do
	pg "$SL_PG_URL" -c "CREATE DATABASE $db"
done

# ---- corpus: 16 shards, two of them sharing documents --------------------
corpus=$tmp/corpus
mkdir -p "$corpus"
src=()
if ls ../shared/eval/dev/*.txt >/dev/null 2>&1; then
	src=(../shared/eval/dev/*.txt)
	reps=${SLURM_TEST_REPS:-30}
else
	src=(samples/*.txt tests/cases/*.txt)
	reps=${SLURM_TEST_REPS:-60}
fi
k=0
for r in $(seq 1 "$reps"); do
	for f in "${src[@]}"; do
		s=$((k % 16))
		mkdir -p "$corpus/shard-$s"
		name=$(basename "$f" .txt)
		cp "$f" "$corpus/shard-$s/${name}_r$r.txt"
		k=$((k + 1))
	done
done
# the same documents in two shards (two tasks): stored once
cp "$corpus"/shard-0/*_r1.txt "$corpus/shard-1/"
ls -d "$corpus"/shard-* | sort -V >"$tmp/shards.txt"
ndocs=$(find "$corpus" -name '*.txt' | sed 's#.*/##' | sort -u | wc -l)
say "corpus: $ndocs distinct documents in 16 shards ($(du -sh "$corpus" | cut -f1))"

dump() {
	pg -A -t "$1" -c "
SELECT 'D', id, url, lang, date, hash, md5(text) FROM documents ORDER BY id COLLATE \"C\";
SELECT 'R', doc_id, ord, type, donor, recipient, consent_by, category, system, item, quantity, unit,
       value, currency, event_date, evidence, span_start, span_end FROM records ORDER BY doc_id COLLATE \"C\", ord;
SELECT 'F', f.id, f.type, f.donor, f.recipient, f.consent_by, f.category, f.system, f.item, f.quantity,
       f.unit, f.value, f.currency, f.event_date, f.first_report, f.last_report, f.date_lo, f.date_hi,
       f.n_sources, f.contradiction, f.conflict, f.linked_fact,
       (SELECT string_agg(r.doc_id || '#' || r.ord, ',' ORDER BY r.doc_id COLLATE \"C\", r.ord)
          FROM fact_sources s JOIN records r ON r.id = s.record_id WHERE s.fact_id = f.id)
  FROM facts f ORDER BY f.id;
SELECT 'M', key, value FROM meta ORDER BY key;"
}

compare() {   # name, database
	dump "$base/$2" >"$tmp/$2.dump"
	if ! cmp -s "$tmp/sl_ref.dump" "$tmp/$2.dump"; then
		diff "$tmp/sl_ref.dump" "$tmp/$2.dump" | head -20
		fail "$1: the database differs from the single-process ingest"
	fi
	say "ok: $1 = single process ($(grep -c '^D' "$tmp/$2.dump") documents, $(grep -c '^R' "$tmp/$2.dump") records, $(grep -c '^F' "$tmp/$2.dump") facts)"
}

# ---- the reference: one process -------------------------------------------
mapfile -t shards <"$tmp/shards.txt"
t0=$(date +%s%N)
"$bin" ingest --db "$base/sl_ref" "${shards[@]}" 2>"$tmp/ref.log" || { cat "$tmp/ref.log"; fail "reference ingest"; }
t_ref=$(( ($(date +%s%N) - t0) / 1000000 ))
dump "$base/sl_ref" >"$tmp/sl_ref.dump"
[ "$(grep -c '^D' "$tmp/sl_ref.dump")" = "$ndocs" ] || fail "reference holds $(grep -c '^D' "$tmp/sl_ref.dump") documents, not $ndocs"
[ "$(grep -c '^F' "$tmp/sl_ref.dump")" -gt 10 ] || fail "reference has too few facts"
say "single process: ${t_ref} ms"

# ---- concurrent ingest without a scheduler ---------------------------------
concurrent_bg() {
	local i pids=() st=0
	t0=$(date +%s%N)
	for i in 0 1 2 3; do
		"$bin" ingest --no-facts --batch 20 --db "$base/sl_bg" \
			$(awk -v i=$i '(NR - 1) % 4 == i' "$tmp/shards.txt") 2>"$tmp/bg-$i.log" &
		pids+=($!)
	done
	bg_pids="${pids[*]}"
	for p in "${pids[@]}"; do
		wait "$p" || st=1
	done
	bg_pids=
	[ $st = 0 ] || { cat "$tmp"/bg-*.log; fail "a background ingest failed"; }
	"$bin" ingest --rebuild --db "$base/sl_bg" 2>"$tmp/bg-rebuild.log" || { cat "$tmp/bg-rebuild.log"; fail "rebuild"; }
	say "4 background ingests + rebuild: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
	compare "4 concurrent ingest processes" sl_bg
}

# ---- Slurm -----------------------------------------------------------------
slurm_missing() {
	say "SLURM UNAVAILABLE: $*"
	if [ "${SLURM_REQUIRED:-0}" = 1 ]; then
		fail "Slurm is required (SLURM_REQUIRED=1)"
	fi
	concurrent_bg
	say "1 passed, 0 failed, 1 skipped"
	exit 0
}

for p in munged slurmctld slurmd sbatch squeue scancel; do
	command -v "$p" >/dev/null || PATH=$PATH:/usr/sbin:/sbin
	command -v "$p" >/dev/null || slurm_missing "'$p' not found (apt-get install slurm-wlm munge)"
done

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
	local p=$((20000 + RANDOM % 20000))
	while ! port_free "$p" || ! port_free $((p + 1)); do p=$((p + 2)); done
	echo "$p"
}

# munge: own key, socket and logs, so nothing of the machine's is touched
mkdir -p "$tmp/munge"
chmod 700 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
munged --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.sock" \
	--pid-file="$tmp/munged.pid" --log-file="$tmp/munge/munged.log" \
	--seed-file="$tmp/munge/munge.seed" >"$tmp/munge/start.log" 2>&1 ||
	slurm_missing "munged does not start: $(cat "$tmp/munge/start.log" "$tmp/munge/munged.log" 2>/dev/null | tail -3)"

node=$(hostname -s)
ctl_port=$(free_port)
d_port=$((ctl_port + 1))
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/out"
cat >"$tmp/slurm.conf" <<CONF
ClusterName=sltest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctl_port
SlurmdPort=$d_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.sock
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
NodeName=$node NodeAddr=127.0.0.1 CPUs=4 RealMemory=2000 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 ||
	slurm_missing "slurmctld does not start: $(tail -3 "$tmp/slurmctld.out" "$tmp/slurmctld.log" 2>/dev/null)"
slurmd -f "$SLURM_CONF" -N "$node" >"$tmp/slurmd.out" 2>&1 ||
	slurm_missing "slurmd does not start: $(tail -5 "$tmp/slurmd.out" "$tmp/slurmd.log" 2>/dev/null)"

up=0
for _ in $(seq 1 60); do
	state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
	case $state in
	idle*|mix*|alloc*) up=1; break ;;
	esac
	sleep 0.5
done
[ $up = 1 ] || slurm_missing "the node never came up (state '${state:-none}'): $(grep -iE 'error|fatal' "$tmp/slurmd.log" "$tmp/slurmctld.log" 2>/dev/null | tail -5)"
say "slurm: node $node $state (slurmctld :$ctl_port, slurmd :$d_port)"

t0=$(date +%s%N)
ids=$(contrib/slurm/submit.sh --shards "$tmp/shards.txt" --tasks 4 --threads 1 \
	--out "$tmp/out" --db "$base/sl_slurm" --bin "$bin" --data "$root/data")
jobs_submitted=$ids
read -r array merge <<<"$ids"
say "submitted array $array (4 tasks) and merge $merge"
deadline=$((SECONDS + ${SLURM_TEST_TIMEOUT:-300}))
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
	[ $SECONDS -lt $deadline ] || { squeue; tail -5 "$tmp"/out/*.log; fail "jobs not done after ${SLURM_TEST_TIMEOUT:-300} s"; }
	sleep 1
done
t_slurm=$(( ($(date +%s%N) - t0) / 1000000 ))
jobs_submitted=
for i in 0 1 2 3; do
	[ -s "$tmp/out/records-$i.jsonl" ] || { cat "$tmp/out/task-$i.log" 2>/dev/null; fail "task $i wrote no records"; }
done
grep -q "database: $ndocs documents" "$tmp/out/merge.log" 2>/dev/null || { cat "$tmp"/out/*.log; fail "the merge job did not report $ndocs documents"; }
cat "$tmp/out/task-"*.log | grep '^task .*: ' | sed 's/^/slurm_test:   /'
sed 's/^/slurm_test:   /' "$tmp/out/merge.log" | tail -2
say "slurm array + merge: ${t_slurm} ms wall (single process ${t_ref} ms)"
compare "slurm job array of 4 tasks" sl_slurm
concurrent_bg
say "2 passed, 0 failed"
