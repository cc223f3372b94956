"""One-off probe (not part of the build): does Qdrant Edge's Rust std answer Unicode questions as a given dump says?

Usage, from embedded-qdrant/ (the dump is src/test/rust/unicode17's `dump`, see its header):
    nice -n 15 target/edge-venv/bin/python src/test/python/edge_unicode_probe.py /tmp/unicode17.tsv

For every code point of the dump (surrogates excluded) it embeds, as queries with no stemmer and no stopwords:
`a<c>b` through the word tokenizer (one token if char::is_alphanumeric, else `a` and `b`); `x<c>` through the
whitespace tokenizer with lowercase (is_whitespace and to_lowercase); `<c>Σ` and `A<c>Σ` likewise (the final-sigma
rule, which reads Cased and Case_Ignorable). Texts go in batches of 200 code points, a batch whose index set differs
from the expected one is retried code point by code point, and the differing code points are printed per probe.
Against the Unicode 17 dump of rustc 1.95 it printed no difference; against a dump of Java 17's answers it printed
14,686 (word), 95 (lower) and 835 (sigma, both probes) code points.
"""
import sys

import qdrant_edge as q


def murmur3(data):
    c1, c2, h = 0xcc9e2d51, 0x1b873593, 0
    n = len(data) // 4 * 4
    for i in range(0, n, 4):
        k = int.from_bytes(data[i:i + 4], 'little')
        k = (k * c1) & 0xffffffff
        k = ((k << 15) | (k >> 17)) & 0xffffffff
        k = (k * c2) & 0xffffffff
        h ^= k
        h = ((h << 13) | (h >> 19)) & 0xffffffff
        h = (h * 5 + 0xe6546b64) & 0xffffffff
    tail = data[n:]
    if tail:
        k = int.from_bytes(tail, 'little')
        k = (k * c1) & 0xffffffff
        k = ((k << 15) | (k >> 17)) & 0xffffffff
        k = (k * c2) & 0xffffffff
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85ebca6b) & 0xffffffff
    h ^= h >> 13
    h = (h * 0xc2b2ae35) & 0xffffffff
    h ^= h >> 16
    return abs(h - (1 << 32) if h & 0x80000000 else h)  # Qdrant's (hash as i32).unsigned_abs()


def index(token):
    return murmur3(token.encode('utf-8'))


def model(tokenizer, lowercase):
    return q.Bm25(q.Bm25Config(tokenizer=tokenizer, lowercase=lowercase, stemmer=q.DisabledStemmer(),
                               stopwords=q.StopwordsSet(custom=set())))


def main():
    word = model(q.TokenizerType.Word, False)
    whitespace = model(q.TokenizerType.Whitespace, True)
    rows = []
    for line in open(sys.argv[1], encoding='utf-8'):
        cp, flags, lower, _ = line.rstrip('\n').split('\t')
        rows.append((chr(int(cp, 16)), flags, ''.join(chr(int(x, 16)) for x in lower.split())))

    def probes(c, flags, lower):
        alnum = flags[0] == '1' or flags[1] == '1'
        yield 'word', word, 'a' + c + 'b', {index('a' + c + 'b')} if alnum else {index('a'), index('b')}
        if flags[2] == '1':
            yield 'lower', whitespace, 'x' + c, {index('x')}
            return
        yield 'lower', whitespace, 'x' + c, {index('x' + lower)}
        yield 'sigma', whitespace, c + '\u03a3', {index(lower + ('\u03c2' if flags[6] == '1' else '\u03c3'))}
        yield 'sigma', whitespace, 'A' + c + '\u03a3', {index('a' + lower + ('\u03c2' if flags[7] == '1' else '\u03c3'))}

    differing = {}
    for start in range(0, len(rows), 200):
        groups = {}
        for row in rows[start:start + 200]:
            for name, m, text, expected in probes(*row):
                groups.setdefault((name, id(m)), []).append((row[0], m, text, expected))
        for (name, _), items in groups.items():
            m = items[0][1]
            if set(m.embed_query(' '.join(t for _, _, t, _ in items)).indices) != set().union(*(e for *_, e in items)):
                for c, _, text, expected in items:
                    if set(m.embed_query(text).indices) != expected:
                        differing.setdefault(name, []).append('%04X' % ord(c))
    for name, cps in differing.items():
        print(name, len(cps), ' '.join(cps[:40]))
    print('probed', len(rows), 'code points,', sum(len(v) for v in differing.values()), 'differences')


if __name__ == '__main__':
    main()
