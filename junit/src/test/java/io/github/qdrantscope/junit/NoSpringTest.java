package io.github.qdrantscope.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The extension and everything it brings run without Spring: not one Spring artifact on this module's classpath. */
class NoSpringTest {

    @Test
    void theTestClasspathHoldsNoSpringArtifact() {
        List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

        assertThat(entries).anyMatch(entry -> new File(entry).getName().startsWith("client-1.17"));
        assertThat(entries).noneMatch(entry -> new File(entry).getName().startsWith("spring-"));
        assertThat(entries).noneMatch(entry -> entry.contains("org/springframework"));
    }
}
