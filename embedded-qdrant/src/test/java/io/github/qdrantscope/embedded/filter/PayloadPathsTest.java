package io.github.qdrantscope.embedded.filter;

import static io.github.qdrantscope.embedded.filter.Payloads.NULL;
import static io.github.qdrantscope.embedded.filter.Payloads.arr;
import static io.github.qdrantscope.embedded.filter.Payloads.map;
import static io.github.qdrantscope.embedded.filter.Payloads.obj;
import static io.github.qdrantscope.embedded.filter.Payloads.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadPathsTest {

    // ---- resolve (json_path/mod.rs value_get and its tests) ---------------------------------

    final Map<String, Value> nested = map(
            "a", obj("b", arr(obj("c", 1), obj("c", 2), obj("d", obj("e", 3)))),
            "f", 3,
            "g", arr("g0", "g1", "g2"),
            "arr", arr(obj("a", arr(1, 2, 3)), obj("a", 4), obj("b", 5)));

    @Test
    void resolvesLikeValueGet() {
        assertThat(PayloadPaths.resolve(nested, "a.b")).containsExactly(
                value(arr(obj("c", 1), obj("c", 2), obj("d", obj("e", 3)))));
        assertThat(PayloadPaths.resolve(nested, "a.b[]")).containsExactly(
                value(obj("c", 1)), value(obj("c", 2)), value(obj("d", obj("e", 3))));
        assertThat(PayloadPaths.resolve(nested, "a.b[].c")).containsExactly(value(1), value(2));
        assertThat(PayloadPaths.resolve(nested, "a.b[1].c")).containsExactly(value(2));
        assertThat(PayloadPaths.resolve(nested, "g[2]")).containsExactly(value("g2"));
        assertThat(PayloadPaths.resolve(nested, "a.b[3]")).isEmpty();
        assertThat(PayloadPaths.resolve(nested, "a.x")).isEmpty();
        assertThat(PayloadPaths.resolve(nested, "f.x")).isEmpty();
        // Arrays under a projected key are kept whole; `[]` at the end flattens them.
        assertThat(PayloadPaths.resolve(nested, "arr[].a")).containsExactly(value(arr(1, 2, 3)), value(4));
        assertThat(PayloadPaths.resolve(nested, "arr[].a[]")).containsExactly(value(1), value(2), value(3));
        // A key step does not go through an array.
        assertThat(PayloadPaths.resolve(nested, "g.x")).isEmpty();
    }

    @Test
    void quotedSegmentsAndBadPaths() {
        Map<String, Value> p = map("a.b", obj("c d", 1), "x", obj("a.b", 2));
        assertThat(PayloadPaths.resolve(p, "\"a.b\".\"c d\"")).containsExactly(value(1));
        assertThat(PayloadPaths.resolve(p, "x.\"a.b\"")).containsExactly(value(2));
        assertThat(PayloadPaths.resolve(map("g", arr(1)), "g[18446744073709551615]")).isEmpty();
        assertThatThrownBy(() -> PayloadPaths.resolve(p, "g[18446744073709551616]"))
                .hasMessage("INVALID_ARGUMENT: Invalid json path: 'g[18446744073709551616]'");
        assertThat(PayloadPaths.resolve(map("", 1), "\"\"")).containsExactly(value(1));
        assertThatThrownBy(() -> PayloadPaths.resolve(p, "a.b c"))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessage("INVALID_ARGUMENT: Invalid json path: 'a.b c'");
    }

    // ---- set (value_set / merge_map) ------------------------------------------------------

    @Test
    void setMergesTopLevelKeysAndNullDeletes() {
        Map<String, Value> before = map("a", 1, "b", 2);
        Map<String, Value> after = PayloadPaths.set(before, map("b", 3, "c", obj("x", 1), "a", NULL), null);
        assertThat(after).isEqualTo(map("b", 3, "c", obj("x", 1)));
        assertThat(before).isEqualTo(map("a", 1, "b", 2));
    }

    @Test
    void setWithKeyMergesIntoTheNestedObject() {
        Map<String, Value> before = map("a", obj("b", obj("x", 1, "y", 2)));
        assertThat(PayloadPaths.set(before, map("y", 3, "z", 4), "a.b"))
                .isEqualTo(map("a", obj("b", obj("x", 1, "y", 3, "z", 4))));
        // Missing objects on the way are created.
        assertThat(PayloadPaths.set(map(), map("k", 1), "p.q")).isEqualTo(map("p", obj("q", obj("k", 1))));
        // A non-object on the way or at the end is replaced by an object.
        assertThat(PayloadPaths.set(map("p", 5), map("k", 1), "p.q")).isEqualTo(map("p", obj("q", obj("k", 1))));
        assertThat(PayloadPaths.set(map("p", "s"), map("k", 1), "p")).isEqualTo(map("p", obj("k", 1)));
    }

    @Test
    void setThroughArrays() {
        Map<String, Value> before = map("arr", arr(obj("a", 1), obj("a", 2), 7));
        // [] merges into every element; a non-object element becomes an object.
        assertThat(PayloadPaths.set(before, map("k", 0), "arr[]"))
                .isEqualTo(map("arr", arr(obj("a", 1, "k", 0), obj("a", 2, "k", 0), obj("k", 0))));
        assertThat(PayloadPaths.set(before, map("k", 0), "arr[1]"))
                .isEqualTo(map("arr", arr(obj("a", 1), obj("a", 2, "k", 0), 7)));
        // An index out of bounds sets nothing.
        assertThat(PayloadPaths.set(before, map("k", 0), "arr[5]")).isEqualTo(before);
        // An index or [] step on a non-array replaces it by an empty array.
        assertThat(PayloadPaths.set(map("x", obj("a", 1)), map("k", 0), "x[0]")).isEqualTo(map("x", arr()));
        assertThat(PayloadPaths.set(map(), map("k", 0), "x[]")).isEqualTo(map("x", arr()));
    }

    // ---- delete (value_remove) ------------------------------------------------------------

    @Test
    void deleteRemovesPaths() {
        Map<String, Value> before = map("a", obj("b", 1, "c", 2), "d", 3,
                "arr", arr(obj("x", 1, "y", 2), obj("x", 3), 4), "list", arr(1, 2));
        assertThat(PayloadPaths.delete(before, List.of("d", "a.b")))
                .isEqualTo(map("a", obj("c", 2), "arr", arr(obj("x", 1, "y", 2), obj("x", 3), 4), "list", arr(1, 2)));
        assertThat(PayloadPaths.delete(before, List.of("arr[].x")).get("arr"))
                .isEqualTo(value(arr(obj("y", 2), obj(), 4)));
        assertThat(PayloadPaths.delete(before, List.of("arr[0].y")).get("arr"))
                .isEqualTo(value(arr(obj("x", 1), obj("x", 3), 4)));
        // Ending in [] empties the array; ending in [i] removes nothing (not idempotent in Qdrant).
        assertThat(PayloadPaths.delete(before, List.of("list[]")).get("list")).isEqualTo(value(arr()));
        assertThat(PayloadPaths.delete(before, List.of("list[0]"))).isEqualTo(before);
        // Missing paths are ignored.
        assertThat(PayloadPaths.delete(before, List.of("nope", "a.nope", "d.x"))).isEqualTo(before);
    }
}
