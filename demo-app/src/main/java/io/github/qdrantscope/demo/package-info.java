/** The project-memory demo application: a Qdrant-backed Spring Boot web service. */
package io.github.qdrantscope.demo;
