#!/bin/bash
# api.sh: every endpoint of `supplyline serve`, over real HTTP with curl,
# against a database built from tests/data/serve/ (see serve_env.sh).
# Covers reading, paging and filters, refused writes (no session, no or
# wrong CSRF token, wrong method or content type), review and audit,
# reviews surviving a fact rebuild, an SQL injection attempt in a filter,
# stored markup in a document, path traversal on static files, and the
# request limits.  Ends with "N passed, N failed"; exit 1 on a failure.
#
#   tests/api.sh                  # build/supplyline, temporary SQLite
#   SL_BIN=build-serve/supplyline tests/api.sh
#   tests/store_pg.sh sh -c 'SL_DB=$SL_PG_URL tests/api.sh'   # PostgreSQL
. "$(dirname "$0")/serve_env.sh"

. tests/tally.sh
# check NAME PYTHON-EXPR: d is the last JSON body, h the headers, s the status
J=$SL_TMP/body H=$SL_TMP/headers CJ=$SL_TMP/cookies
req() { # req METHOD PATH [curl args...]
	local m=$1 p=$2
	shift 2
	s=$(curl -s --path-as-is -o "$J" -D "$H" -w '%{http_code}' -X "$m" "$@" "$SL_URL$p")
}
check() {
	local name=$1 expr=$2
	if S="$s" python3 - "$J" "$H" "$expr" <<'PY'
import json, os, sys
body = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
h = {}
for line in open(sys.argv[2], encoding='latin-1'):
    if ':' in line:
        k, v = line.split(':', 1)
        h.setdefault(k.strip().lower(), v.strip())
s = int(os.environ['S'])
try:
    d = json.loads(body)
except ValueError:
    d = None
sys.exit(0 if eval(sys.argv[3]) else 1)
PY
	then ok; else bad "$name (status $s): $(head -c 300 "$J")"; fi
}

# ---- reading -----------------------------------------------------------
req GET /api/stats
check "stats" 's == 200 and d["documents"] == 9 and d["facts"] >= 8 and len(d["by_donor"]) >= 5 and d["by_month"] and d["currency"] == "EUR"'
check "security headers" '"script-src '"'self'"'" in h["content-security-policy"] and h["x-content-type-options"] == "nosniff" and h["cache-control"] == "no-store"'
nfacts=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["facts"])' "$J")

req GET /api/facts
check "facts: all, first page" 's == 200 and d["total"] == '"$nfacts"' and len(d["facts"]) == d["total"] and all("review" in f for f in d["facts"])'
req GET '/api/facts?limit=2&offset=1'
check "facts: paging" 's == 200 and d["limit"] == 2 and d["offset"] == 1 and len(d["facts"]) == 2 and d["facts"][0]["fact_id"] == 2'
for q in 'limit=0' 'limit=501' 'limit=abc' 'offset=-1' 'type=bogus' 'since=2024-13' 'reviewed=maybe' 'format=xml'; do
	req GET "/api/facts?$q"
	check "facts: bad $q is 400" 's == 400 and "error" in d'
done
req GET '/api/facts?donor=NL'
check "facts: donor filter" 's == 200 and d["total"] >= 1 and all(f["donor"] == "NL" for f in d["facts"])'
req GET '/api/facts?type=delivered&since=2024-03'
check "facts: type and since" 's == 200 and d["total"] >= 2 and all(f["measure"] == "delivered" and (f["when"] or f["first_report"]) >= "2024-03" for f in d["facts"])'
req GET '/api/facts?category=artillery&until=2024-03-31'
check "facts: category and until" 's == 200 and d["total"] >= 1 and all(f["category"] == "artillery" for f in d["facts"])'
req GET "/api/facts?donor=NL%27%20OR%20%271%27%3D%271"
check "facts: SQL injection in donor matches nothing" 's == 200 and d["total"] == 0'
req GET "/api/facts?category=x%27%3B%20DROP%20TABLE%20facts%3B%20--"
check "facts: SQL injection in category matches nothing" 's == 200 and d["total"] == 0'
req GET /api/stats
check "facts table intact after injection attempts" 's == 200 and d["facts"] == '"$nfacts"

req GET '/api/facts?donor=NL'
nl=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["facts"][0]["fact_id"])' "$J")
req GET "/api/facts/$nl"
check "fact: sources with evidence and spans" 's == 200 and d["fact_id"] == '"$nl"' and d["n_sources"] == 2 and len(d["sources"]) == 2 and all(x["evidence"] and len(x["span"]) == 2 for x in d["sources"])'
req GET /api/facts/999999
check "fact: unknown is 404" 's == 404'
req GET /api/facts/abc
check "fact: non-numeric id is 404" 's == 404'

req GET /api/documents/en-nl-howitzers
check "document: text and records, span in code points" 's == 200 and d["text"] and d["records"] and all(d["text"][r["span"][0]:r["span"][1]] == r["evidence"] for r in d["records"])'
req GET /api/documents/no-such-doc
check "document: unknown is 404" 's == 404'
req GET /api/documents/en-xss
check "document: stored markup comes back as JSON text" 's == 200 and h["content-type"].startswith("application/json") and "<script>alert(" in d["text"] and "<script>" in d["records"][0]["evidence"]'

req GET /api/consent
check "consent board" 's == 200 and isinstance(d["entries"], list) and isinstance(d["unmatched"], list) and len(d["entries"]) + len(d["unmatched"]) >= 1'
req GET /api/audit
check "audit: readable without login" 's == 200 and d["total"] >= 1 and d["entries"][0]["action"] == "user"'
req GET /api/session
check "session: none" 's == 200 and d["user"] is None and d["csrf"] is None'

# ---- refused writes ----------------------------------------------------
req POST "/api/facts/$nl/review" -H 'Content-Type: application/json' -d '{"action":"confirm"}'
check "review without session is 401" 's == 401'
req POST /api/login -H 'Content-Type: application/json' -d '{"user":"alice","password":"wrong password"}'
check "login with a wrong password is 401" 's == 401 and "set-cookie" not in h'
req POST /api/login -H 'Content-Type: application/json' -d '{"user":"mallory","password":"whatever1"}'
check "login of an unknown user is 401" 's == 401'
req POST /api/login -H 'Content-Type: text/plain' -d '{"user":"alice","password":"correct horse battery"}'
check "login as text/plain (a cross-site form) is 415" 's == 415'
req POST /api/login -c "$CJ" -H 'Content-Type: application/json' -d "{\"user\":\"alice\",\"password\":\"$SL_PASSWORD\"}"
check "login" 's == 200 and d["user"] == "alice" and len(d["csrf"]) == 64 and "HttpOnly" in h["set-cookie"] and "SameSite=Strict" in h["set-cookie"]'
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf"])' "$J")
req GET /api/session -b "$CJ"
check "session: logged in" 's == 200 and d["user"] == "alice" and d["csrf"] == "'"$csrf"'"'
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -d '{"action":"confirm"}'
check "review without CSRF token is 403" 's == 403'
# Wrong tokens must differ from the real one whatever its digits: the
# old "${csrf%?}0" was the real token whenever it ended in 0 (1 run in 16).
other() { [ "$1" = 0 ] && echo 1 || echo 0; } # a hex digit that is not $1
wrong_tokens=("${csrf%?}$(other "${csrf: -1}")" "$(other "${csrf:0:1}")${csrf:1}"
	"${csrf:0:31}$(other "${csrf:31:1}")${csrf:32}" "${csrf%?}" "${csrf}0" "${csrf^^}" "")
for w in "${wrong_tokens[@]}"; do
	[ "$w" != "$csrf" ] || { bad "wrong token '$w' equals the real one"; continue; }
	hdr="X-CSRF-Token: $w"
	[ -n "$w" ] || hdr="X-CSRF-Token;" # curl's way to send an empty header
	req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -H "$hdr" -d '{"action":"confirm"}'
	check "review with a wrong CSRF token (${#w} chars, ${w:0:4}..${w: -2}) is 403" 's == 403'
done
# A second session of the same analyst: its token opens only its own cookie.
req POST /api/login -c "$CJ.2" -H 'Content-Type: application/json' -d "{\"user\":\"alice\",\"password\":\"$SL_PASSWORD\"}"
csrf2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf"])' "$J")
check "second login has its own CSRF token" 's == 200 and d["csrf"] != "'"$csrf"'"'
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf2" -d '{"action":"confirm"}'
check "review with another session's CSRF token is 403" 's == 403'
req POST "/api/facts/$nl/review" -b "$CJ.2" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"confirm"}'
check "review with the first session's token on the second cookie is 403" 's == 403'
req POST "/api/facts/$nl/review" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"confirm"}'
check "review with token but no cookie is 401" 's == 401'
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: text/plain' -H "X-CSRF-Token: $csrf" -d '{"action":"confirm"}'
check "review as text/plain is 415" 's == 415'
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"approve"}'
check "review with an unknown action is 400" 's == 400'
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"correct","fields":{"id":1}}'
check "correcting an unknown field is 400" 's == 400'
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"correct","fields":{"quantity":-3}}'
check "a negative quantity is 400" 's == 400'
req POST /api/facts/999999/review -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"confirm"}'
check "review of an unknown fact is 404" 's == 404'
req GET "/api/facts/$nl/review" -b "$CJ"
check "GET on review is 405" 's == 405'
req DELETE /api/facts -b "$CJ"
check "DELETE on facts is 405" 's == 405'
req GET /api/audit
check "refused writes leave no review in the audit log" 's == 200 and not any(e["action"] in ("confirm", "reject", "correct") for e in d["entries"])'

# ---- reviews -----------------------------------------------------------
req POST "/api/facts/$nl/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"confirm","note":"two sources agree"}'
check "confirm" 's == 200 and d["audit_id"] > 0 and d["fact"]["review"]["status"] == "confirmed" and d["fact"]["review"]["by"] == "alice"'
req GET '/api/facts?donor=DE&type=committed'
de=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["facts"][0]["fact_id"])' "$J")
req POST "/api/facts/$de/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"correct","fields":{"quantity":4,"system":"IRIS-T SLM"}}'
check "correct" 's == 200 and d["fact"]["quantity"] == 4 and d["fact"]["system"] == "IRIS-T SLM" and d["fact"]["review"]["status"] == "corrected"'
req GET '/api/facts?donor=NO'
no=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["facts"][0]["fact_id"])' "$J")
req POST "/api/facts/$no/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"reject","note":"no number given"}'
check "reject" 's == 200 and d["fact"]["review"]["status"] == "rejected"'
req GET '/api/facts?reviewed=only'
check "reviewed=only" 's == 200 and sorted(f["fact_id"] for f in d["facts"]) == sorted(['"$nl, $de"'])'
req GET '/api/facts?reviewed=exclude-rejected'
check "reviewed=exclude-rejected" 's == 200 and d["total"] == '"$nfacts"' - 1 and '"$no"' not in [f["fact_id"] for f in d["facts"]]'
req GET '/api/facts?reviewed=unreviewed'
check "reviewed=unreviewed" 's == 200 and d["total"] == '"$nfacts"' - 3'
req GET '/api/facts?format=csv&reviewed=only'
check "CSV download, reviewed only" 's == 200 and h["content-type"].startswith("text/csv") and "attachment" in h["content-disposition"] and body.startswith("fact_id,donor,") and body.splitlines()[0].endswith(",review") and len(body.splitlines()) == 3 and ",confirmed" in body and ",4,item," in body'
req GET '/api/facts?format=csv'
check "CSV download, all" 's == 200 and len(body.splitlines()) == '"$nfacts"' + 1 and body.count("\r\n") == '"$nfacts"' + 1'
req GET /api/stats
check "stats count reviews" 'd["reviews"] == {"unreviewed": '"$nfacts"' - 3, "confirmed": 1, "rejected": 1, "corrected": 1}'
req GET /api/audit
check "audit: who, when, what" 's == 200 and [e["action"] for e in d["entries"][:4]] == ["reject", "correct", "confirm", "login"] and all(e["user"] == "alice" and e["at"].endswith("Z") for e in d["entries"][:4]) and d["entries"][1]["fields"] == {"quantity": 4, "system": "IRIS-T SLM"} and d["entries"][2]["note"] == "two sources agree" and d["entries"][2]["fact"]["fact_id"] == '"$nl"
req GET '/api/audit?limit=1&offset=1'
check "audit: paging" 's == 200 and len(d["entries"]) == 1 and d["entries"][0]["action"] == "correct"'

# A new, earlier article renumbers every fact; the reviews follow their records.
mkdir -p "$SL_TMP/more"
printf ' date 2022-03-01 Oslo. Norway delivered 2000 M72 anti-tank weapons to Ukraine in March.\n' >"$SL_TMP/more/en-no-m72.txt"
"$SL_BIN" ingest --db "$SL_DB" "$SL_TMP/more" >>"$SL_TMP/ingest.log" 2>&1
req GET '/api/facts?donor=NL'
check "after a rebuild the NL fact is renumbered and still confirmed" 's == 200 and d["facts"][0]["fact_id"] == '"$nl"' + 1 and d["facts"][0]["review"]["status"] == "confirmed"'
req GET '/api/facts?reviewed=only'
check "after a rebuild the correction still applies" 's == 200 and d["total"] == 2 and any(f["quantity"] == 4 and f["system"] == "IRIS-T SLM" for f in d["facts"])'

req POST /api/logout -b "$CJ" -H 'Content-Type: application/json' -d '{}'
check "logout without CSRF token is 403" 's == 403'
req POST /api/logout -b "$CJ" -c "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{}'
check "logout" 's == 200 and "Max-Age=0" in h["set-cookie"]'
req POST "/api/facts/$((nl + 1))/review" -b "$CJ" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"action":"reject"}'
check "review after logout is 401" 's == 401'

# ---- static files and traversal ---------------------------------------
req GET /
check "dashboard index" 's == 200 and h["content-type"].startswith("text/html") and "content-security-policy" in h and "/app.js" in body'
req GET /app.js
check "app.js" 's == 200 and h["content-type"].startswith("text/javascript")'
req GET /vendor/chart.umd.min.js
check "chart library served locally" 's == 200 and "Chart" in body'
for p in '/../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/vendor/..%2f..%2fMakefile' '/%2e%2e%2fMakefile' \
         '/vendor/%2e%2e/%2e%2e/src/main.c' '/..%5c..%5cMakefile' '/.git/config' '/vendor.sh' '/nope.html'; do
	req GET "$p"
	check "static: $p is 404" 's == 404 and "root:" not in body and "supplyline" not in body'
done
req POST /index.html
check "POST on a static file is 405" 's == 405'
req GET /api/nope
check "unknown endpoint is 404" 's == 404'

# ---- limits ------------------------------------------------------------
head -c 70000 /dev/zero | tr '\0' a >"$SL_TMP/big"
req POST /api/login -H 'Content-Type: application/json' --data-binary "@$SL_TMP/big"
check "a body over 64 KiB is 413" 's == 413'
long=$(head -c 300 /dev/zero | tr '\0' x)
req GET "/api/facts?donor=$long"
check "a query parameter over 256 bytes is 414" 's == 414'
many=$(seq 1 40 | sed 's/.*/p&=1/' | paste -sd '&')
req GET "/api/facts?$many"
check "more than 32 query parameters is 414" 's == 414'
huge=$(head -c 70000 /dev/zero | tr '\0' x)
req GET "/api/facts?$huge"
check "a URL over the connection memory limit is refused" 's in (400, 413, 414, 431)'

tally api
