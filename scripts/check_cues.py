#!/usr/bin/env python3
"""check_cues.py: sanity checks for the linguistic lexicons.

Checks data/cues.tsv, data/boilerplate.tsv, data/abbrev.tsv and
data/stopwords.tsv the way the C loaders will read them (UTF-8, tabs,
'#' comments and blank lines ignored), so that a bad edit is caught before
the extractor refuses to start.  It also folds every cue form the way the
matcher does and reports forms that land in two classes of one language:
such a form is matched once, so one of its readings is lost.

Boilerplate regexes are POSIX extended regexes for regcomp(3); they are
translated (character classes such as [[:digit:]]) and compiled with
Python's re, and constructs regcomp does not know (\\d, \\s, \\w, \\b,
lazy quantifiers, lookaround) are rejected.  A few lines written for this
check must survive every pattern (article sentences) or be caught by one
(debris), so a pattern that would eat real text fails here.

Usage: scripts/check_cues.py [DATADIR]     (default: data)
       scripts/check_cues.py -v [DATADIR]  also list the cross-class forms
Exit status 1 on any error; warnings alone exit 0.
"""

import os
import re
import sys
import unicodedata

LANGS = ("nl", "en", "de", "fr")

CLASSES = (
    "delivered", "committed", "offered", "considering", "refused",
    "requested", "consent_requested", "consent_granted", "consent_denied",
    "transfer", "transfer_noun", "receive",
    "neg", "future", "past_want", "cond", "aux_passive", "recip", "source",
    "coord", "clause", "anaphor", "more", "report", "question_word", "should",
)

# Forms that the grammar needs in two classes of one language: German
# "werden" is both the future and the passive auxiliary.
ALLOWED_OVERLAP = {
    ("de", "werden"), ("de", "wird"), ("de", "werde"),
}

errors = []
warnings = []


def err(path, lineno, why):
    errors.append("%s:%d: %s" % (path, lineno, why))


def warn(path, lineno, why):
    warnings.append("%s:%d: %s" % (path, lineno, why))


def fold(s):
    """Folds a form as the matcher does: lower case, diacritics removed,
    curly apostrophes to ', hyphens to spaces, runs of spaces to one."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("-", " ")
    return " ".join(s.split())


def rows(path, ncols):
    """Yields (lineno, fields) for the data lines of a TSV file."""
    try:
        with open(path, encoding="utf-8") as f:
            data = f.read()
    except (OSError, UnicodeDecodeError) as e:
        err(path, 0, "cannot read: %s" % e)
        return
    for i, line in enumerate(data.split("\n"), 1):
        if line.endswith("\r"):
            err(path, i, "CR line ending")
            line = line[:-1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != ncols:
            err(path, i, "expected %d tab-separated columns, got %d"
                % (ncols, len(fields)))
            continue
        bad = [x for x in fields if x != x.strip() or not x]
        if bad:
            err(path, i, "empty field or stray spaces around %r" % bad[0])
            continue
        yield i, fields


def check_cues(path, verbose):
    counts = {}
    seen = {}          # (lang, folded) -> [(class, lineno, form)]
    for i, (lang, cls, form) in rows(path, 3):
        if lang not in LANGS:
            err(path, i, "unknown language %r" % lang)
            continue
        if cls not in CLASSES:
            err(path, i, "unknown class %r" % cls)
            continue
        if "  " in form:
            err(path, i, "double space in form %r" % form)
        key = (lang, fold(form))
        prev = seen.setdefault(key, [])
        for pcls, pline, pform in prev:
            if pcls == cls:
                warn(path, i, "%s %s %r repeats line %d (%r) after folding"
                     % (lang, cls, form, pline, pform))
        prev.append((cls, i, form))
        counts[(lang, cls)] = counts.get((lang, cls), 0) + 1
    overlaps = []
    for (lang, f), v in sorted(seen.items()):
        classes = sorted({c for c, _, _ in v})
        if len(classes) > 1:
            if (lang, f) in ALLOWED_OVERLAP:
                overlaps.append("  %s %-14s %s (allowed)" % (lang, f, "/".join(classes)))
            else:
                err(path, v[-1][1], "%s %r is in classes %s after folding"
                    % (lang, f, ", ".join(classes)))
    for lang in LANGS:
        for cls in CLASSES:
            if counts.get((lang, cls), 0) == 0:
                err(path, 0, "%s has no forms for class %s" % (lang, cls))
    return counts, overlaps


POSIX_CLASSES = {
    "[:digit:]": "0-9", "[:alpha:]": "a-zA-Z\u00c0-\u024f",
    "[:alnum:]": "0-9a-zA-Z\u00c0-\u024f", "[:space:]": " \\t\\n\\r\\f\\v",
    "[:upper:]": "A-Z", "[:lower:]": "a-z", "[:blank:]": " \\t",
    "[:punct:]": "!-/:-@\\[-`{-~",
}
NOT_POSIX = re.compile(r"(?<!\\)\\[dDsSwWbB<>]|(?<!\\)[*+?}]\?|(?<!\\)\(\?")


def to_python(rx):
    """Translates the POSIX ERE subset we use into Python re syntax: only
    the named character classes differ (inside brackets a backslash is
    literal in POSIX, so the patterns avoid it there)."""
    for k, v in POSIX_CLASSES.items():
        rx = rx.replace(k, v)
    return rx


# Lines written for this check.  KEEP: article text that no pattern may
# remove.  DROP: debris that some pattern must remove.
KEEP = [
    ("nl", "Nederland stuurt volgende week nog eens tweehonderd raketten naar Oekraïne, meldt het ANP."),
    ("nl", "Volgens Defensie zijn de eerste pantserhouwitsers inmiddels aangekomen."),
    ("nl", "Extra steun voor Kyiv"),
    ("nl", "De minister wil een beeld krijgen van wat Oekraïne nodig heeft."),
    ("en", "The Pentagon said on Friday it would send more artillery rounds, AFP reported."),
    ("en", "Updated figures from the ministry show that 40 howitzers have arrived."),
    ("en", "By the end of the year, Canada will have delivered eight tanks."),
    ("en", "Source: a senior official in the defence ministry"),
    ("en", "Germany to send more air defence systems"),
    ("en", "Video footage showed the convoy crossing the border, Reuters said."),
    ("de", "Die Bundesregierung teilte mit, dass weitere Panzerhaubitzen geliefert werden, wie dpa berichtet."),
    ("de", "Bild-Zeitung: Scholz sagt weitere Panzer zu."),
    ("de", "Stand 2022 hatte die Bundeswehr nur wenige Haubitzen übrig."),
    ("de", "Weitere Flugabwehrsysteme für die Ukraine"),
    ("fr", "La France va livrer des canons Caesar supplémentaires, selon l'AFP."),
    ("fr", "Publié dans le Journal officiel, le décret autorise l'exportation."),
    ("fr", "Partager le fardeau de l'aide militaire reste un sujet de discorde."),
]
DROP = [
    ("nl", "Tekst loopt verder onder de foto."),
    ("nl", "Volledig scherm Een colonne pantservoertuigen op een weg bij de grens. © AP"),
    ("nl", "LEES OOK. Waarom de levering zo lang duurt (+)"),
    ("nl", "Bekijk hier de video"),
    ("nl", "Een soldaat bij een houwitser. Beeld Jan Jansen"),
    ("nl", "Piet de Vries Bron : The Guardian"),
    ("nl", "Aanvaard de social media-cookies om deze inhoud te tonen."),
    ("en", "Read more: How the tanks will change the war"),
    ("en", "- ADVERTISEMENT - CONTINUE READING BELOW -"),
    ("en", "By JOHN A. SMITH and JANE DOE"),
    ("en", "Published: Jan. 5, 2023 at 10:02 AM CST|Updated: 3 minutes ago"),
    ("en", "A soldier loads a shell.(Photo by Jane Doe/Getty Images)"),
    ("en", "Leave a Reply"),
    ("en", "Your email address will not be published."),
    ("en", "More to come."),
    ("en", "01:45"),
    ("en", "Share this article"),
    ("de", "Lesen Sie auch: Was die Panzer können"),
    ("de", "ARCHIV - Ein Schützenpanzer auf einem Übungsplatz. Max Muster/dpa"),
    ("de", "Ein Konvoi an der Grenze. Foto: Max Muster"),
    ("de", "Anzeige"),
    ("de", "Aktualisiert am 12.03.2023, 14:05 Uhr"),
    ("fr", "À lire aussi : ce que change la livraison des chars"),
    ("fr", "Publié le 12 mars 2023 à 14h05"),
    ("fr", "Photo : AFP"),
    ("fr", "Partager sur Facebook"),
    ("*", "Facebook Twitter WhatsApp E-mail"),
    ("*", "© Reuters"),
]


def check_boilerplate(path):
    pats = []
    counts = {}
    for i, (lang, kind, pat) in rows(path, 3):
        if lang not in LANGS + ("*",):
            err(path, i, "unknown language %r" % lang)
            continue
        if kind == "prefix":
            pats.append((lang, kind, pat, None, i))
        elif kind == "regex":
            if NOT_POSIX.search(pat):
                err(path, i, "not POSIX ERE (\\d, \\s, \\w, \\b, lazy or (?...)): %r" % pat)
                continue
            if re.search(r"\[[^]]*\\", pat):
                err(path, i, "backslash inside a bracket expression means "
                    "different things to regcomp and Python: %r" % pat)
                continue
            if re.search(r"\[[^]]*[^\x00-\x7f]", pat):
                err(path, i, "non-ASCII character inside a bracket expression "
                    "(a byte set for regcomp in the C locale): %r" % pat)
                continue
            try:
                compiled = re.compile(to_python(pat), re.I)
            except re.error as e:
                err(path, i, "regex does not compile: %s: %r" % (e, pat))
                continue
            pats.append((lang, kind, pat, compiled, i))
        else:
            err(path, i, "unknown kind %r (regex or prefix)" % kind)
            continue
        counts[lang] = counts.get(lang, 0) + 1

    def hits(lang, line):
        line = line.strip()
        for plang, kind, pat, rx, i in pats:
            if plang not in (lang, "*") and lang != "*":
                continue
            if kind == "prefix":
                if line.lower().startswith(pat.lower()):
                    yield i
            elif rx.search(line):       # regexec semantics: anchors are explicit
                yield i

    for lang, line in KEEP:
        for i in hits(lang, line):
            err(path, i, "pattern removes article text: %r" % line)
    for lang, line in DROP:
        if not any(True for _ in hits(lang, line)):
            err(path, 0, "no pattern removes debris line: %r" % line)
    return counts


def check_abbrev(path):
    counts = {}
    seen = set()
    for i, (lang, ab) in rows(path, 2):
        if lang not in LANGS:
            err(path, i, "unknown language %r" % lang)
            continue
        if not ab.endswith("."):
            err(path, i, "abbreviation %r does not end with a period" % ab)
        if " " in ab:
            err(path, i, "abbreviation %r contains a space" % ab)
        if (lang, ab) in seen:
            warn(path, i, "duplicate %s %r" % (lang, ab))
        seen.add((lang, ab))
        counts[lang] = counts.get(lang, 0) + 1
    return counts


def check_stopwords(path):
    counts = {}
    where = {}
    for i, (lang, w) in rows(path, 2):
        if lang not in LANGS:
            err(path, i, "unknown language %r" % lang)
            continue
        if " " in w:
            err(path, i, "stopword %r is not one word" % w)
        f = fold(w)
        if f in where and where[f][0] != lang:
            err(path, i, "%r is listed for %s (line %d) and %s: it does not "
                "tell the languages apart" % (w, where[f][0], where[f][1], lang))
        elif f in where:
            warn(path, i, "duplicate %s %r" % (lang, w))
        where.setdefault(f, (lang, i))
        counts[lang] = counts.get(lang, 0) + 1
    for lang in LANGS:
        n = counts.get(lang, 0)
        if not 60 <= n <= 100:
            err(path, 0, "%s has %d stopwords (want 60-100)" % (lang, n))
    return counts


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    d = args[0] if args else "data"
    cues, overlaps = check_cues(os.path.join(d, "cues.tsv"), verbose)
    bp = check_boilerplate(os.path.join(d, "boilerplate.tsv"))
    ab = check_abbrev(os.path.join(d, "abbrev.tsv"))
    sw = check_stopwords(os.path.join(d, "stopwords.tsv"))

    print("cues.tsv: forms per class")
    print("  %-18s %5s %5s %5s %5s" % (("class",) + LANGS))
    for cls in CLASSES:
        print("  %-18s %5d %5d %5d %5d" % ((cls,) + tuple(cues.get((l, cls), 0) for l in LANGS)))
    print("  %-18s %5d %5d %5d %5d" % (("total",) + tuple(
        sum(cues.get((l, c), 0) for c in CLASSES) for l in LANGS)))
    if verbose and overlaps:
        print("cross-class forms:")
        print("\n".join(overlaps))
    print("boilerplate.tsv:", ", ".join("%s %d" % kv for kv in sorted(bp.items())))
    print("abbrev.tsv:", ", ".join("%s %d" % kv for kv in sorted(ab.items())))
    print("stopwords.tsv:", ", ".join("%s %d" % kv for kv in sorted(sw.items())))
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
