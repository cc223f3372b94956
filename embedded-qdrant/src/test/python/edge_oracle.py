"""Test oracle for the embedded server's differential test: Qdrant's own engine (Qdrant Edge) behind a
line protocol.

stdin, one JSON object a line: {"op": NAME, "req": <the Qdrant gRPC request message as protobuf JSON with
proto field names>}. stdout, one JSON object a line: {"ok": RESULT} or {"error": TEXT} (the engine refused
the request; the Java side then expects the embedded server to refuse it too). A malformed line or an
op/message this oracle cannot translate exits with status 2 and the reason on stderr: the test must fail,
not compare something else.

Edge is one shard, not a collection: what Qdrant does above the shard is written out here, each with the
Qdrant 1.17.0 file it follows (lib/collection/src/...). Only that part is emulation; every score, filter,
ordering and stored vector comes from the engine.
"""
import json
import shutil
import sys
import tempfile
import traceback

import qdrant_edge as q

import edge_classic
import edge_convert as cv
import edge_groups
import edge_query
import edge_tolerance


class Oracle(edge_classic.ClassicReads):
    def __init__(self):
        self.shard = None
        self.dir = None

    # ---- collection ----

    def op_reset(self, req):
        """CreateCollection: a fresh shard with the collection's vectors."""
        self.close()
        self.dir = tempfile.mkdtemp(prefix="edge-oracle-")
        self.shard = q.EdgeShard.create(self.dir, cv.config(req))
        edge_tolerance.configure(req)
        return True

    def close(self):
        if self.shard is not None:
            self.shard.close()
            self.shard = None
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    # ---- writes ----

    def update(self, op):
        self.shard.update(op)
        return True

    def op_upsert(self, req):
        points = [q.Point(cv.point_id(p["id"]), cv.vectors(p.get("vectors", {})), cv.payload(p.get("payload", {})))
                  for p in req.get("points", [])]
        mode = {None: None, "Upsert": q.UpdateMode.Upsert, "InsertOnly": q.UpdateMode.InsertOnly,
                "UpdateOnly": q.UpdateMode.UpdateOnly}[req.get("update_mode")]
        return self.update(q.UpdateOperation.upsert_points(points, cv.filter_(req.get("update_filter")), mode))

    def op_delete(self, req):
        kind, sel = cv.ids_selector(req["points"])
        op = q.UpdateOperation.delete_points(sel) if kind == "ids" else q.UpdateOperation.delete_points_by_filter(sel)
        return self.update(op)

    def payload_op(self, req, by_ids, by_filter):
        kind, sel = cv.ids_selector(req["points_selector"])
        data = cv.payload(req.get("payload", {}))
        key = req.get("key")
        return self.update(by_ids(sel, data, key) if kind == "ids" else by_filter(sel, data, key))

    def op_set_payload(self, req):
        return self.payload_op(req, q.UpdateOperation.set_payload, q.UpdateOperation.set_payload_by_filter)

    def op_overwrite_payload(self, req):
        return self.payload_op(req, q.UpdateOperation.overwrite_payload,
                               q.UpdateOperation.overwrite_payload_by_filter)

    def op_delete_payload(self, req):
        kind, sel = cv.ids_selector(req["points_selector"])
        keys = req.get("keys", [])
        return self.update(q.UpdateOperation.delete_payload(sel, keys) if kind == "ids"
                           else q.UpdateOperation.delete_payload_by_filter(sel, keys))

    def op_clear_payload(self, req):
        kind, sel = cv.ids_selector(req["points"])
        return self.update(q.UpdateOperation.clear_payload(sel) if kind == "ids"
                           else q.UpdateOperation.clear_payload_by_filter(sel))

    def op_update_vectors(self, req):
        pvs = [q.PointVectors(cv.point_id(p["id"]), cv.vectors(p["vectors"])) for p in req.get("points", [])]
        return self.update(q.UpdateOperation.update_vectors(pvs, cv.filter_(req.get("update_filter"))))

    def op_delete_vectors(self, req):
        kind, sel = cv.ids_selector(req["points_selector"])
        names = req.get("vectors", {}).get("names", [])
        return self.update(q.UpdateOperation.delete_vectors(sel, names) if kind == "ids"
                           else q.UpdateOperation.delete_vectors_by_filter(sel, names))

    def op_create_index(self, req):
        return self.update(q.UpdateOperation.create_field_index(req["field_name"], cv.index_schema(req)))

    def op_delete_index(self, req):
        return self.update(q.UpdateOperation.delete_field_index(req["field_name"]))

    # ---- reads ----

    def op_get(self, req):
        records = self.shard.retrieve([cv.point_id(p) for p in req.get("ids", [])],
                                      cv.with_payload(req.get("with_payload")), cv.with_vectors(req.get("with_vectors")))
        return [record(r) for r in records]

    def op_count(self, req):
        return self.shard.count(q.CountRequest(exact=True, filter=cv.filter_(req.get("filter"))))

    def op_scroll(self, req):
        offset = cv.point_id(req["offset"]) if "offset" in req else None
        records, next_offset = self.shard.scroll(q.ScrollRequest(
            offset=offset, limit=int(req.get("limit", 10)), filter=cv.filter_(req.get("filter")),
            with_payload=cv.with_payload(req.get("with_payload", {"enable": True})),
            with_vector=cv.with_vectors(req.get("with_vectors")),
            order_by=cv.order_by(req["order_by"]) if "order_by" in req else None))
        return {"points": [record(r) for r in records],
                "next": None if next_offset is None else cv.id_out(next_offset)}

    def op_facet(self, req):
        response = self.shard.facet(q.FacetRequest(req["key"], limit=int(req.get("limit", 10)), exact=True,
                                                   filter=cv.filter_(req.get("filter"))))
        return [{"value": h.value, "count": h.count} for h in response.hits]

    def op_search(self, req):
        """SearchPoints is a nearest query on one shard (lib/collection/src/operations/types.rs)."""
        as_query = dict(req)
        if "sparse_indices" in req:
            # VectorInternal::from_vector_and_indices: the values in `vector`, their indices beside them
            as_query["query"] = {"nearest": {"sparse": {"indices": req["sparse_indices"].get("data", []),
                                                        "values": req["vector"]}}}
        else:
            as_query["query"] = {"nearest": {"dense": {"data": req["vector"]}}}
        as_query["using"] = req.get("vector_name", "")
        as_query["limit"] = req["limit"]
        return self.op_query(as_query)

    def op_query(self, req):
        return edge_query.QueryTranslator(self.shard).run(req)

    def op_query_groups(self, req):
        ranking = edge_query.QueryTranslator(self.shard).ranking_for_groups(req)
        return edge_groups.group(ranking, req["group_by"], int(req.get("group_size", 3)), int(req.get("limit", 10)))


def record(r):
    out = {"id": cv.id_out(r.id)}
    if r.payload is not None:
        out["payload"] = r.payload
    if r.vector is not None:
        out["vector"] = cv.vector_out(r.vector)
    if r.order_value is not None:
        out["order_value"] = r.order_value
    return out


def main():
    oracle = Oracle()
    out = sys.stdout
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            message = json.loads(line)
            handler = getattr(oracle, "op_" + message["op"], None)
            if handler is None:
                raise cv.Untranslatable("unknown op " + message["op"])
            try:
                answer = {"ok": handler(message.get("req", {}))}
            except (cv.Untranslatable, KeyError, TypeError):
                raise  # a request this oracle cannot translate: a test bug, not an engine answer
            except Exception as e:  # the engine refused the request
                answer = {"error": "%s: %s" % (type(e).__name__, e)}
            out.write(json.dumps(answer) + "\n")
            out.flush()
    except Exception:
        traceback.print_exc(file=sys.stderr)
        sys.exit(2)
    finally:
        oracle.close()


if __name__ == "__main__":
    main()
