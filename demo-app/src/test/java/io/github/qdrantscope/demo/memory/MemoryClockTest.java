package io.github.qdrantscope.demo.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryClockTest {

    @Test
    void timesStrictlyIncreaseEvenWhenTheWallClockStandsStill() {
        MemoryClock clock = new MemoryClock(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            times.add(clock.next());
        }
        assertThat(times).extracting(Instant::toEpochMilli).containsExactly(1_000L, 1_001L, 1_002L, 1_003L, 1_004L);
    }

    @Test
    void followsTheWallClockWhenItIsAhead() {
        MemoryClock clock = new MemoryClock(Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC));
        assertThat(clock.next().toEpochMilli()).isEqualTo(5_000L);
    }

    @Test
    void concurrentCallersNeverGetTheSameTime() throws InterruptedException {
        MemoryClock clock = new MemoryClock();
        List<Instant> times = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    times.add(clock.next());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(times).hasSize(2_000).doesNotHaveDuplicates();
    }
}
