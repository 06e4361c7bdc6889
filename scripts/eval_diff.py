#!/usr/bin/env python3
"""Show, per document, gold records missed and predicted records that
match no gold record (by the scorer's key), with their evidence, to study
the extractor's errors.  Reads the eval set at run time; nothing of it is
stored.

usage: eval_diff.py GOLD_DIR PRED.jsonl [DOC_PREFIX ...]
       eval_diff.py GOLD_DIR PRED.jsonl --attrs   (attribute disagreements)
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


def load_preds(pred):
    """The predicted records of PRED.jsonl, by document."""
    preds = collections.defaultdict(list)
    for line in open(pred, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            preds[r["doc"]].append(r)
    return preds


def gold_docs(gold_dir, only=()):
    """(doc, gold records) of every DOC.gold.jsonl in gold_dir, by name;
    with only, just the docs that start with one of its prefixes."""
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.jsonl"):
            continue
        doc = name[:-len(".gold.jsonl")]
        if only and not any(doc.startswith(o) for o in only):
            continue
        yield doc, [json.loads(l) for l in open(os.path.join(gold_dir, name), encoding="utf-8") if l.strip()]


def main():
    gold_dir, pred = sys.argv[1], sys.argv[2]
    preds = load_preds(pred)
    for doc, gold in gold_docs(gold_dir, sys.argv[3:]):
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




def attrs(gold_dir, pred):
    """Attribute disagreements over pairs matched as score.py pairs them."""
    preds = load_preds(pred)
    for doc, gold in gold_docs(gold_dir):
        gk = collections.defaultdict(list)
        pk = collections.defaultdict(list)
        for r in gold:
            gk[key(r)].append(r)
        for r in preds[doc]:
            pk[key(r)].append(r)
        for k in gk:
            gs, ps = list(gk[k]), list(pk.get(k, []))
            pairs = []
            for g in list(gs):
                for p in ps:
                    if g.get("quantity") is not None and p.get("quantity") == g.get("quantity"):
                        pairs.append((g, p)); gs.remove(g); ps.remove(p); break
            pairs.extend(zip(gs, ps))
            for g, p in pairs:
                for a in ("quantity", "system", "value", "when"):
                    gv, pv = g.get(a), p.get(a)
                    if gv is None:
                        continue
                    same = (str(gv).lower() == str(pv).lower()) if a == "system" else \
                        (bool(pv) and str(pv).startswith(str(gv))) if a == "when" else gv == pv
                    if a == "value" and pv is not None:
                        same = abs(float(gv) - float(pv)) <= 0.005 * abs(float(gv))
                    if not same:
                        print("%s %-8s gold %-14s got %-14s %s" % (doc, a, gv, pv, g["evidence"][:110].replace("\n", " ")))


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "--attrs":
        attrs(sys.argv[1], sys.argv[2])
    else:
        main()
