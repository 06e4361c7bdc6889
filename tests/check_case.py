#!/usr/bin/env python3
"""Compare extracted records with a case's expectations.

usage: check_case.py EXPECT.jsonl GOT.jsonl
       check_case.py --dir CASES_DIR GOT.jsonl

The second form checks every CASES_DIR/NAME.txt by its NAME.expect.jsonl,
against the records of GOT.jsonl whose "doc" is NAME (one extract run over
all the cases), and prints each failing case's name.

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


def check(want, got):
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
    return ok


def main():
    if sys.argv[1] == "--dir":
        import os
        by_doc = {}
        for g in load(sys.argv[3]):
            by_doc.setdefault(g["doc"], []).append(g)
        names = sorted(f[:-len(".txt")] for f in os.listdir(sys.argv[2]) if f.endswith(".txt"))
        failed = 0
        for name in names:
            expect = os.path.join(sys.argv[2], name + ".expect.jsonl")
            if not os.path.exists(expect):
                print("FAIL %s: no %s" % (name, expect))
                failed += 1
                by_doc.pop(name, None)
                continue
            if not check(load(expect), by_doc.pop(name, [])):
                print("FAIL %s" % name)
                failed += 1
        for doc in sorted(by_doc):
            print("FAIL %s: records for a document with no expectations" % doc)
            failed += 1
        print("cases: %d of %d passed" % (len(names) - failed, len(names)))
        return 1 if failed else 0
    return 0 if check(load(sys.argv[1]), load(sys.argv[2])) else 1


if __name__ == "__main__":
    sys.exit(main())
