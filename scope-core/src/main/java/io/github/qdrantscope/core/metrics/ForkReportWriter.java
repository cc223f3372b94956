package io.github.qdrantscope.core.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link ForkReport} as {@code fork-<id>.json} into a directory (by default
 * {@code target/qdrant-scope}), atomically, so a reader never sees half a file.
 */
public class ForkReportWriter {

    private final Path directory;

    /** @param directory where reports go; created when missing */
    public ForkReportWriter(Path directory) {
        this.directory = directory;
    }

    /** The file {@code report} is written to. */
    public Path fileFor(String fork) {
        return directory.resolve("fork-" + fork + ".json");
    }

    /** Writes {@code report}, replacing an earlier report of the same fork. */
    public Path write(ForkReport report) {
        Path target = fileFor(report.fork());
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve("fork-" + report.fork() + ".json." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
            Files.writeString(temp, ForkReportJson.write(report));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("qdrant-scope could not write its fork report " + target, ex);
        }
    }

    /** Reads a report written by {@link #write}. */
    public static ForkReport read(Path file) {
        try {
            return ForkReportJson.read(Files.readString(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("qdrant-scope could not read fork report " + file, ex);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("qdrant-scope could not read fork report " + file + ": " + ex.getMessage(), ex);
        }
    }
}
