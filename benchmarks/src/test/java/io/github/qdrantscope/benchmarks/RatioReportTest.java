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
               "primaryMetric": {"score": 30.0, "scoreError": 3.0, "scoreUnit": "us/op", "rawData": [[31.0, 27.0, 32.0]]},
               "secondaryMetrics": {"cpu.process": {"score": 45.0, "scoreUnit": "us/op"},
                                    "serverStartMs": {"score": 37.5, "scoreUnit": "#", "rawData": [[10.0, 15.0], [12.5]]}}},
              {"benchmark": "x.Search.scan", "mode": "avgt", "params": {"points": "10"},
               "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "us/op", "rawData": [[10.5, 9.0, 10.5]]},
               "secondaryMetrics": {"cpu.process": {"score": 9.0, "scoreUnit": "us/op"}}},
              {"benchmark": "x.Search.server", "mode": "avgt", "params": {"points": "20"},
               "primaryMetric": {"score": 50.0, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[50.0]]}},
              {"benchmark": "x.Search.scan", "mode": "avgt", "params": {"points": "20"},
               "primaryMetric": {"score": 40.0, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[40.0]]}},
              {"benchmark": "x.Upsert.server", "mode": "thrpt", "params": {},
               "primaryMetric": {"score": 1000.0, "scoreError": 0.0, "scoreUnit": "ops/s", "rawData": [[900.0, 1100.0]]}},
              {"benchmark": "x.Upsert.copy", "mode": "thrpt", "params": {},
               "primaryMetric": {"score": 50000.0, "scoreError": 0.0, "scoreUnit": "ops/s", "rawData": [[44000.0, 55000.0]]}}
            ]
            """;

    @Test
    void dividesCostsOfEqualParametersAndInvertsThroughput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), JSON);
        List<Comparison> comparisons = List.of(
                Comparison.atMost("search", "x.Search.server", "x.Search.scan", 2.0, "≤ 2x"),
                Comparison.informative("upsert", "x.Upsert.server", "x.Upsert.copy", "none"),
                Comparison.atLeast("copy vs server", "x.Upsert.copy", "x.Upsert.server", 0.05, "≥ 0.05"),
                Comparison.absoluteAtMost("scan time", "x.Search.scan", 20, "≤ 20 us"),
                Comparison.atMost("absent", "x.Absent.a", "x.Absent.b", 1, "≤ 1x"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RatioReport.print(RatioReport.read(file), comparisons, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("| search | {points=10} | 3.00 | 2.45 – 3.67 | 3.00 | 5.00 | ≤ 2x | **no** |")
                .contains("| search | {points=20} | 1.25 | 1.25 – 1.25 | 1.25 |  | ≤ 2x | yes |")
                // best iterations: 1/1100 per op against 1/55000 per op
                .contains("| upsert |  | 50.00 | 50.00 – 50.00 | 50.00 |  | none | – |")
                .contains("| copy vs server |  | 0.0200 | 0.0200 – 0.0200 | 0.0200 |  | ≥ 0.05 | **no** |")
                .contains("| scan time | {points=10} | 10.00 us/op | 9.00 – 11.00 us/op | 9.00 |  | ≤ 20 us | yes |")
                .contains("| scan time | {points=20} | 40.00 us/op | 40.00 – 40.00 us/op | 40.00 |  | ≤ 20 us | **no** |")
                .contains("| absent | | not in this run | | | | ≤ 1x | |")
                .contains("| Search.server {points=10} | avgt | 30.00 | 3.00 | 27.00 | us/op | 45.00 | serverStartMs 12.50 |");
    }

    @Test
    void aSumComparisonDividesByTheAddedCostsOfItsTwoBaselines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("r.json"), """
                [
                  {"benchmark": "x.H.hybrid", "mode": "avgt", "params": {"points": "10"},
                   "primaryMetric": {"score": 36.0, "scoreError": 4.0, "scoreUnit": "us/op", "rawData": [[33.0, 39.0]]},
                   "secondaryMetrics": {"cpu.process": {"score": 60.0, "scoreUnit": "us/op"}}},
                  {"benchmark": "x.H.dense", "mode": "avgt", "params": {"points": "10"},
                   "primaryMetric": {"score": 20.0, "scoreError": 2.0, "scoreUnit": "us/op", "rawData": [[18.0, 22.0]]},
                   "secondaryMetrics": {"cpu.process": {"score": 30.0, "scoreUnit": "us/op"}}},
                  {"benchmark": "x.H.sparse", "mode": "avgt", "params": {"points": "10"},
                   "primaryMetric": {"score": 10.0, "scoreError": 1.0, "scoreUnit": "us/op", "rawData": [[12.0, 8.0]]},
                   "secondaryMetrics": {"cpu.process": {"score": 10.0, "scoreUnit": "us/op"}}}
                ]
                """);
        List<Comparison> comparisons = List.of(
                Comparison.atMostSum("hybrid", "x.H.hybrid", "x.H.dense", "x.H.sparse", 1.2, "≤ 1.2x"),
                Comparison.atMostSum("missing addend", "x.H.hybrid", "x.H.dense", "x.H.absent", 1.2, "≤ 1.2x"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RatioReport.print(RatioReport.read(file), comparisons, new PrintStream(out, true, StandardCharsets.UTF_8));

        // 36 / (20 + 10); range 32 / 33 to 40 / 27; best 33 / (18 + 8); CPU 60 / 40
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("| hybrid | {points=10} | 1.20 | 0.9697 – 1.48 | 1.27 | 1.50 | ≤ 1.2x | yes |")
                .contains("| missing addend | | not in this run | | | | ≤ 1.2x | |");
    }
}
