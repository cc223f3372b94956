package io.github.qdrantscope.demo.memory;

/** No memory has the requested id. */
public class MemoryNotFoundException extends RuntimeException {

    private final String id;

    public MemoryNotFoundException(String id) {
        super("No memory with id '" + id + "' exists");
        this.id = id;
    }

    /** The id that was looked up. */
    public String id() {
        return this.id;
    }
}
