package io.github.qdrantscope.embedded.filter;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;
import java.util.Map;

/**
 * Payload key paths ({@code a.b}, {@code a[]}, {@code a[0]}, quoted segments) and the payload edits
 * that take them, as Qdrant 1.17's {@code json_path} module defines them.
 *
 * <p>STUB: owned by the filter work; signatures are the contract other packages code against.
 */
public final class PayloadPaths {

    private PayloadPaths() {
    }

    /**
     * All values at {@code key} in {@code payload}: arrays reached through {@code []} are flattened;
     * a plain path ending at an array yields the array value itself. Empty when the path is missing.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} for a key that does not parse
     */
    public static List<Value> resolve(Map<String, Value> payload, String key) {
        throw new UnsupportedOperationException("PayloadPaths not implemented yet");
    }

    /**
     * SetPayload semantics: merges {@code values} into the payload (top-level keys replaced; a null
     * value deletes the key), or, when {@code key} is non-null, into the object at that nested path
     * (created when missing). Returns a new map; the input is not modified.
     */
    public static Map<String, Value> set(Map<String, Value> payload, Map<String, Value> values, String key) {
        throw new UnsupportedOperationException("PayloadPaths not implemented yet");
    }

    /** DeletePayload semantics: removes every value at each path. Returns a new map. */
    public static Map<String, Value> delete(Map<String, Value> payload, List<String> keys) {
        throw new UnsupportedOperationException("PayloadPaths not implemented yet");
    }
}
