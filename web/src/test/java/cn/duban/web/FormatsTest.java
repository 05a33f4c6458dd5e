package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How pages write values: one formatter for every page. */
class FormatsTest {

    @Test
    void namesAreAChineseListOrAnEnglishOne() {
        assertThat(Formats.list(List.of("长寿路街道", "宜川路街道", "桃浦镇"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("长寿路街道、宜川路街道、桃浦镇");
        assertThat(Formats.list(List.of("Changshou Road", "Taopu"), Locale.ENGLISH))
                .isEqualTo("Changshou Road, Taopu");
        assertThat(Formats.list(List.of(), Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(Formats.list(null, Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    @Test
    void momentsShowInTheTenantsZoneInChineseForm() {
        Instant evening = Instant.parse("2026-11-29T19:25:24.486813Z");
        // 19:25 UTC is already the next morning in Beijing.
        assertThat(Formats.dateTime(evening, ZoneId.of("Asia/Shanghai"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2026年11月30日 03:25");
        assertThat(
                        Formats.dateTime(
                                Instant.parse("2026-11-29T11:25:00Z"),
                                null,
                                Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2026年11月29日 19:25");
        assertThat(
                        Formats.dateTime(
                                Instant.parse("2026-11-29T11:25:00Z"),
                                ZoneId.of("Asia/Shanghai"),
                                Locale.ENGLISH))
                .isEqualTo("2026-11-29 19:25");
        assertThat(
                        Formats.dateTime(
                                Instant.parse("2026-11-29T11:25:00Z"),
                                ZoneId.of("Asia/Urumqi"),
                                Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2026年11月29日 17:25");
        assertThat(Formats.date(evening, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-11-30");
        assertThat(Formats.date(LocalDate.of(2026, 1, 5))).isEqualTo("2026-01-05");
        assertThat(Formats.dateTime(null, null, null)).isEmpty();
    }

    @Test
    void typedDatesAreReadInTheFormsPeopleType() {
        LocalDate day = LocalDate.of(2026, 11, 29);
        for (String typed :
                List.of(
                        "2026-11-29",
                        " 2026/11/29 ",
                        "2026.11.29",
                        "2026年11月29日",
                        "2026年11月29号",
                        "20261129",
                        "２０２６－１１－２９")) {
            assertThat(Formats.parseDate(typed)).as(typed).isEqualTo(day);
        }
        assertThat(Formats.parseDate("2026-1-5")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(Formats.parseDate("")).isNull();
        assertThat(Formats.parseDate("   ")).isNull();
        for (String bad :
                List.of(
                        "2026-02-30",
                        "2026-13-01",
                        "11/29",
                        "明天",
                        "2026-11-29-1",
                        "2026--11",
                        "1-2-3",
                        "202611290",
                        "2026年11月",
                        "9".repeat(100_000))) {
            assertThatThrownBy(() -> Formats.parseDate(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void yearsInMessagesAreNotGrouped() {
        assertThat(MessageFormat.format("{0}年考核方案已保存为第{1}版。", Formats.messageArgs(2025, 3)))
                .isEqualTo("2025年考核方案已保存为第3版。");
        assertThat(MessageFormat.format("{0}年", 2025))
                .as("what MessageFormat does by itself")
                .isEqualTo("2,025年");
        assertThat(Formats.plain(2025)).isEqualTo("2025");
    }

    @Test
    void periodsAreNamedInThePagesLanguage() {
        var q3 = cn.duban.evaluation.Period.parse("2026-Q3");
        assertThat(Formats.period(q3, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年第三季度");
        assertThat(Formats.period(q3, Locale.ENGLISH)).isEqualTo("Q3 2026");
        assertThat(Formats.period(cn.duban.evaluation.Period.parse("2026-03"), Locale.ENGLISH))
                .isEqualTo("March 2026");
        assertThat(Formats.period(cn.duban.evaluation.Period.parse("2026-YTD"), Locale.ENGLISH))
                .isEqualTo("2026 to date");
        assertThat(Formats.period(cn.duban.evaluation.Period.parse("2026"), Locale.ENGLISH))
                .isEqualTo("Year 2026");
    }
}
