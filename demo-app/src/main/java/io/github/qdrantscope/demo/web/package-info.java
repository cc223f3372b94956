/** The REST API of the project-memory service, with validated input and RFC 9457 problem-details errors. */
package io.github.qdrantscope.demo.web;
