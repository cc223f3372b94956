package io.github.qdrantscope.embedded.snapshot;

/** A snapshot file that is not one this server wrote, or is damaged; the message says what is wrong. */
final class SnapshotFormatException extends RuntimeException {
    SnapshotFormatException(String message) {
        super(message);
    }
}
