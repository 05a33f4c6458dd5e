package cn.duban.ledger.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PackGateTest {

    private static final Instant T = Instant.parse("2026-03-01T01:00:00Z");

    @Test
    void oneTenantCannotTakeTheWholeServer() {
        PackGate gate = new PackGate();
        PackGate.Permit a = gate.enter("putuo", T), b = gate.enter("putuo", T);
        assertThatThrownBy(() -> gate.enter("putuo", T))
                .isInstanceOfSatisfying(
                        DubanException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.code()).isEqualTo("pack.busy");
                        });
        // Other districts still get theirs, up to the server's limit.
        gate.enter("jiading", T);
        gate.enter("jinshan", T);
        assertThatThrownBy(() -> gate.enter("songjiang", T)).isInstanceOf(DubanException.class);
        a.close();
        assertThat(gate.enter("songjiang", T)).isNotNull();
        b.close();
        assertThat(gate.enter("putuo", T)).isNotNull();
    }

    @Test
    void aPermitWhoseStreamNeverStartedLapses() {
        PackGate gate = new PackGate();
        PackGate.Permit started = gate.enter("putuo", T);
        started.start();
        gate.enter("putuo", T); // never started
        assertThatThrownBy(() -> gate.enter("putuo", T.plusSeconds(30)))
                .isInstanceOf(DubanException.class);
        PackGate.Permit later = gate.enter("putuo", T.plus(PackGate.START_WITHIN).plusSeconds(1));
        later.start();
        assertThat(gate.live()).isEqualTo(2);
        // A stream that started keeps its place however long it runs.
        assertThatThrownBy(() -> gate.enter("putuo", T.plusSeconds(3600)))
                .isInstanceOf(DubanException.class);
        started.close();
        later.close();
        assertThat(gate.live()).isZero();
    }
}
