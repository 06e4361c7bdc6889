#!/usr/bin/env python3
"""check_cues.py: sanity checks for the linguistic lexicons.

Checks data/cues.tsv, data/particles.tsv, data/boilerplate.tsv,
data/abbrev.tsv and data/stopwords.tsv the way the C loaders will read them (UTF-8, tabs,
'#' comments and blank lines ignored), so that a bad edit is caught before
the extractor refuses to start.  It also folds every cue form the way the
matcher does and reports forms that land in two classes of one language:
such a form is matched once, so one of its readings is lost.  Separable
verbs (particles.tsv) are checked for their columns, their class, one class
per (finite form, particle) pair, and against readings that are known not to
be about giving ("geeft ... aan" = indicates).

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

def _grammar_classes(name="gram_cue_classes"):
    """The cue classes the extractor knows: gram_cue_classes[] (or the
    word lists, gram_word_classes[]) in src/extract/grammar.c, read from
    there so the two cannot disagree."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "extract",
                       "grammar.c")
    with open(src, encoding="utf-8") as f:
        text = f.read()
    body = text[text.index(name + "[] = {"):]
    body = body[:body.index("NULL")]
    return tuple(re.findall(r'"([a-z_]+)"', body))


CLASSES = _grammar_classes()
# Word lists: loaded into a lexicon of their own (no mentions), so a form
# may be in one of them and in a cue class too, and a language may have none.
WORD_CLASSES = _grammar_classes("gram_word_classes")

# Classes a language may leave empty: German has no "would" of its own, as
# "würde" folds to "wurde" (the passive auxiliary).  "relative" is known to
# the extractor (src/extract/grammar.c) but has no forms here yet.
EMPTY_OK = ({("de", "would")} | {(l, "relative") for l in LANGS} |
            # te/zu infinitives and verb-final complements are Dutch and
            # German; English "that" and French "que" are relatives
            {(l, c) for l in ("en", "fr") for c in ("comp", "inf")} |
            # only English needs a partitive word that is no source word
            {(l, "partitive") for l in ("nl", "de", "fr")} |
            # only Dutch permits with a modal and "van" ("mag van de VS")
            {(l, "permitted") for l in ("en", "de", "fr")} |
            # French transfer verbs after "le" are pronouns, not nouns
            {("fr", "article")} |
            # a bare launcher or battery points back only where compounds
            # carry the system's name (Dutch, German)
            {(l, "unit_anaphor") for l in ("en", "fr")} |
            # English alone names pieces again by a wider bare word, and
            # asks to be let use materiel with a bare infinitive
            {(l, c) for l in ("nl", "de", "fr") for c in ("hypernym", "use_verb")} |
            # only German and Dutch frame a topic with a verb after the
            # state ("Was X betrifft", "Wat X betreft")
            {(l, "topic_close") for l in ("en", "fr")} |
            # English has no quantitative pronoun; French "en" and German
            # "davon" are not handled yet
            {(l, "quant_pronoun") for l in ("en", "de", "fr")})

# particles.tsv: only Dutch and German split their verbs, and a pair names a
# record type (or a neutral transfer, typed by context); training verbs
# split too ("bildet ... aus", "leidt ... op") and keep their own classes,
# and so do report verbs ("teilte ... mit", "deelde ... mee").
PARTICLE_LANGS = ("nl", "de")
PARTICLE_CLASSES = (
    "delivered", "committed", "offered", "considering", "refused",
    "requested", "consent_requested", "consent_granted", "consent_denied",
    "transfer", "receive", "approve", "train", "trained", "report",
)

# (lang, folded finite forms, folded particle) pairs that must never be
# listed: the verb they make is not about giving.
PARTICLE_BANNED = [
    ("nl", {"geef", "geeft", "geven", "gaf", "gaven"}, "aan"),   # aangeven: indicates
    ("nl", {"kom", "komt", "komen", "kwam", "kwamen"}, "aan"),   # aankomen
    ("de", {"gebe", "gibst", "gibt", "geben", "gebt", "gab", "gabst", "gaben", "gabt"}, "an"),  # angeben: states
    ("de", {"komme", "kommst", "kommt", "kommen", "kam", "kamst", "kamen", "kamt"}, "an"),      # ankommen
    ("de", {"stelle", "stellst", "stellt", "stellen", "stellte", "stelltest", "stellten", "stelltet"}, "vor"),  # vorstellen: presents
]

# Forms that the grammar needs in two classes of one language: German
# "werden" is both the future and the passive auxiliary.
ALLOWED_OVERLAP = {
    ("de", "werden"), ("de", "wird"), ("de", "werde"),
    # the future passive auxiliary: "seront livrés" is promised
    ("fr", "sera"), ("fr", "seront"),
}
# a receiving verb listed under future too is read as both (src/extract/
# grammar.c): "recevra", "bekommt" receive what is coming
ALLOWED_CLASS_PAIRS = {("future", "receive"),
                       # a subject pronoun is also the speaker's own
                       # side, and "niemand" the negation of the party
                       # asked (tested with tok_has_cue)
                       ("first_person", "pronoun"), ("neg", "nobody")}

errors = []
warnings = []


def err(path, lineno, why):
    errors.append("%s:%d: %s" % (path, lineno, why))


def warn(path, lineno, why):
    warnings.append("%s:%d: %s" % (path, lineno, why))


def fold(s):
    """Folds a form as the matcher does (src/text/fold.c, utf8proc with
    CASEFOLD): Unicode case folding (so "ß" is "ss"), diacritics removed,
    curly apostrophes and backticks to ', hyphens to spaces, runs of spaces
    to one."""
    for q in ("\u2019", "\u2018", "\u02bc", "`"):
        s = s.replace(q, "'")
    s = unicodedata.normalize("NFKD", s.casefold())
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


def check_cues(paths, verbose):
    """Checks the cue files; the extractor loads them into one lexicon, so
    a form in two classes of one language is caught across files too."""
    counts = {}
    seen = {}          # (lang, folded) -> [(class, lineno, form)]
    for path, i, (lang, cls, form) in ((p, i, f) for p in paths for i, f in rows(p, 3)):
        if lang not in LANGS:
            err(path, i, "unknown language %r" % lang)
            continue
        if cls not in CLASSES and cls not in WORD_CLASSES:
            err(path, i, "unknown class %r" % cls)
            continue
        if "  " in form:
            err(path, i, "double space in form %r" % form)
        key = (lang, fold(form) if cls in CLASSES else cls + ":" + fold(form))
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
            if (lang, f) in ALLOWED_OVERLAP or tuple(classes) in ALLOWED_CLASS_PAIRS:
                overlaps.append("  %s %-14s %s (allowed)" % (lang, f, "/".join(classes)))
            else:
                err(path, v[-1][1], "%s %r is in classes %s after folding"
                    % (lang, f, ", ".join(classes)))
    for lang in LANGS:
        for cls in CLASSES:
            n = counts.get((lang, cls), 0)
            if n == 0 and (lang, cls) not in EMPTY_OK:
                err(path, 0, "%s has no forms for class %s" % (lang, cls))
            elif n and (lang, cls) == ("de", "would"):
                warn(path, 0, "%s has forms for class %s, which folding was "
                     "thought to make impossible" % (lang, cls))
    return counts, overlaps


def check_particles(path):
    """Checks particles.tsv; returns {(lang, class): pairs}."""
    counts = {}
    seen = {}          # (lang, folded finite, folded particle) -> (class, lineno)
    for i, (lang, cls, finite, particle) in rows(path, 4):
        if lang not in PARTICLE_LANGS:
            err(path, i, "language %r does not separate its verbs (want %s)"
                % (lang, " or ".join(PARTICLE_LANGS)))
            continue
        if cls not in PARTICLE_CLASSES:
            err(path, i, "class %r is not a record-type class or transfer" % cls)
            continue
        ff, fp = fold(finite), fold(particle)
        if " " in ff or not re.fullmatch(r"\w+", ff):
            err(path, i, "finite form %r is not one word" % finite)
            continue
        if "  " in particle or not all(re.fullmatch(r"[\w']+", w) for w in fp.split()):
            err(path, i, "particle %r is not one or more plain words" % particle)
            continue
        if fp.split()[0] == ff:
            err(path, i, "particle %r repeats the finite form" % particle)
        for blang, forms, bpart in PARTICLE_BANNED:
            if lang == blang and ff in forms and fp == bpart:
                err(path, i, "%s %r ... %r is not a giving verb" % (lang, finite, particle))
        key = (lang, ff, fp)
        if key in seen:
            pcls, pline = seen[key]
            if pcls == cls:
                warn(path, i, "%s %r ... %r repeats line %d" % (lang, finite, particle, pline))
            else:
                err(path, i, "%s %r ... %r is %s here and %s on line %d"
                    % (lang, finite, particle, cls, pcls, pline))
            continue
        seen[key] = (cls, i)
        counts[(lang, cls)] = counts.get((lang, cls), 0) + 1
    for lang in PARTICLE_LANGS:
        if not any(n for (l, _), n in counts.items() if l == lang):
            err(path, 0, "%s has no separable verbs" % lang)
    return counts


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
        if ab.startswith("^"):
            # a sentence opener: a word, no period
            if "." in ab or len(ab) < 2:
                err(path, i, "sentence opener %r holds a period or no word" % ab)
        elif not ab.endswith("."):
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
        if not 60 <= n <= 120:
            err(path, 0, "%s has %d stopwords (want 60-120)" % (lang, n))
    return counts


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    d = args[0] if args else "data"
    cues, overlaps = check_cues([os.path.join(d, "cues.tsv"), os.path.join(d, "grammar_words.tsv")],
                                verbose)
    parts = check_particles(os.path.join(d, "particles.tsv"))
    bp = check_boilerplate(os.path.join(d, "boilerplate.tsv"))
    ab = check_abbrev(os.path.join(d, "abbrev.tsv"))
    sw = check_stopwords(os.path.join(d, "stopwords.tsv"))

    print("cues.tsv: forms per class")
    print("  %-18s %5s %5s %5s %5s" % (("class",) + LANGS))
    for cls in CLASSES:
        print("  %-18s %5d %5d %5d %5d" % ((cls,) + tuple(cues.get((l, cls), 0) for l in LANGS)))
    print("  %-18s %5d %5d %5d %5d" % (("total",) + tuple(
        sum(cues.get((l, c), 0) for c in CLASSES) for l in LANGS)))
    print("particles.tsv: (finite, particle) pairs per class")
    print("  %-18s %5s %5s" % (("class",) + PARTICLE_LANGS))
    for cls in PARTICLE_CLASSES:
        if any(parts.get((l, cls)) for l in PARTICLE_LANGS):
            print("  %-18s %5d %5d" % ((cls,) + tuple(parts.get((l, cls), 0) for l in PARTICLE_LANGS)))
    print("  %-18s %5d %5d" % (("total",) + tuple(
        sum(parts.get((l, c), 0) for c in PARTICLE_CLASSES) for l in PARTICLE_LANGS)))
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
