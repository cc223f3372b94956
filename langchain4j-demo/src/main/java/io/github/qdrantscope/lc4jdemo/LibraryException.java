package io.github.qdrantscope.lc4jdemo;

/** A Qdrant call of the library failed; the message says which. */
public class LibraryException extends RuntimeException {

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
