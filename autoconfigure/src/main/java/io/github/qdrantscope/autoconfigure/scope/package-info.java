/**
 * Project scoping: {@link io.github.qdrantscope.core.ScopedProject @ScopedProject}, the
 * thread-bound {@link io.github.qdrantscope.core.ProjectScope}, the test execution
 * listener that opens and cleans up a project per test, the class-based proxy that scopes every
 * {@code VectorStore} bean (stamping, id namespacing, filter composition), the policy for access outside
 * a scope, the gRPC interceptor that counts unscoped raw-client calls, and propagation of the scope to
 * async hops and to the server thread of {@code RANDOM_PORT} tests.
 */
package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
