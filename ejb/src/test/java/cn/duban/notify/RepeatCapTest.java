package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatCapTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void countsOnlyTheLastSevenDays() {
        List<Instant> two = List.of(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1)));
        assertThat(RepeatCap.reached(two, NOW, 3)).isFalse();
        assertThat(RepeatCap.reached(two, NOW, 2)).isTrue();
        // One of three is 7 days and a minute old: two remain within the window.
        List<Instant> three =
                List.of(
                        NOW.minus(Duration.ofDays(7)).minusSeconds(60),
                        NOW.minus(Duration.ofDays(3)),
                        NOW.minusSeconds(5));
        assertThat(RepeatCap.reached(three, NOW, 3)).isFalse();
        // Exactly 7 days old is out.
        assertThat(RepeatCap.reached(List.of(NOW.minus(Duration.ofDays(7))), NOW, 1)).isFalse();
        assertThat(RepeatCap.reached(List.of(NOW.minus(Duration.ofDays(6))), NOW, 1)).isTrue();
    }

    @Test
    void capZeroSendsNothingExternal() {
        assertThat(RepeatCap.reached(List.of(), NOW, 0)).isTrue();
        assertThat(RepeatCap.reached(List.of(), NOW, 1)).isFalse();
    }
}
