package io.github.qdrantscope.embedded.differential;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;

/**
 * One operation of a scenario: the oracle's op name and the gRPC request message sent, unchanged, to
 * both the embedded server and (as protobuf JSON) the Edge oracle.
 */
record Step(Op op, Message request) {

    /** The operations both sides understand; {@link #wire} is the oracle's name. */
    enum Op {
        RESET("reset"), UPSERT("upsert"), DELETE("delete"), SET_PAYLOAD("set_payload"),
        OVERWRITE_PAYLOAD("overwrite_payload"), DELETE_PAYLOAD("delete_payload"), CLEAR_PAYLOAD("clear_payload"),
        UPDATE_VECTORS("update_vectors"), DELETE_VECTORS("delete_vectors"), DELETE_INDEX("delete_index"),
        CREATE_INDEX("create_index"),
        GET("get"), COUNT("count"), SCROLL("scroll"), FACET("facet"), SEARCH("search"), QUERY("query"),
        QUERY_GROUPS("query_groups"), SEARCH_BATCH("search_batch"), QUERY_BATCH("query_batch"),
        RECOMMEND("recommend"), DISCOVER("discover"), SEARCH_GROUPS("search_groups"),
        RECOMMEND_BATCH("recommend_batch"), DISCOVER_BATCH("discover_batch"), RECOMMEND_GROUPS("recommend_groups");

        final String wire;

        Op(String wire) {
            this.wire = wire;
        }

        boolean isWrite() {
            return ordinal() <= CREATE_INDEX.ordinal();
        }
    }

    @Override
    public String toString() {
        return op.wire + " " + TextFormat.printer().shortDebugString(request);
    }
}
