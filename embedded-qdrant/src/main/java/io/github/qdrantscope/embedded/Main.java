package io.github.qdrantscope.embedded;

import io.grpc.netty.shaded.io.netty.util.internal.logging.InternalLoggerFactory;
import io.grpc.netty.shaded.io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs an {@link EmbeddedQdrant} standalone:
 * {@code java -jar qdrant-scope-embedded-<version>.jar --port 6334 [--host H] [--api-key K] [--snapshots-dir D]
 * [--restore NAME=PATH]...}.
 * Prints one line {@code Embedded Qdrant listening on <host>:<port>} and serves until killed.
 */
public final class Main {

    /** Exit status for bad command-line arguments. */
    public static final int USAGE_ERROR = 2;

    static final String USAGE = "Usage: java -jar qdrant-scope-embedded.jar [--port PORT] [--host HOST] [--api-key KEY]\n"
            + "       [--snapshots-dir DIR] [--restore NAME=PATH]...\n"
            + "  --port PORT     gRPC port to listen on (0 = any free port; default 6334)\n"
            + "  --host HOST     address to bind (default 127.0.0.1)\n"
            + "  --api-key KEY   require this API key on every call except health checks\n"
            + "  --snapshots-dir DIR    keep snapshots in DIR (default: a temporary directory deleted at exit)\n"
            + "  --restore NAME=PATH    start collection NAME from the snapshot file PATH (repeatable)";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Standalone there is no SLF4J binding; Netty would otherwise pick slf4j-api (a dependency of
        // the Qdrant client) and print SLF4J's "no providers" warning. java.util.logging is silent.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        EmbeddedQdrant qdrant;
        try {
            qdrant = start(args, System.out);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(USAGE_ERROR);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(qdrant::close, "embedded-qdrant-shutdown"));
        qdrant.awaitTermination();
    }

    /**
     * Parses the arguments, starts the server and prints the listening line to {@code out}.
     *
     * @throws UsageException naming the bad argument
     */
    static EmbeddedQdrant start(String[] args, PrintStream out) {
        EmbeddedQdrant.Builder builder = EmbeddedQdrant.builder().port(6334);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--port" -> builder.port(port(value(args, ++i, option)));
                case "--host" -> builder.host(value(args, ++i, option));
                case "--api-key" -> builder.apiKey(value(args, ++i, option));
                case "--snapshots-dir" -> builder.snapshotsDirectory(Path.of(value(args, ++i, option)));
                case "--restore" -> restore(builder, value(args, ++i, option));
                default -> throw new UsageException("Unknown argument: " + option);
            }
        }
        EmbeddedQdrant qdrant;
        try {
            qdrant = builder.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage()); // a --restore that cannot be done, named by the message
        }
        out.println("Embedded Qdrant listening on " + qdrant.host() + ":" + qdrant.grpcPort());
        out.flush();
        return qdrant;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].isEmpty() || args[index].startsWith("--")) {
            throw new UsageException("Missing value for " + option);
        }
        return args[index];
    }

    private static void restore(EmbeddedQdrant.Builder builder, String value) {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new UsageException("Invalid value for --restore: " + value + " (expected NAME=PATH)");
        }
        try {
            builder.restoreCollection(value.substring(0, equals), Path.of(value.substring(equals + 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending value
        }
        throw new UsageException("Invalid value for --port: " + value + " (expected 0..65535)");
    }

    /** A bad command line; the message names the offending argument. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
