package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30));

    static Instant beijing(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), QuietHours.ZONE)
                .toInstant();
    }

    @Test
    void acrossMidnight() {
        assertThat(NIGHT.quietAt(LocalTime.of(21, 59))).isFalse();
        assertThat(NIGHT.quietAt(LocalTime.of(22, 0))).isTrue();
        assertThat(NIGHT.quietAt(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.quietAt(LocalTime.MIDNIGHT)).isTrue();
        assertThat(NIGHT.quietAt(LocalTime.of(7, 29))).isTrue();
        assertThat(NIGHT.quietAt(LocalTime.of(7, 30))).isFalse();
        assertThat(NIGHT.quietAt(LocalTime.NOON)).isFalse();
    }

    @Test
    void releasedWhenTheWindowEndsOnTheRightDay() {
        // Before midnight: the next morning.
        assertThat(NIGHT.releaseAt(beijing("2026-12-01T23:10:00")))
                .contains(beijing("2026-12-02T07:30:00"));
        // After midnight: this morning.
        assertThat(NIGHT.releaseAt(beijing("2026-12-02T03:00:00")))
                .contains(beijing("2026-12-02T07:30:00"));
        // New Year's Eve into the next year.
        assertThat(NIGHT.releaseAt(beijing("2026-12-31T22:00:00")))
                .contains(beijing("2027-01-01T07:30:00"));
        assertThat(NIGHT.releaseAt(beijing("2026-12-02T07:30:00"))).isEmpty();
        assertThat(NIGHT.releaseAt(beijing("2026-12-02T14:00:00"))).isEmpty();
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyOne() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));
        assertThat(lunch.releaseAt(beijing("2026-12-02T12:45:00")))
                .contains(beijing("2026-12-02T13:30:00"));
        assertThat(lunch.quietAt(LocalTime.of(11, 59))).isFalse();
        assertThat(lunch.quietAt(LocalTime.of(13, 30))).isFalse();
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0));
        assertThat(none.releaseAt(beijing("2026-12-02T08:00:00"))).isEmpty();
    }

    @Test
    void beijingTimeWhateverTheServersZone() {
        // 15:00 UTC is 23:00 in Beijing: quiet.
        assertThat(NIGHT.releaseAt(Instant.parse("2026-12-01T15:00:00Z")))
                .contains(Instant.parse("2026-12-01T23:30:00Z"));
    }
}
