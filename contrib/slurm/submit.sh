#!/bin/bash
# submit.sh: submits a supplyline run over a shard list to Slurm: a job
# array of task.sbatch (one task per group of shards) and merge.sbatch,
# which starts when every task has succeeded.  Prints the two job ids.
#
#   contrib/slurm/submit.sh --shards shards.txt --tasks 16 --threads 4 \
#       --out /shared/run1 [--db postgresql://...] [--bin PATH] [--data DIR]
#       [-- extra sbatch options, e.g. --partition=batch --time=2:00:00]
#
#   --tasks N     array size (default: the number of shards, at most 64)
#   --threads N   threads (and CPUs) per task (default 2)
# The rest as in task.sbatch.  --out must be on a filesystem every node
# sees; so must the shards, the binary and the lexicons.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards= out= tasks= threads=2 db= bin=supplyline data= extra=()
while [ $# -gt 0 ]; do
	case $1 in
	--shards) shards=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--tasks) tasks=$2; shift 2 ;;
	--threads) threads=$2; shift 2 ;;
	--db) db=$2; shift 2 ;;
	--bin) bin=$2; shift 2 ;;
	--data) data=$2; shift 2 ;;
	--) shift; extra=("$@"); break ;;
	*) echo "submit.sh: unknown option '$1'" >&2; exit 2 ;;
	esac
done
[ -n "$shards" ] && [ -n "$out" ] || { echo "submit.sh: --shards and --out are required" >&2; exit 2; }
nshards=$(grep -vc -e '^[[:space:]]*$' -e '^#' "$shards" || true)
[ "$nshards" -gt 0 ] || { echo "submit.sh: $shards lists no shard" >&2; exit 2; }
if [ -z "$tasks" ]; then
	tasks=$((nshards < 64 ? nshards : 64))
fi
mkdir -p "$out"
common=(--out "$out" --bin "$bin")
[ -n "$db" ] && common+=(--db "$db")
array=$(sbatch --parsable --array=0-$((tasks - 1)) --cpus-per-task="$threads" \
	--output="$out/task-%a.log" "${extra[@]}" \
	"$here/task.sbatch" --shards "$shards" --threads "$threads" ${data:+--data "$data"} "${common[@]}")
array=${array%%;*}
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$out/merge.log" "${extra[@]}" \
	"$here/merge.sbatch" "${common[@]}")
merge=${merge%%;*}
echo "$array $merge"
