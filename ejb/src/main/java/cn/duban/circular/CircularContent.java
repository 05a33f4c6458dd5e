package cn.duban.circular;

import cn.duban.evaluation.Standings;
import cn.duban.evaluation.UnitScore;
import cn.duban.ledger.escalation.EscalationQueries;
import cn.duban.plan.TaskSource;
import cn.duban.printing.Circular.OverdueRow;
import cn.duban.printing.Circular.PraisedUnits;
import cn.duban.printing.Circular.RankingGroup;
import cn.duban.printing.Circular.RankingRow;
import cn.duban.printing.Circular.Signature;
import cn.duban.printing.Circular.Summary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a circular's content from a period's standings and the overdue tasks: plain Java. */
final class CircularContent {

    /** A task still open after its deadline, to be named (点名). */
    record OverdueTask(String unitName, String title, LocalDate deadline, TaskSource source) {
        OverdueTask(String unitName, String title, LocalDate deadline) {
            this(unitName, title, deadline, TaskSource.PLAN);
        }

        /** The title a circular names, a matter's with its source: 【领导批示】…. */
        String named() {
            return source == null || !source.matter() ? title : "【" + source.label() + "】" + title;
        }
    }

    private CircularContent() {}

    /**
     * A town's draft wording (issue 21): the town issues it to its 下级单位 under its own office and
     * prefix (长寿路街道 → 长寿路街道办事处, 长街督通; 安亭镇 → 安亭镇人民政府, 安镇督通).
     */
    static CircularEdit townFields(String town, String periodLabel) {
        boolean street = town.endsWith("街道");
        String office = street ? town + "办事处" : town + "人民政府";
        String prefix = town.charAt(0) + (street ? "街" : "镇") + "督通";
        return new CircularEdit(
                office,
                prefix,
                "关于" + periodLabel + "重点工作落实情况的通报",
                "各科室，各居（村）委会",
                "以下单位本期任务全部按时完成，予以通报表扬",
                "一、对照任务台账，逐项梳理逾期任务，明确整改时限和责任人，尽快完成。\n\n"
                        + "二、被点名单位须在3个工作日内书面说明逾期原因及整改措施。\n\n"
                        + "三、各单位要按时报送进展情况并上传佐证材料，"
                        + (street ? "街道" : "镇")
                        + "将持续跟踪督办，结果纳入年度考核。");
    }

    /**
     * The 文号: issuing office's prefix, the year of issue, the sequence within that year (GB/T
     * 9704-2012, 7.2.4). The year is the issue date's, whatever period the circular reports on.
     */
    static String docNumber(String prefix, LocalDate issued, int seq) {
        return prefix + "〔" + issued.getYear() + "〕" + seq + "号";
    }

    /** The number a draft shows: the year it would be issued today, the sequence left open. */
    static String openNumber(String prefix, LocalDate today) {
        return prefix + "〔" + today.getYear() + "〕 号";
    }

    static cn.duban.printing.Circular build(
            CircularEdit f,
            String docNumber,
            LocalDate issueDate,
            Standings standings,
            List<OverdueTask> overdue) {
        return build(f, docNumber, issueDate, standings, overdue, null, null, null);
    }

    /**
     * With the audit chain head to print in the footer (issued circulars) and the open tasks'
     * colours that close the 总体情况 paragraph (either may be null).
     */
    static cn.duban.printing.Circular build(
            CircularEdit f,
            String docNumber,
            LocalDate issueDate,
            Standings standings,
            List<OverdueTask> overdue,
            cn.duban.printing.Circular.AuditAnchor anchor,
            cn.duban.printing.Circular.Colours colours,
            String supervised) {
        int tasks = 0, completed = 0, onTime = 0, late = 0;
        Map<String, List<RankingRow>> groups = new LinkedHashMap<>();
        List<String> praised = new ArrayList<>();
        for (UnitScore u : standings.units()) {
            tasks += u.tasks();
            completed += u.completed();
            onTime += u.onTime();
            late += u.overdue();
            if (u.rank() == null) continue;
            groups.computeIfAbsent(u.group(), g -> new ArrayList<>())
                    .add(
                            new RankingRow(
                                    u.rank(),
                                    u.unitName(),
                                    u.score(),
                                    zeroIfNull(u.completionRate()),
                                    zeroIfNull(u.onTimeRate()),
                                    u.overdue()));
            // Praise is earned, not ranked: every task counted in the period done on time.
            if (u.tasks() > 0 && u.onTime() == u.tasks()) praised.add(u.unitName());
        }
        List<RankingGroup> rankings = new ArrayList<>();
        groups.forEach((name, rows) -> rankings.add(new RankingGroup(name, rows)));
        BigDecimal rate =
                tasks == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(completed * 100L)
                                .divide(BigDecimal.valueOf(tasks), 1, RoundingMode.HALF_UP);
        LocalDate asOf = standings.asOf();
        List<OverdueRow> named =
                overdue.stream()
                        .map(
                                t ->
                                        new OverdueRow(
                                                t.unitName(),
                                                t.named(),
                                                t.deadline(),
                                                (int)
                                                        Math.max(
                                                                0,
                                                                ChronoUnit.DAYS.between(
                                                                        t.deadline(), asOf))))
                        .toList();
        return new cn.duban.printing.Circular(
                f.issuingOffice(),
                docNumber,
                issueDate,
                f.title(),
                f.recipients(),
                standings.label(),
                new Summary(tasks, completed, onTime, late, rate),
                rankings,
                new PraisedUnits(praised, f.praiseReason()),
                named,
                f.nextSteps(),
                new Signature(f.issuingOffice(), issueDate),
                anchor,
                colours,
                supervised);
    }

    /**
     * The 点名通报 of the escalation ladder as one sentence under 逾期任务点名, or null when no task has
     * reached that rung since the last circular.
     */
    static String supervised(List<EscalationQueries.ToName> named, LocalDate asOf) {
        if (named.isEmpty()) return null;
        StringBuilder out = new StringBuilder("经逐级督办仍未办结，予以点名通报：");
        for (int i = 0; i < named.size(); i++) {
            EscalationQueries.ToName n = named.get(i);
            if (i > 0) out.append("；");
            out.append(n.unitName()).append("“").append(n.taskTitle()).append("”（");
            if (n.docNumber() != null) out.append("督办单").append(n.docNumber()).append("，");
            out.append("已逾期")
                    .append(Math.max(0, ChronoUnit.DAYS.between(n.deadline(), asOf)))
                    .append("天）");
        }
        return out.append("。").toString();
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
