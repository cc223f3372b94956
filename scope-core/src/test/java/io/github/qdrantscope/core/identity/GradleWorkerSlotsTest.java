package io.github.qdrantscope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slots across real processes, as Gradle's test workers are: each worker JVM is a child process here that
 * claims a slot, prints it and holds it until its standard input closes.
 */
class GradleWorkerSlotsTest {

    @TempDir
    Path slots;

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void liveWorkersGetDistinctSlotsAndAnEndedWorkersSlotIsReused() throws Exception {
        // each worker has claimed its slot once it printed it: start the next one only then
        Worker first = start();
        assertThat(first.slot()).isEqualTo(1);
        Worker second = start();
        assertThat(second.slot()).isEqualTo(2);

        first.exit();
        Worker third = start();

        assertThat(third.slot()).isEqualTo(1);
    }

    private Worker start() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = location(GradleWorkerSlots.class) + File.pathSeparator + location(SlotHolder.class);
        Process process = new ProcessBuilder(java, "-cp", classpath, SlotHolder.class.getName(), slots.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        workers.add(process);
        return new Worker(process);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A worker process and the slot it printed. */
    private record Worker(Process process) {

        int slot() throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("first line of the worker process").startsWith("slot ");
            return Integer.parseInt(line.substring("slot ".length()));
        }

        void exit() throws IOException, InterruptedException {
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("worker exits when its input closes").isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    /** The worker: claims a slot in the directory given as argument and holds it until stdin closes. */
    public static final class SlotHolder {

        private SlotHolder() {
        }

        /** @param args the slot directory */
        public static void main(String[] args) {
            int slot = new GradleWorkerSlots(Path.of(args[0])).claim();
            System.out.println("slot " + slot);
            System.out.flush();
            try {
                while (System.in.read() != -1) {
                    // hold the slot
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
