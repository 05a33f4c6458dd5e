package cn.duban.circular;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.SchemeType;
import cn.duban.evaluation.Standings;
import cn.duban.evaluation.UnitScore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CircularContentTest {

    static UnitScore unit(
            String name,
            String group,
            String score,
            Integer rank,
            int tasks,
            int completed,
            int onTime,
            int overdue) {
        return new UnitScore(
                UUID.randomUUID(),
                name,
                group,
                score == null ? null : new BigDecimal(score),
                null,
                null,
                null,
                null,
                rank,
                tasks,
                completed,
                onTime,
                overdue,
                List.of());
    }

    @Test
    void aDocNumberCarriesTheYearOfIssueNotThePeriods() {
        // A circular on 2025-Q4 issued on 8 January 2026 (GB/T 9704-2012: 年份 is the year of issue).
        assertThat(CircularContent.docNumber("普府办通", LocalDate.of(2026, 1, 8), 1))
                .isEqualTo("普府办通〔2026〕1号");
        assertThat(CircularContent.openNumber("普府办通", LocalDate.of(2026, 1, 8)))
                .isEqualTo("普府办通〔2026〕 号");
    }

    @Test
    void figuresRankingsPraiseAndNamedTasks() {
        Standings standings =
                new Standings(
                        "2026-Q3",
                        "2026年第三季度",
                        LocalDate.of(2026, 9, 30),
                        new Standings.SchemeRef(
                                UUID.randomUUID(),
                                "考核方案",
                                1,
                                SchemeType.COMPLETION,
                                new BigDecimal("5")),
                        null,
                        List.of(
                                unit("长寿路街道", "街镇组", "100.00", 1, 4, 4, 4, 0),
                                unit("宜川路街道", "街镇组", "100.00", 1, 2, 2, 1, 0),
                                unit("桃浦镇", "街镇组", "40.00", 3, 5, 2, 2, 3),
                                unit("区数据局", "部门组", "90.00", 1, 3, 3, 3, 0),
                                unit("区财政局", "部门组", null, null, 0, 0, 0, 0)));
        CircularEdit fields =
                new CircularEdit(
                        "上海市普陀区人民政府办公室",
                        "普府办通",
                        "关于2026年第三季度工作要点落实情况的通报",
                        null,
                        "以下单位本期任务全部按时完成，予以通报表扬",
                        "一、抓紧整改。");
        var overdue =
                List.of(
                        new CircularContent.OverdueTask(
                                "桃浦镇", "推进政务公开专区建设", LocalDate.of(2026, 9, 10)));

        cn.duban.printing.Circular c =
                CircularContent.build(
                        fields,
                        CircularContent.docNumber("普府办通", LocalDate.of(2026, 10, 8), 7),
                        LocalDate.of(2026, 10, 8),
                        standings,
                        overdue);

        assertThat(c.docNumber()).isEqualTo("普府办通〔2026〕7号");
        assertThat(c.summary())
                .isEqualTo(
                        new cn.duban.printing.Circular.Summary(
                                14, 11, 10, 3, new BigDecimal("78.6")));
        assertThat(c.rankingGroups())
                .extracting(cn.duban.printing.Circular.RankingGroup::groupName)
                .containsExactly("街镇组", "部门组");
        assertThat(c.rankingGroups().get(0).rows())
                .extracting(cn.duban.printing.Circular.RankingRow::unitName)
                .containsExactly("长寿路街道", "宜川路街道", "桃浦镇");
        assertThat(c.rankingGroups().get(1).rows()).hasSize(1); // an unscored unit is not ranked
        // Praise needs every counted task done on time, not a first place: 宜川路街道 shares first but
        // finished one late.
        assertThat(c.praisedUnits().unitNames()).containsExactly("长寿路街道", "区数据局");
        assertThat(c.overdueRows())
                .singleElement()
                .satisfies(r -> assertThat(r.daysOverdue()).isEqualTo(20));
        assertThat(c.signature().officeName()).isEqualTo("上海市普陀区人民政府办公室");
    }

    @Test
    void aTownIssuesUnderItsOwnOfficeAndPrefixToItsSubUnits() {
        CircularEdit street = CircularContent.townFields("长寿路街道", "2026年11月");
        assertThat(street.issuingOffice()).isEqualTo("长寿路街道办事处");
        assertThat(street.docPrefix()).isEqualTo("长街督通");
        assertThat(street.title()).isEqualTo("关于2026年11月重点工作落实情况的通报");
        assertThat(street.recipients()).isEqualTo("各科室，各居（村）委会");
        assertThat(street.nextSteps()).contains("街道将持续跟踪督办").doesNotContain("区府办");
        CircularEdit town = CircularContent.townFields("安亭镇", "2026年度");
        assertThat(town.issuingOffice()).isEqualTo("安亭镇人民政府");
        assertThat(town.docPrefix()).isEqualTo("安镇督通");
        assertThat(town.nextSteps()).contains("镇将持续跟踪督办");
        // Valid as a draft is checked before issuing.
        assertThat(town.validated()).isEqualTo(town);
        assertThat(CircularContent.docNumber(town.docPrefix(), LocalDate.of(2026, 12, 1), 1))
                .isEqualTo("安镇督通〔2026〕1号");
    }
}
