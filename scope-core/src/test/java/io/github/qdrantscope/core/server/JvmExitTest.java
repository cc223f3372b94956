package io.github.qdrantscope.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JvmExitTest {

    @Test
    void tasksRunByPhaseThenRegistrationOrderAndAFailureDoesNotStopTheRest() {
        JvmExit.Tasks tasks = new JvmExit.Tasks();
        List<String> ran = new ArrayList<>();
        tasks.add(JvmExit.Phase.SERVER, "stop", () -> ran.add("stop server"));
        tasks.add(JvmExit.Phase.COLLECTIONS, "drop a", () -> ran.add("drop a"));
        tasks.add(JvmExit.Phase.COLLECTIONS, "broken", () -> {
            throw new IllegalStateException("boom");
        });
        tasks.add(JvmExit.Phase.REPORT, "report", () -> ran.add("report"));
        tasks.add(JvmExit.Phase.COLLECTIONS, "drop b", () -> ran.add("drop b"));

        tasks.runAll();
        tasks.runAll();

        assertThat(ran).containsExactly("report", "drop a", "drop b", "stop server");
    }
}
