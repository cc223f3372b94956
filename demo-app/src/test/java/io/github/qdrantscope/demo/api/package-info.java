/** Tests of the REST API through MockMvc (on the test's thread, so the project scope applies directly). */
package io.github.qdrantscope.demo.api;
