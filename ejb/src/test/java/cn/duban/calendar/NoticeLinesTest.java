package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeLinesTest {

    @Test
    void readsDatesRangesAndBothKinds() {
        NoticeLines.Result r =
                NoticeLines.read(
                        2026,
                        "# 2026年\n2026-01-01 至 2026-01-03 休 元旦\n\n2026-01-04　班　元旦调休\n"
                                + "2026-06-19 ~ 2026-06-21 放假 端午节\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.adjustments()).hasSize(7);
        assertThat(r.adjustments().get(3))
                .isEqualTo(new Adjustment(LocalDate.of(2026, 1, 4), DayKind.WORKDAY, "元旦调休"));
    }

    @Test
    void everyBadLineIsNamedAndNothingIsRead() {
        NoticeLines.Result r =
                NoticeLines.read(
                        2026,
                        String.join(
                                "\n",
                                "2026-01-01 休 元旦",
                                "2026-13-01 休 错",
                                "2025-12-31 休 去年",
                                "2026-03-04 班 周三调休",
                                "2026-01-01 休 重复",
                                "2026-02-01 至 2026-03-15 休 太长",
                                "2026-02-02 歇 春节",
                                "2026-02-03 休",
                                "2026-02-05 休 " + "很".repeat(21)));
        assertThat(r.adjustments()).isEmpty();
        assertThat(r.errors())
                .extracting(cn.duban.platform.RowError::rowNumber)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(r.errors().get(2).message()).contains("周六或周日");
        assertThat(r.errors().get(3).message()).contains("两次");
    }

    @Test
    void writesWhatItReads() {
        String text = "2026-02-14 班 春节调休\n2026-02-15 至 2026-02-23 休 春节\n2026-02-28 班 春节调休\n";
        NoticeLines.Result r = NoticeLines.read(2026, text);
        assertThat(NoticeLines.write(r.adjustments())).isEqualTo(text);
    }

    @Test
    void aHugeTextIsRefusedQuickly() {
        String many = "2026-01-01 休 元旦\n".repeat(NoticeLines.MAX_LINES + 1);
        assertThat(NoticeLines.read(2026, many).errors()).hasSize(1);
        // One very long line: split and checked in linear time.
        String longLine = "2026-01-01 休 " + "x ".repeat(200_000);
        assertThat(NoticeLines.read(2026, longLine).errors()).hasSize(1);
    }
}
