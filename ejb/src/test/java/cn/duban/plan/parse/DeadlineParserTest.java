package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            textBlock =
                    """
            全年                     | 2025-12-31 | YEAR_END_CONTINUOUS | NULL
            年底前                   | 2025-12-31 | YEAR_END_CONTINUOUS | NULL
            持续推进                 | 2025-12-31 | YEAR_END_CONTINUOUS | NULL
            8月                      | 2025-08-31 | BY_DATE             | NULL
            10月底前                 | 2025-10-31 | BY_DATE             | NULL
            3月31日前                | 2025-03-31 | BY_DATE             | NULL
            3 月 31 日前             | 2025-03-31 | BY_DATE             | NULL
            ３月３１日前             | 2025-03-31 | BY_DATE             | NULL
            6月中旬                  | 2025-06-20 | BY_DATE             | NULL
            9-10月                   | 2025-10-31 | BY_DATE             | NULL
            2026年1月底前            | 2026-01-31 | BY_DATE             | NULL
            十一月底前               | 2025-11-30 | BY_DATE             | NULL
            上半年                   | 2025-06-30 | PERIOD              | NULL
            下半年                   | 2025-12-31 | PERIOD              | NULL
            第三季度                 | 2025-09-30 | PERIOD              | NULL
            一季度                   | 2025-03-31 | PERIOD              | NULL
            每季度                   | 2025-12-31 | RECURRING           | QUARTERLY
            每月                     | 2025-12-31 | RECURRING           | MONTHLY
            每年8月                  | 2025-08-31 | RECURRING           | YEARLY
            年内至少1次              | 2025-12-31 | FREQUENCY           | AT_LEAST_1_PER_YEAR
            每年至少开展1次          | 2025-12-31 | FREQUENCY           | AT_LEAST_1_PER_YEAR
            年内至少开展两次         | 2025-12-31 | FREQUENCY           | AT_LEAST_2_PER_YEAR
            决策出台后10个工作日内   | 2025-12-31 | RELATIVE            | NULL
            根据上级部署             | 2025-12-31 | RELATIVE            | NULL
            2月30日前                | 2025-12-31 | RELATIVE            | NULL
            """)
    void phrases(String phrase, LocalDate date, DeadlineKind kind, String frequency) {
        Deadline d = DeadlineParser.parse(phrase, 2025);
        assertThat(d.date()).as(phrase).isEqualTo(date);
        assertThat(d.kind()).as(phrase).isEqualTo(kind);
        assertThat(d.frequency()).as(phrase).isEqualTo(frequency);
        assertThat(d.text()).isEqualTo(phrase.strip());
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {"NULL", "'   '"})
    void noPhraseIsTheYearEnd(String phrase) {
        assertThat(DeadlineParser.parse(phrase, 2025))
                .isEqualTo(
                        new Deadline(null, LocalDate.of(2025, 12, 31), DeadlineKind.DEFAULT, null));
    }
}
