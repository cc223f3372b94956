"""Groups over an Edge ranking (Edge has no group_by: that is Qdrant's collection layer).

Qdrant 1.17.0, lib/collection/src/grouping/group_by.rs, searches repeatedly, each time excluding the
groups already full, until it has `limit` groups of `group_size` hits or runs out of points. With exact
search that converges to this walk over the whole ranking (best first):
- a point's group keys are the string and integer values at `group_by` (an array contributes each of
  its elements; other values, floats and booleans included, are no keys: GroupId in
  lib/collection/src/grouping/types.rs);
- a hit joins each of its keys' groups that is not yet full; a new group opens while fewer than `limit`
  groups exist;
- groups come out in the order of their best hit.
"""


def keys(payload, path):
    value = payload
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return []
        value = value[part]
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        ok = (isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)))
        if ok and v not in out:
            out.append(v)
    return out


def group(ranking, group_by, group_size, limit):
    groups = {}
    order = []
    for hit in ranking:
        if len(order) >= limit and all(len(groups[k]) >= group_size for k in order):
            break
        for key in keys(hit.get("payload") or {}, group_by):
            if key not in groups:
                if len(order) >= limit:
                    continue
                groups[key] = []
                order.append(key)
            if len(groups[key]) < group_size:
                groups[key].append({"id": hit["id"], "score": hit["score"]})
    return [{"id": k, "hits": groups[k]} for k in order]
