package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.identity.ForkId;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.identity.RunId;
import io.github.qdrantscope.core.identity.SystemLookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

class QdrantScopeContextCustomizerTest {

    private static final ForkIdentity IDENTITY = new ForkIdentity(new ForkId("2", "surefire"),
            new RunId("gl5551", "gitlab"), "host-a", Path.of("target"));

    static class FirstTestClass {
    }

    static class SecondTestClass {
    }

    @Test
    void factoryReturnsEqualCustomizersForEveryTestClassOfTheFork() {
        QdrantScopeContextCustomizerFactory factory = new QdrantScopeContextCustomizerFactory();

        ContextCustomizer first = factory.createContextCustomizer(FirstTestClass.class, List.of());
        ContextCustomizer second = factory.createContextCustomizer(SecondTestClass.class, List.of());

        assertThat(first).isInstanceOf(QdrantScopeContextCustomizer.class).isEqualTo(second);
        assertThat(first.hashCode()).isEqualTo(second.hashCode());
        assertThat(((QdrantScopeContextCustomizer) first).identity()).isSameAs(ForkIdentity.jvm());
    }

    @Test
    void factoryContributesNothingWithoutTheQdrantClient() {
        QdrantScopeContextCustomizerFactory factory = new QdrantScopeContextCustomizerFactory(
                SystemLookup.of(Map.of(), Map.of()), new FilteredClassLoader(io.qdrant.client.QdrantClient.class));

        assertThat(factory.createContextCustomizer(FirstTestClass.class, List.of())).isNull();
    }

    @Test
    void factoryBindsAForkWithoutSpringAi() {
        QdrantScopeContextCustomizerFactory factory = new QdrantScopeContextCustomizerFactory(
                SystemLookup.of(Map.of(), Map.of()), new FilteredClassLoader("org.springframework.ai"));

        assertThat(factory.createContextCustomizer(FirstTestClass.class, List.of()))
            .isInstanceOf(QdrantScopeContextCustomizer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "false", "FALSE", " false ", "off", "no", "0" })
    void factoryContributesNothingWhenTheSystemPropertyDisablesQdrantScope(String value) {
        QdrantScopeContextCustomizerFactory factory = factory(Map.of("qdrant-scope.enabled", value));

        assertThat(factory.createContextCustomizer(FirstTestClass.class, List.of())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "true", "on", "" })
    void factoryBindsWhenTheSystemPropertyIsTrueOrBlank(String value) {
        QdrantScopeContextCustomizerFactory factory = factory(Map.of("qdrant-scope.enabled", value));

        assertThat(factory.createContextCustomizer(FirstTestClass.class, List.of()))
                .isEqualTo(new QdrantScopeContextCustomizer(ForkIdentity.jvm()));
    }

    @Test
    void invalidEnabledSystemPropertyIsAnErrorNamingIt() {
        QdrantScopeContextCustomizerFactory factory = factory(Map.of("qdrant-scope.enabled", "nope"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> factory.createContextCustomizer(FirstTestClass.class, List.of()))
                .withMessage("qdrant-scope: system property qdrant-scope.enabled='nope' is invalid: use true or false");
    }

    private static QdrantScopeContextCustomizerFactory factory(Map<String, String> systemProperties) {
        return new QdrantScopeContextCustomizerFactory(SystemLookup.of(systemProperties, Map.of()),
                QdrantScopeContextCustomizerFactory.class.getClassLoader());
    }

    @Test
    void customizersOfDifferentForksDiffer() {
        ForkIdentity otherFork = new ForkIdentity(new ForkId("3", "surefire"), IDENTITY.run(), "host-a",
                Path.of("target"));

        assertThat(new QdrantScopeContextCustomizer(IDENTITY)).isNotEqualTo(new QdrantScopeContextCustomizer(otherFork))
                .isEqualTo(new QdrantScopeContextCustomizer(IDENTITY));
    }

    @Test
    void bindsCollectionNameAndSchemaInitializationFirstInTheEnvironment() {
        GenericApplicationContext context = new GenericApplicationContext();
        TestPropertyValues.of("spring.ai.vectorstore.qdrant.collection-name=vector_store",
                "spring.ai.vectorstore.qdrant.initialize-schema=false").applyTo(context);

        new QdrantScopeContextCustomizer(IDENTITY).customizeContext(context, null);

        var environment = context.getEnvironment();
        assertThat(environment.getPropertySources().iterator().next().getName())
                .isEqualTo(QdrantScopeContextCustomizer.PROPERTY_SOURCE_NAME);
        assertThat(environment.getProperty("spring.ai.vectorstore.qdrant.collection-name"))
                .isEqualTo("qdrant_scope_gl5551_f2");
        assertThat(environment.getProperty("spring.ai.vectorstore.qdrant.initialize-schema")).isEqualTo("true");
        assertThat(environment.getProperty("qdrant-scope.binding.fork-id-source")).isEqualTo("surefire");
        assertThat(environment.getProperty("qdrant-scope.binding.run-id")).isEqualTo("gl5551");
    }

    @Test
    void usesTheContextsCollectionPrefix() {
        GenericApplicationContext context = new GenericApplicationContext();
        TestPropertyValues.of("qdrant-scope.collection-prefix=shop").applyTo(context);

        new QdrantScopeContextCustomizer(IDENTITY).customizeContext(context, null);

        assertThat(context.getEnvironment().getProperty("spring.ai.vectorstore.qdrant.collection-name"))
                .isEqualTo("shop_gl5551_f2");
    }

    @Test
    void disabledLeavesTheEnvironmentAlone() {
        GenericApplicationContext context = new GenericApplicationContext();
        TestPropertyValues.of("qdrant-scope.enabled=false").applyTo(context);

        new QdrantScopeContextCustomizer(IDENTITY).customizeContext(context, null);

        assertThat(context.getEnvironment().getPropertySources().contains(QdrantScopeContextCustomizer.PROPERTY_SOURCE_NAME))
                .isFalse();
    }

    @Test
    void invalidPrefixFailsNamingTheProperty() {
        GenericApplicationContext context = new GenericApplicationContext();
        TestPropertyValues.of("qdrant-scope.collection-prefix=bad:prefix").applyTo(context);

        assertThatThrownBy(() -> new QdrantScopeContextCustomizer(IDENTITY).customizeContext(context, null))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("qdrant-scope.collection-prefix='bad:prefix' is invalid");
    }

    @Test
    void forkIdInTheContextEnvironmentThatDisagreesWithTheJvmIsAnError() {
        GenericApplicationContext context = new GenericApplicationContext();
        TestPropertyValues.of("qdrant-scope.fork-id=9").applyTo(context);

        assertThatIllegalStateException()
                .isThrownBy(() -> new QdrantScopeContextCustomizer(IDENTITY).customizeContext(context, null))
                .withMessageContaining("qdrant-scope.fork-id=9")
                .withMessageContaining("is 2 (from surefire)")
                .withMessageContaining("QDRANT_SCOPE_FORK_ID");
    }
}
