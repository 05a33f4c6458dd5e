package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.Period;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.TaskQueries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The period the dashboard, 我的得分, circulars and the evaluation page open on without one in the URL.
 */
class WorkPeriodTest {

    static final int THIS_YEAR = LedgerClock.today().getYear();

    static WorkPeriod withWorkIn(Integer... years) {
        WorkPeriod w = new WorkPeriod();
        w.tasks =
                new TaskQueries() {
                    @Override
                    public List<Integer> yearsWithTasks() {
                        return List.of(years);
                    }
                };
        return w;
    }

    @Test
    void allTheWorkInLastYearsPlanOpensOnLastYear() {
        WorkPeriod w = withWorkIn(THIS_YEAR - 1);
        assertThat(w.year()).isEqualTo(THIS_YEAR - 1);
        assertThat(w.period(null)).isEqualTo(Period.year(THIS_YEAR - 1));
        assertThat(w.period("")).isEqualTo(Period.year(THIS_YEAR - 1));
        assertThat(w.years()).containsExactly(THIS_YEAR, THIS_YEAR - 1);
    }

    @Test
    void workThisYearOpensOnTheYearToDate() {
        assertThat(withWorkIn(THIS_YEAR - 1, THIS_YEAR).period(null))
                .isEqualTo(Period.yearToDate(THIS_YEAR));
        assertThat(withWorkIn().period(null)).isEqualTo(Period.yearToDate(THIS_YEAR));
    }

    @Test
    void anOlderPlanYearIsAmongTheChoicesAndAChosenPeriodIsKept() {
        WorkPeriod w = withWorkIn(THIS_YEAR - 3);
        assertThat(w.years()).containsExactly(THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 3);
        assertThat(w.period(THIS_YEAR + "-Q1")).isEqualTo(Period.quarter(THIS_YEAR, 1));
    }
}
