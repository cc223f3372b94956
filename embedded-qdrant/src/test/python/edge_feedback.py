"""Query relevance_feedback for an Edge shard: the gRPC RelevanceFeedbackInput read as Qdrant 1.17 reads it
(lib/collection/src/operations/universal_query/collection_query.rs: the target and every feedback example are
required vectors, ids resolved in the lookup vector and excluded from the results like any other example; the
naive strategy's a, b, c passed on as NaiveFeedbackCoefficients). Edge scores it
(lib/segment/src/vector_storage/query/feedback_query.rs)."""
import qdrant_edge as q


def feedback(translator, rf, name, lookup_name):
    """A QueryTranslator's `query` for {"relevance_feedback": ...}; protobuf JSON omits zero scores and
    coefficients."""
    target = translator.vector(rf["target"], lookup_name, True)
    items = [q.FeedbackItem(translator.vector(item["example"], lookup_name, True), float(item.get("score", 0.0)))
             for item in rf.get("feedback", [])]
    naive = rf["strategy"]["naive"]
    strategy = q.NaiveFeedbackStrategy(float(naive.get("a", 0.0)), float(naive.get("b", 0.0)),
                                       float(naive.get("c", 0.0)))
    return q.Query.FeedbackNaive(q.FeedbackNaiveQuery(target, items, strategy), using=name)
