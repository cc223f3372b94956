package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.autoconfigure.server.QdrantEmbeddedProperties;
import io.github.qdrantscope.autoconfigure.server.QdrantServerProperties;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter jar registers: every auto-configuration of the module is listed in
 * {@code AutoConfiguration.imports} (and nothing else is), every {@code spring.factories} and
 * {@code META-INF/services} entry names an existing class of the right type, and every
 * {@code qdrant-scope.*} property has generated metadata with a description.
 */
class StarterRegistrationTest {

    private static final String OURS = "io.github.qdrantscope.";

    private static final ClassLoader LOADER = StarterRegistrationTest.class.getClassLoader();

    @Test
    void everyAutoConfigurationIsListedAndEveryListedClassIsOne() throws Exception {
        List<String> listed = ourLines("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        // conditions are not evaluated: a conditional auto-configuration (e.g. the embedding one) must be listed too
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.core.type.classreading.MetadataReader reader)
                    throws IOException {
                return new AnnotationTypeFilter(AutoConfiguration.class).match(reader, getMetadataReaderFactory());
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(AutoConfiguration.class));
        Set<String> declared = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.github.qdrantscope.autoconfigure")) {
            if (!candidate.getBeanClassName().contains("Test")) {
                declared.add(candidate.getBeanClassName());
            }
        }
        assertThat(declared).isNotEmpty();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
        for (String name : listed) {
            assertThat(Class.forName(name, false, LOADER).isAnnotationPresent(AutoConfiguration.class)).as(name).isTrue();
        }
    }

    @Test
    void springFactoriesEntriesNameExistingImplementations() throws Exception {
        List<String> keys = new ArrayList<>();
        for (URL url : Collections.list(LOADER.getResources("META-INF/spring.factories"))) {
            Properties factories = new Properties();
            try (InputStream in = url.openStream()) {
                factories.load(in);
            }
            for (String key : factories.stringPropertyNames()) {
                for (String name : StringUtils.commaDelimitedListToStringArray(factories.getProperty(key))) {
                    if (name.trim().startsWith(OURS)) {
                        keys.add(key);
                        assertImplements(name.trim(), key);
                    }
                }
            }
        }
        assertThat(keys).containsExactlyInAnyOrder("org.springframework.test.context.ContextCustomizerFactory",
                "org.springframework.test.context.TestExecutionListener",
                "org.springframework.boot.diagnostics.FailureAnalyzer");
    }

    @Test
    void serviceLoaderEntriesNameExistingImplementations() throws Exception {
        for (String service : List.of("io.micrometer.context.ThreadLocalAccessor",
                "org.junit.platform.launcher.LauncherSessionListener")) {
            List<String> names = ourLines("META-INF/services/" + service);
            assertThat(names).as(service).hasSize(1);
            assertImplements(names.get(0), service);
        }
    }

    @Test
    void everyPropertyHasGeneratedMetadataWithADescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = LOADER.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Set<String> names = new TreeSet<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.startsWith(QdrantScopeProperties.PREFIX + ".")) {
                names.add(name);
                assertThat(property.has("description")).as(name + " has a description").isTrue();
                assertThat(property.get("description").asString()).as(name).isNotBlank();
                assertThat(property.get("sourceType").asString()).as(name)
                    .isIn(QdrantScopeProperties.class.getName(), QdrantServerProperties.class.getName(),
                            QdrantEmbeddedProperties.class.getName());
            }
        }
        Set<String> components = new TreeSet<>();
        for (var component : QdrantScopeProperties.class.getRecordComponents()) {
            components.add(QdrantScopeProperties.PREFIX + "."
                    + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        }
        for (var component : QdrantServerProperties.class.getRecordComponents()) {
            components.add(QdrantScopeProperties.PREFIX + ".server."
                    + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        }
        for (var component : QdrantEmbeddedProperties.class.getRecordComponents()) {
            components.add(QdrantEmbeddedProperties.PREFIX + "."
                    + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(names).isEqualTo(components);
    }

    private static void assertImplements(String name, String type) throws ClassNotFoundException {
        Class<?> implementation = Class.forName(name, false, LOADER);
        assertThat(Class.forName(type, false, LOADER).isAssignableFrom(implementation)).as(name + " is a " + type)
            .isTrue();
    }

    /** The qdrant-scope lines of every copy of {@code resource} on the class path. */
    private static List<String> ourLines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        for (URL url : Collections.list(LOADER.getResources(resource))) {
            try (InputStream in = url.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith(OURS)) {
                        lines.add(trimmed);
                    }
                }
            }
        }
        return lines;
    }
}
