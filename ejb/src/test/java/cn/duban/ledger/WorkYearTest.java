package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages open on the year that has work, not on an empty current year. */
class WorkYearTest {

    @Test
    void thisYearWhenItHasWorkElseThePlanYear() {
        assertThat(WorkYear.choose(2026, List.of(2025, 2026))).isEqualTo(2026);
        assertThat(WorkYear.choose(2026, List.of(2025)))
                .as("all the work is in the 2025 plan")
                .isEqualTo(2025);
        assertThat(WorkYear.choose(2026, List.of(2023, 2025, 2028))).isEqualTo(2025);
        assertThat(WorkYear.choose(2026, List.of(2028, 2027)))
                .as("only next year's plan so far")
                .isEqualTo(2027);
        assertThat(WorkYear.choose(2026, List.of())).isEqualTo(2026);
        assertThat(WorkYear.choose(2026, null)).isEqualTo(2026);
    }
}
