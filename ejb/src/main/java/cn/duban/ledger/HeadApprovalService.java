package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The unit head's approval (单位负责人审核), on or off per tenant ({@link
 * ReminderSettings#isHeadApprovesReports}, off by default): a report a 联络员 submits waits for the
 * unit head ({@link ReportState#AWAITING_HEAD}, frozen), who passes it on to the district (it is
 * then submitted as before) or sends it back to draft with a reason. The district office reporting
 * on a unit's behalf, and a unit head reporting, go straight to the district.
 */
@Stateless
public class HeadApprovalService {

    public static final int MAX_COMMENT = 2_000;

    @PersistenceContext EntityManager em;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB SupervisingOffice office;

    /** A report waiting for the head, as the head's list shows it. */
    public record Awaiting(
            UUID reportId,
            UUID taskId,
            String title,
            String text,
            int percent,
            String submittedBy,
            String submittedByName,
            Instant submittedAt,
            int version) {}

    /**
     * Whether this caller's submission waits for the unit head. This and the two below are
     * ProgressReportService's hooks (public only because a bean's methods must be to be called).
     */
    public boolean required(Caller caller) {
        return caller.hasRole(Role.UNIT_REPORTER)
                && !caller.hasRole(Role.UNIT_HEAD)
                && !caller.hasRole(Role.DISTRICT_ADMIN)
                && inbox.settings().isHeadApprovesReports();
    }

    /** A new report while another waits for the head would overtake it. */
    public void requireNoneAwaiting(UUID taskId) {
        long n =
                em.createQuery(
                                "select count(r) from ProgressReport r where r.task.id = :t and r.state = :s",
                                Long.class)
                        .setParameter("t", taskId)
                        .setParameter("s", ReportState.AWAITING_HEAD)
                        .getSingleResult();
        if (n > 0) throw DubanException.conflict("report.awaiting-head", "该任务已有报送待单位负责人审核。");
    }

    /** The 联络员's submission: it waits for the unit head, who is told in the unit's inbox. */
    public void await(ProgressReport report, Task task, Caller caller, String key) {
        report.awaitHead(caller.username(), caller.displayName(), key);
        audit.record(
                "report.awaiting-head",
                "task",
                task.getId(),
                "report",
                report.getId(),
                "percent",
                report.getPercent());
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.SUBMITTED,
                task.getId(),
                "报送待单位负责人审核：" + LedgerText.abbreviate(task.getTitle()),
                caller.displayName() + "报送进展，完成进度 " + report.getPercent() + "%。");
    }

    /** The unit's reports waiting for the head, oldest first. */
    public List<Awaiting> awaiting() {
        Caller caller = Caller.requireTenant(Role.UNIT_HEAD, Role.UNIT_ADMIN);
        return em.createQuery(
                        "select r from ProgressReport r join fetch r.task t where r.state = :s "
                                + "and r.unitId = :unit order by r.submittedAt, r.id",
                        ProgressReport.class)
                .setParameter("s", ReportState.AWAITING_HEAD)
                .setParameter("unit", UnitTasks.myUnit(em, caller))
                .setMaxResults(HandOverService.MAX_LIST)
                .getResultStream()
                .map(
                        r ->
                                new Awaiting(
                                        r.getId(),
                                        r.getTask().getId(),
                                        r.getTask().getTitle(),
                                        r.getText(),
                                        r.getPercent(),
                                        r.getSubmittedBy(),
                                        r.getSubmittedByName(),
                                        r.getSubmittedAt(),
                                        r.getVersion()))
                .toList();
    }

    /**
     * The head passes the report on to the district (approve) or sends it back to its drafter with
     * a reason. Another unit's or tenant's report is "not found".
     */
    public ProgressReport decide(UUID reportId, boolean approve, String comment) {
        Caller caller = Caller.requireTenant(Role.UNIT_HEAD);
        ProgressReport report = reportId == null ? null : em.find(ProgressReport.class, reportId);
        if (report == null || !UnitTasks.ofUnit(caller, report.getTask()))
            throw DubanException.notFound("report.not-found", "报送不存在。");
        if (report.getState() != ReportState.AWAITING_HEAD)
            throw DubanException.conflict("report.not-awaiting-head", "该报送不在待单位负责人审核状态。");
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT)
            throw DubanException.badRequest(
                    "report.comment-too-long", "意见过长（最多" + MAX_COMMENT + "字）。");
        Task task = report.getTask();
        if (!approve) {
            if (text.isEmpty())
                throw DubanException.badRequest("report.head-reason-missing", "退回时请填写理由。");
            report.headDecides(false, caller.username(), text);
            audit.record(
                    "report.head-returned",
                    "task",
                    task.getId(),
                    "report",
                    report.getId(),
                    "comment",
                    text);
            inbox.toUnit(
                    task.getUnit(),
                    InboxMessage.Kind.RETURNED,
                    task.getId(),
                    "单位负责人退回报送：" + LedgerText.abbreviate(task.getTitle()),
                    text);
            return report;
        }
        DistrictSubmission.requireOpen(task);
        report.headDecides(true, caller.username(), text.isEmpty() ? null : text);
        audit.record(
                "report.head-approved",
                "task",
                task.getId(),
                "report",
                report.getId(),
                "percent",
                report.getPercent(),
                "drafter",
                report.getSubmittedBy());
        DistrictSubmission.handIn(em, audit, office, report, task, null);
        return report;
    }

    /** The district office switches the unit head's approval on or off for the tenant. */
    public boolean setHeadApproval(boolean on) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        ReminderSettings s = em.find(ReminderSettings.class, caller.tenantId());
        if (s == null) {
            s = new ReminderSettings(caller.tenantId());
            em.persist(s);
        }
        if (s.isHeadApprovesReports() != on) {
            s.setHeadApprovesReports(on);
            audit.record("settings.head-approval", "settings", null, "on", on);
        }
        return on;
    }

    public boolean headApproval() {
        Caller.requireDistrictPerson();
        return inbox.settings().isHeadApprovesReports();
    }
}
