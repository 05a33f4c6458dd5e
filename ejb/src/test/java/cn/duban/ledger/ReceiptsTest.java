package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.NoticeLines;
import cn.duban.calendar.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receipt deadlines in working hours of the work calendar, and the reassigned deadline. */
class ReceiptsTest {

    /** 2026's notice around the National Day: 10-01 to 10-07 off, 09-20 and 10-10 worked. */
    static final WorkCalendar Y2026 =
            new WorkCalendar(
                    NoticeLines.read(
                                    2026,
                                    """
                                    2026-10-01 至 2026-10-07 休 国庆节
                                    2026-09-20 班 国庆节调休
                                    2026-10-10 班 国庆节调休
                                    """)
                            .adjustments(),
                    List.of(2026));

    static Instant beijing(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute)
                .atZone(LedgerClock.ZONE)
                .toInstant();
    }

    @Test
    void aTaskOfTheLastAfternoonBeforeTheHolidayIsDueAfterIt() {
        // Wednesday 30 September, 16:00: one hour that day, seven on Thursday 8 October.
        assertThat(Receipts.due(beijing(9, 30, 16, 0), 8, Y2026)).isEqualTo(beijing(10, 8, 16, 0));
        assertThat(Receipts.late(beijing(9, 30, 16, 0), 8, Y2026, beijing(10, 8, 15, 59)))
                .isFalse();
        assertThat(Receipts.late(beijing(9, 30, 16, 0), 8, Y2026, beijing(10, 8, 16, 0))).isTrue();
        // Wall-clock hours would have chased it on 1 October, in the middle of the holiday.
        assertThat(Receipts.late(beijing(9, 30, 16, 0), 8, Y2026, beijing(10, 5, 12, 0))).isFalse();
    }

    @Test
    void aWorkedWeekendCountsAndAnOrdinaryWeekendDoesNot() {
        // Friday 9 October 16:00: Saturday 10 October is a 调休 workday.
        assertThat(Receipts.due(beijing(10, 9, 16, 0), 8, Y2026)).isEqualTo(beijing(10, 10, 16, 0));
        // Friday 16 October 16:00: the weekend is off, due Monday 19 October at 16:00.
        assertThat(Receipts.due(beijing(10, 16, 16, 0), 8, Y2026))
                .isEqualTo(beijing(10, 19, 16, 0));
    }

    @Test
    void timeOutsideOfficeHoursDoesNotCount() {
        // Published at 20:00 on Monday 12 October: the clock starts at 09:00 on Tuesday.
        assertThat(Receipts.due(beijing(10, 12, 20, 0), 8, Y2026))
                .isEqualTo(beijing(10, 13, 17, 0));
        // Published at 07:30: a full office day, due at 17:00 the same day.
        assertThat(Receipts.due(beijing(10, 13, 7, 30), 8, Y2026))
                .isEqualTo(beijing(10, 13, 17, 0));
        // Sixteen hours from Thursday 10:00 end on Monday 10:00.
        assertThat(Receipts.due(beijing(10, 15, 10, 0), 16, Y2026))
                .isEqualTo(beijing(10, 19, 10, 0));
    }

    @Test
    void aReassignedTaskGetsTheDaysLostOnTheWrongUnit() {
        LocalDate deadline = LocalDate.of(2026, 6, 30);
        assertThat(
                        Receipts.shiftedDeadline(
                                deadline, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 12)))
                .isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(Receipts.lostDays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))).isZero();
        // A clock set back never moves a deadline earlier.
        assertThat(
                        Receipts.shiftedDeadline(
                                deadline, LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 2)))
                .isEqualTo(deadline);
    }

    @Test
    void aReassignedTasksCheckpointsMoveLikeItsDeadlineButNeverPastIt() {
        LocalDate assigned = LocalDate.of(2026, 3, 2);
        LocalDate reassigned = LocalDate.of(2026, 3, 12);
        LocalDate movedDeadline = LocalDate.of(2026, 7, 10);
        // The March report is due ten days later, like the deadline.
        assertThat(
                        Receipts.shiftedCheckpoint(
                                LocalDate.of(2026, 3, 31), assigned, reassigned, movedDeadline))
                .isEqualTo(LocalDate.of(2026, 4, 10));
        // One due on the old deadline stops at the new one.
        assertThat(
                        Receipts.shiftedCheckpoint(
                                LocalDate.of(2026, 7, 5), assigned, reassigned, movedDeadline))
                .isEqualTo(movedDeadline);
    }
}
