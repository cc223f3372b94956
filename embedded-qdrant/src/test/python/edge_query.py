"""QueryPoints (and SearchPoints, QueryPointGroups) on an Edge shard.

Edge takes vectors only; resolving point ids into vectors, excluding those ids from the results and the
average_vector strategy are Qdrant's collection layer, written out here as Qdrant 1.17.0 does them:
lib/collection/src/collection/query.rs and universal_query/collection_query.rs (referenced ids are
fetched, then excluded by a must_not has_id merged into the root filter with Filter::merge_owned,
exclude_referenced_ids; the shard's planner merges the root filter into every prefetch's the same way,
recurse_prefetches in lib/shard/src/query/planned_query.rs, which concatenates should lists), and
avg_vector_for_recommendation (edge_average).
"""
import qdrant_edge as q

import edge_average
import edge_convert as cv
import edge_feedback
import edge_formula
import edge_tolerance

EXACT = q.SearchParams(exact=True)
# How far past the requested page the ranking is returned, so the Java side can tell which other ids
# tie with the page's last score (Qdrant leaves the order of equal scores to its heaps).
RANKING_EXTRA = 50
# Scores this close count as a tie when deciding whether a prefetch's cut is ambiguous (generous: an
# ambiguous query is only checked for succeeding, never compared).
TIE_RELATIVE = 1e-4
TIE_ABSOLUTE = 1e-6


def and_filters(*filters):
    present = [f for f in filters if f is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else q.Filter(must=present)


def merge_json(a, b):
    """Filter::merge_owned (lib/segment/src/types.rs) on protobuf-JSON filters: must, must_not and should
    lists concatenated, min_should conditions joined with the larger min_count. Not an AND: a should of
    each becomes one should (qdrant/qdrant#10594)."""
    if a is None:
        return b
    if b is None:
        return a
    out = {}
    for key in ("should", "must", "must_not"):
        items = a.get(key, []) + b.get(key, [])
        if items:
            out[key] = items
    ma, mb = a.get("min_should"), b.get("min_should")
    if ma is not None and mb is not None:
        out["min_should"] = {"conditions": ma.get("conditions", []) + mb.get("conditions", []),
                             "min_count": max(int(ma.get("min_count", 0)), int(mb.get("min_count", 0)))}
    elif ma is not None or mb is not None:
        out["min_should"] = ma if ma is not None else mb
    return out


def id_json(pid):
    return {"num": pid} if isinstance(pid, int) else {"uuid": pid}


class QueryTranslator:
    def __init__(self, shard):
        self.shard = shard
        self.referenced = []

    # ---- entry points ----

    def run(self, req):
        root = self.node(req)
        base_json = self.root_filter_json(req.get("filter"))
        base = cv.filter_(base_json)
        limit = int(req.get("limit", 10))
        offset = int(req.get("offset", 0))
        page = self.shard.query(q.QueryRequest(
            limit=limit, offset=offset, query=root["query"], prefetches=root["prefetches"],
            filter=base, score_threshold=root["threshold"], params=EXACT,
            with_payload=cv.with_payload(req.get("with_payload")),
            with_vector=cv.with_vectors(req.get("with_vectors"))))
        ranking = [ranked(p) for p in self.shard.query(q.QueryRequest(
            limit=offset + limit + RANKING_EXTRA, query=root["query"], prefetches=root["prefetches"],
            filter=base, score_threshold=root["threshold"], params=EXACT))]
        edge_tolerance.add_scales(self, req, ranking)
        return {"points": [scored(p) for p in page], "ranking": ranking,
                "ambiguous": self.ambiguity(root, base_json) or self.equal_discovery_pair(root, req)
                                    or self.mmr_cut_tie(root, base)
                                    or edge_tolerance.threshold_tie(self.shard, root, base)}

    def mmr_cut_tie(self, root, base):
        """MMR pre-selects candidates_limit nearest points; equal scores at that cut make Qdrant's candidate set
        one of several (lib/collection/src/collection/mmr.rs), so such a query is only checked for succeeding."""
        mmr = root["query"]
        if root["kind"] != "nearest_with_mmr":
            return None
        hits = self.shard.query(q.QueryRequest(limit=mmr.candidates_limit + 1,
                                               query=q.Query.Nearest(mmr.vector, using=mmr.using), filter=base,
                                               score_threshold=root["threshold"], params=EXACT))
        cut = mmr.candidates_limit
        if len(hits) > cut and close(hits[cut - 1].score, hits[cut].score):
            return "equal scores at the MMR candidates cut"
        return None

    def equal_discovery_pair(self, root, req):
        """Edge 0.9.0 ranks a discovery pair equally similar to a point 0, Qdrant 1.17 -1
        (DiscoveryQuery::rank_by, lib/segment/src/vector_storage/query/discovery_query.rs: `>` gives 1, else
        -1). Equal pairs come from identical pair vectors or a stored zero vector (similar 0 to both); such a
        query is reported, not compared (KnownExceptions in the Java test)."""
        if root["kind"] != "discover":
            return None
        using = req.get("using", "")
        lookup = (req.get("lookup_from") or {}).get("vector_name", using)
        for pair in req["query"]["discover"]["context"].get("pairs", []):
            if same(self.vector(pair["positive"], lookup, True), self.vector(pair["negative"], lookup, True)):
                return "discovery pair with equal vectors"
        records, _ = self.shard.scroll(q.ScrollRequest(limit=100000, with_payload=False, with_vector=[using]))
        for r in records:
            v = r.vector.get(using) if isinstance(r.vector, dict) else r.vector
            if v is not None and is_zero(v):
                return "discovery over a stored zero vector"
        return None

    def ranking_for_groups(self, req):
        """The whole ranking of a QueryPointGroups request (no prefetch), for edge_groups to group."""
        if req.get("prefetch"):
            raise cv.Untranslatable("QueryPointGroups with prefetch")
        root = self.node(req)
        # group_by.rs only ever sees points that have a value at the key (must_not is_empty)
        base = and_filters(cv.filter_(self.root_filter_json(req.get("filter"))),
                           q.Filter(must_not=[q.IsEmptyCondition(req["group_by"])]))
        return [ranked(p) for p in self.shard.query(q.QueryRequest(
            limit=100000, query=root["query"], filter=base, score_threshold=root["threshold"], params=EXACT,
            with_payload=True))]

    def root_filter_json(self, user_filter):
        """exclude_referenced_ids (lib/collection/src/collection/universal_query/collection_query.rs):
        Filter::new_must_not(HasId(referenced)).merge_owned(filter), kept as JSON so that it stays mergeable
        (wrapping the user's filter in a must would turn its should into an AND below)."""
        if not self.referenced:
            return user_filter
        exclusion = {"must_not": [{"has_id": {"has_id": [id_json(p) for p in self.referenced]}}]}
        return merge_json(exclusion, user_filter)

    # ---- the request tree ----

    def node(self, msg):
        """QueryPoints or PrefetchQuery -> dict(query, prefetches, filter, threshold, limit, children)."""
        children = [self.node(p) for p in msg.get("prefetch", [])]
        prefetches = [q.Prefetch(limit=c["limit"], query=c["query"], prefetches=c["prefetches"], params=EXACT,
                                 filter=c["filter"], score_threshold=c["threshold"]) for c in children]
        using = msg.get("using", "")
        lookup = msg.get("lookup_from")
        if lookup is not None and lookup.get("collection_name"):
            raise cv.Untranslatable("lookup_from another collection")
        lookup_name = lookup.get("vector_name", using) if lookup is not None else using
        query = self.query(msg["query"], using, lookup_name, int(msg.get("limit", 10))) if "query" in msg else None
        threshold = msg.get("score_threshold")
        return {"query": query, "prefetches": prefetches or None, "filter": cv.filter_(msg.get("filter")),
                "filter_json": msg.get("filter"),
                "threshold": None if threshold is None else float(threshold), "limit": int(msg.get("limit", 10)),
                "children": children, "kind": next(iter(msg["query"])) if "query" in msg else None}

    def query(self, qm, using, lookup_name, limit):
        name = using or None
        if "nearest" in qm:
            return q.Query.Nearest(self.vector(qm["nearest"], lookup_name, True), using=name)
        if "nearest_with_mmr" in qm:
            # lib/collection/src/operations/universal_query/collection_query.rs: lambda = 1 - diversity
            # (DEFAULT_MMR_LAMBDA 0.5 without it), candidates_limit defaulting to the request's limit
            m = qm["nearest_with_mmr"]
            mmr = m.get("mmr", {})
            lam = 1.0 - float(mmr["diversity"]) if "diversity" in mmr else 0.5
            return q.Mmr(self.vector(m["nearest"], lookup_name, True), lam,
                         int(mmr.get("candidates_limit", limit)), using=name)
        if "recommend" in qm:
            return self.recommend(qm["recommend"], name, lookup_name)
        if "discover" in qm:
            d = qm["discover"]
            return q.Query.Discover(q.DiscoverQuery(self.vector(d["target"], lookup_name, True),
                                                    self.pairs(d["context"].get("pairs", []), lookup_name)), using=name)
        if "context" in qm:
            return q.Query.Context(q.ContextQuery(self.pairs(qm["context"].get("pairs", []), lookup_name)), using=name)
        if "relevance_feedback" in qm:
            return edge_feedback.feedback(self, qm["relevance_feedback"], name, lookup_name)
        if "order_by" in qm:
            return cv.order_by(qm["order_by"])
        if "fusion" in qm:
            return {"RRF": q.Fusion.Rrf(k=2), "DBSF": q.Fusion.Dbsf()}[qm["fusion"]]
        if "formula" in qm:
            return edge_formula.formula(qm["formula"])
        if "rrf" in qm:
            r = qm["rrf"]
            weights = [float(w) for w in r.get("weights", [])] or None
            return q.Fusion.Rrf(k=int(r.get("k", 2)), weights=weights)
        cv.fail("query", qm)

    def pairs(self, pairs, lookup_name):
        return [q.ContextPair(self.vector(p["positive"], lookup_name, True), self.vector(p["negative"], lookup_name, True))
                for p in pairs]

    def recommend(self, r, name, lookup_name):
        strategy = r.get("strategy", "AverageVector")
        pos = [v for v in (self.vector(x, lookup_name, False) for x in r.get("positive", [])) if v is not None]
        neg = [v for v in (self.vector(x, lookup_name, False) for x in r.get("negative", [])) if v is not None]
        if strategy == "BestScore":
            return q.Query.RecommendBestScore(q.RecommendQuery(pos, neg), using=name)
        if strategy == "SumScores":
            return q.Query.RecommendSumScores(q.RecommendQuery(pos, neg), using=name)
        return q.Query.Nearest(edge_average.average(pos, neg), using=name)

    def vector(self, vi, lookup_name, required):
        """A VectorInput: a dense vector as sent, or a point's stored vector (its id then excluded)."""
        if "id" not in vi:
            return cv.sparse_or_dense(vi)
        pid = cv.point_id(vi["id"])
        if pid not in self.referenced:
            self.referenced.append(pid)
        records = self.shard.retrieve([pid], False, [lookup_name])
        if not records:
            raise RuntimeError("No point with id %s found" % pid)
        stored = records[0].vector
        if isinstance(stored, dict):
            stored = stored.get(lookup_name)
        if stored is None and required:
            raise RuntimeError("Vector %r not found for point %s" % (lookup_name, pid))
        if stored is None or isinstance(stored, q.SparseVector):
            return stored
        return list(stored)

    # ---- ambiguity: ties at a prefetch's cut make Qdrant's own answer one of several ----

    def ambiguity(self, node, inherited):
        for child in node["children"]:
            scope_json = merge_json(inherited, child["filter_json"])
            scope = cv.filter_(scope_json)
            at_threshold = edge_tolerance.threshold_tie(self.shard, child, scope)
            if at_threshold:
                return "prefetch with " + at_threshold
            if child["query"] is not None:
                hits = self.shard.query(q.QueryRequest(limit=child["limit"] + 1, query=child["query"],
                                                       prefetches=child["prefetches"], filter=scope,
                                                       score_threshold=child["threshold"], params=EXACT))
                keys = [p.order_value if p.order_value is not None else p.score for p in hits]
                fused = node["kind"] in ("fusion", "rrf")
                span = range(min(len(keys), child["limit"] + 1) - 1) if fused else (
                    [child["limit"] - 1] if len(keys) > child["limit"] else [])
                for i in span:
                    if close(keys[i], keys[i + 1]):
                        return "prefetch with %d hits ties at %d: %r" % (len(keys), i, keys[i])
            deeper = self.ambiguity(child, scope_json)
            if deeper:
                return deeper
        return None


def same(a, b):
    if isinstance(a, q.SparseVector) or isinstance(b, q.SparseVector):
        return (isinstance(a, q.SparseVector) and isinstance(b, q.SparseVector)
                and sorted(zip(a.indices, a.values)) == sorted(zip(b.indices, b.values)))
    return a == b


def is_zero(v):
    """A vector similar 0 to everything: all zeros (an empty sparse vector too)."""
    if isinstance(v, q.SparseVector):
        return not any(v.values)
    return not any(x for row in v for x in row) if v and isinstance(v[0], list) else not any(v)


def close(a, b):
    return abs(a - b) <= TIE_ABSOLUTE + TIE_RELATIVE * max(abs(a), abs(b))


def scored(p):
    out = {"id": cv.id_out(p.id), "score": p.score}
    if p.payload is not None:
        out["payload"] = p.payload
    if p.vector is not None:
        out["vector"] = cv.vector_out(p.vector)
    if p.order_value is not None:
        out["order_value"] = p.order_value
    return out


def ranked(p):
    out = {"id": cv.id_out(p.id), "score": p.score}
    if p.order_value is not None:
        out["order_value"] = p.order_value
    if p.payload is not None:
        out["payload"] = p.payload
    return out
