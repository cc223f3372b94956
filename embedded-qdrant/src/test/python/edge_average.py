"""The average_vector recommend strategy, Qdrant's collection layer (Edge takes the resulting vector).

Qdrant 1.17.0, lib/segment/src/vector_storage/query/reco_query.rs (read at qdrant/qdrant commit
02aefe98e4663502c76040ac58eb84a4dd0104ee): avg_vector_for_recommendation is avg(positives) without
negatives, else merge_positive_and_negative_avg(avg(positives), avg(negatives)). avg_vectors:
- dense: an f32 sum in request order, each element divided by the count;
- sparse: SparseVector::combine_aggregate(v, avg, v1 + v2) over the union of indices (a missing index
  is 0), then each value divided by the count;
- multivector: no average at all, the sub-vectors of every example concatenated in request order.
merge: dense pos + pos - neg element-wise; sparse combine_aggregate(pos, neg, pos + pos - neg); multivector
the positives' sub-vectors followed by the negatives' negated. No positives, or examples of different kinds
(a dense vector sent beside a multivector by id: the gRPC layer reads a dense VectorInput as a dense vector
whatever the collection holds), is a validation error; dense examples of a multivector are averaged as dense
vectors, and the shard then takes the result as a multivector of one row.
"""
import struct

import qdrant_edge as q


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def kind(v):
    if isinstance(v, q.SparseVector):
        return "sparse"
    return "multi" if v and isinstance(v[0], list) else "dense"


def average(pos, neg):
    if not pos:
        raise RuntimeError("Positive vectors should not be empty with `average` strategy")
    if len({kind(v) for v in pos}) > 1 or (neg and len({kind(v) for v in neg}) > 1):
        raise RuntimeError("Can't average vectors with different types")
    if neg and kind(pos[0]) != kind(neg[0]):
        raise RuntimeError("Positive and negative vectors should be of the same type")
    p = avg(pos)
    if not neg:
        return p
    n = avg(neg)
    if isinstance(p, q.SparseVector):
        return combine(p, n, lambda a, b: f32(f32(a + a) - b))
    if p and isinstance(p[0], list):
        return p + [[-x for x in row] for row in n]
    return [f32(f32(a + a) - b) for a, b in zip(p, n)]


def avg(vectors):
    first = vectors[0]
    if isinstance(first, q.SparseVector):
        total = q.SparseVector([], [])
        for v in vectors:
            total = combine(v, total, lambda a, b: f32(a + b))
        return q.SparseVector(list(total.indices), [f32(x / len(vectors)) for x in total.values])
    if first and isinstance(first[0], list):
        return [list(row) for v in vectors for row in v]
    total = list(first)
    for v in vectors[1:]:
        total = [f32(a + b) for a, b in zip(total, v)]
    return [f32(x / len(vectors)) for x in total]


def combine(a, b, op):
    """combine_aggregate: every index of either side, the other side's value 0 where it lacks it."""
    av = dict(zip(a.indices, a.values))
    bv = dict(zip(b.indices, b.values))
    indices = sorted(set(av) | set(bv))
    return q.SparseVector(indices, [op(av.get(i, 0.0), bv.get(i, 0.0)) for i in indices])
