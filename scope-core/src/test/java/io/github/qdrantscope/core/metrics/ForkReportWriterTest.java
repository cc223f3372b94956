package io.github.qdrantscope.core.metrics;

import io.github.qdrantscope.core.metrics.ContentionKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryMeterWithExactValues() throws Exception {
        JvmScopeMeters meters = new JvmScopeMeters();
        meters.recordOperation("add", true, 1_500_000_000L);
        meters.contention(ContentionKind.COLLECTION_CLAIM);
        meters.cleanup(500_000_000L, 4);
        meters.projectOpened();
        meters.leaseReaped(LeaseReapKind.REAPER);
        meters.leaseReaped(LeaseReapKind.REAPER);
        meters.leaseReaped(LeaseReapKind.TAKEOVER);
        ForkReport report = new ForkReport("2", "surefire", "gl5551", "gitlab", "embedded",
                List.of("qdrant_scope_gl5551_f2"), ForkReport.snapshot(meters));

        Path file = new ForkReportWriter(dir.resolve("qdrant-scope")).write(report);

        assertThat(file).isEqualTo(dir.resolve("qdrant-scope/fork-2.json"));
        assertThat(Files.readString(file)).contains("\"run\" : \"gl5551\"");
        ForkReport read = ForkReportWriter.read(file);
        assertThat(read).isEqualTo(report);
        assertThat(values(read, "qdrant.scope.operations", Map.of("operation", "add", "scoped", "true")))
                .containsEntry("count", 1.0).containsEntry("total", 1.5);
        assertThat(values(read, "qdrant.scope.contention", Map.of("kind", "collection_claim")))
                .containsEntry("count", 1.0);
        assertThat(values(read, "qdrant.scope.contention", Map.of("kind", "unscoped_read")))
                .containsEntry("count", 0.0);
        assertThat(values(read, "qdrant.scope.cleanup", Map.of())).containsEntry("count", 1.0)
                .containsEntry("total", 0.5);
        assertThat(values(read, "qdrant.scope.cleanup.points", Map.of())).containsEntry("count", 4.0);
        assertThat(values(read, "qdrant.scope.projects.active", Map.of())).containsEntry("value", 1.0);
        assertThat(values(read, "qdrant.scope.lease.reaped", Map.of("kind", "reaper"))).containsEntry("count", 2.0);
        assertThat(values(read, "qdrant.scope.lease.reaped", Map.of("kind", "takeover"))).containsEntry("count", 1.0);
        assertThat(values(read, "qdrant.scope.lease.lost", Map.of())).containsEntry("count", 0.0);
        // 5 contention kinds + cleanup + cleanup.points + projects.active + 1 operation + 2 reaped kinds + lost
        assertThat(read.meters()).hasSize(12);
    }

    @Test
    void rewritingReplacesTheEarlierReport() {
        ForkReportWriter writer = new ForkReportWriter(dir);
        writer.write(new ForkReport("1", "pid", "r", "jvm", null, List.of(), List.of()));
        writer.write(new ForkReport("1", "pid", "r", "jvm", "external", List.of("c"), List.of()));

        assertThat(ForkReportWriter.read(dir.resolve("fork-1.json")).mode()).isEqualTo("external");
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("fork-1.json"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    private static Map<String, Double> values(ForkReport report, String name, Map<String, String> tags) {
        return report.meters().stream()
                .filter(m -> m.name().equals(name) && m.tags().equals(tags))
                .findFirst().orElseThrow(() -> new AssertionError("no meter " + name + tags)).values();
    }
}
