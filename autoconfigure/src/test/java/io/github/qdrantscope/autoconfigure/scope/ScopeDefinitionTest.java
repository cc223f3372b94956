package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ScopedProject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.github.qdrantscope.core.ScopedProject.Cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Execution(ExecutionMode.CONCURRENT)
class ScopeDefinitionTest {

    @Test
    void methodAnnotationWinsOverClassAnnotation() throws Exception {
        ScopeDefinition definition = ScopeDefinition.forMethod(Annotated.class, method(Annotated.class, "own"));
        assertThat(definition).isEqualTo(new ScopeDefinition("method-prefix", "m_key", Cleanup.NEVER));
    }

    @Test
    void classAnnotationAppliesAndIsInherited() throws Exception {
        assertThat(ScopeDefinition.forMethod(Annotated.class, method(Annotated.class, "plain")))
            .isEqualTo(new ScopeDefinition("class-prefix", "qdrant_scope_project", Cleanup.AFTER_CLASS));
        assertThat(ScopeDefinition.forMethod(Subclass.class, method(Subclass.class, "inSubclass")))
            .isEqualTo(new ScopeDefinition("class-prefix", "qdrant_scope_project", Cleanup.AFTER_CLASS));
    }

    @Test
    void metaAnnotationIsFound() throws Exception {
        assertThat(ScopeDefinition.forMethod(MetaAnnotated.class, method(MetaAnnotated.class, "plain")))
            .isEqualTo(new ScopeDefinition("meta", "qdrant_scope_project", Cleanup.NEVER));
    }

    @Test
    void nestedClassUsesEnclosingClassAnnotation() throws Exception {
        assertThat(ScopeDefinition.forMethod(Annotated.Inner.class, method(Annotated.Inner.class, "inner")))
            .isEqualTo(new ScopeDefinition("class-prefix", "qdrant_scope_project", Cleanup.AFTER_CLASS));
    }

    @Test
    void unannotatedTestHasNoScope() throws Exception {
        assertThat(ScopeDefinition.forMethod(Unannotated.class, method(Unannotated.class, "plain"))).isNull();
    }

    @Test
    void emptyValueDerivesPrefixFromClassAndMethodCutTo40() throws Exception {
        ScopeDefinition definition = ScopeDefinition.forMethod(Derived.class,
                method(Derived.class, "aVeryLongTestMethodNameThatGoesOnAndOnAndOn"));
        assertThat(definition.prefix()).isEqualTo("Derived-aVeryLongTestMethodNameThatGoesO").hasSize(40);
        assertThat(definition.newScope().name()).matches("Derived-aVeryLongTestMethodNameThatGoesO-[0-9a-f]{8}");
    }

    @Test
    void invalidValueNamesAnnotationAttributeAndTest() throws Exception {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ScopeDefinition.forMethod(BadValue.class, method(BadValue.class, "plain")))
            .withMessageContaining("@ScopedProject(value = \"has space\")")
            .withMessageContaining(BadValue.class.getName() + "#plain")
            .withMessageContaining("[A-Za-z0-9_-]");
    }

    @Test
    void tooLongValueIsRejected() throws Exception {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ScopeDefinition.forMethod(LongValue.class, method(LongValue.class, "plain")))
            .withMessageContaining("@ScopedProject(value = ")
            .withMessageContaining("1 to 40 characters");
    }

    @Test
    void invalidKeyNamesAnnotationAttributeAndTest() throws Exception {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ScopeDefinition.forMethod(BadKey.class, method(BadKey.class, "plain")))
            .withMessageContaining("@ScopedProject(key = \"meta.project\")")
            .withMessageContaining(BadKey.class.getName() + "#plain")
            .withMessageContaining("nested path");
    }

    @Test
    void reservedKeyIsRejected() throws Exception {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ScopeDefinition.forMethod(ReservedKey.class, method(ReservedKey.class, "plain")))
            .withMessageContaining("@ScopedProject(key = \"qdrant_scope_id\")");
    }

    @Test
    void generatedNamesAreUniqueAndWellFormed() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String name = ProjectNames.newName("p");
            assertThat(name).matches("p-[0-9a-f]{8}");
            names.add(name);
        }
        assertThat(names).hasSize(10_000);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    @ScopedProject(value = "class-prefix", cleanup = Cleanup.AFTER_CLASS)
    static class Annotated {

        @ScopedProject(value = "method-prefix", key = "m_key", cleanup = Cleanup.NEVER)
        public void own() {
        }

        public void plain() {
        }

        @Nested
        class Inner {

            public void inner() {
            }
        }
    }

    static class Subclass extends Annotated {

        public void inSubclass() {
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @ScopedProject(value = "meta", cleanup = Cleanup.NEVER)
    @interface MetaScoped {
    }

    @MetaScoped
    static class MetaAnnotated {

        public void plain() {
        }
    }

    static class Unannotated {

        public void plain() {
        }
    }

    @ScopedProject
    static class Derived {

        public void aVeryLongTestMethodNameThatGoesOnAndOnAndOn() {
        }
    }

    @ScopedProject("has space")
    static class BadValue {

        public void plain() {
        }
    }

    @ScopedProject("a123456789b123456789c123456789d123456789e")
    static class LongValue {

        public void plain() {
        }
    }

    @ScopedProject(key = "meta.project")
    static class BadKey {

        public void plain() {
        }
    }

    @ScopedProject(key = "qdrant_scope_id")
    static class ReservedKey {

        public void plain() {
        }
    }
}
