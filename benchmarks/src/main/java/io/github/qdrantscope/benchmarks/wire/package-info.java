/**
 * Benchmarks of issue 8: what scoping at the wire costs, i.e. the {@code ProjectScopeInterceptor} on the
 * official Qdrant client's channel, against the same client without it (raw Search/Query and Upsert over an
 * embedded Qdrant), and the interceptor's own CPU per call measured without a server.
 */
package io.github.qdrantscope.benchmarks.wire;
