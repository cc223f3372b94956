/**
 * Who owns a collection on a shared Qdrant: the ownership lease (one reserved point naming the JVM), claiming a
 * fork's collection (create, index, lease, detect a second live claimant) and dropping only what this JVM owns.
 */
package io.github.qdrantscope.core.lease;
