package io.github.qdrantscope.autoconfigure.fork;

/** One of the classes sharing the fork's context; see {@link SharedContextTestBase}. */
class SharedContextThreeTest extends SharedContextTestBase {
}
