package io.github.qdrantscope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildProcessTest {

    @Test
    void theBuildProcessOfASurefireForkIsTheJavaProcessAboveItsShell() {
        // under Surefire: fork JVM <- sh <- Maven's JVM; under an IDE: test JVM <- IDE's JVM
        ProcessHandle build = BuildProcess.of(ProcessHandle.current()).orElseThrow();

        assertThat(BuildProcess.isJava(build)).isTrue();
        assertThat(build.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessHandle.current().parent().map(p -> BuildProcess.isJava(p) ? p.pid() == build.pid() : true))
                .contains(true);
    }

    @Test
    void aShellStartedByThisJvmFindsThisJvmAsItsBuildProcess() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30").start();
        try {
            assertThat(BuildProcess.of(shell.toHandle()).map(ProcessHandle::pid))
                    .contains(ProcessHandle.current().pid());
        }
        finally {
            shell.destroy();
        }
    }
}
