/** Tests of how the demo suite uses {@code @ScopedProject}: nesting, method-level settings, one shared context. */
package io.github.qdrantscope.demo.scope;

import io.github.qdrantscope.core.ScopedProject;
