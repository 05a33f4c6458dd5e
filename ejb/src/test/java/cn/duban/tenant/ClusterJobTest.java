package cn.duban.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterJobTest {

    // 2026-12-02 08:00 in Beijing is 00:00 UTC.
    private static final Instant EIGHT = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void aDailyJobsSlotIsTheBeijingDate() {
        assertThat(ClusterJob.DAILY_REMINDERS.slot(EIGHT)).isEqualTo("2026-12-02");
        assertThat(ClusterJob.CITY_REPORTS.slot(Instant.parse("2026-12-01T22:30:00Z")))
                .isEqualTo("2026-12-02");
    }

    @Test
    void theDateChangesAtBeijingMidnightNotAtUtcMidnight() {
        // 23:59 and 00:00 Asia/Shanghai: 15:59 and 16:00 UTC of the day before.
        assertThat(ClusterJob.DAILY_REMINDERS.slot(Instant.parse("2026-12-01T15:59:00Z")))
                .isEqualTo("2026-12-01");
        assertThat(ClusterJob.DAILY_REMINDERS.slot(Instant.parse("2026-12-01T16:00:00Z")))
                .isEqualTo("2026-12-02");
        // UTC midnight is 08:00 in Beijing, well inside the day.
        assertThat(ClusterJob.DAILY_REMINDERS.slot(Instant.parse("2026-12-01T23:59:59Z")))
                .isEqualTo("2026-12-02");
        // A month job on the first at 00:00 Beijing is the new month (30 November 16:00 UTC).
        assertThat(ClusterJob.CIRCULAR_DRAFTS.slot(Instant.parse("2026-11-30T16:00:00Z")))
                .isEqualTo("2026-12");
        assertThat(ClusterJob.CIRCULAR_DRAFTS.slot(Instant.parse("2026-11-30T15:59:00Z")))
                .isEqualTo("2026-11");
    }

    @Test
    void nodesAFewSecondsApartNameTheSameSlot() {
        for (ClusterJob job : ClusterJob.values()) {
            String slot = job.slot(EIGHT);
            assertThat(job.slot(EIGHT.minusSeconds(3))).as(job.code()).isEqualTo(slot);
            assertThat(job.slot(EIGHT.minusMillis(29_999))).as(job.code()).isEqualTo(slot);
            assertThat(job.slot(EIGHT.plusSeconds(4))).as(job.code()).isEqualTo(slot);
            // A timer that fires late stays in its slot.
            assertThat(job.slot(EIGHT.plusSeconds(90))).as(job.code()).isEqualTo(slot);
        }
        // At Beijing midnight too: 23:59:58 on a fast clock is already the next day's run.
        assertThat(ClusterJob.DAILY_REMINDERS.slot(Instant.parse("2026-12-01T15:59:58Z")))
                .isEqualTo("2026-12-02");
    }

    @Test
    void minuteJobsAreCutToTheirPeriod() {
        Instant at = Instant.parse("2026-12-02T02:29:40Z"); // 10:29:40 Beijing
        assertThat(ClusterJob.DELETED_TENANT_DIRECTORY.slot(at)).isEqualTo("2026-12-02T10:30");
        assertThat(ClusterJob.DELETED_TENANT_DIRECTORY.slot(at.minusSeconds(20)))
                .isEqualTo("2026-12-02T10:15");
        assertThat(ClusterJob.RECEIPT_CHASE.slot(at.plusSeconds(20 + 29 * 60)))
                .isEqualTo("2026-12-02T10:30");
        assertThat(ClusterJob.RECEIPT_CHASE.slot(at.plusSeconds(20 + 30 * 60)))
                .isEqualTo("2026-12-02T11:00");
        assertThat(ClusterJob.DELETED_TENANT_DIRECTORY.slot(Instant.parse("2026-12-01T15:59:45Z")))
                .isEqualTo("2026-12-02T00:00");
    }

    @Test
    void onlySlotsInTheJobsOwnFormCanBeNamed() {
        assertThat(ClusterJob.DAILY_REMINDERS.slotStart("2026-12-02"))
                .contains(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(ClusterJob.CIRCULAR_DRAFTS.slotStart("2026-12"))
                .contains(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(ClusterJob.DELETED_TENANT_DIRECTORY.slotStart("2026-12-02T10:15"))
                .contains(Instant.parse("2026-12-02T02:15:00Z"));
        assertThat(ClusterJob.DELETED_TENANT_DIRECTORY.slotStart("2026-12-02T10:20")).isEmpty();
        assertThat(ClusterJob.DAILY_REMINDERS.slotStart("2026-12")).isEmpty();
        assertThat(ClusterJob.DAILY_REMINDERS.slotStart("2026-12-2")).isEmpty();
        assertThat(ClusterJob.DAILY_REMINDERS.slotStart("x' or 1=1")).isEmpty();
        assertThat(ClusterJob.DAILY_REMINDERS.slotStart(null)).isEmpty();
    }

    @Test
    void jobsAreKnownByTheirCode() {
        assertThat(ClusterJob.ofCode("daily-reminders")).contains(ClusterJob.DAILY_REMINDERS);
        assertThat(ClusterJob.ofCode("nightly-backup")).isEmpty();
        assertThat(ClusterJob.DELETED_TENANT_DIRECTORY.isPlatform()).isTrue();
        assertThat(ClusterJob.DAILY_REMINDERS.isPlatform()).isFalse();
    }
}
