#!/usr/bin/env python3
"""Build data/actors.tsv, the actors lexicon, for maintainers.

The program reads only data/actors.tsv (and the hand-written
data/actors_cased.tsv); this script is how actors.tsv is made.  It takes
every ISO 3166-1 state name in nl, en, de and fr from Debian's iso-codes
package (the English JSON plus the gettext catalogues), normalises the
catalogue's forms ("Korea, Republic of" -> "Republic of Korea" and "Korea"),
and merges in data/actors_extra.tsv: short forms, adjectives, demonyms,
capitals, government metonyms, persons and organisations, written by hand.

Why generated and not hand-written throughout: the 249 x 4 official names
are data someone else maintains well; the hand file holds only what
iso-codes does not know.  Why committed: the C program must not depend on
python or on iso-codes at run time.

Merge rules (so that one folded form never means two actors):
  * a form (compared as the matcher compares it: case, diacritics and
    hyphens folded) that iso-codes gives for two codes in one language is
    dropped for both (e.g. "Korea" from "Korea, Republic of" and
    "Korea, Democratic People's Republic of");
  * a form in actors_extra.tsv wins over the same form from iso-codes for
    another code;
  * an extra line whose code is "-XX" removes the iso-codes form for XX
    (catalogue junk such as inverted list names);
  * a form listed in actors_cased.tsv is never written to actors.tsv: it
    is matched there with exact case only;
  * two hand-written lines that fold alike but name different codes are an
    error, to be fixed by hand.

Usage:
  scripts/gen_actors.py            regenerate data/actors.tsv, print counts
  scripts/gen_actors.py --check    regenerate in memory, validate, and fail
                                   if the committed actors.tsv differs
Standard library only.
"""

import argparse
import gettext
import json
import os
import sys
import unicodedata

ORGS = ("NATO", "EU", "UN", "OSCE", "G7", "WEST")
LANGS = ("nl", "en", "de", "fr")
KINDS = ("name", "adj", "people", "capital", "gov", "person", "org")
# When one code has one folded form under two kinds, the earlier kind is kept.
KIND_RANK = {k: i for i, k in enumerate(
    ("name", "capital", "gov", "org", "person", "people", "adj"))}

# States most present in news about arms: the check warns when one of them
# lacks adjectives, demonyms or a capital in some language.
CORE = """AL AT BE BG CA HR CY CZ DK EE FI FR DE GR HU IS IE IT LV LT LU MT ME
NL MK NO PL PT RO SK SI ES SE TR GB US UA RU BY AU NZ JP KR KP CN TW IN PK
IR IL SA AE EG CH MD GE AZ AM KZ BR ZA RS BA SY IQ AF LY JO LB QA KW MX
AR CL CO VE CU ID PH VN TH MY SG NG ET KE SD SO ML NE YE UZ MN""".split()

HEADER = """\
# actors.tsv: the actors lexicon of supplyline (GENERATED, do not edit).
# Made by scripts/gen_actors.py from Debian's iso-codes (ISO 3166-1 names in
# nl/en/de/fr) merged with data/actors_extra.tsv (hand-written: short forms,
# adjectives, demonyms, capitals, metonyms, persons, organisations).  Edit
# actors_extra.tsv and rerun the script.  Forms that are ambiguous once
# lower-cased ("US", "UN", "Turkey") live in data/actors_cased.tsv instead.
#
# Columns (tab-separated):
#   code  ISO 3166-1 alpha-2, or NATO EU UN OSCE G7 WEST (WEST: "the West",
#         western countries, European allies taken together)
#   lang  nl en de fr, or * when the form is the same in every language
#   kind  name     names and short forms of the state or organisation
#         adj      adjectives, every inflection listed
#         people   demonym nouns, singular and plural
#         capital  capitals (Brussels counts as the EU's)
#         gov      institutions and metonyms standing for the state
#         person   heads of state and government, defence and foreign
#                  ministers (not date-scoped)
#         org      organisations and their bodies
#   form  the text form; matching folds case and diacritics and treats a
#         hyphen as a space.  Forms carry no article unless the article is
#         what makes them unambiguous ("die Deutschen", "les Occidentaux").
"""


def fold(s):
    """The key the matcher compares by: no case, no marks, '-' as space."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    for a in ("\u2019", "\u2018", "`", "\u00b4"):
        s = s.replace(a, "'")
    for h in ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"):
        s = s.replace(h, " ")
    return " ".join(s.split())


class Bad(Exception):
    pass


def read_tsv(path, codes, allow_removal=False):
    """Lines of a 4-column actors file as (code, lang, kind, form, where)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            where = "%s:%d" % (path, n)
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                raise Bad("%s: %d columns, want 4" % (where, len(cols)))
            code, lang, kind, form = cols
            bare = code[1:] if allow_removal and code.startswith("-") else code
            if bare not in codes:
                raise Bad("%s: unknown code %r" % (where, code))
            if lang != "*" and lang not in LANGS:
                raise Bad("%s: unknown lang %r" % (where, lang))
            if kind not in KINDS:
                raise Bad("%s: unknown kind %r" % (where, kind))
            if not form or form != form.strip() or "  " in form:
                raise Bad("%s: form %r has stray spaces" % (where, form))
            if not fold(form):
                raise Bad("%s: form %r folds to nothing" % (where, form))
            out.append((code, lang, kind, form, where))
    return out


def clean_iso(s):
    """Forms for one iso-codes string: parentheses dropped, inversions undone.

    "Korea, Republic of" -> ["Republic of Korea", "Korea"];
    "Iran, République islamique d'" -> ["République islamique d'Iran", "Iran"];
    "Bonaire, Sint Eustatius and Saba" (a list) is kept, plus "Bonaire".
    """
    while "(" in s and ")" in s[s.index("("):]:
        i = s.index("(")
        j = s.index(")", i)
        s = (s[:i] + s[j + 1:]).strip()
    s = " ".join(s.replace(" ,", ",").split())
    forms = []
    if ", " in s:
        head, tail = s.split(", ", 1)
        words = tail.split()
        if any(w in ("and", "en", "und", "et") for w in words) or "," in tail:
            forms.append(s)
        elif tail.endswith("'"):
            forms.append(tail + head)
        else:
            forms.append(tail + " " + head)
        forms.append(head)
    else:
        forms.append(s)
    res = []
    for f in forms:
        for art in ("the ", "The ", "l'", "L'"):
            if f.startswith(art) and len(f) > len(art) + 2:
                f = f[len(art):]
        res.append(f[:1].upper() + f[1:] if f[:1].islower() else f)
    return res


def iso_forms(iso_json, locale_dir):
    """(code, lang, 'name', form) from iso-codes, and the set of codes."""
    with open(iso_json, encoding="utf-8") as f:
        states = json.load(f)["3166-1"]
    cats = {}
    for lang in ("nl", "de", "fr"):
        t = gettext.translation("iso_3166-1", localedir=locale_dir,
                                languages=[lang])
        cats[lang] = t._catalog  # to tell a translation from a fallback
    rows = []
    for st in states:
        code = st["alpha_2"]
        for key in ("common_name", "name", "official_name"):
            if key not in st:
                continue
            msgid = st[key]
            for lang in LANGS:
                if lang == "en":
                    text = msgid
                elif msgid in cats[lang] and cats[lang][msgid]:
                    text = cats[lang][msgid]
                else:
                    continue  # untranslated: an English name is no French one
                for form in clean_iso(text):
                    rows.append((code, lang, "name", form))
    return rows, {st["alpha_2"] for st in states}


def langs_of(lang):
    return LANGS if lang == "*" else (lang,)


def build(args):
    iso_rows, iso_codes = iso_forms(args.iso, args.locale)
    codes = iso_codes | set(ORGS)
    extra = read_tsv(args.extra, codes, allow_removal=True)
    cased = read_tsv(args.cased, codes)
    notes = []

    # Hand-written lines must not fold alike for two codes.
    hand = {}
    for code, lang, kind, form, where in extra + cased:
        if code.startswith("-"):
            continue
        for l in langs_of(lang):
            key = (l, fold(form))
            prev = hand.get(key)
            if prev and prev[0] != code:
                raise Bad("%s: %r means %s here but %s at %s"
                          % (where, form, code, prev[0], prev[1]))
            hand.setdefault(key, (code, where))
    cased_keys = {(l, fold(f)) for c, lang, k, f, w in cased
                  for l in langs_of(lang)}
    removed = {(c[1:], l, fold(f)) for c, lang, k, f, w in extra
               if c.startswith("-") for l in langs_of(lang)}

    # iso-codes forms: drop removals, cased forms, hand-claimed forms of
    # other codes, and forms iso-codes itself gives for two codes.
    owners = {}
    for code, lang, kind, form in iso_rows:
        owners.setdefault((lang, fold(form)), set()).add(code)
    rows = []
    for code, lang, kind, form in iso_rows:
        key = (lang, fold(form))
        if (code, lang, key[1]) in removed:
            continue
        if key in cased_keys:
            continue
        if key in hand and hand[key][0] != code:
            notes.append("iso %s %s %r yields to %s" % (code, lang, form,
                                                         hand[key][0]))
            continue
        if len(owners[key]) > 1:
            notes.append("iso %s %s %r dropped: also %s" % (
                code, lang, form, ",".join(sorted(owners[key] - {code}))))
            continue
        rows.append((code, lang, kind, form))
    for code, lang, kind, form, where in extra:
        if code.startswith("-"):
            if not any(r[0] == code[1:] and fold(r[3]) == fold(form)
                       for r in iso_rows):
                notes.append("%s: removal matches no iso-codes form" % where)
            continue
        if any(((l, fold(form)) in cased_keys) for l in langs_of(lang)):
            raise Bad("%s: %r is also in %s" % (where, form, args.cased))
        rows.append((code, lang, kind, form))

    # One line per (code, lang, folded form); '*' covers every language.
    best = {}
    for code, lang, kind, form in rows:
        k = (code, lang, fold(form))
        if k not in best or KIND_RANK[kind] < KIND_RANK[best[k][2]]:
            best[k] = (code, lang, kind, form)
    german_genitives(best, cased_keys)
    star = {(c, f) for (c, l, f) in best if l == "*"}
    final = [v for (c, l, f), v in best.items()
             if l == "*" or (c, f) not in star]
    lang_order = {"*": 0, "nl": 1, "en": 2, "de": 3, "fr": 4}
    final.sort(key=lambda r: (r[0], lang_order[r[1]], KIND_RANK[r[2]],
                              fold(r[3]), r[3]))
    return final, cased, iso_codes, notes


def german_genitives(best, cased_keys):
    """Add the German genitive of one-word state names and capitals
    ("ein Gesuch Dänemarks", "Berlins Zustimmung"): -s, except after a
    sibilant and for the feminine and plural names: those in -e, -ei,
    -schaft, -republik, -inseln ("der Ukraine", "der Türkei", "der
    Niederlande", "der Bundesrepublik").  A genitive that
    folds like a form already taken, by any code, is left out."""
    taken = {(l, f) for (c, l, f) in best} | cased_keys
    for (code, lang, f), (_, _, kind, form) in list(best.items()):
        if lang not in ("de", "*") or kind not in ("name", "capital"):
            continue
        if " " in f or "'" in f or form.isupper() or not form[:1].isupper():
            continue
        if f.endswith(("s", "x", "z", "e", "ei", "schaft", "republik", "inseln")):
            continue
        gen = form + "s"
        key = ("de", fold(gen))
        if key in taken or ("*", key[1]) in taken:
            continue
        taken.add(key)
        best[(code, "de", key[1])] = (code, "de", kind, gen)


# Core states whose capital has no form of its own: Brussels stands for
# the EU; the others' capitals bear the country's name.
NO_CAPITAL = {"BE", "LU", "KW", "SG"}


def validate(final, cased, iso_codes):
    """Errors and warnings over the merged lexicon."""
    errs, warns = [], []
    codes = iso_codes | set(ORGS)
    seen = {}
    for code, lang, kind, form in final:
        if code not in codes or kind not in KINDS or \
                (lang != "*" and lang not in LANGS) or "\t" in form:
            errs.append("bad line %r" % ((code, lang, kind, form),))
        for l in langs_of(lang):
            key = (l, fold(form))
            if key in seen and seen[key] != code:
                errs.append("%s %r is both %s and %s" % (l, form, seen[key],
                                                          code))
            seen[key] = code
    for code, lang, kind, form, where in cased:
        for l in langs_of(lang):
            if (l, fold(form)) in seen and seen[(l, fold(form))] != code:
                errs.append("%s: cased %r folds like a %s form"
                            % (where, form, seen[(l, fold(form))]))
    have = {}
    for code, lang, kind, form in final + [r[:4] for r in cased]:
        for l in langs_of(lang):
            have.setdefault((code, kind), set()).add(l)
    for code in sorted(iso_codes):
        miss = set(LANGS) - have.get((code, "name"), set())
        if miss:
            errs.append("%s has no name in %s" % (code, ",".join(sorted(miss))))
    for code in CORE:
        for kind in ("adj", "people", "capital"):
            if kind == "capital" and code in NO_CAPITAL:
                continue
            miss = set(LANGS) - have.get((code, kind), set())
            if miss:
                warns.append("%s has no %s in %s" % (code, kind,
                                                     ",".join(sorted(miss))))
    return errs, warns


def render(final):
    body = "".join("\t".join(r) + "\n" for r in final)
    return HEADER + "\n" + body


def stats(final, cased):
    out = []
    for title, rows in (("actors.tsv", final),
                        ("actors_cased.tsv", [r[:4] for r in cased])):
        tab = {}
        for code, lang, kind, form in rows:
            tab[(kind, lang)] = tab.get((kind, lang), 0) + 1
        cols = ("*",) + LANGS
        out.append("%s: %d lines" % (title, len(rows)))
        out.append("%-8s" % "kind" + "".join("%7s" % c for c in cols)
                   + "%7s" % "all")
        for kind in KINDS:
            n = [tab.get((kind, c), 0) for c in cols]
            out.append("%-8s" % kind + "".join("%7d" % x for x in n)
                       + "%7d" % sum(n))
    return "\n".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(os.path.dirname(here), "data")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--locale", default="/usr/share/locale")
    ap.add_argument("--extra", default=os.path.join(data, "actors_extra.tsv"))
    ap.add_argument("--cased", default=os.path.join(data, "actors_cased.tsv"))
    ap.add_argument("-o", "--out", default=os.path.join(data, "actors.tsv"))
    ap.add_argument("--check", action="store_true",
                    help="fail if the committed output is stale or invalid")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list dropped iso-codes forms and warnings")
    args = ap.parse_args()
    try:
        final, cased, iso_codes, notes = build(args)
    except (Bad, OSError) as e:
        print("gen_actors: %s" % e, file=sys.stderr)
        return 1
    errs, warns = validate(final, cased, iso_codes)
    if args.verbose:
        for n in notes + ["warning: " + w for w in warns]:
            print(n, file=sys.stderr)
    for e in errs:
        print("gen_actors: error: %s" % e, file=sys.stderr)
    if errs:
        return 1
    text = render(final)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                old = f.read()
        except OSError as e:
            print("gen_actors: %s" % e, file=sys.stderr)
            return 1
        if old != text:
            print("gen_actors: %s is stale: rerun scripts/gen_actors.py"
                  % args.out, file=sys.stderr)
            return 1
        print("gen_actors: %s is up to date (%d lines, %d warnings)"
              % (args.out, len(final), len(warns)))
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(stats(final, cased))
    print("%d warnings (-v lists them)" % len(warns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
