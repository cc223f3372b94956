"""Oracle for Bm25DifferentialTest: Qdrant Edge's BM25 model (qdrant_edge.Bm25), the local `qdrant/bm25`
inference of a Qdrant node, behind a line protocol.

stdin, one JSON object a line: {"side": "document" | "query", "text": TEXT, "options": OPTIONS}, where
OPTIONS is a Document's options map as the Java test sends it (Qdrant's Bm25Config shape: k, b, avg_len,
tokenizer, language, lowercase, ascii_folding, stopwords, stemmer, min_token_len, max_token_len).
stdout, one JSON object a line: {"indices": [...], "values": [...]} or {"error": TEXT} (Edge refused the
configuration). A malformed line exits with status 2 and the reason on stderr.

A batch of queries, for StemmerDifferentialTest (one word a text there, so each vector is the hash of one stem):
{"side": "queries", "texts": [TEXT, ...], "options": OPTIONS} answers {"vectors": [[INDEX, ...], ...]}, the
query indices of each text in order (Edge exposes no tokenizer or stemmer of its own).

A batch of documents, for MultilingualDifferentialTest: {"side": "documents", "texts": [TEXT, ...], "options":
OPTIONS} answers {"vectors": [{"indices": [...], "values": [...]}, ...]}, each text's document vector in order.
"""
import json
import sys
import traceback

import qdrant_edge as q


def enum(kind, name):
    return getattr(kind, name[:1].upper() + name[1:])


def stopwords(value):
    if isinstance(value, str):
        return enum(q.Language, value)
    languages = value.get("languages")
    custom = value.get("custom")
    return q.StopwordsSet(
        languages=None if languages is None else {enum(q.Language, name) for name in languages},
        custom=None if custom is None else set(custom))


def config(options):
    kwargs = {}
    for key in ("k", "b", "avg_len", "language", "lowercase", "ascii_folding", "min_token_len", "max_token_len"):
        if key in options:
            kwargs[key] = options[key]
    if "tokenizer" in options:
        kwargs["tokenizer"] = enum(q.TokenizerType, options["tokenizer"])
    if "stopwords" in options:
        kwargs["stopwords"] = stopwords(options["stopwords"])
    if "stemmer" in options:
        kwargs["stemmer"] = q.SnowballParams(enum(q.SnowballLanguage, options["stemmer"]["language"]))
    return q.Bm25Config(**kwargs)


def main():
    for line in sys.stdin:
        try:
            request = json.loads(line)
        except ValueError:
            traceback.print_exc()
            sys.exit(2)
        try:
            model = q.Bm25(config(request["options"]))
        except ValueError as e:
            print(json.dumps({"error": str(e)}), flush=True)
            continue
        if request["side"] == "documents":
            vectors = [model.embed_document(text) for text in request["texts"]]
            print(json.dumps({"vectors": [{"indices": list(v.indices), "values": list(v.values)} for v in vectors]}),
                  flush=True)
            continue
        if request["side"] == "queries":
            vectors = [list(model.embed_query(text).indices) for text in request["texts"]]
            print(json.dumps({"vectors": vectors}), flush=True)
            continue
        vector = model.embed_document(request["text"]) if request["side"] == "document" \
            else model.embed_query(request["text"])
        print(json.dumps({"indices": list(vector.indices), "values": list(vector.values)}), flush=True)


if __name__ == "__main__":
    main()
