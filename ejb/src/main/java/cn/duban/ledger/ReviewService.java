package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The district office's review of progress reports: the queue of submitted reports, and approving
 * or returning one. Approving a 100% report completes the task, on time or not; approving an
 * interim report records the progress and the checkpoint it met. No one reviews a report they wrote
 * or submitted.
 */
@Stateless
public class ReviewService {

    @PersistenceContext EntityManager em;

    @EJB ProgressReportQueries reports;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB LeaderService leaders;

    @EJB UnitScopes scopes;

    public record Review(String decision, String comment, String rating) {}

    public ProgressReport review(UUID reportId, Review review, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        ProgressReport report = reports.visible(reportId);
        // The office that supervises the task reviews it: the district office, or the town that
        // published it (issue 21); the other only reads.
        scopes.requireSupervisor(
                report.getTask().getSupervisorUnitId(), "report.not-found", "报送不存在。");
        if (report.getState() != ReportState.SUBMITTED) {
            throw DubanException.conflict("report.not-submitted", "该报送不在待审核状态（可能已被他人审核），请刷新。");
        }
        report.requireVersion(expectedVersion, "report.stale", "该报送已被他人处理，请刷新后重试。");
        // Four eyes: the office may report on a unit's behalf, but then someone else reviews it.
        if (report.isAuthoredBy(caller.username())) {
            throw new DubanException(403, "review.own-report", "不能审核本人撰写或提交的报送，请由其他工作人员审核。");
        }
        if (review == null || review.decision() == null) {
            throw DubanException.badRequest(
                    "review.decision-missing", "请选择审核结果：通过（APPROVE）或退回（RETURN）。");
        }
        Task task = report.getTask();
        String comment =
                review.comment() == null || review.comment().isBlank()
                        ? null
                        : review.comment().strip();
        if (comment != null && comment.length() > 2000)
            throw DubanException.badRequest("request.text-too-long", "审核意见过长（最多2000字）。");
        switch (review.decision().toUpperCase(Locale.ROOT)) {
            case "APPROVE" ->
                    approve(
                            report,
                            task,
                            comment,
                            rating(review.rating(), report.isFinal()),
                            caller);
            case "RETURN" -> {
                if (comment == null)
                    throw DubanException.badRequest(
                            "review.comment-missing", "退回时请填写审核意见，说明需要补充或修改的内容。");
                report.review(ReportState.RETURNED, caller.username(), comment, null);
                task.setStatus(TaskStatus.RETURNED);
                audit.record(
                        "report.returned",
                        "task",
                        task.getId(),
                        "report",
                        report.getId(),
                        "comment",
                        comment);
                inbox.toUnit(
                        task.getUnit(),
                        InboxMessage.Kind.RETURNED,
                        task.getId(),
                        "报送被退回：" + LedgerText.abbreviate(task.getTitle()),
                        "审核意见：" + comment);
            }
            default ->
                    throw DubanException.badRequest(
                            "review.decision-invalid", "审核结果应为 APPROVE（通过）或 RETURN（退回）。");
        }
        try {
            em.flush(); // a concurrent reviewer surfaces here as a version conflict, not at commit
        } catch (OptimisticLockException e) {
            throw DubanException.conflict("report.stale", "该报送已被他人处理，请刷新后重试。");
        }
        return report;
    }

    private void approve(
            ProgressReport report, Task task, String comment, Rating rating, Caller caller) {
        report.review(ReportState.APPROVED, caller.username(), comment, rating);
        LocalDate submitted = LedgerClock.dateOf(report.getSubmittedAt());
        if (report.isFinal()) {
            // Completion counts from the unit's submission, not from when the office got round to
            // reviewing it.
            task.complete(submitted, rating);
            task.getCheckpoints()
                    .forEach(
                            c -> {
                                if (c.getDoneOn() == null) c.markDone(submitted);
                            });
            // A key task closes only when a leader signs it off (审结).
            if (task.isKeyTask()) leaders.awaitSignOff(task, caller.username());
        } else {
            task.setStatus(TaskStatus.IN_PROGRESS);
            task.setProgress(Math.max(task.getProgress(), report.getPercent()));
            Checkpoint met =
                    task.getCheckpoints().stream()
                            .filter(c -> c.getDoneOn() == null)
                            .filter(
                                    c ->
                                            report.getCheckpointId() == null
                                                    || c.getId().equals(report.getCheckpointId()))
                            .findFirst()
                            .orElse(null);
            if (met != null) met.markDone(submitted);
        }
        task.refreshNextDue();
        audit.record(
                "report.approved",
                "task",
                task.getId(),
                "report",
                report.getId(),
                "percent",
                report.getPercent(),
                "rating",
                rating == null ? null : rating.name(),
                "completed",
                report.isFinal(),
                "onTime",
                task.getOnTime());
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.APPROVED,
                task.getId(),
                (report.isFinal() ? "任务已审核办结：" : "进展已审核通过：")
                        + LedgerText.abbreviate(task.getTitle()),
                comment == null ? "审核通过。" : "审核意见：" + comment);
    }

    private static Rating rating(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required)
                throw DubanException.badRequest("review.rating-missing", "办结审核须给出质量评价（优、良、中、差）。");
            return null;
        }
        for (Rating r : Rating.values()) {
            if (r.name().equalsIgnoreCase(value.strip()) || r.label().equals(value.strip()))
                return r;
        }
        throw DubanException.badRequest(
                "review.rating-invalid", "质量评价应为 EXCELLENT/GOOD/FAIR/POOR（优/良/中/差）。");
    }

    /**
     * Reports waiting for the caller's office, oldest first: the district office's tasks for its
     * administrators, the town's own for a town's 单位管理员.
     */
    public List<ProgressReport> awaitingReview(int limit) {
        UUID town = scopes.supervisingTown().map(Unit::getId).orElse(null);
        jakarta.persistence.TypedQuery<ProgressReport> query =
                em.createQuery(
                                "select r from ProgressReport r join fetch r.task t join fetch t.unit where r.state = :s "
                                        + "and "
                                        + (town == null
                                                ? "t.supervisorUnitId is null "
                                                : "t.supervisorUnitId = :town ")
                                        + "order by r.submittedAt",
                                ProgressReport.class)
                        .setParameter("s", ReportState.SUBMITTED)
                        .setMaxResults(Math.max(1, Math.min(limit, 500)));
        if (town != null) query.setParameter("town", town);
        return query.getResultList();
    }
}
