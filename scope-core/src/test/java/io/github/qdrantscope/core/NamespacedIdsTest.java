package io.github.qdrantscope.core;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

@Execution(ExecutionMode.CONCURRENT)
class NamespacedIdsTest {

    @Test
    void uuidV5MatchesTheRfc4122Algorithm() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        // Reference value from Python's uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com").
        assertThat(NamespacedIds.uuidV5(dns, "www.example.com"))
            .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void sameIdInTwoProjectsGivesTwoStableUuids() {
        String a = NamespacedIds.of("a-00000001", "doc-1");
        String b = NamespacedIds.of("b-00000001", "doc-1");
        assertThat(a).isNotEqualTo(b).isEqualTo(NamespacedIds.of("a-00000001", "doc-1"));
        assertThat(UUID.fromString(a).version()).isEqualTo(5);
    }

    @Test
    void projectAndIdCannotBeShiftedIntoEachOther() {
        assertThat(NamespacedIds.of("ab-00000001", "c")).isNotEqualTo(NamespacedIds.of("a-00000001", "bc"));
    }
}
