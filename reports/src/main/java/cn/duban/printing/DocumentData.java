package cn.duban.printing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the report records into template parameters and data-source rows. Rows are maps
 * (JRMapCollectionDataSource) because JasperReports' bean data source only sees getX() getters,
 * which records do not have.
 */
final class DocumentData {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Pattern LINE = Pattern.compile("\\R");
    private static final Pattern TRAILING_COLON = Pattern.compile("[：:]+$");
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    private DocumentData() {}

    static Map<String, Object> circular(Circular c) {
        Map<String, Object> p = new HashMap<>();
        p.put("ISSUING_OFFICE", c.issuingOffice());
        p.put("DOC_NUMBER", c.docNumber());
        p.put("ISSUE_DATE", chineseDate(c.issueDate()));
        p.put("TITLE", c.title());
        p.put("RECIPIENTS", recipients(c.recipients()));
        p.put("PERIOD_LABEL", c.periodLabel());
        p.put("TASKS_TOTAL", c.summary().tasksTotal());
        p.put("COMPLETED", c.summary().completed());
        p.put("ON_TIME", c.summary().onTime());
        p.put("OVERDUE", c.summary().overdue());
        p.put("COMPLETION_RATE", c.summary().completionRate());
        p.put(
                "COLOURS",
                c.colours() == null
                        ? ""
                        : "截至"
                                + chineseDate(c.colours().asOf())
                                + "，在办任务亮红灯"
                                + c.colours().red()
                                + "项、黄灯"
                                + c.colours().amber()
                                + "项、绿灯"
                                + c.colours().green()
                                + "项。");
        p.put("SUPERVISED", c.supervised());
        p.put("PRAISE_REASON", c.praisedUnits().reason());
        p.put("PRAISED_UNITS", String.join("、", c.praisedUnits().unitNames()));
        p.put("NEXT_STEPS", paragraphs(c.nextSteps()));
        p.put("SIGNATURE_OFFICE", c.signature().officeName());
        p.put("SIGNATURE_DATE", chineseDate(c.signature().date()));
        p.put("RANKING_ROWS", rankingRows(c.rankingGroups()));
        p.put("OVERDUE_ROWS", overdueRows(c.overdueRows()));
        p.put(
                "AUDIT_ANCHOR",
                c.auditAnchor() == null
                        ? null
                        : "留痕链头：第 " + c.auditAnchor().seq() + " 条 · " + c.auditAnchor().mac());
        return p;
    }

    static Map<String, Object> unitLedger(UnitLedger ledger) {
        Map<String, Object> p = new HashMap<>();
        p.put("TITLE", ledger.title());
        p.put("UNIT_NAME", ledger.unitName());
        p.put("EXPORT_DATE", chineseDate(ledger.exportDate()));
        return p;
    }

    static List<Map<String, ?>> ledgerRows(UnitLedger ledger) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (UnitLedger.Row r : ledger.rows()) {
            Map<String, Object> row = new HashMap<>();
            row.put("section", r.section());
            row.put("taskTitle", r.taskTitle());
            row.put("role", r.role());
            row.put("deadline", r.deadline());
            row.put("progress", r.progress());
            row.put("status", r.status());
            rows.add(row);
        }
        return rows;
    }

    static Map<String, Object> scoreBreakdown(ScoreBreakdown b) {
        Map<String, Object> p = new HashMap<>();
        p.put("UNIT_NAME", b.unitName());
        p.put("SCHEME_NAME", b.schemeName());
        p.put("PERIOD_LABEL", b.periodLabel());
        p.put("TOTAL_SCORE", b.totalScore());
        p.put("RANK", b.rank());
        p.put("GROUP_NAME", b.groupName());
        List<Map<String, ?>> adjustments = new ArrayList<>();
        for (ScoreBreakdown.Adjustment a : b.adjustments()) {
            adjustments.add(Map.of("kind", a.kind(), "reason", a.reason(), "points", a.points()));
        }
        p.put("ADJUSTMENT_ROWS", adjustments);
        return p;
    }

    static List<Map<String, ?>> scoreLines(ScoreBreakdown b) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ScoreBreakdown.Line l : b.lines()) {
            rows.add(
                    Map.of(
                            "indicator",
                            l.indicator(),
                            "taskTitle",
                            l.taskTitle(),
                            "rule",
                            l.rule(),
                            "points",
                            l.points()));
        }
        return rows;
    }

    static Map<String, Object> evidencePackIndex(EvidencePackIndex index) {
        Map<String, Object> p = new HashMap<>();
        p.put("TITLE", index.title());
        p.put("SCOPE", index.scope());
        p.put("GENERATED_AT", index.generatedAt());
        p.put(
                "SUMMARY",
                index.tasks().isEmpty()
                        ? "无任务。"
                        : "共 "
                                + index.tasks().size()
                                + " 项任务，"
                                + index.fileCount()
                                + " 个佐证材料，合计 "
                                + size(index.totalBytes())
                                + "。各文件的 SHA-256 可用 sha256sum 或 certutil -hashfile 核对。");
        return p;
    }

    /**
     * One row per evidence file, its task's fields repeated (the template groups on {@code
     * taskNo}); a task without files is one row with no file.
     */
    static List<Map<String, ?>> evidencePackRows(EvidencePackIndex index) {
        List<Map<String, ?>> rows = new ArrayList<>();
        int no = 0;
        for (EvidencePackIndex.Task t : index.tasks()) {
            no++;
            List<EvidencePackIndex.File> files =
                    t.files().isEmpty() ? java.util.Collections.singletonList(null) : t.files();
            for (EvidencePackIndex.File f : files) {
                Map<String, Object> row = new HashMap<>();
                row.put("taskNo", no);
                row.put("taskTitle", t.title());
                row.put("unitName", t.unitName());
                row.put("status", t.status());
                row.put("completion", t.completion());
                row.put("folder", t.folder());
                if (f != null) {
                    row.put("fileName", f.name());
                    row.put("size", size(f.size()));
                    row.put("sha256", f.sha256());
                    row.put("path", f.path());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String size(long bytes) {
        return EvidencePackIndex.size(bytes);
    }

    private static List<Map<String, ?>> rankingRows(List<Circular.RankingGroup> groups) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Circular.RankingGroup group = groups.get(i);
            // The ordinal keeps two groups with the same name apart in the template's grouping.
            String groupTitle = "（" + chineseNumber(i + 1) + "）" + group.groupName();
            for (Circular.RankingRow r : group.rows()) {
                rows.add(
                        Map.of(
                                "groupTitle",
                                groupTitle,
                                "rank",
                                r.rank(),
                                "unitName",
                                r.unitName(),
                                "score",
                                r.score(),
                                "completionRate",
                                r.completionRate(),
                                "onTimeRate",
                                r.onTimeRate(),
                                "overdueCount",
                                r.overdueCount()));
            }
        }
        return rows;
    }

    private static List<Map<String, ?>> overdueRows(List<Circular.OverdueRow> overdue) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Circular.OverdueRow r : overdue) {
            rows.add(
                    Map.of(
                            "unitName",
                            r.unitName(),
                            "taskTitle",
                            r.taskTitle(),
                            "deadline",
                            r.deadline().toString(),
                            "daysOverdue",
                            r.daysOverdue()));
        }
        return rows;
    }

    /** The template adds the colon after 主送; a blank line means none. */
    static String recipients(String recipients) {
        if (recipients == null || recipients.isBlank()) {
            return null;
        }
        return TRAILING_COLON.matcher(recipients.strip()).replaceAll("");
    }

    static Map<String, Object> supervisionNotice(SupervisionNotice n) {
        Map<String, Object> p = new HashMap<>();
        p.put("ISSUING_OFFICE", n.issuingOffice());
        p.put("DOC_NUMBER", n.docNumber());
        p.put("TITLE", n.title());
        p.put("RECIPIENT", n.unitName());
        String from = n.source() == null || n.source().isBlank() ? "" : "（" + n.source() + "）";
        p.put(
                "BODY",
                "你单位承担的“"
                        + n.taskTitle()
                        + "”"
                        + from
                        + "，完成时限为"
                        + chineseDate(n.deadline())
                        + "，截至"
                        + chineseDate(n.issueDate())
                        + "已逾期"
                        + n.overdueDays()
                        + "天，仍未办结。现予督办。\n请你单位主要负责人签收本督办单，抓紧推进落实，并于"
                        + chineseDate(n.replyBy())
                        + "前通过督办系统报送办理情况及佐证材料。逾期仍未办结的，将在工作通报中予以点名通报。\n特此督办。");
        p.put("SIGNATURE_DATE", chineseDate(n.issueDate()));
        p.put("ACKNOWLEDGEMENT", n.acknowledgement());
        p.put("COPY_TO", n.copyTo());
        p.put("PRINTED", n.issuingOffice() + "　　" + chineseDate(n.issueDate()) + "印发");
        return p;
    }

    static String chineseDate(LocalDate date) {
        return CHINESE_DATE.format(date);
    }

    /**
     * One line per paragraph: the template indents each line by two characters, so the blank lines
     * that separate paragraphs in the editor would only add empty indented lines.
     */
    static String paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : LINE.split(text)) {
            if (!line.isBlank()) {
                paragraphs.add(line.strip());
            }
        }
        return String.join("\n", paragraphs);
    }

    /** 1..99 as written in headings: 一, 十, 十二, 二十, 二十三. */
    static String chineseNumber(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("unsupported ordinal " + n);
        }
        if (n < 10) {
            return String.valueOf(CHINESE_DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "" : String.valueOf(CHINESE_DIGITS.charAt(n / 10));
        String ones = n % 10 == 0 ? "" : String.valueOf(CHINESE_DIGITS.charAt(n % 10));
        return tens + "十" + ones;
    }
}
