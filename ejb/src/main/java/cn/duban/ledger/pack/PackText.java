package cn.duban.ledger.pack;

import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.ReportState;
import cn.duban.printing.EvidencePackIndex;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The plain-text record of one task in an evidence pack (进展与审核记录.txt): the task, each report given
 * to the district with its review and its evidence files (name, size, SHA-256, path in the pack),
 * and a co-operating unit's contribution. UTF-8 with a byte order mark and CRLF line ends, so
 * Notepad on an office PC shows it as written. Pure: unit-tested.
 */
public final class PackText {

    /** The summary's file name in each task folder. */
    public static final String FILE_NAME = "进展与审核记录.txt";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LedgerClock.ZONE);
    private static final String NL = "\r\n";

    private PackText() {}

    /** A report and where its files are in the pack. */
    public record ReportPart(PackReport report, String folder, List<Placed> files) {}

    /** A contribution and where its files are in the pack. */
    public record ContributionPart(
            PackContribution contribution, String folder, List<Placed> files) {}

    /** A file and its path in the pack. */
    public record Placed(PackFile file, String path) {}

    public static String summary(
            PackTask t, List<ReportPart> reports, ContributionPart contribution) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, "任务：" + t.title());
        line(out, "计划：" + t.planTitle());
        line(
                out,
                "工作要点："
                        + join(
                                t.sectionTitle(),
                                t.pointNumber() == null ? null : "第 " + t.pointNumber() + " 项"));
        line(out, "责任单位：" + t.unitName() + "（" + (t.lead() ? "牵头" : "配合") + "）");
        line(
                out,
                "完成时限："
                        + t.deadline()
                        + (t.deadlineText() == null || t.deadlineText().isBlank()
                                ? ""
                                : "（" + t.deadlineText().strip() + "）")
                        + (t.keyTask() ? "　重点任务" : ""));
        line(
                out,
                "状态："
                        + t.status()
                        + "　完成度："
                        + t.progress()
                        + "%"
                        + (t.completedOn() == null ? "" : "　办结日期：" + t.completedOn())
                        + (t.rating() == null ? "" : "　质量评价：" + t.rating()));
        out.append(NL);
        if (reports.isEmpty()) {
            line(out, "进展报送：无（未向区府办报送过进展）。");
        } else {
            line(out, "进展报送（共 " + reports.size() + " 次）");
            int n = 0;
            for (ReportPart p : reports) {
                n++;
                report(out, n, p);
            }
        }
        if (contribution != null) {
            out.append(NL);
            contribution(out, contribution);
        } else if (!t.lead()) {
            out.append(NL);
            line(out, "配合情况：未向牵头单位报送。");
        }
        return out.toString();
    }

    private static void report(StringBuilder out, int n, ReportPart p) {
        PackReport r = p.report();
        out.append(NL);
        line(out, "第 " + n + " 次报送（" + state(r.state()) + "）");
        line(
                out,
                "  报送人："
                        + orDash(r.submittedBy())
                        + "　报送时间："
                        + time(r.submittedAt())
                        + "　完成度："
                        + r.percent()
                        + "%");
        if (r.headDecidedBy() != null)
            line(
                    out,
                    "  单位负责人："
                            + r.headDecidedBy()
                            + " 于 "
                            + time(r.headDecidedAt())
                            + " 审核"
                            + (r.headComment() == null || r.headComment().isBlank()
                                    ? ""
                                    : "，意见：" + oneLine(r.headComment())));
        line(out, "  进展情况：");
        indented(out, r.text());
        if (r.reviewedAt() != null) {
            line(
                    out,
                    "  区府办审核："
                            + orDash(r.reviewedBy())
                            + " 于 "
                            + time(r.reviewedAt())
                            + (r.state() == ReportState.RETURNED ? " 退回" : " 通过")
                            + (r.rating() == null ? "" : "，质量评价：" + r.rating().label())
                            + (r.reviewComment() == null || r.reviewComment().isBlank()
                                    ? ""
                                    : "，意见：" + oneLine(r.reviewComment())));
        } else {
            line(out, "  区府办审核：待审核");
        }
        files(out, p.files());
    }

    private static void contribution(StringBuilder out, ContributionPart p) {
        PackContribution c = p.contribution();
        line(out, "配合情况（报送牵头单位）");
        line(
                out,
                "  报送人："
                        + orDash(c.sentBy())
                        + "　首次报送："
                        + time(c.firstSentAt())
                        + "　最近报送："
                        + time(c.sentAt())
                        + "　完成度："
                        + c.percent()
                        + "%");
        line(
                out,
                "  牵头单位确认："
                        + (c.acknowledged()
                                ? orDash(c.acknowledgedBy())
                                        + " 于 "
                                        + time(c.acknowledgedAt())
                                        + " 确认收到"
                                : "尚未确认"));
        line(out, "  配合内容：");
        indented(out, c.text());
        files(out, p.files());
    }

    private static void files(StringBuilder out, List<Placed> files) {
        if (files.isEmpty()) {
            line(out, "  佐证材料：无");
            return;
        }
        line(out, "  佐证材料（" + files.size() + " 个）：");
        for (Placed f : files) {
            line(
                    out,
                    "    - "
                            + f.path().substring(f.path().lastIndexOf('/') + 1)
                            + "（"
                            + size(f.file().size())
                            + "，SHA-256 "
                            + f.file().sha256()
                            + "）");
            line(out, "      包内路径：" + f.path());
        }
    }

    static String state(ReportState s) {
        return switch (s) {
            case SUBMITTED -> "待审核";
            case APPROVED -> "已通过";
            case RETURNED -> "被退回";
            case AWAITING_HEAD -> "待单位负责人审核";
            case DRAFT -> "草稿";
        };
    }

    /** A file size as people read it: 812 B, 3.40 KB, 1.20 MB. */
    public static String size(long bytes) {
        return EvidencePackIndex.size(bytes);
    }

    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    private static void indented(StringBuilder out, String text) {
        String t = text == null || text.isBlank() ? "（无）" : text.strip();
        for (String l : t.split("\\R", -1)) line(out, "    " + l);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) return b == null ? "—" : b;
        return b == null ? a : a + " " + b;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append(NL);
    }
}
