package io.github.qdrantscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioReportTest {

    private static final String JSON = """
            [
              {"benchmark": "x.Search.server", "mode": "avgt", "params": {"points": "10"},
               "primaryMetric": {"score": 30.0, "scoreError": 3.0, "scoreUnit": "us/op"}},
              {"benchmark": "x.Search.scan", "mode": "avgt", "params": {"points": "10"},
               "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "us/op"}},
              {"benchmark": "x.Search.server", "mode": "avgt", "params": {"points": "20"},
               "primaryMetric": {"score": 50.0, "scoreError": "NaN", "scoreUnit": "us/op"}},
              {"benchmark": "x.Search.scan", "mode": "avgt", "params": {"points": "20"},
               "primaryMetric": {"score": 40.0, "scoreError": "NaN", "scoreUnit": "us/op"}},
              {"benchmark": "x.Upsert.server", "mode": "thrpt", "params": {},
               "primaryMetric": {"score": 1000.0, "scoreError": 0.0, "scoreUnit": "ops/s"}},
              {"benchmark": "x.Upsert.copy", "mode": "thrpt", "params": {},
               "primaryMetric": {"score": 50000.0, "scoreError": 0.0, "scoreUnit": "ops/s"}}
            ]
            """;

    @Test
    void dividesCostsOfEqualParametersAndInvertsThroughput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), JSON);
        List<Comparison> comparisons = List.of(
                new Comparison("search", "x.Search.server", "x.Search.scan", 2.0, "≤ 2x"),
                new Comparison("upsert", "x.Upsert.server", "x.Upsert.copy", null, "none"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RatioReport.print(RatioReport.read(file), comparisons, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("| search | {points=10} | 3.00 | 2.45 – 3.67 | ≤ 2x | **no** |")
                .contains("| search | {points=20} | 1.25 | 1.25 – 1.25 | ≤ 2x | yes |")
                .contains("| upsert |  | 50.00 | 50.00 – 50.00 | none | – |")
                .contains("| Search.server {points=10} | avgt | 30.00 | 3.00 | us/op |");
    }
}
