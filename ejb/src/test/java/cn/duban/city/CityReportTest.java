package cn.duban.city;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Sha256;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CityReportTest {

    static CityReport report(String district, String name, List<String> answerToPoint1) {
        return new CityReport(
                district,
                name,
                "sh",
                "上海市",
                2026,
                new CityReport.Standing(
                        "2026-Q1",
                        1,
                        "2026-04-01T02:00:00Z",
                        "a".repeat(64),
                        List.of(
                                new CityReport.Ranked(
                                        "长寿路街道", "街镇组", 1, new BigDecimal("98.50"), 10, 9, 1))),
                List.of(
                        new CityReport.IssuedCircular(
                                "普府办通〔2026〕1号",
                                "关于<script>一季度</script>的通报",
                                "2026-Q1",
                                "2026-04-02T01:00:00Z",
                                "b".repeat(64))),
                List.of(
                        new CityReport.CoveredPoint("上海市要点", "一", "1", "数据共享", answerToPoint1),
                        new CityReport.CoveredPoint("上海市要点", "一", "2", "政务公开", List.of())),
                new CityReport.Progress(
                        12,
                        5,
                        2,
                        List.of(
                                new CityReport.PointProgress(
                                        "普陀区要点", "一", "3", "建设平台", 12, 5, 2, 61))));
    }

    @Test
    void theContentReadsBackAsItWasWrittenAndTheSameFiguresGiveTheSameHash() {
        CityReport r = report("putuo", "普陀区", List.of("3", "4"));
        String json = r.toJson();
        CityReport back = CityReport.parse(json);
        assertThat(back).isEqualTo(r);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(Sha256.hex(report("putuo", "普陀区", List.of("3", "4")).toJson()))
                .isEqualTo(Sha256.hex(json));
        assertThat(Sha256.hex(report("putuo", "普陀区", List.of("3")).toJson()))
                .isNotEqualTo(Sha256.hex(json));
        assertThat(json).startsWith("{\"format\":1,\"district\":\"putuo\"");
        assertThat(back.pointsCovered()).isEqualTo(1);
        assertThat(back.progress().completionRate()).isEqualByComparingTo("41.6");
    }

    @Test
    void withoutAStandingOrTasksTheFiguresAreEmptyNotBroken() {
        CityReport empty =
                new CityReport(
                        "jiading",
                        "嘉定区",
                        "sh",
                        "上海市",
                        2026,
                        null,
                        List.of(),
                        List.of(),
                        new CityReport.Progress(0, 0, 0, List.of()));
        CityReport back = CityReport.parse(empty.toJson());
        assertThat(back.standing()).isNull();
        assertThat(back.progress().completionRate()).isEqualByComparingTo("0");
        assertThat(back.pointsCovered()).isZero();
    }

    @Test
    void theCitysPointsLineUpAcrossDistricts() {
        Map<String, CityReport> byDistrict = new LinkedHashMap<>();
        byDistrict.put("putuo", report("putuo", "普陀区", List.of("3")));
        byDistrict.put("jiading", report("jiading", "嘉定区", List.of()));
        List<CityReport.CoverageRow> rows = CityReport.coverageAcross(byDistrict);
        assertThat(rows).extracting(CityReport.CoverageRow::number).containsExactly("1", "2");
        assertThat(rows.get(0).byDistrict()).containsEntry("putuo", List.of("3"));
        assertThat(rows.get(0).coveredBy(List.of("putuo", "jiading"))).isEqualTo(1);
        assertThat(rows.get(1).coveredBy(List.of("putuo", "jiading"))).isZero();
    }
}
