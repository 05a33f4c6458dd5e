package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on the three real seeds and on documents of the same family in other shapes. */
class PlanParserTest {

    private static final PlanParser PARSER = new PlanParser();

    static String resource(String name) throws IOException {
        try (InputStream in = PlanParserTest.class.getResourceAsStream("/plans/" + name)) {
            return TextDecoder.decode(in.readAllBytes());
        }
    }

    static ParsedPlan parse(String name) throws IOException {
        return PARSER.parse(resource(name), ParseOptions.defaults());
    }

    static List<Point> all(ParsedPlan plan) {
        List<Point> out = new ArrayList<>();
        plan.sections().forEach(s -> collect(s.points(), out));
        return out;
    }

    private static void collect(List<Point> points, List<Point> out) {
        for (Point p : points) {
            out.add(p);
            collect(p.children(), out);
        }
    }

    static Point point(ParsedPlan plan, String number) {
        return all(plan).stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow();
    }

    static List<String> unitNames(Point p) {
        return p.units().stream().map(UnitRef::name).toList();
    }

    @Test
    void districtSeed() throws IOException {
        ParsedPlan plan = parse("putuo-district-2025.txt");
        assertThat(plan.title()).isEqualTo("2025年上海市普陀区政务公开工作要点");
        assertThat(plan.issuer()).isEqualTo("上海市普陀区人民政府办公室");
        assertThat(plan.level()).isEqualTo(PlanLevel.DISTRICT);
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 5, 20));
        assertThat(plan.sections()).extracting(Section::number).containsExactly("一", "二", "三", "四");
        assertThat(plan.sections()).extracting(s -> s.points().size()).containsExactly(5, 14, 5, 7);
        assertThat(all(plan))
                .extracting(Point::number)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 31)
                                .mapToObj(String::valueOf)
                                .toList());
        assertThat(plan.warnings()).isEmpty();

        Point p1 = point(plan, "1");
        assertThat(p1.title()).startsWith("围绕经济社会发展主要任务深化信息公开,聚焦").doesNotContain("责任单位");
        assertThat(p1.text()).contains("(责任单位:区发改委");
        assertThat(unitNames(p1)).startsWith("区发改委", "沿沪宁专项机制办").endsWith("区数据局", "相关部门");
        assertThat(p1.units().get(0).role()).isEqualTo(UnitRole.LEAD);
        assertThat(p1.units().get(1).role()).isEqualTo(UnitRole.COOPERATING);
        assertThat(p1.units().get(p1.units().size() - 1).collective()).isTrue();

        Point p19 = point(plan, "19");
        assertThat(unitNames(p19)).containsExactly("区司法局", "区发改委", "区数据局", "各行政执法部门", "各街镇");
        assertThat(p19.units())
                .filteredOn(UnitRef::collective)
                .extracting(UnitRef::name)
                .containsExactly("各行政执法部门", "各街镇");

        assertThat(point(plan, "5").title()).isEqualTo("严格执行公文公开属性审查和发布审查程序");
        assertThat(point(plan, "20").deadline())
                .isEqualTo(
                        new Deadline("8月", LocalDate.of(2025, 8, 31), DeadlineKind.BY_DATE, null));
        assertThat(point(plan, "22").deadline().date()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(point(plan, "31").deadline().kind()).isEqualTo(DeadlineKind.YEAR_END_CONTINUOUS);
        assertThat(all(plan)).allSatisfy(p -> assertThat(p.units()).isNotEmpty());
    }

    @Test
    void citySeedFromAWebPage() throws IOException {
        ParsedPlan plan = parse("huludao-city-2024.txt");
        assertThat(plan.title()).isEqualTo("葫芦岛市2024年政务公开工作要点");
        assertThat(plan.level()).isEqualTo(PlanLevel.CITY);
        assertThat(plan.year()).isEqualTo(2024);
        assertThat(plan.docNumber()).isEqualTo("葫政办公开〔2024〕10号");
        assertThat(plan.issuer()).isEqualTo("葫芦岛市政务公开领导小组办公室");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 7, 19));
        assertThat(plan.sections()).hasSize(6);
        assertThat(plan.sections())
                .extracting(s -> s.points().size())
                .containsExactly(3, 6, 3, 5, 3, 3);
        assertThat(all(plan)).hasSize(23);
        assertThat(point(plan, "3").title()).isEqualTo("统筹政务公开与风险防范工作");
        assertThat(point(plan, "23").title()).isEqualTo("强化绩效考核");
        assertThat(point(plan, "21").deadline().kind()).isEqualTo(DeadlineKind.FREQUENCY);
        assertThat(point(plan, "21").deadline().frequency()).isEqualTo("AT_LEAST_1_PER_YEAR");
        // Chrome and furniture never become points or text.
        assertThat(all(plan))
                .noneMatch(
                        p ->
                                p.text().contains("责任编辑")
                                        || p.text().contains("此件公开发布")
                                        || p.text().contains("葫芦岛市政务公开领导小组办公室2024"));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void townSeedWithNumberingRestartingPerSection() throws IOException {
        ParsedPlan plan = parse("anting-town-2025.txt");
        assertThat(plan.title()).isEqualTo("2025年安亭镇政务公开工作要点");
        assertThat(plan.level()).isEqualTo(PlanLevel.TOWN);
        // The page's 发布机构 label names the publisher.
        assertThat(plan.issuer()).isEqualTo("安亭镇");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 5, 16));
        assertThat(plan.sections())
                .extracting(s -> s.points().size())
                .containsExactly(4, 2, 4, 4, 3);
        assertThat(plan.sections().get(1).points())
                .extracting(Point::number)
                .containsExactly("(一)", "(二)");
        assertThat(plan.sections().get(3).points().get(3).deadline())
                .isEqualTo(
                        new Deadline(
                                "每年8月",
                                LocalDate.of(2025, 8, 31),
                                DeadlineKind.RECURRING,
                                "YEARLY"));
        assertThat(plan.sections().get(3).points().get(1).deadline().date())
                .isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void webScrapeWithChromeAndAllAnnotationStyles() throws IOException {
        ParsedPlan plan = parse("web-scrape-district-2024.txt");
        assertThat(plan.title()).isEqualTo("闵行区2024年法治政府建设工作要点");
        assertThat(plan.issuer()).isEqualTo("上海市闵行区人民政府办公室");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(all(plan)).hasSize(5);
        Point p1 = point(plan, "1");
        assertThat(p1.units())
                .containsExactly(
                        new UnitRef("区司法局", false, UnitRole.LEAD),
                        new UnitRef("各部门", true, UnitRole.COOPERATING),
                        new UnitRef("各街镇", true, UnitRole.COOPERATING));
        assertThat(unitNames(point(plan, "2"))).containsExactly("区委组织部", "区司法局");
        assertThat(point(plan, "2").deadline().frequency()).isEqualTo("AT_LEAST_1_PER_YEAR");
        assertThat(point(plan, "3").deadline().kind()).isEqualTo(DeadlineKind.RELATIVE);
        assertThat(point(plan, "3").deadline().text()).isEqualTo("决策出台后10个工作日内");
        Point p4 = point(plan, "4");
        assertThat(p4.deadline().date()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(p4.milestones())
                .containsExactly(new Milestone("6月底前完成清理方案制定", LocalDate.of(2024, 6, 30)));
        assertThat(point(plan, "5").deadline().frequency()).isEqualTo("QUARTERLY");
        assertThat(all(plan)).noneMatch(p -> p.text().contains("分享到") || p.text().contains("版权所有"));
    }

    @Test
    void gbkFileReadsLikeItsUtf8Original() throws IOException {
        assertThat(parse("gbk-web-scrape-district-2024.txt"))
                .isEqualTo(parse("web-scrape-district-2024.txt"));
    }

    @Test
    void markdownHeadingsAndBoldMarkers() throws IOException {
        ParsedPlan plan = parse("markdown-town-2025.md");
        assertThat(plan.title()).isEqualTo("长风新村街道2025年营商环境工作计划");
        assertThat(plan.level()).isEqualTo(PlanLevel.TOWN);
        assertThat(all(plan))
                .extracting(Point::title)
                .containsExactly("推行“一件事”集成服务", "提升窗口服务质效", "建立重点企业联系机制", "做好惠企政策直达");
        assertThat(point(plan, "1").deadline().date()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(point(plan, "2").deadline().kind()).isEqualTo(DeadlineKind.PERIOD);
        assertThat(point(plan, "3").units())
                .containsExactly(
                        new UnitRef("营商办", false, UnitRole.LEAD),
                        new UnitRef("各社区", true, UnitRole.COOPERATING));
        assertThat(point(plan, "4").deadline().date()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void brokenLinesPageNumbersAndNestedRestartingNumbering() throws IOException {
        ParsedPlan plan = parse("broken-lines-district-2025.txt");
        assertThat(plan.sections()).hasSize(2);
        Section first = plan.sections().get(0);
        assertThat(first.points()).extracting(Point::number).containsExactly("(一)", "(二)");
        Point p = first.points().get(0).children().get(0);
        assertThat(p.title()).isEqualTo("推进千兆光网和5G网络深度覆盖，重点区域实现连续覆盖，新建5G基站不少于200个");
        assertThat(unitNames(p)).containsExactly("区数据局", "区科委");
        assertThat(first.points().get(0).children().get(1).deadline().date())
                .isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(first.points().get(1).children()).hasSize(1);
        Point last = plan.sections().get(1).points().get(0).children().get(1);
        assertThat(last.units()).extracting(UnitRef::name).containsExactly("区城运中心", "各街镇");
        assertThat(last.text()).doesNotContain("抄送").doesNotContain("印发").doesNotContain("- 3 -");
        assertThat(plan.issuer()).isEqualTo("上海市普陀区人民政府办公室");
    }

    @Test
    void taskTables() throws IOException {
        ParsedPlan plan = parse("table-town-2025.txt");
        assertThat(plan.level()).isEqualTo(PlanLevel.TOWN);
        assertThat(all(plan)).hasSize(3);
        Point p1 = point(plan, "1");
        assertThat(p1.title()).isEqualTo("完成社区养老服务中心改造，新增养老床位50张");
        assertThat(p1.units())
                .containsExactly(
                        new UnitRef("街道社区服务办", false, UnitRole.LEAD),
                        new UnitRef("街道财务办", false, UnitRole.COOPERATING),
                        new UnitRef("各居委会", true, UnitRole.COOPERATING));
        assertThat(p1.deadline().date()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(point(plan, "3").deadline().date()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void badInputIsRefusedWithAStableCode() {
        assertThatThrownBy(() -> PARSER.parse("  \n ", ParseOptions.defaults()))
                .isInstanceOf(PlanParseException.class)
                .extracting("code")
                .isEqualTo("EMPTY");
        assertThatThrownBy(() -> PARSER.parse("一段没有编号的文字。\n又一段。", ParseOptions.defaults()))
                .isInstanceOf(PlanParseException.class)
                .extracting("code")
                .isEqualTo("NO_NUMBERING");
        assertThatThrownBy(() -> TextDecoder.decode(new byte[] {0, 1, 2, 3, 0, 5}))
                .isInstanceOf(PlanParseException.class)
                .extracting("code")
                .isEqualTo("ENCODING");
    }

    @Test
    void optionsWinOverTheText() throws IOException {
        ParsedPlan plan =
                PARSER.parse(
                        resource("putuo-district-2025.txt"),
                        new ParseOptions(2026, PlanLevel.CITY));
        assertThat(plan.year()).isEqualTo(2026);
        assertThat(plan.level()).isEqualTo(PlanLevel.CITY);
        assertThat(point(plan, "20").deadline().date()).isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void decoderDetectsEncodings() {
        String text = "一、工作要点（责任单位：区府办）";
        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(TextDecoder.decode(text.getBytes(Charset.forName("GBK")))).isEqualTo(text);
        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16))).isEqualTo(text);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(bom)).isEqualTo(text);
    }
}
