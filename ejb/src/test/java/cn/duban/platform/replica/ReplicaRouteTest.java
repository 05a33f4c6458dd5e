package cn.duban.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicaRouteTest {

    static final Duration BOUND = Duration.ofSeconds(5);

    static ReplicaRoute.Decision decide(
            String primary, String replay, Duration lag, Duration sinceOwnWrite) {
        return ReplicaRoute.decide(primary, replay, lag, sinceOwnWrite, BOUND);
    }

    @Test
    void aCaughtUpReplicaServesEvenWhoJustWrote() {
        assertThat(decide("0/3000060", "0/3000060", null, Duration.ZERO))
                .isEqualTo(ReplicaRoute.CAUGHT_UP);
        // An idle primary: the last replayed commit is old, yet nothing is missing.
        assertThat(decide("1/0", "1/10", Duration.ofHours(3), Duration.ofMillis(1)))
                .isEqualTo(ReplicaRoute.CAUGHT_UP);
    }

    @Test
    void aReplicaBehindBeyondTheBoundIsNotRead() {
        assertThat(decide("0/3000100", "0/3000060", Duration.ofSeconds(6), null))
                .isEqualTo(ReplicaRoute.LAGGING);
        assertThat(decide("0/3000100", "0/3000060", null, null)).isEqualTo(ReplicaRoute.LAGGING);
    }

    @Test
    void whoWroteRecentlyReadsFromThePrimaryWhileTheReplicaIsBehind() {
        assertThat(decide("0/3000100", "0/3000060", Duration.ofSeconds(1), Duration.ofSeconds(3)))
                .isEqualTo(ReplicaRoute.OWN_WRITE);
        assertThat(decide("0/3000100", "0/3000060", Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .isEqualTo(ReplicaRoute.OWN_WRITE);
        // Older than two bounds: the replica replayed a later commit, so it has the write.
        assertThat(decide("0/3000100", "0/3000060", Duration.ofSeconds(1), Duration.ofSeconds(11)))
                .isEqualTo(ReplicaRoute.WITHIN_BOUND);
    }

    @Test
    void othersReadFromAReplicaWithinTheBound() {
        assertThat(decide("0/3000100", "0/3000060", Duration.ofSeconds(5), null))
                .isEqualTo(ReplicaRoute.WITHIN_BOUND);
    }

    @Test
    void aServerNotInRecoveryIsNoReplica() {
        assertThat(decide("0/3000100", null, null, null)).isEqualTo(ReplicaRoute.NOT_A_REPLICA);
    }

    @Test
    void walPositionsCompareAcrossTheHighWord() {
        assertThat(ReplicaRoute.lsn("1/0")).isGreaterThan(ReplicaRoute.lsn("0/FFFFFFFF"));
        assertThat(ReplicaRoute.lsn("16/B374D848")).isEqualTo(0x16B374D848L);
        assertThatThrownBy(() -> ReplicaRoute.lsn("B374D848"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsReadAsUnitsOrIso() {
        assertThat(ReplicaRoute.parseBound("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ReplicaRoute.parseBound("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ReplicaRoute.parseBound("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ReplicaRoute.parseBound("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(ReplicaRoute.parseBound("7")).isEqualTo(Duration.ofSeconds(7));
    }
}
