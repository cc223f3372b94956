/**
 * Tests that use Spring AI's {@code VectorStore} directly (the auto-configured {@code QdrantVectorStore},
 * wrapped by the starter), with fixed document ids shared by every test: scoping keeps them apart.
 */
package io.github.qdrantscope.demo.store;
