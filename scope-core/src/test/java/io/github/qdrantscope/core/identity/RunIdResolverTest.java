package io.github.qdrantscope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RunIdResolverTest {

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    private RunId resolve(Optional<ProcessHandle> parent) {
        return new RunIdResolver(SystemLookup.of(properties, env), "host-a", parent).resolve();
    }

    private RunId resolve() {
        return resolve(Optional.empty());
    }

    @Test
    void explicitRunIdWins() {
        properties.put("qdrant-scope.run-id", "nightly-42");
        env.put("GITHUB_RUN_ID", "1");

        assertThat(resolve()).isEqualTo(new RunId("nightly-42", "qdrant-scope.run-id"));
    }

    @Test
    void explicitRunIdFromEnvironment() {
        env.put("QDRANT_SCOPE_RUN_ID", "abc");

        assertThat(resolve()).isEqualTo(new RunId("abc", "QDRANT_SCOPE_RUN_ID"));
    }

    @Test
    void invalidExplicitRunIdIsAnError() {
        properties.put("qdrant-scope.run-id", "a b");

        assertThatIllegalArgumentException().isThrownBy(this::resolve)
                .withMessageContaining("system property qdrant-scope.run-id");
    }

    @Test
    void githubActionsMatrixLegsOnDifferentRunnersGetDifferentIds() {
        env.put("GITHUB_RUN_ID", "987654");
        env.put("GITHUB_RUN_ATTEMPT", "2");
        env.put("GITHUB_JOB", "test");
        env.put("RUNNER_NAME", "runner-1");
        RunId first = resolve();
        env.put("RUNNER_NAME", "runner-2");
        RunId second = resolve();

        assertThat(first.source()).isEqualTo("github-actions");
        assertThat(first.value()).matches("gh987654-2-[0-9a-f]{6}");
        assertThat(second.value()).startsWith("gh987654-2-").isNotEqualTo(first.value());
    }

    @Test
    void gitlabUsesTheJobId() {
        env.put("CI_JOB_ID", "5551");

        assertThat(resolve()).isEqualTo(new RunId("gl5551", "gitlab"));
    }

    @Test
    void buildkiteUsesBuildNumberAndJob() {
        env.put("BUILDKITE_JOB_ID", "0190b2a4-1f7e-4e5f-9a4c-2bb0c1a0f001");
        env.put("BUILDKITE_BUILD_NUMBER", "77");

        RunId id = resolve();

        assertThat(id.source()).isEqualTo("buildkite");
        assertThat(id.value()).matches("bk77-[0-9a-f]{8}");
    }

    @Test
    void circleciUsesBuildAndNodeIndex() {
        env.put("CIRCLE_BUILD_NUM", "310");
        env.put("CIRCLE_NODE_INDEX", "3");

        assertThat(resolve()).isEqualTo(new RunId("cc310-n3", "circleci"));
    }

    @Test
    void jenkinsUsesBuildNumberAndTag() {
        env.put("JENKINS_URL", "http://ci/");
        env.put("BUILD_TAG", "jenkins-shop-main-12");
        env.put("BUILD_NUMBER", "12");

        RunId id = resolve();

        assertThat(id.source()).isEqualTo("jenkins");
        assertThat(id.value()).matches("jk12-[0-9a-f]{6}");
    }

    @Test
    void jenkinsIsRecognisedByJenkinsHomeToo() {
        env.put("JENKINS_URL", "http://ci/");
        env.put("BUILD_TAG", "jenkins-shop-main-12");
        env.put("BUILD_NUMBER", "12");
        RunId byUrl = resolve();
        env.remove("JENKINS_URL");
        env.put("JENKINS_HOME", "/var/lib/jenkins");

        assertThat(resolve()).isEqualTo(byUrl);
    }

    @Test
    void jenkinsExecutorsOfOneBuildGetDifferentIds() {
        env.put("JENKINS_HOME", "/var/lib/jenkins");
        env.put("BUILD_TAG", "jenkins-shop-main-12");
        env.put("BUILD_NUMBER", "12");
        env.put("NODE_NAME", "agent-1");
        env.put("EXECUTOR_NUMBER", "0");
        RunId first = resolve();
        env.put("EXECUTOR_NUMBER", "1");

        assertThat(resolve().value()).startsWith("jk12-").isNotEqualTo(first.value());
    }

    @Test
    void withSeveralCisVariablesTheDocumentedOrderDecides() {
        // e.g. a GitLab runner started from Jenkins, or variables leaking into a nested build
        env.put("JENKINS_URL", "http://ci/");
        env.put("BUILD_TAG", "jenkins-shop-main-12");
        env.put("CIRCLE_BUILD_NUM", "310");
        assertThat(resolve().source()).isEqualTo("circleci");
        env.put("BUILDKITE_JOB_ID", "0190b2a4-1f7e-4e5f-9a4c-2bb0c1a0f001");
        assertThat(resolve().source()).isEqualTo("buildkite");
        env.put("CI_JOB_ID", "5551");
        assertThat(resolve()).isEqualTo(new RunId("gl5551", "gitlab"));
        env.put("GITHUB_RUN_ID", "987654");
        assertThat(resolve().source()).isEqualTo("github-actions");
        env.put("QDRANT_SCOPE_RUN_ID", "abc");
        assertThat(resolve()).isEqualTo(new RunId("abc", "QDRANT_SCOPE_RUN_ID"));
    }

    @Test
    void buildTagWithoutJenkinsIsNotJenkins() {
        env.put("BUILD_TAG", "something");

        assertThat(resolve().source()).isEqualTo("jvm");
    }

    @Test
    void forksOfOneBuildAgreeThroughTheirParentProcess() {
        ProcessHandle buildProcess = ProcessHandle.current();

        RunId fork1 = resolve(Optional.of(buildProcess));
        RunId fork2 = resolve(Optional.of(buildProcess));

        assertThat(fork1.source()).isEqualTo("build-process");
        assertThat(fork1.value()).matches("local-[0-9a-f]{8}").isEqualTo(fork2.value());
    }

    @Test
    void anotherBuildProcessGivesAnotherRunId() {
        RunId thisBuild = resolve(Optional.of(ProcessHandle.current()));
        Optional<ProcessHandle> other = ProcessHandle.current().parent();

        assertThat(other).isPresent();
        assertThat(resolve(other).value()).isNotEqualTo(thisBuild.value());
    }
}
