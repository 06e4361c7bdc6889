#!/usr/bin/env python3
"""Score extracted records against the article cases, by the contract's key.

usage: score_articles.py CASES_DIR GOT.jsonl [--min-f1 F]

CASES_DIR holds NAME.txt and NAME.expect.jsonl (as tests/cases).  A record
matches an expected one of the same document when their keys are equal:
(type, donor, recipient, category) for provision types and (type, donor,
consent_by, recipient) for consent types, as records.md scores them.
Prints precision, recall and F1 over all documents, per language (the
name's prefix before "-") and per type; with --min-f1, exits 1 when the
F1 over all documents is below F.
"""
import collections
import os
import sys

from check_case import load


def key(r):
    if r["type"].startswith("consent"):
        return (r["type"], r.get("donor"), r.get("consent_by"), r.get("recipient"))
    return (r["type"], r.get("donor"), r.get("recipient"), r.get("category"))


def main():
    d, got_path = sys.argv[1], sys.argv[2]
    got = collections.defaultdict(list)
    for r in load(got_path):
        got[r["doc"]].append(r)
    tally = collections.defaultdict(lambda: [0, 0, 0])  # tp fp fn
    names = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".txt"))
    for n in names:
        want = collections.Counter(key(r) for r in load(os.path.join(d, n + ".expect.jsonl")))
        have = collections.Counter(key(r) for r in got.get(n, []))
        lang = n.split("-")[0]
        for k in set(want) | set(have):
            tp = min(want[k], have[k])
            for b in ("all", "lang:" + lang, "type:" + k[0]):
                tally[b][0] += tp
                tally[b][1] += have[k] - tp
                tally[b][2] += want[k] - tp
    print("%d documents" % len(names))
    overall = 0.0
    for b in sorted(tally, key=lambda b: (b != "all", b)):
        tp, fp, fn = tally[b]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print("%-24s P %.3f  R %.3f  F1 %.3f   (tp %d fp %d fn %d)" % (b, p, r, f, tp, fp, fn))
        if b == "all":
            overall = f
    if "--min-f1" in sys.argv and overall < float(sys.argv[sys.argv.index("--min-f1") + 1]):
        sys.exit(1)


if __name__ == "__main__":
    main()
