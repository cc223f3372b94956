/**
 * The embedded Qdrant's data model: collections and aliases, points and their ids, vectors and payload
 * writes, with Qdrant 1.17's validation rules and error messages.
 */
package io.github.qdrantscope.embedded.storage;
