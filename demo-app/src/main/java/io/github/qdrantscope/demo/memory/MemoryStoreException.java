package io.github.qdrantscope.demo.memory;

/** Qdrant could not be reached or rejected a request; the message names the operation and collection. */
public class MemoryStoreException extends RuntimeException {

    public MemoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
