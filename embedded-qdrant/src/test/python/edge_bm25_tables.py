"""Regenerates src/main/resources/.../inference/ascii-folding.tsv, the ascii_folding table of qdrant/bm25, from
Qdrant Edge: every BMP character is folded alone by Edge's BM25 (folding on, nothing else), and the ASCII string
of length 1 to 3 (or a parenthesised number) with the same murmur3 token id is its replacement.
Run: target/edge-venv/bin/python src/test/python/edge_bm25_tables.py > table.tsv (the resource adds a header)."""
import sys, itertools, qdrant_edge as q

def murmur3(data: bytes) -> int:
    c1, c2 = 0xcc9e2d51, 0x1b873593
    h = 0
    n = len(data) // 4 * 4
    for i in range(0, n, 4):
        k = int.from_bytes(data[i:i+4], 'little')
        k = (k * c1) & 0xffffffff; k = ((k << 15) | (k >> 17)) & 0xffffffff; k = (k * c2) & 0xffffffff
        h ^= k; h = ((h << 13) | (h >> 19)) & 0xffffffff; h = (h * 5 + 0xe6546b64) & 0xffffffff
    tail = data[n:]; k = 0
    if len(tail) >= 3: k ^= tail[2] << 16
    if len(tail) >= 2: k ^= tail[1] << 8
    if len(tail) >= 1:
        k ^= tail[0]; k = (k * c1) & 0xffffffff; k = ((k << 15) | (k >> 17)) & 0xffffffff; k = (k * c2) & 0xffffffff; h ^= k
    h ^= len(data)
    h ^= h >> 16; h = (h * 0x85ebca6b) & 0xffffffff; h ^= h >> 13; h = (h * 0xc2b2ae35) & 0xffffffff; h ^= h >> 16
    s = h - (1 << 32) if h >= 1 << 31 else h
    return abs(s)

def token_id(s): return murmur3(s.encode('utf-8'))

m = q.Bm25(q.Bm25Config(ascii_folding=True, lowercase=False, stopwords=q.StopwordsSet(custom=set()),
                        stemmer=q.DisabledStemmer(), tokenizer=q.TokenizerType.Whitespace))
printable = [chr(c) for c in range(0x21, 0x7f)]
cands = {}
for L in (1, 2, 3):
    for t in itertools.product(printable, repeat=L):
        s = ''.join(t); cands.setdefault(token_id(s), []).append(s)
digits = '0123456789'
for a in digits:
    for b in digits:
        for s in ('(' + a + b + ')',):
            cands.setdefault(token_id(s), []).append(s)
out = []
unresolved = []
for cp in range(0x80, 0x10000):
    if 0xD800 <= cp <= 0xDFFF: continue
    c = chr(cp)
    if c.isspace(): continue
    v = m.embed_query(c)
    if not v.indices: unresolved.append((cp, 'EMPTY')); continue
    got = v.indices[0]
    if got == token_id(c): continue
    found = cands.get(got)
    if not found: unresolved.append((cp, got)); continue
    out.append((cp, found))
for cp, f in out:
    print('%04X\t%s' % (cp, '|'.join(f)))
print('UNRESOLVED', [(hex(c), g) for c, g in unresolved], file=sys.stderr)
