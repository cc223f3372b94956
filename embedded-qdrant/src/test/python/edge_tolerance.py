"""How large the similarities behind an example query's score are, for the Java side's rounding bound.

A recommend (best_score, sum_scores), discover or context score is a function of raw similarities to the
examples (lib/segment/src/vector_storage/query/: reco_query.rs, discovery_query.rs, context_query.rs): sums
and differences of them, through sigmoids whose slope is at most 1. A raw similarity is a dot product, a
negated squared Euclid distance or a negated Manhattan distance (lib/segment/src/spaces/simple.rs), summed
in an order that depends on the CPU (scalar, SSE, AVX or NEON kernels), so its rounding error is bounded by
the sum of its terms' magnitudes, not by the final score: a context score of -0.61 can come from Euclid
similarities of -406 and -404. Each ranked hit of such a query gets "scale": the sum over the examples
of the sum of the absolute terms of its similarity to that example (a multivector's MaxSim: the sum of its
best rows'). Computed in double from the stored vectors; a tolerance, never a score.
"""
import math

import qdrant_edge as q

_spaces = {}


def configure(create):
    """Remembers each dense vector's distance (CreateCollection JSON)."""
    _spaces.clear()
    vc = create.get("vectors_config", {})
    params = {"": vc["params"]} if "params" in vc else vc.get("params_map", {}).get("map", {})
    for name, p in params.items():
        _spaces[name] = p.get("distance")


def add_scales(translator, req, ranking):
    query = req.get("query") or {}
    kind = next(iter(query), None)
    examples = _examples(translator, req, query, kind)
    if not examples or not ranking:
        return
    using = req.get("using", "")
    ids = [hit["id"] for hit in ranking]
    records = translator.shard.retrieve([_pid(i) for i in ids], False, [using])
    stored = {}
    for r in records:
        v = r.vector.get(using) if isinstance(r.vector, dict) else r.vector
        stored[str(r.id)] = v
    distance = _spaces.get(using)
    for hit in ranking:
        v = stored.get(str(hit["id"]))
        if v is not None:
            hit["scale"] = sum(_magnitude(e, v, distance) for e in examples)


def _examples(translator, req, query, kind):
    lookup = (req.get("lookup_from") or {}).get("vector_name", req.get("using", ""))
    inputs = []
    if kind == "recommend" and query["recommend"].get("strategy") in ("BestScore", "SumScores"):
        inputs = query["recommend"].get("positive", []) + query["recommend"].get("negative", [])
    elif kind in ("discover", "context"):
        ctx = query[kind] if kind == "context" else query[kind].get("context", {})
        for pair in ctx.get("pairs", []):
            inputs += [pair["positive"], pair["negative"]]
        if kind == "discover":
            inputs.append(query[kind]["target"])
    resolved = [translator.vector(i, lookup, False) for i in inputs]
    return [e for e in resolved if e is not None]


def _pid(i):
    return i if isinstance(i, int) else str(i)


def _magnitude(example, stored, distance):
    if isinstance(example, q.SparseVector) or isinstance(stored, q.SparseVector):
        if not (isinstance(example, q.SparseVector) and isinstance(stored, q.SparseVector)):
            return 0.0
        values = dict(zip(stored.indices, stored.values))
        return sum(abs(x * values.get(i, 0.0)) for i, x in zip(example.indices, example.values))
    if stored and isinstance(stored[0], list):
        rows = example if example and isinstance(example[0], list) else [example]
        return sum(max(_dense(row, s, distance) for s in stored) for row in rows)
    return _dense(example, stored, distance)


def _dense(e, v, distance):
    if distance == "Cosine":
        norm = math.sqrt(sum(x * x for x in e))
        e = [x / norm for x in e] if norm > 0 else e
    if distance == "Euclid":
        return sum((a - b) ** 2 for a, b in zip(e, v))
    if distance == "Manhattan":
        return sum(abs(a - b) for a, b in zip(e, v))
    return sum(abs(a * b) for a, b in zip(e, v))


# Scores this close to a threshold may fall on either side of it (as generous as edge_query's tie test: a query
# flagged here is only checked for succeeding).
THRESHOLD_RELATIVE = 1e-4
THRESHOLD_ABSOLUTE = 1e-6


def threshold_tie(shard, node, scope):
    """A score_threshold that some candidate of this node meets within rounding. Qdrant keeps scores strictly past
    the threshold (score > t, or < t for Euclid and Manhattan distances), computed in the CPU's summation order,
    so such a candidate is in on one CPU and out on another (long mode, seed 3240: near-unit 40-d vectors whose
    Euclid distance to the origin is 0.99999994 in Edge's order and 1.0 in the embedded server's, threshold 1.0).
    `node` is edge_query's node dict (root or prefetch), `scope` the filter it runs under."""
    t = node.get("threshold")
    if t is None or node.get("query") is None:
        return None
    hits = shard.query(q.QueryRequest(limit=100000, query=node["query"], prefetches=node["prefetches"],
                                      filter=scope, params=q.SearchParams(exact=True)))
    for p in hits:
        if p.score is not None and abs(p.score - t) <= THRESHOLD_ABSOLUTE + THRESHOLD_RELATIVE * max(abs(t), 1.0):
            return "a score %r at the threshold %r within rounding" % (p.score, t)
    return None
