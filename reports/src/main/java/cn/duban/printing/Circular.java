package cn.duban.printing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 工作通报: the periodic circular an office issues on how the supervised units did.
 *
 * @param issuingOffice printed in red at the top, e.g. 上海市普陀区人民政府办公室
 * @param docNumber e.g. 普府办通〔2026〕3号
 * @param issueDate printed opposite the doc number, above the red rule
 * @param title e.g. 关于2026年第三季度政务公开工作要点落实情况的通报
 * @param recipients 主送 line (trailing colon optional), or {@code null} or blank for none
 * @param periodLabel e.g. 2026年第三季度, opens the 总体情况 sentence
 * @param nextSteps 下一步工作要求; paragraphs separated by blank lines
 * @param auditAnchor the issuing district's audit chain head when it was issued, printed in every
 *     page's footer so paper copies can later prove the trail unchanged; {@code null} for drafts
 *     and circulars issued before anchors were printed. (One constructor only: JSON-B reads a
 *     frozen circular back through it and refuses records with more.)
 * @param colours the open tasks by colour on the day of issue (亮灯情况), closing the 总体情况 paragraph;
 *     {@code null} for circulars issued before colours were counted
 * @param supervised the 点名通报 of the escalation ladder: the tasks still open after their 督办单, one
 *     sentence under 逾期任务点名; {@code null} when there are none
 */
public record Circular(
        String issuingOffice,
        String docNumber,
        LocalDate issueDate,
        String title,
        String recipients,
        String periodLabel,
        Summary summary,
        List<RankingGroup> rankingGroups,
        PraisedUnits praisedUnits,
        List<OverdueRow> overdueRows,
        String nextSteps,
        Signature signature,
        AuditAnchor auditAnchor,
        Colours colours,
        String supervised) {

    public Circular {
        requireNonNull(issuingOffice, "issuingOffice");
        requireNonNull(docNumber, "docNumber");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(title, "title");
        requireNonNull(periodLabel, "periodLabel");
        requireNonNull(summary, "summary");
        rankingGroups = List.copyOf(rankingGroups);
        requireNonNull(praisedUnits, "praisedUnits");
        overdueRows = List.copyOf(overdueRows);
        requireNonNull(nextSteps, "nextSteps");
        requireNonNull(signature, "signature");
    }

    /**
     * 总体情况 figures.
     *
     * @param completionRate percent, e.g. {@code 87.5} for 87.5%
     */
    public record Summary(
            int tasksTotal, int completed, int onTime, int overdue, BigDecimal completionRate) {
        public Summary {
            requireNonNull(completionRate, "completionRate");
        }
    }

    /** The open tasks by colour (红黄绿灯) by the district's colour rules on {@code asOf}. */
    public record Colours(LocalDate asOf, int red, int amber, int green) {
        public Colours {
            requireNonNull(asOf, "asOf");
        }
    }

    /** One ranking table, e.g. 街镇组 or 部门组, rows already in rank order. */
    public record RankingGroup(String groupName, List<RankingRow> rows) {
        public RankingGroup {
            requireNonNull(groupName, "groupName");
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param score printed with two decimals
     * @param completionRate percent
     * @param onTimeRate percent
     */
    public record RankingRow(
            int rank,
            String unitName,
            BigDecimal score,
            BigDecimal completionRate,
            BigDecimal onTimeRate,
            int overdueCount) {
        public RankingRow {
            requireNonNull(unitName, "unitName");
            requireNonNull(score, "score");
            requireNonNull(completionRate, "completionRate");
            requireNonNull(onTimeRate, "onTimeRate");
        }
    }

    /**
     * 表扬单位, printed as "reason：单位、单位。".
     *
     * @param reason e.g. 以下单位本期任务全部按时完成，予以通报表扬
     */
    public record PraisedUnits(List<String> unitNames, String reason) {
        public PraisedUnits {
            unitNames = List.copyOf(unitNames);
            requireNonNull(reason, "reason");
        }
    }

    /** A task named in 逾期任务点名. */
    public record OverdueRow(
            String unitName, String taskTitle, LocalDate deadline, int daysOverdue) {
        public OverdueRow {
            requireNonNull(unitName, "unitName");
            requireNonNull(taskTitle, "taskTitle");
            requireNonNull(deadline, "deadline");
        }
    }

    /**
     * 留痕链头: the newest audit entry when the circular was issued.
     *
     * @param seq the entry's number in the district's chain
     * @param mac the first 16 hex digits of its MAC
     */
    public record AuditAnchor(long seq, String mac) {
        public AuditAnchor {
            requireNonNull(mac, "mac");
        }
    }

    /** 落款: office name and date at the end of the circular. */
    public record Signature(String officeName, LocalDate date) {
        public Signature {
            requireNonNull(officeName, "officeName");
            requireNonNull(date, "date");
        }
    }
}
