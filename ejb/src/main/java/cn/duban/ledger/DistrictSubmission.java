package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.DubanException;
import jakarta.persistence.EntityManager;

/**
 * A report reaching the district office for review, whether the unit submits it or its head passes
 * it on (单位负责人审核): the task's checks, its status, the trail's {@code report.submitted} and the
 * district office's notice, in one place for {@link ProgressReportService} and {@link
 * HeadApprovalService}.
 */
final class DistrictSubmission {

    private DistrictSubmission() {}

    /** 409 unless the task is open and has no report under review. */
    static void requireOpen(Task task) {
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，不能再报送。");
        if (task.getStatus() == TaskStatus.SUBMITTED)
            throw DubanException.conflict("report.pending-review", "该任务已有报送正在审核，请等待审核结果。");
    }

    /**
     * The report (already marked submitted) now awaits the district's review; {@code onBehalf}
     * names a district user who reported for the unit, else null.
     */
    static void handIn(
            EntityManager em,
            AuditService audit,
            SupervisingOffice office,
            ProgressReport report,
            Task task,
            String onBehalf) {
        task.setStatus(TaskStatus.SUBMITTED);
        task.setLastReportAt(report.getSubmittedAt());
        long files =
                em.createQuery("select count(e) from Evidence e where e.reportId = :r", Long.class)
                        .setParameter("r", report.getId())
                        .getSingleResult();
        audit.record(
                "report.submitted",
                "task",
                task.getId(),
                "report",
                report.getId(),
                "percent",
                report.getPercent(),
                "evidence",
                files,
                "onBehalf",
                onBehalf);
        String subject =
                task.getUnit().getName() + "报送进展待审核：" + LedgerText.abbreviate(task.getTitle());
        String body =
                "完成进度 " + report.getPercent() + "%。" + LedgerText.abbreviate(report.getText());
        office.tell(task, InboxMessage.Kind.SUBMITTED, subject, body);
    }
}
