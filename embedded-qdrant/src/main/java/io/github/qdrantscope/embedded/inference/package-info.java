/**
 * Inference inputs as a single Qdrant 1.17 node answers them: a {@code Document} whose model is
 * {@code qdrant/bm25} is embedded here into a sparse vector (the full-text tokenizer, stopwords, Snowball
 * stemming, murmur3 token ids and BM25 term frequencies of {@code src/common/inference/bm25.rs}); every other
 * model needs an inference service, which the node does not have, and fails the request.
 *
 * <p>{@link io.github.qdrantscope.embedded.inference.WriteInference} and
 * {@link io.github.qdrantscope.embedded.inference.QueryInference} rewrite a request's inputs into vectors
 * before the storage and search layers see it; everything else here is package-private.
 */
package io.github.qdrantscope.embedded.inference;
