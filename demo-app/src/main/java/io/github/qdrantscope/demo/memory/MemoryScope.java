package io.github.qdrantscope.demo.memory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who sees a memory in searches. */
public enum MemoryScope {

    /** Only searches in the memory's own project find it. */
    PROJECT,

    /** Searches in every project find it (a team-wide fact); it is still listed under its own project. */
    GLOBAL;

    /** The lower-case name used in JSON and in the Qdrant payload. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code project} or {@code global} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static MemoryScope of(String value) {
        for (MemoryScope scope : values()) {
            if (scope.value().equalsIgnoreCase(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("Unknown scope '" + value + "': expected one of "
                + Arrays.stream(values()).map(MemoryScope::value).collect(Collectors.joining(", ")));
    }
}
