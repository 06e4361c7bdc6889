#!/usr/bin/env python3
"""Compare extracted records with a case's expectations.

usage: check_case.py EXPECT.jsonl GOT.jsonl

Each expected line is a JSON object holding the fields that must agree
with one produced record (e.g. {"type": "delivered", "donor": "GB",
"category": "anti-tank", "quantity": 2000}).  Every expectation must match
a distinct record, and there must be no record left over: a case states
all the records its document yields.  An empty expect file means no
record at all.
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip() and not l.startswith("#")]


def main():
    want, got = load(sys.argv[1]), load(sys.argv[2])
    left = list(got)
    ok = True
    for w in want:
        hit = next((g for g in left if all(g.get(k) == v for k, v in w.items())), None)
        if hit is None:
            print("  missing: %s" % json.dumps(w, ensure_ascii=False))
            ok = False
        else:
            left.remove(hit)
    for g in left:
        g = {k: g[k] for k in ("type", "donor", "recipient", "consent_by", "category",
                               "system", "quantity", "value", "when")}
        print("  unexpected: %s" % json.dumps(g, ensure_ascii=False))
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
