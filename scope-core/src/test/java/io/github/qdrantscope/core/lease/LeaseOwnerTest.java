package io.github.qdrantscope.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a holder counts as gone, and which lease settings are refused. */
class LeaseOwnerTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final Duration TTL = Duration.ofMinutes(2);

    private final ProcessHandle me = ProcessHandle.current();

    @Test
    void onThisHostALiveProcessHoldsItsLeaseWhateverItsLastRenewal() {
        LeaseOwner owner = new LeaseOwner("r", "1", "here", me.pid(), me.info().startInstant().orElseThrow(),
                NOW.minus(Duration.ofDays(3)));

        assertThat(owner.goneBecause("here", NOW, TTL)).isNull();
    }

    @Test
    void onThisHostAPidReusedByAnotherProcessIsGone() {
        Instant started = me.info().startInstant().orElseThrow();
        LeaseOwner owner = new LeaseOwner("r", "1", "here", me.pid(), started.minusSeconds(60), NOW);

        assertThat(owner.goneBecause("here", NOW, TTL)).isEqualTo("pid " + me.pid() + " on here now belongs to a "
                + "process started at " + started + ", not the holder started at " + started.minusSeconds(60));
    }

    @Test
    void onThisHostAnEndedProcessIsGone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        LeaseOwner owner = new LeaseOwner("r", "1", "here", ended.pid(), null, NOW);

        assertThat(owner.goneBecause("here", NOW, TTL)).isEqualTo("process " + ended.pid() + " on here is not running");
    }

    @Test
    void fromAnotherHostTheLastRenewalPlusTheTtlDecides() {
        LeaseOwner owner = new LeaseOwner("r", "1", "there", 1, null, NOW.minus(Duration.ofHours(1)),
                NOW.minus(TTL).plusSeconds(1));

        assertThat(owner.goneBecause("here", NOW, TTL)).isNull();
        assertThat(owner.goneBecause("here", NOW.plusSeconds(1), TTL)).isEqualTo("last renewed at "
                + NOW.minus(TTL).plusSeconds(1) + ", more than the lease TTL PT2M before " + NOW.plusSeconds(1));
    }

    @Test
    void theTtlMustBeMoreThanTwiceTheHeartbeatAndEverySettingPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LeaseSettings(Duration.ofSeconds(60),
                Duration.ofSeconds(30), true, Duration.ofSeconds(10), 50))
            .withMessage("qdrant-scope: qdrant-scope.lease-ttl=PT1M must be more than twice "
                    + "qdrant-scope.lease-heartbeat=PT30S, so that a live JVM renews its leases at least twice per "
                    + "TTL; raise qdrant-scope.lease-ttl or lower qdrant-scope.lease-heartbeat");
        assertThatIllegalArgumentException().isThrownBy(() -> new LeaseSettings(TTL, Duration.ZERO, true,
                Duration.ofSeconds(10), 50))
            .withMessage("qdrant-scope: qdrant-scope.lease-heartbeat=PT0S is invalid: it must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new LeaseSettings(TTL, Duration.ofSeconds(30), true,
                Duration.ofSeconds(-1), 50))
            .withMessage("qdrant-scope: qdrant-scope.reaper-timeout=PT-1S is invalid: it must be positive");
        assertThat(LeaseSettings.defaults()).isEqualTo(new LeaseSettings(Duration.ofMinutes(2),
                Duration.ofSeconds(30), true, Duration.ofSeconds(10), 50));
    }
}
