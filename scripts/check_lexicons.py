#!/usr/bin/env python3
"""check_lexicons: validate data/systems.tsv and data/items.tsv.

The C loader (src/lex) rejects a malformed line when the program starts;
this script catches the mistakes it cannot see: an unknown category or
country code, an alias two systems claim, a form listed twice with two
categories, a `suffix` entry the compound splitter could never use.  It
folds text the way src/text/fold.h does (case, diacritics, hyphens as
spaces) closely enough to find collisions.

Usage: scripts/check_lexicons.py [--data DIR] [--min-systems N] [--quiet]
Exit status 0 when both files are clean, 1 otherwise; each problem is
printed as "path:line: why".  Python 3 standard library only.
"""

import argparse
import collections
import os
import re
import sys
import unicodedata

CATEGORIES = {
    "small-arms", "anti-tank", "air-defence", "artillery", "ammunition",
    "armoured-vehicle", "aircraft", "drone", "naval", "missile", "vehicle",
    "equipment", "medical", "funds", "training", "troops", "weapons",
}
LANGS = {"nl", "en", "de", "fr"}
SUFFIX_LANGS = {"nl", "de"}        # languages that write compounds as one word
MATCHES = {"word", "suffix"}

# ISO 3166-1 alpha-2, officially assigned codes.
ISO = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())

DASHES = re.compile("[-\u2010-\u2015]")
PUNCT = re.compile(r"([^\w\s])")


def fold(s):
    """Token tuple of s as the matcher compares it."""
    s = unicodedata.normalize("NFD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = DASHES.sub(" ", s)
    s = PUNCT.sub(r" \1 ", s)
    return tuple(s.split())


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, path, line, why):
        self.errors += 1
        print(f"{path}:{line}: {why}")

    def warn(self, path, line, why):
        self.warnings += 1
        print(f"{path}:{line}: warning: {why}")


def data_lines(path, rep):
    """Yields (line number, fields) for each line that is not a comment."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        rep.error(path, 0, f"cannot read: {e.strerror}")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        rep.error(path, line, "not valid UTF-8")
        return
    for n, line in enumerate(text.split("\n"), 1):
        if "\r" in line:
            rep.error(path, n, "carriage return (use Unix line ends)")
            line = line.replace("\r", "")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        for i, fld in enumerate(fields):
            if fld != fld.strip():
                rep.error(path, n, f"column {i + 1} has surrounding white space")
        yield n, [fld.strip() for fld in fields]


def check_systems(path, rep, min_systems):
    names = {}
    claims = collections.defaultdict(set)   # folded alias -> canonical names
    cased = collections.defaultdict(set)    # exact ~alias -> canonical names
    per_cat = collections.Counter()
    per_origin = collections.Counter()
    for n, f in data_lines(path, rep):
        if len(f) != 4:
            rep.error(path, n, f"expected 4 tab-separated columns, found {len(f)}")
            continue
        name, cat, origin, aliases = f
        if not name:
            rep.error(path, n, "empty name")
            continue
        if name.startswith("~") or "|" in name:
            rep.error(path, n, f"name {name!r} may not start with ~ or hold |")
        if name in names:
            rep.error(path, n, f"{name!r} already defined on line {names[name]}")
        names[name] = n
        if cat not in CATEGORIES:
            rep.error(path, n, f"unknown category {cat!r}")
        if origin not in ISO:
            rep.error(path, n, f"origin {origin!r} is not an ISO 3166-1 alpha-2 code")
        per_cat[cat] += 1
        per_origin[origin] += 1
        forms = [name]
        if aliases != "-":
            if not aliases:
                rep.error(path, n, "empty aliases column (write - for none)")
            forms += aliases.split("|")
        own = set()
        for a in forms[1:]:
            if not a:
                rep.error(path, n, "empty alias (doubled or trailing |)")
                continue
            if a == "-":
                rep.error(path, n, "- among other aliases")
                continue
            body = a[1:] if a.startswith("~") else a
            if "~" in body:
                rep.error(path, n, f"alias {a!r}: ~ only as the first character")
            if not fold(body):
                rep.error(path, n, f"alias {a!r} has no letters")
                continue
            if a.startswith("~"):
                if body in cased and name in cased[body]:
                    rep.error(path, n, f"alias {a!r} listed twice")
                cased[body].add(name)
            else:
                k = fold(body)
                if k == fold(name):
                    rep.warn(path, n, f"alias {a!r} folds to the name itself")
                if k in own:
                    rep.error(path, n, f"alias {a!r} duplicates another alias after folding")
                own.add(k)
        claims[fold(name)].add(name)
        for k in own:
            claims[k].add(name)
    for k, who in claims.items():
        if len(who) > 1:
            first = min(names[w] for w in who)
            rep.error(path, first, f"{' '.join(k)!r} names several systems: {', '.join(sorted(who))}")
    for body, who in cased.items():
        other = claims.get(fold(body), set()) - who
        if other:
            rep.error(path, names[min(who, key=names.get)],
                      f"~{body} ({', '.join(sorted(who))}) collides with {', '.join(sorted(other))}")
    if len(names) < min_systems:
        rep.error(path, 0, f"{len(names)} systems, fewer than {min_systems}")
    return len(names), per_cat, per_origin


def check_items(path, rep):
    seen = {}
    per = collections.Counter()
    for n, f in data_lines(path, rep):
        if len(f) != 4:
            rep.error(path, n, f"expected 4 tab-separated columns, found {len(f)}")
            continue
        lang, cat, match, form = f
        if lang not in LANGS:
            rep.error(path, n, f"unknown language {lang!r}")
        if cat != "-" and cat not in CATEGORIES:
            rep.error(path, n, f"unknown category {cat!r}")
        if match not in MATCHES:
            rep.error(path, n, f"match must be word or suffix, not {match!r}")
        if not form:
            rep.error(path, n, "empty form")
            continue
        toks = fold(form)
        if not toks:
            rep.error(path, n, f"form {form!r} has no letters")
            continue
        if match == "suffix":
            if lang not in SUFFIX_LANGS:
                rep.error(path, n, f"suffix entries are for nl and de only, not {lang}")
            if not re.fullmatch(r"[^\W\d_]+", form):
                rep.error(path, n, f"suffix form {form!r} must be one word of letters")
            elif len(form) < 3:
                rep.error(path, n, f"suffix form {form!r} is too short to be a compound head")
        key = (lang, toks)
        if key in seen:
            rep.error(path, n, f"{form!r} already listed for {lang} on line {seen[key]}")
        else:
            seen[key] = n
        per[(lang, cat)] += 1
    return per


def table(per, rows, cols):
    w = max(len(r) for r in rows)
    out = [" " * w + "".join(f"{c:>6}" for c in cols) + f"{'all':>7}"]
    for r in rows:
        cells = [per.get((c, r), 0) for c in cols]
        out.append(f"{r:<{w}}" + "".join(f"{x:>6}" for x in cells) + f"{sum(cells):>7}")
    tot = [sum(per.get((c, r), 0) for r in rows) for c in cols]
    out.append(f"{'all':<{w}}" + "".join(f"{x:>6}" for x in tot) + f"{sum(tot):>7}")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    ap.add_argument("--min-systems", type=int, default=300)
    ap.add_argument("--quiet", action="store_true", help="print problems only")
    args = ap.parse_args()
    rep = Report()
    spath = os.path.normpath(os.path.join(args.data, "systems.tsv"))
    ipath = os.path.normpath(os.path.join(args.data, "items.tsv"))
    nsys, scat, sorig = check_systems(spath, rep, args.min_systems)
    per = check_items(ipath, rep)
    if not args.quiet:
        cats = sorted(CATEGORIES)
        print(f"{spath}: {nsys} systems")
        for c in cats:
            print(f"  {c:<17}{scat.get(c, 0):>5}")
        print("  origins: " + " ".join(f"{o}:{k}" for o, k in sorted(sorig.items(), key=lambda x: -x[1])))
        print(f"{ipath}: {sum(per.values())} forms")
        print(table(per, cats + ["-"], ["nl", "en", "de", "fr"]))
    if rep.errors:
        print(f"{rep.errors} error(s), {rep.warnings} warning(s)", file=sys.stderr)
        return 1
    if rep.warnings and not args.quiet:
        print(f"{rep.warnings} warning(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
