package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The periods the circulars page offers for a draft (issue 16's journey, an earlier plan year). */
class ReportablePeriodsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void theListedEarlierYearCanBeReportedOn() {
        assertThat(Period.reportable(2022, TODAY))
                .contains(Period.year(2022), Period.quarter(2022, 4), Period.month(2022, 1))
                .contains(Period.yearToDate(2026), Period.quarter(2026, 3), Period.year(2025));
    }

    @Test
    void thisYearsRunningPeriodsAreNotOfferedAndTheLatestComeFirst() {
        assertThat(Period.reportable(2026, TODAY))
                .doesNotContain(Period.year(2026), Period.quarter(2026, 4), Period.month(2026, 11))
                .contains(Period.month(2026, 10))
                .startsWith(Period.yearToDate(2026));
        assertThat(Period.reportable(2022, TODAY).get(0)).isEqualTo(Period.yearToDate(2026));
        assertThat(Period.reportable(2022, TODAY)).endsWith(Period.month(2022, 1));
    }

    @Test
    void aFutureListedYearAddsNothing() {
        assertThat(Period.reportable(2030, TODAY)).isEqualTo(Period.reportable(2026, TODAY));
    }
}
