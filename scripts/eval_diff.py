#!/usr/bin/env python3
"""Show, per document, gold records missed and predicted records that
match no gold record (by the scorer's key), with their evidence, to study
the extractor's errors.  Reads the eval set at run time; nothing of it is
stored.

usage: eval_diff.py GOLD_DIR PRED.jsonl [DOC_PREFIX ...]
"""
import collections
import json
import os
import sys

CONSENT = {"consent_requested", "consent_granted", "consent_denied"}


def key(r):
    if r["type"] in CONSENT:
        return (r["type"], r.get("donor"), r.get("consent_by"), r.get("recipient"))
    return (r["type"], r.get("donor"), r.get("recipient"), r.get("category"))


def main():
    gold_dir, pred = sys.argv[1], sys.argv[2]
    only = sys.argv[3:]
    preds = collections.defaultdict(list)
    for line in open(pred, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            preds[r["doc"]].append(r)
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.jsonl"):
            continue
        doc = name[:-len(".gold.jsonl")]
        if only and not any(doc.startswith(o) for o in only):
            continue
        gold = [json.loads(l) for l in open(os.path.join(gold_dir, name), encoding="utf-8") if l.strip()]
        g = collections.Counter(key(r) for r in gold)
        p = collections.Counter(key(r) for r in preds[doc])
        miss = g - p
        extra = p - g
        if not miss and not extra:
            continue
        print("=== %s" % doc)
        for r in gold:
            k = key(r)
            if miss[k] > 0:
                miss[k] -= 1
                print("  MISS %-55s %s" % (k, r["evidence"][:160].replace("\n", " ")))
        for r in preds[doc]:
            k = key(r)
            if extra[k] > 0:
                extra[k] -= 1
                print("  EXTRA %-54s %s" % (k, r["evidence"][:160].replace("\n", " ")))


if __name__ == "__main__":
    main()
