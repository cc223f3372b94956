package io.github.qdrantscope.demo.api;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedBodyApiTest extends DemoTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"content": "ok", "scope": "team"}            | Unknown scope 'team': expected one of project, global
            {"content": "ok", "scope": "private"}         | Unknown scope 'private': expected one of project, global
            {"content": "ok", "scope": ""}                | Unknown scope '': expected one of project, global
            {"content": "ok", "importance": "high"}       | malformed JSON or a wrong value type
            {"content": "ok", "tags": "not-a-list"}       | malformed JSON or a wrong value type
            {"content": "ok"                              | malformed JSON or a wrong value type
            not json at all                               | malformed JSON or a wrong value type
            {"content": ["a", "b"]}                       | malformed JSON or a wrong value type
            """)
    void rejectsUnreadableBodiesSayingWhatIsWrongAndStoresNothing(String body, String reason) {
        String project = "malformed";
        JsonNode problem = Problems.assertProblem(api().storeRaw(project, body), json, 400, "Unreadable request body");

        assertThat(problem.path("detail").asString()).isEqualTo("The request body is not valid: " + reason);
        assertThat(api().list(project).total()).isZero();
    }
}
