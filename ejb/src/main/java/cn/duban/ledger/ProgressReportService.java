package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.IdempotencyKeys;
import cn.duban.tenant.Unit;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Progress reports (进展报送), the unit's side: drafts with evidence and submission (idempotent with a
 * key). A draft started after the district office returned a report carries the returned text and
 * evidence for correction. The office's review is {@link ReviewService}; reading is {@link
 * ProgressReportQueries}.
 *
 * <p>Somewhat over 300 lines: drafting, evidence and submission share the own-draft check, the
 * carry-over from a returned report and the idempotency claim, which would otherwise have to become
 * public business methods of a second bean.
 */
@Stateless
public class ProgressReportService {

    public static final int MAX_FILE_BYTES = EvidenceFile.MAX_BYTES;
    public static final int MAX_FILES = 20;
    public static final int MAX_TEXT = 10_000;

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB TaskParts parts;

    @EJB IdempotencyKeys keys;

    @EJB ReceiptService receipts;

    @EJB ProgressReportQueries reports;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB SupervisingOffice office;

    @EJB HeadApprovalService heads;

    @EJB EvidenceContents contents;

    /** What a unit writes: text, % complete and optionally the checkpoint it reports on. */
    public record Draft(String text, Integer percent, UUID checkpointId) {}

    /**
     * A new report on a task: kept as a draft, or submitted at once. With an idempotency key, a
     * repeated request returns the report the first one created.
     */
    public ProgressReport create(UUID taskId, Draft draft, boolean submit, String idempotencyKey) {
        Caller caller = Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        Task task = tasks.reportable(taskId);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，不能再报送。");
        receipts.onReport(task, caller);
        ProgressReport report = new ProgressReport(task, "", 0, null, caller.username());
        if (submit && idempotencyKey != null) {
            Optional<ProgressReport> earlier = claim(idempotencyKey, report.getId());
            if (earlier.isPresent()) return earlier.get();
        }
        long drafts =
                em.createQuery(
                                "select count(r) from ProgressReport r where r.task.id = :t and r.state = :d",
                                Long.class)
                        .setParameter("t", taskId)
                        .setParameter("d", ReportState.DRAFT)
                        .getSingleResult();
        if (drafts > 0) throw DubanException.conflict("report.draft-exists", "该任务已有一份草稿，请继续编辑草稿。");
        heads.requireNoneAwaiting(taskId);
        ProgressReport returned = lastReturned(taskId);
        apply(report, task, returned == null ? draft : carried(draft, returned));
        em.persist(report);
        if (task.getStatus() == TaskStatus.ASSIGNED) task.setStatus(TaskStatus.IN_PROGRESS);
        long carriedFiles = returned == null ? 0 : carryEvidence(returned, report, caller);
        audit.record(
                "report.created",
                "task",
                task.getId(),
                "report",
                report.getId(),
                "percent",
                report.getPercent(),
                "carriedFrom",
                returned == null ? null : returned.getId(),
                "carriedFiles",
                returned == null ? null : carriedFiles);
        if (submit) submit(report, task, caller, idempotencyKey);
        return report;
    }

    /**
     * The task's newest submitted report if the district office returned it: the next report starts
     * from it for correction, while it stays frozen in the trail.
     */
    private ProgressReport lastReturned(UUID taskId) {
        return em.createQuery(
                        "select r from ProgressReport r where r.task.id = :t and r.state <> :d "
                                + "order by r.submittedAt desc",
                        ProgressReport.class)
                .setParameter("t", taskId)
                .setParameter("d", ReportState.DRAFT)
                .setMaxResults(1)
                .getResultStream()
                .filter(r -> r.getState() == ReportState.RETURNED)
                .findFirst()
                .orElse(null);
    }

    /** What the unit typed wins; what it left out comes from the returned report. */
    private static Draft carried(Draft draft, ProgressReport returned) {
        String text = draft == null || draft.text() == null ? returned.getText() : draft.text();
        Integer percent =
                draft == null || draft.percent() == null ? returned.getPercent() : draft.percent();
        UUID checkpoint =
                draft == null || draft.checkpointId() == null
                        ? returned.getCheckpointId()
                        : draft.checkpointId();
        return new Draft(text, percent, checkpoint);
    }

    /**
     * Copies the returned report's evidence onto the new draft inside the database: new rows that
     * refer to the same content (the bytes are neither read nor stored again; the frozen originals
     * are rows of their own, untouched through the draft). The unit may then drop or add files on
     * the draft.
     */
    private long carryEvidence(ProgressReport returned, ProgressReport draft, Caller caller) {
        em.flush(); // the draft row must exist for the evidence's foreign key
        return em.createNativeQuery(
                        "insert into evidence (tenant_id, id, report_id, file_name, content_type, size, sha256, "
                                + "uploaded_by, uploaded_at) select tenant_id, gen_random_uuid(), ?1, file_name, content_type, "
                                + "size, sha256, ?2, now() from evidence where report_id = ?3")
                .setParameter(1, draft.getId())
                .setParameter(2, caller.username())
                .setParameter(3, returned.getId())
                .executeUpdate();
    }

    public ProgressReport update(UUID reportId, Draft draft, Integer expectedVersion) {
        Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        ProgressReport report = ownDraft(reportId, expectedVersion);
        apply(report, report.getTask(), draft);
        audit.record(
                "report.edited",
                "task",
                report.getTask().getId(),
                "report",
                report.getId(),
                "percent",
                report.getPercent());
        return report;
    }

    public void deleteDraft(UUID reportId) {
        Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        ProgressReport report = ownDraft(reportId, null);
        audit.record(
                "report.draft-deleted", "task", report.getTask().getId(), "report", report.getId());
        em.remove(report);
    }

    public EvidenceInfo addEvidence(UUID reportId, String fileName, byte[] content) {
        Caller caller = Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        ProgressReport report = ownDraft(reportId, null);
        EvidenceFile file = EvidenceFile.of(fileName, content);
        roomFor(reportId);
        return attach(report, contents.store(file), caller, "evidence.uploaded");
    }

    /**
     * Attaches a file the report's unit has already given (选择已有佐证), by its SHA-256: a new evidence
     * row referring to the stored bytes; the row it was found on, frozen or not, is not touched. A
     * hash the unit has not given (another unit's, another tenant's, none) is "not found", as if it
     * did not exist.
     */
    public EvidenceInfo reuseEvidence(UUID reportId, String sha256) {
        Caller caller = Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        ProgressReport report = ownDraft(reportId, null);
        StoredFile file =
                reports.givenBy(report.getTask().getUnit().getId(), sha256)
                        .orElseThrow(() -> DubanException.notFound("evidence.not-found", "文件不存在。"));
        roomFor(reportId);
        return attach(report, file, caller, "evidence.reused");
    }

    /**
     * What the report's unit may attach again (选择已有佐证): its files, each content once; for the
     * district office and the unit's own people (any unit role reads what its unit gave), another
     * unit's report is "not found".
     */
    public List<StoredFile> reusable(UUID reportId) {
        Caller caller =
                Caller.requireTenant(
                        Caller.DISTRICT_ADMIN,
                        Caller.UNIT_REPORTER,
                        cn.duban.platform.Role.UNIT_HEAD,
                        cn.duban.platform.Role.UNIT_ADMIN);
        ProgressReport report = reports.visible(reportId);
        Unit unit = report.getTask().getUnit();
        if (!caller.hasRole(Caller.DISTRICT_ADMIN) && !unit.getCode().equals(caller.unitCode()))
            throw DubanException.notFound("report.not-found", "报送不存在。");
        return reports.givenBy(unit.getId());
    }

    /** The same for a task the caller may report on, before it has a draft (the task page). */
    public List<StoredFile> reusableForTask(UUID taskId) {
        Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        return reports.givenBy(tasks.reportable(taskId).getUnit().getId());
    }

    private void roomFor(UUID reportId) {
        long count =
                em.createQuery("select count(e) from Evidence e where e.reportId = :r", Long.class)
                        .setParameter("r", reportId)
                        .getSingleResult();
        if (count >= MAX_FILES)
            throw DubanException.conflict("evidence.too-many", "每份报送最多附 " + MAX_FILES + " 个文件。");
    }

    private EvidenceInfo attach(
            ProgressReport report, StoredFile file, Caller caller, String action) {
        Evidence e = new Evidence(report.getId(), file, caller.username());
        em.persist(e);
        audit.record(
                action,
                "task",
                report.getTask().getId(),
                "report",
                report.getId(),
                "file",
                file.fileName(),
                "size",
                file.size(),
                "sha256",
                file.sha256());
        return EvidenceInfo.of(e);
    }

    public void removeEvidence(UUID reportId, UUID evidenceId) {
        Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        ProgressReport report = ownDraft(reportId, null);
        Evidence e = em.find(Evidence.class, evidenceId);
        if (e == null || !e.getReportId().equals(reportId))
            throw DubanException.notFound("evidence.not-found", "文件不存在。");
        audit.record(
                "evidence.removed",
                "task",
                report.getTask().getId(),
                "report",
                reportId,
                "file",
                e.getFile().fileName(),
                "sha256",
                e.getFile().sha256());
        em.remove(e);
    }

    /**
     * Submits a draft for review; with a key, repeating the request returns the same report instead
     * of failing.
     */
    public ProgressReport submit(UUID reportId, String idempotencyKey) {
        Caller caller = Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        ProgressReport report = reports.visible(reportId);
        tasks.reportable(report.getTask().getId());
        if (idempotencyKey != null) {
            Optional<ProgressReport> earlier = claim(idempotencyKey, reportId);
            if (earlier.isPresent()) {
                if (!earlier.get().getId().equals(reportId)) {
                    throw DubanException.conflict(
                            "idempotency.key-reused", "Idempotency-Key 已用于另一份报送。");
                }
                return earlier.get();
            }
        }
        if (report.getState() != ReportState.DRAFT) {
            throw DubanException.conflict("report.already-submitted", "该报送已提交，不能重复提交。");
        }
        submit(report, report.getTask(), caller, idempotencyKey);
        return report;
    }

    private void submit(ProgressReport report, Task task, Caller caller, String key) {
        if (report.getText().isBlank())
            throw DubanException.badRequest("report.text-missing", "请填写进展情况后再提交。");
        DistrictSubmission.requireOpen(task);
        // A town's report on a task it split carries its parts' progress, frozen with it.
        String rolledUp = parts.rollUp(task);
        if (rolledUp != null)
            report.edit(
                    TaskParts.withRollUp(report.getText(), rolledUp),
                    report.getPercent(),
                    report.getCheckpointId());
        if (heads.required(caller)) { // 单位负责人审核: the unit head passes it on
            heads.await(report, task, caller, key);
            return;
        }
        report.submit(caller.username(), caller.displayName(), key);
        DistrictSubmission.handIn(
                em,
                audit,
                office,
                report,
                task,
                caller.hasRole(Caller.UNIT_REPORTER) ? null : caller.username());
    }

    /**
     * Takes the key for this report. If an earlier request holds it (even one committing right now:
     * the insert waits for it), this transaction is rolled back and the earlier request's report is
     * the answer.
     */
    private Optional<ProgressReport> claim(String key, UUID reportId) {
        return keys.claim("report", key, reportId, reports::visible);
    }

    private ProgressReport ownDraft(UUID reportId, Integer expectedVersion) {
        ProgressReport report = reports.visible(reportId);
        tasks.reportable(report.getTask().getId());
        if (report.getState() != ReportState.DRAFT) {
            throw DubanException.conflict("report.frozen", "已提交的报送及其佐证材料不能修改。");
        }
        report.requireVersion(expectedVersion, "report.stale", "草稿已在别处修改，请刷新后重试。");
        return report;
    }

    private void apply(ProgressReport report, Task task, Draft draft) {
        if (draft == null) throw DubanException.badRequest("report.empty", "请填写进展情况。");
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.length() > MAX_TEXT)
            throw DubanException.badRequest("report.text-too-long", "进展情况过长（最多" + MAX_TEXT + "字）。");
        int percent = draft.percent() == null ? task.getProgress() : draft.percent();
        if (percent < 0 || percent > 100)
            throw DubanException.badRequest("report.percent-invalid", "完成进度应在 0 到 100 之间。");
        UUID checkpoint = draft.checkpointId();
        if (checkpoint != null
                && task.getCheckpoints().stream().noneMatch(c -> c.getId().equals(checkpoint))) {
            throw DubanException.badRequest("report.checkpoint-invalid", "所选阶段节点不属于该任务。");
        }
        report.edit(text, percent, checkpoint);
    }
}
