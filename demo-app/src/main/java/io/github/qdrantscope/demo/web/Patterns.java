package io.github.qdrantscope.demo.web;

/** Accepted shapes of names and ids in the API, with the messages shown when a value does not match. */
final class Patterns {

    /** Project names: 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
    static final String PROJECT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String PROJECT_MESSAGE = "must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit";

    /** Tags: 1 to 32 lower-case letters, digits, dashes or underscores. */
    static final String TAG = "[a-z0-9][a-z0-9_-]{0,31}";
    static final String TAG_MESSAGE = "must be 1-32 lower-case letters, digits, '-' or '_', starting with a letter or digit";

    /** Memory ids: canonical, lower-case UUIDs, as the API hands them out. */
    static final String MEMORY_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String MEMORY_ID_MESSAGE = "must be a memory id as returned by the API (a lower-case UUID)";

    private Patterns() {
    }
}
