package io.github.qdrantscope.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what one class logs through {@link System.Logger}: without a logging bridge on the classpath (scope-core's
 * tests have none) System.Logger is java.util.logging, so a handler on the class's logger sees its lines, and only
 * that class's, whatever other tests print at the same time.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;

    private final List<String> messages = new CopyOnWriteArrayList<>();

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> type) {
        this.logger = Logger.getLogger(type.getName());
        this.handler.setLevel(Level.ALL);
        this.logger.addHandler(this.handler);
    }

    /** Starts capturing what {@code type} logs. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /** The messages logged so far, in order. */
    public List<String> messages() {
        return List.copyOf(this.messages);
    }

    @Override
    public void close() {
        this.logger.removeHandler(this.handler);
    }
}
