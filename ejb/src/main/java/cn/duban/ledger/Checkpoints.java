package cn.duban.ledger;

import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.Milestone;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints (阶段节点) of a task: the dated milestones named in the point's text and the report
 * dates of a frequency rule (每季度, 每半年, 每月, 年内至少N次). The deadline itself is the last checkpoint and
 * is not repeated; checkpoints on or after it are dropped.
 */
public final class Checkpoints {

    /** A checkpoint to create: what is due, and when. */
    public record Planned(String label, LocalDate due) {}

    private static final Pattern AT_LEAST = Pattern.compile("AT_LEAST_(\\d+)_PER_YEAR");
    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};
    private static final int MAX_LABEL = 300;

    private Checkpoints() {}

    public static List<Planned> of(
            DeadlineKind kind, String frequency, LocalDate deadline, List<Milestone> milestones) {
        int year = deadline.getYear();
        TreeMap<LocalDate, String> byDate = new TreeMap<>();
        for (Milestone m : milestones) {
            if (m.date() != null && m.date().isBefore(deadline))
                byDate.putIfAbsent(m.date(), label(m.text()));
        }
        if (kind == DeadlineKind.RECURRING || kind == DeadlineKind.FREQUENCY) {
            for (Planned p : recurring(frequency, year)) {
                if (p.due().isBefore(deadline)) byDate.putIfAbsent(p.due(), p.label());
            }
        }
        List<Planned> out = new ArrayList<>();
        byDate.forEach((date, label) -> out.add(new Planned(label, date)));
        out.sort(Comparator.comparing(Planned::due));
        return out;
    }

    private static List<Planned> recurring(String frequency, int year) {
        List<Planned> out = new ArrayList<>();
        if (frequency == null) return out;
        switch (frequency) {
            case "QUARTERLY" -> {
                for (int q = 1; q <= 4; q++)
                    out.add(new Planned(QUARTERS[q - 1] + "进展报送", monthEnd(year, q * 3)));
            }
            case "HALF_YEARLY" -> {
                out.add(new Planned("上半年进展报送", monthEnd(year, 6)));
                out.add(new Planned("下半年进展报送", monthEnd(year, 12)));
            }
            case "MONTHLY" -> {
                for (int m = 1; m <= 12; m++) out.add(new Planned(m + "月进展报送", monthEnd(year, m)));
            }
            default -> {
                Matcher m = AT_LEAST.matcher(frequency);
                if (m.matches()) {
                    // N times a year: spread evenly, each at the end of its share of the year.
                    int n = Math.min(12, Math.max(1, Integer.parseInt(m.group(1))));
                    for (int i = 1; i <= n; i++) {
                        out.add(
                                new Planned(
                                        "年内第" + i + "次（共至少" + n + "次）",
                                        monthEnd(year, (int) Math.ceil(12.0 * i / n))));
                    }
                }
                // WEEKLY and YEARLY: the deadline alone; 52 weekly checkpoints would bury the unit.
            }
        }
        return out;
    }

    private static LocalDate monthEnd(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth();
    }

    private static String label(String text) {
        String t = text == null || text.isBlank() ? "阶段节点" : text.strip();
        return t.length() > MAX_LABEL ? t.substring(0, MAX_LABEL - 1) + "…" : t;
    }
}
