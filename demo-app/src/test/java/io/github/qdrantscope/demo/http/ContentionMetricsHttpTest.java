package io.github.qdrantscope.demo.http;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the starter's meters the way a CI job or a dashboard would: from {@code /actuator/metrics} over
 * HTTP. {@link Isolated} keeps other tests of this JVM from running meanwhile, so the deltas are exactly
 * this test's own traffic.
 */
@Isolated
class ContentionMetricsHttpTest extends DemoTest {

    @Test
    void scopedTrafficIsCountedAndCausesNoContention() {
        Map<ContentionKind, Double> contentionBefore = contention();
        double addsBefore = count("qdrant.scope.operations", "operation:add", "scoped:true");
        double searchesBefore = count("qdrant.scope.operations", "operation:search", "scoped:true");

        HttpApi api = new HttpApi(http);
        for (int i = 0; i < 3; i++) {
            api.store("metrics", "metered memory " + i, List.of("m"));
        }
        api.search("metrics", "metered memory", 5);
        api.search("metrics", "memory", 5);
        assertThat(api.list("metrics", 0, 10).total()).isEqualTo(3);

        assertThat(count("qdrant.scope.operations", "operation:add", "scoped:true") - addsBefore).isEqualTo(3.0);
        assertThat(count("qdrant.scope.operations", "operation:search", "scoped:true") - searchesBefore).isEqualTo(2.0);
        assertThat(contention()).isEqualTo(contentionBefore);
        assertThat(contentionBefore.values()).containsOnly(0.0);
        assertThat(value("qdrant.scope.projects.active")).isEqualTo(1.0);
    }

    @Test
    void everyContentionKindIsPublishedFromTheStart() {
        JsonNode metric = metric("qdrant.scope.contention");
        assertThat(metric.path("availableTags").valueStream()
            .filter(tag -> tag.path("tag").asString().equals("kind"))
            .flatMap(tag -> tag.path("values").valueStream())
            .map(JsonNode::asString))
            .containsExactlyInAnyOrder("collection_claim", "foreign_point", "unscoped_read", "unscoped_write",
                    "unscoped_delete");
    }

    private Map<ContentionKind, Double> contention() {
        Map<ContentionKind, Double> counts = new EnumMap<>(ContentionKind.class);
        for (ContentionKind kind : ContentionKind.values()) {
            counts.put(kind, count("qdrant.scope.contention", "kind:" + kind.tag()));
        }
        return counts;
    }

    /** The COUNT statistic of a meter, 0 when the meter does not exist yet. */
    private double count(String name, String... tags) {
        return statistic(name, "COUNT", tags);
    }

    private double value(String name) {
        return statistic(name, "VALUE");
    }

    private double statistic(String name, String statistic, String... tags) {
        StringBuilder uri = new StringBuilder("/actuator/metrics/" + name);
        for (int i = 0; i < tags.length; i++) {
            uri.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        var response = http.get().uri(uri.toString()).exchange().returnResult(String.class);
        if (response.getStatus().value() == 404) {
            return 0.0;
        }
        assertThat(response.getStatus().value()).isEqualTo(200);
        JsonNode body = json.readTree(response.getResponseBody());
        return body.path("measurements").valueStream()
            .filter(m -> m.path("statistic").asString().equals(statistic))
            .mapToDouble(m -> m.path("value").asDouble())
            .findFirst()
            .orElseThrow(() -> new AssertionError("No " + statistic + " in " + body));
    }

    private JsonNode metric(String name) {
        String body = http.get().uri("/actuator/metrics/" + name).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }
}
