package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;

/**
 * Which kind of Qdrant server a context uses and why, decided by {@link QdrantServerSelector} before any
 * bean is created. Registered in each context as the bean {@value QdrantServerSelector#CHOICE_BEAN_NAME}.
 *
 * @param mode embedded or external
 * @param reason what decided it, e.g. {@code spring.ai.vectorstore.qdrant.host is set}
 */
public record QdrantServerChoice(QdrantEndpoint.Mode mode, String reason) {
}
