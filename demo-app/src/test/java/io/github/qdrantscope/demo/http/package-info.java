/**
 * Tests over real HTTP on the random port ({@code RestTestClient}): the request is served on a server thread,
 * and the starter carries the test's project scope there in a request header.
 */
package io.github.qdrantscope.demo.http;
