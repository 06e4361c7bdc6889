# tally.sh: the counting the shell tests share, sourced once they are in
# the repository's root.  ok and bad count a check (bad says which);
# check NAME CMD... runs one, CMD must succeed; tally NAME ends a script
# with "NAME: N passed, N failed" and fails when any check did.
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
tally() { echo "$1: $pass passed, $fail failed"; [ "$fail" = 0 ]; }
