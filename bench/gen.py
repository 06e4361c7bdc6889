#!/usr/bin/env python3
"""
gen.py: benchmark input for bench/run.sh, generated at run time.

The article texts are read from the directories and files given with
--src (the dev articles when present, else samples/ and tests/cases/) and
repeated, with distinct ids, until the output holds at least --mb
megabytes of text.  Nothing is copied into the repository: the output
goes where run.sh says (a temp dir) and is deleted after the run.

Formats:
  jsonl    one {"id","text"} object a line (the text keeps its " date ..."
           header, which the reader parses)
  warc     WARC/1.0 response records wrapping each text as a small HTML
           page (write it through gzip for .warc.gz)
  txtdir   one .txt.gz file per document in directory --out
  noise    JSONL of text with no military vocabulary: sentences drawn
           from the word lists given with --words (one word a line, e.g.
           /usr/share/dict/*) minus every form in --lexicon, or, without
           word lists, from a built-in list of everyday English words
"""
import argparse
import gzip
import html
import json
import os
import random
import sys


def texts(srcs):
    out = []
    for s in srcs:
        paths = []
        if os.path.isdir(s):
            for n in sorted(os.listdir(s)):
                if n.endswith('.txt'):
                    paths.append(os.path.join(s, n))
        elif os.path.isfile(s):
            paths.append(s)
        for p in paths:
            with open(p, encoding='utf-8', errors='replace') as f:
                t = f.read()
            if t.strip():
                out.append((os.path.splitext(os.path.basename(p))[0], t))
    return out


EVERYDAY = """the a of and to in is was for on that with as at by from it this be are
have has had not but they his her their we you our new one two three day year week
people city town school house garden market street morning evening family children
music film book song weather rain sun summer winter spring autumn coffee tea bread
cheese fruit apple orange water river lake mountain forest park dog cat bird horse
football match team player goal season club coach fans stadium ticket price shop
train bus car bicycle road bridge station airport holiday beach hotel restaurant
dinner lunch breakfast kitchen recipe cake chocolate festival concert theatre art
museum painting photo camera phone computer website company shares market growth
teacher student university lesson exam library story history village farm cow
sheep milk eggs butter sugar salt pepper soup salad pasta pizza wine beer juice
said told says went came made took gave found thought looked wanted used called
good great small large old young long short high little early late local public
""".split()


def noise_words(word_files, lexicon):
    banned = set()
    if lexicon:
        with open(lexicon, encoding='utf-8', errors='replace') as f:
            for line in f:
                for w in line.lower().split():
                    banned.add(w)
    words = []
    for wf in word_files:
        try:
            with open(wf, encoding='utf-8', errors='replace') as f:
                for line in f:
                    w = line.strip()
                    if w and w.isalpha() and "'" not in w and len(w) < 14:
                        words.append(w)
        except OSError:
            pass
    if len(words) < 1000:
        words = list(EVERYDAY)
    low = [w for w in words if w.lower() not in banned and
           not any(b in w.lower() for b in ('wapen', 'waffe', 'weapon', 'arme', 'tank',
                                            'rakete', 'raket', 'missile', 'munition',
                                            'mili', 'armee', 'army', 'leger'))]
    return low


def noise_text(rng, words, nbytes):
    parts = []
    size = 0
    while size < nbytes:
        n = rng.randint(6, 20)
        s = ' '.join(rng.choice(words) for _ in range(n))
        s = s[0].upper() + s[1:] + '.'
        parts.append(s)
        size += len(s) + 1
        if rng.random() < 0.2:
            parts.append('\n\n')
    return ' '.join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--format', required=True, choices=['jsonl', 'warc', 'txtdir', 'noise'])
    ap.add_argument('--src', action='append', default=[])
    ap.add_argument('--mb', type=float, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--words', action='append', default=[])
    ap.add_argument('--lexicon')
    a = ap.parse_args()
    target = int(a.mb * 1e6)
    rng = random.Random(7)

    if a.format == 'noise':
        words = noise_words(a.words, a.lexicon)
        with open(a.out, 'w', encoding='utf-8') as f:
            size, i = 0, 0
            while size < target:
                t = noise_text(rng, words, rng.randint(2000, 8000))
                line = json.dumps({'id': 'noise-%07d' % i, 'text': t}, ensure_ascii=False)
                f.write(line + '\n')
                size += len(line.encode('utf-8')) + 1
                i += 1
        return

    docs = texts(a.src)
    if not docs:
        sys.exit('gen.py: no .txt documents under ' + ' '.join(a.src))
    size, i = 0, 0
    if a.format == 'txtdir':
        os.makedirs(a.out, exist_ok=True)
        while size < target:
            name, t = docs[i % len(docs)]
            b = t.encode('utf-8')
            with gzip.open(os.path.join(a.out, '%s-r%06d.txt.gz' % (name, i)), 'wb', 1) as f:
                f.write(b)
            size += len(b)
            i += 1
        return
    with open(a.out, 'wb') as f:
        while size < target:
            name, t = docs[i % len(docs)]
            if a.format == 'jsonl':
                b = (json.dumps({'id': '%s-r%06d' % (name, i), 'text': t},
                                ensure_ascii=False) + '\n').encode('utf-8')
            else:
                paras = ''.join('<p>%s</p>\n' % html.escape(p) for p in t.split('\n') if p.strip())
                page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>'
                        '</head><body><article>\n%s</article></body></html>\n'
                        % (name, paras)).encode('utf-8')
                http = (b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n'
                        b'Content-Length: ' + str(len(page)).encode() + b'\r\n\r\n' + page)
                uri = 'https://example.org/%s/%06d' % (name, i)
                hdr = ('WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n'
                       'WARC-Date: 2023-01-01T00:00:00Z\r\n'
                       'Content-Type: application/http; msgtype=response\r\n'
                       'Content-Length: %d\r\n\r\n' % (uri, len(http))).encode()
                b = hdr + http + b'\r\n\r\n'
            f.write(b)
            size += len(b)
            i += 1


if __name__ == '__main__':
    main()
