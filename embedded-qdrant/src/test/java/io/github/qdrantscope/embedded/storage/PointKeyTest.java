package io.github.qdrantscope.embedded.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointKeyTest {

    private static final UUID EXPECTED = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

    @ParameterizedTest
    @ValueSource(strings = {
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D",
        "a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d",
        "{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}",
        "urn:uuid:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"})
    void parsesEveryFormQdrantAccepts(String text) {
        assertThat(PointKey.parseUuid(text)).isEqualTo(EXPECTED);
    }

    @Test
    void keepsTheHighBitsOfBothHalves() {
        assertThat(PointKey.parseUuid("ffffffff-ffff-ffff-ffff-ffffffffffff")).isEqualTo(new UUID(-1L, -1L));
        assertThat(PointKey.parseUuid("80000000000000000000000000000001")).isEqualTo(new UUID(Long.MIN_VALUE, 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5",
        "a1b2c3d4e5f6-4a7b-8c9d-0e1f2a3b4c5d0",
        "g1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5\u0663",
        "{a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d}",
        "urn:uuid:a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d",
        "(a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d)"})
    void rejectsWithQdrantsMessage(String text) {
        assertThatThrownBy(() -> PointKey.parseUuid(text))
            .isInstanceOf(StatusRuntimeException.class)
            .hasMessage("INVALID_ARGUMENT: Unable to parse UUID: " + text);
    }
}
