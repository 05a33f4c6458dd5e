package cn.duban.printing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic report inputs for a Shanghai Putuo district office, small and large. */
final class SampleDocuments {

    static final List<String> STREETS =
            List.of(
                    "长寿路街道", "曹杨新村街道", "长风新村街道", "宜川路街道", "甘泉路街道", "石泉路街道", "真如镇街道", "万里街道", "长征镇",
                    "桃浦镇");

    static final List<String> DEPARTMENTS =
            List.of(
                    "区发展改革委",
                    "区教育局",
                    "区科委",
                    "区民政局",
                    "区司法局",
                    "区财政局",
                    "区人力资源社会保障局",
                    "区规划资源局",
                    "区生态环境局",
                    "区建设管理委",
                    "区房管局",
                    "区商务委",
                    "区文化旅游局",
                    "区卫生健康委",
                    "区退役军人局",
                    "区应急管理局",
                    "区审计局",
                    "区国资委",
                    "区市场监管局",
                    "区统计局",
                    "区医保局",
                    "区绿化市容局",
                    "区数据局",
                    "区城管执法局",
                    "区政务服务办",
                    "区信访办",
                    "区民防办",
                    "区体育局",
                    "区金融办",
                    "区合作交流办",
                    "区投资促进办",
                    "区档案局",
                    "区机管局",
                    "区民宗办",
                    "区侨办",
                    "区科协",
                    "区总工会",
                    "团区委",
                    "区妇联",
                    "区残联",
                    "区红十字会",
                    "区税务局",
                    "区公安分局",
                    "区消防救援支队",
                    "区地区办",
                    "区融媒体中心",
                    "区住房保障中心",
                    "区河长办",
                    "区交通中心",
                    "区大数据中心");

    static final List<String> TASKS =
            List.of(
                    "完成政府信息公开工作年度报告编制并按时发布",
                    "更新重点领域基础信息清单",
                    "围绕“一网通办”改革要求，完善政务服务事项办事指南并同步更新至区政府门户网站",
                    "落实政策解读“三同步”要求",
                    "开展政务公开标准化规范化建设“回头看”",
                    "规范依申请公开答复文书格式，建立疑难件会商机制",
                    "推进决策预公开，重大行政决策草案公开征求意见",
                    "梳理“高效办成一件事”重点事项清单",
                    "建设政府开放日活动常态化机制",
                    "完善12345市民服务热线工单办理质效评估");

    static final String NEXT_STEPS =
            """
            一要压实工作责任。各单位主要负责同志要亲自部署、亲自协调，对照年度工作要点逐项梳理，确保任务按期完成。

            二要抓好逾期整改。被点名单位要在10个工作日内书面报送整改情况，明确整改时限和责任人，区政府办公室将跟踪督办。
            三要强化结果运用。本期考核结果纳入年度绩效考核，对连续两期排名靠后的单位进行约谈。
            """;

    private SampleDocuments() {}

    /** A circular with a few units per group, as in a quiet quarter. */
    static Circular smallCircular() {
        return circular(STREETS.subList(0, 6), DEPARTMENTS.subList(0, 8), 6);
    }

    /** 60 units in two groups and 200 overdue tasks: the worst case the circular must paginate. */
    static Circular largeCircular() {
        return circular(STREETS, DEPARTMENTS, 200);
    }

    static Circular circular(List<String> streets, List<String> departments, int overdueCount) {
        List<Circular.OverdueRow> overdue = new ArrayList<>();
        List<String> units = new ArrayList<>(streets);
        units.addAll(departments);
        LocalDate deadline = LocalDate.of(2026, 9, 30);
        for (int i = 0; i < overdueCount; i++) {
            overdue.add(
                    new Circular.OverdueRow(
                            units.get(i % units.size()),
                            TASKS.get(i % TASKS.size()),
                            deadline.minusDays(i % 45),
                            15 + i % 45));
        }
        return new Circular(
                "上海市普陀区人民政府办公室",
                "普府办通〔2026〕3号",
                LocalDate.of(2026, 10, 15),
                "关于2026年第三季度政务公开工作要点落实情况的通报",
                "各街道办事处、镇人民政府，区政府各委、办、局",
                "2026年第三季度",
                new Circular.Summary(412, 377, 351, 35, new BigDecimal("91.5")),
                List.of(group("街镇组", streets, 0), group("部门组", departments, 3)),
                new Circular.PraisedUnits(
                        List.of("长寿路街道", "宜川路街道", "区数据局", "区财政局"), "以下单位本期任务全部按时完成且质量较高，予以通报表扬"),
                overdue,
                NEXT_STEPS,
                new Circular.Signature("上海市普陀区人民政府办公室", LocalDate.of(2026, 10, 15)),
                null,
                new Circular.Colours(LocalDate.of(2026, 10, 15), 7, 12, 16),
                "经逐级督办仍未办结，予以点名通报：长寿路街道“3 推进老旧小区加装电梯”（督办单普府办督〔2026〕3号，已逾期30天）。");
    }

    private static Circular.RankingGroup group(String name, List<String> units, int seed) {
        List<Circular.RankingRow> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            BigDecimal score =
                    new BigDecimal("98.75")
                            .subtract(new BigDecimal("0.37").multiply(BigDecimal.valueOf(i)));
            BigDecimal completion = BigDecimal.valueOf(1000 - 7 * i - seed, 1);
            BigDecimal onTime =
                    completion.subtract(BigDecimal.valueOf(i % 5, 0)).max(BigDecimal.ZERO);
            rows.add(
                    new Circular.RankingRow(
                            i + 1,
                            units.get(i),
                            score.setScale(2, RoundingMode.HALF_UP),
                            completion,
                            onTime,
                            i / 4));
        }
        return new Circular.RankingGroup(name, rows);
    }

    static UnitLedger ledger() {
        List<UnitLedger.Row> rows = new ArrayList<>();
        String[] sections = {"（一）深化重点领域信息公开", "（二）加强政策解读和回应关切", "（三）提升政务公开平台效能"};
        String[] statuses = {"已完成", "推进中", "已逾期"};
        for (int i = 0; i < 24; i++) {
            rows.add(
                    new UnitLedger.Row(
                            sections[i % 3],
                            TASKS.get(i % TASKS.size()),
                            i % 4 == 0 ? "配合" : "牵头",
                            i % 5 == 0 ? "长期坚持" : "2026年" + (i % 12 + 1) + "月底前",
                            i % 3 == 1
                                    ? null
                                    : "已召开专题会议研究部署，形成工作方案；第" + (i + 1) + "批材料已报送区政府办公室审核。",
                            statuses[i % 3]));
        }
        return new UnitLedger("2026年政务公开工作要点任务台账", "宜川路街道", LocalDate.of(2026, 10, 16), rows);
    }

    static ScoreBreakdown breakdown() {
        return new ScoreBreakdown(
                "长寿路街道",
                "2026年度政务公开工作考核方案",
                "2026年第三季度",
                new BigDecimal("91.35"),
                3,
                "街镇组",
                List.of(
                        new ScoreBreakdown.Line(
                                "任务完成率", TASKS.get(0), "按时完成得满分", new BigDecimal("30.00")),
                        new ScoreBreakdown.Line(
                                "任务完成率", TASKS.get(1), "逾期完成，每逾期1天扣0.5分", new BigDecimal("26.50")),
                        new ScoreBreakdown.Line(
                                "信息发布质量",
                                TASKS.get(2),
                                "内容准确规范得满分，差错1处扣1分",
                                new BigDecimal("19.00")),
                        new ScoreBreakdown.Line(
                                "政策解读", TASKS.get(3), "同步解读率100%得满分", new BigDecimal("15.35"))),
                List.of(
                        new ScoreBreakdown.Adjustment("经验做法被市政府办公厅简报刊发", new BigDecimal("2.00")),
                        new ScoreBreakdown.Adjustment("政府信箱1件来信超期答复", new BigDecimal("-1.50"))));
    }
}
