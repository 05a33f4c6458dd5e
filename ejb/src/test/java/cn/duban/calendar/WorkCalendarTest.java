package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    /** 2026's notice around the Spring Festival and the National Day. */
    static final WorkCalendar Y2026 =
            new WorkCalendar(
                    NoticeLines.read(
                                    2026,
                                    """
                                    2026-02-15 至 2026-02-23 休 春节
                                    2026-02-14 班 春节调休
                                    2026-02-28 班 春节调休
                                    2026-10-01 至 2026-10-07 休 国庆节
                                    2026-09-20 班 国庆节调休
                                    2026-10-10 班 国庆节调休
                                    """)
                            .adjustments(),
                    List.of(2026));

    @Test
    void holidaysAreOffAndWorkedWeekendsAreWorkdays() {
        assertThat(Y2026.isWorkday(LocalDate.of(2026, 2, 16))).isFalse(); // Monday, 春节
        assertThat(Y2026.isWorkday(LocalDate.of(2026, 2, 14))).isTrue(); // Saturday worked
        assertThat(Y2026.isWorkday(LocalDate.of(2026, 2, 21))).isFalse(); // Saturday in the break
        assertThat(Y2026.isWorkday(LocalDate.of(2026, 3, 4))).isTrue(); // an ordinary Wednesday
        assertThat(Y2026.isWorkday(LocalDate.of(2026, 3, 7))).isFalse(); // an ordinary Saturday
        assertThat(Y2026.adjustment(LocalDate.of(2026, 10, 10)).orElseThrow().name())
                .isEqualTo("国庆节调休");
    }

    @Test
    void workdaysAreCountedAcrossTheSpringFestival() {
        // Friday 13 Feb, Saturday 14 worked, then nine days off, back on Tuesday 24 Feb.
        LocalDate friday = LocalDate.of(2026, 2, 13);
        assertThat(Y2026.plusWorkdays(friday, 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(Y2026.plusWorkdays(friday, 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(Y2026.plusWorkdays(LocalDate.of(2026, 2, 15), 0))
                .isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(Y2026.workdaysBetween(friday, LocalDate.of(2026, 2, 24))).isEqualTo(2);
        assertThat(Y2026.workdaysBetween(friday, friday)).isZero();
        // A plain calendar week: 5 workdays.
        assertThat(Y2026.workdaysBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8)))
                .isEqualTo(5);
    }

    @Test
    void workingHoursSkipNightsWeekendsAndHolidays() {
        // Handed out on Friday 25 Sep at 16:00 (中秋 is not in this excerpt), 8 hours: Monday 16:00.
        assertThat(Y2026.plusWorkingHours(LocalDateTime.of(2026, 9, 25, 16, 0), 8))
                .isEqualTo(LocalDateTime.of(2026, 9, 28, 16, 0));
        // Wednesday 30 Sep at 15:00, 4 hours: two that day, then the break to 7 Oct, Thursday 8
        // Oct.
        assertThat(Y2026.plusWorkingHours(LocalDateTime.of(2026, 9, 30, 15, 0), 4))
                .isEqualTo(LocalDateTime.of(2026, 10, 8, 11, 0));
        // Before opening counts from 09:00; after closing from the next workday.
        assertThat(Y2026.plusWorkingHours(LocalDateTime.of(2026, 3, 4, 7, 30), 1))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 10, 0));
        assertThat(Y2026.plusWorkingHours(LocalDateTime.of(2026, 3, 4, 20, 0), 1))
                .isEqualTo(LocalDateTime.of(2026, 3, 5, 10, 0));
        assertThat(Y2026.plusWorkingHours(LocalDateTime.of(2026, 3, 4, 17, 0), 0))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 17, 0));
        assertThat(
                        Y2026.workingTimeBetween(
                                LocalDateTime.of(2026, 9, 30, 15, 0),
                                LocalDateTime.of(2026, 10, 8, 11, 0)))
                .isEqualTo(Duration.ofHours(4));
        assertThat(
                        Y2026.workingTimeBetween(
                                LocalDateTime.of(2026, 3, 4, 12, 0),
                                LocalDateTime.of(2026, 3, 4, 10, 0)))
                .isZero();
    }

    @Test
    void aYearWithoutItsNoticeIsMissingFromNovember() {
        assertThat(Y2026.covers(2026)).isTrue();
        assertThat(Y2026.missingYears(LocalDate.of(2026, 10, 31))).isEmpty();
        assertThat(Y2026.missingYears(LocalDate.of(2026, 11, 1))).containsExactly(2027);
        assertThat(Y2026.missingYears(LocalDate.of(2027, 1, 5))).containsExactly(2027);
        // A year without a notice still counts Monday to Friday.
        assertThat(Y2026.isWorkday(LocalDate.of(2027, 2, 8))).isTrue();
    }

    @Test
    void spansAreCapped() {
        assertThatThrownBy(() -> Y2026.plusWorkdays(LocalDate.of(2026, 1, 1), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                Y2026.workdaysBetween(
                                        LocalDate.of(2000, 1, 1), LocalDate.of(2099, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        LocalDateTime now = LocalDateTime.of(2026, 3, 4, 10, 0);
        assertThatThrownBy(() -> Y2026.plusWorkingHours(now, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
