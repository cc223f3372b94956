"""The batch RPCs and the classic example and group RPCs, as the single requests Edge answers.

Each is Qdrant's collection layer over the requests the oracle already answers (edge_oracle.Oracle):
- SearchBatch, QueryBatch, RecommendBatch, DiscoverBatch: every entry answered on its own, in order; one
  entry the engine refuses fails the whole batch (Qdrant 1.17's batch RPCs answer one status, src/tonic/api/
  points_api.rs);
- Recommend: the Query API's recommend input (lib/collection/src/operations/universal_query/
  collection_query.rs converts RecommendRequestInternal into the same RecoQuery): positive ids, then
  positive_vectors, likewise the negatives;
- Discover: target and context pairs into a discover input, no target into a context input (discovery.rs);
- SearchGroups, RecommendGroups: a nearest or recommend QueryPointGroups (group_by.rs groups any source request
  alike).
"""


def vector_input(vector):
    """qdrant.Vector (or a VectorExample's vector) -> a VectorInput, as conversions.rs reads it."""
    if "indices" in vector:
        return {"sparse": {"indices": vector["indices"].get("data", []), "values": vector.get("data", [])}}
    return vector


def example(e):
    """VectorExample -> VectorInput."""
    return {"id": e["id"]} if "id" in e else vector_input(e.get("vector", {}))


def as_query(req, query):
    out = {k: v for k, v in req.items() if k in ("collection_name", "filter", "limit", "offset", "score_threshold",
                                                 "with_payload", "with_vectors", "using", "lookup_from")}
    out["query"] = query
    return out


class ClassicReads:

    def batch(self, handler, entries):
        return [handler(e) for e in entries]

    def op_search_batch(self, req):
        return self.batch(self.op_search, req.get("search_points", []))

    def op_query_batch(self, req):
        return self.batch(self.op_query, req.get("query_points", []))

    def op_recommend_batch(self, req):
        return self.batch(self.op_recommend, req.get("recommend_points", []))

    def op_discover_batch(self, req):
        return self.batch(self.op_discover, req.get("discover_points", []))

    def op_recommend(self, req):
        return self.op_query(as_query(req, {"recommend": recommend_input(req)}))

    def op_discover(self, req):
        pairs = [{"positive": example(p["positive"]), "negative": example(p["negative"])}
                 for p in req.get("context", [])]
        if "target" in req:
            query = {"discover": {"target": example(req["target"]["single"]), "context": {"pairs": pairs}}}
        else:
            query = {"context": {"pairs": pairs}}
        return self.op_query(as_query(req, query))

    def op_search_groups(self, req):
        groups = group_fields(req)
        groups["using"] = req.get("vector_name", "")
        groups["query"] = {"nearest": {"dense": {"data": req["vector"]}}}
        return self.op_query_groups(groups)

    def op_recommend_groups(self, req):
        groups = group_fields(req)
        if "using" in req:
            groups["using"] = req["using"]
        groups["query"] = {"recommend": recommend_input(req)}
        return self.op_query_groups(groups)


def group_fields(req):
    return {k: v for k, v in req.items() if k in ("collection_name", "filter", "limit", "score_threshold", "group_by",
                                                  "group_size", "lookup_from")}


def recommend_input(req):
    """RecommendPoints (or RecommendPointGroups) -> a RecommendInput: positive ids, then positive_vectors, likewise
    the negatives."""
    rec = {"positive": [{"id": p} for p in req.get("positive", [])]
                       + [vector_input(v) for v in req.get("positive_vectors", [])],
           "negative": [{"id": p} for p in req.get("negative", [])]
                       + [vector_input(v) for v in req.get("negative_vectors", [])]}
    if "strategy" in req:
        rec["strategy"] = req["strategy"]
    return rec
