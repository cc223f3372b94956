package io.github.qdrantscope.core.wire;

import java.util.function.Function;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.grpc.MethodDescriptor;

/**
 * One operation of an oracle sequence: a {@code qdrant.Points} request, built for whichever collection it runs
 * on, and how its outcome is compared.
 *
 * @param name what the operation is, for failure messages
 * @param method the RPC
 * @param request the request for a collection name
 * @param kind a read, a write (followed by a comparison of the whole state) or a paged scroll
 * @param ties whether equal scores are part of the ranking itself (context queries, RRF), so that the order of
 *     equal-score hits is Qdrant's undefined tie order; only then are runs of equal scores compared as sets
 */
record OracleOp(String name, MethodDescriptor<?, ?> method, Function<String, Message> request, Kind kind,
        boolean ties) {

    enum Kind {
        READ, WRITE,
        /** A Scroll followed page by page through next_page_offset. */
        SCROLL_PAGES
    }

    static OracleOp read(String name, MethodDescriptor<?, ?> method, Function<String, Message> request) {
        return new OracleOp(name, method, request, Kind.READ, false);
    }

    static OracleOp write(String name, MethodDescriptor<?, ?> method, Function<String, Message> request) {
        return new OracleOp(name, method, request, Kind.WRITE, false);
    }

    OracleOp withTies() {
        return new OracleOp(this.name, this.method, this.request, this.kind, true);
    }

    /** The request as the application sent it, for failure messages. */
    String describe(String collection) {
        return this.name + " " + TextFormat.printer().shortDebugString(this.request.apply(collection));
    }
}
