/**
 * Snapshots of the embedded server: its own file format for a collection ({@link
 * io.github.qdrantscope.embedded.snapshot.CollectionSnapshot}) and for all of them, the server-owned
 * directory they live in with Qdrant's names ({@link io.github.qdrantscope.embedded.snapshot.SnapshotStore}),
 * and starting a collection from a file ({@link io.github.qdrantscope.embedded.snapshot.SnapshotRestore}).
 */
package io.github.qdrantscope.embedded.snapshot;
