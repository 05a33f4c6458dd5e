package cn.duban.ledger.web;

import cn.duban.ledger.AssignmentService;
import cn.duban.ledger.Checkpoint;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.EvidenceInfo;
import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.ExtensionService;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.ProgressReportService;
import cn.duban.ledger.Rating;
import cn.duban.ledger.ReminderService;
import cn.duban.ledger.ReportState;
import cn.duban.ledger.ReviewService;
import cn.duban.ledger.TaskDetails;
import cn.duban.ledger.TaskParts;
import cn.duban.ledger.TaskView;
import cn.duban.ledger.escalation.EscalationDecisions;
import cn.duban.ledger.escalation.EscalationQueries;
import cn.duban.ledger.escalation.EscalationView;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;

/**
 * One task: its point, checkpoints, reports and history. The unit writes and submits its report
 * here; the district office reviews, changes the deadline, flags it, reminds.
 */
@Named
@ViewScoped
public class TaskPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject AssignmentService assignments;

    @Inject ExtensionService extensionService;

    @Inject ProgressReportService reports;

    @Inject ReviewService reviews;

    @Inject TaskDetails details;

    @Inject TaskParts parts;

    @Inject ReminderService reminders;

    @Inject cn.duban.ledger.LeaderService leaders;

    /** A report with its evidence files. */
    public record Line(ProgressReport report, List<EvidenceInfo> evidence) {}

    private UUID id;
    private TaskView task;
    private String pointText;
    private List<Checkpoint> checkpoints;
    private List<Line> lines;
    private List<ExtensionRequest> extensions;

    // sources: the task's source and the leader's word
    private cn.duban.plan.SourceReference source;
    private List<cn.duban.ledger.TaskInstruction> instructions;
    private String instructionText;
    private String signOffReason;
    private String signOffNote;

    // who supervises the task, its parts (分解) and the town's split form
    private TaskDetails.Supervision supervision;
    private List<String> splitUnits = new java.util.ArrayList<>();
    private LocalDate splitDeadline;

    // the unit's draft
    private String draftText;
    private Integer draftPercent;
    private UUID draftCheckpoint;

    /** One key per page view: a double click or a retried request submits once. */
    private final String submitKey = UUID.randomUUID().toString();

    // the district office's inputs
    private String reviewComment;
    private String rating = Rating.GOOD.name();
    private LocalDate newDeadline;
    private String reason;
    private String message;
    private LocalDate extensionDate;
    private String reuseSha;
    private transient List<StoredFile> reusable;
    private String extensionReason;

    public void load() {
        if (loadData()) {
            if (isCarryOver()) {
                // A returned report is corrected, not retyped: the unit's draft starts from it.
                try {
                    reports.create(
                            id, new ProgressReportService.Draft(null, null, null), false, null);
                } catch (DubanException e) {
                    Messages.error(e);
                }
                loadData();
            }
            fillDraft();
        }
    }

    /** The unit opens a task whose newest report was returned and has no draft yet. */
    private boolean isCarryOver() {
        return isCanReport() && getDraftLine() == null && getReturnedLine() != null;
    }

    /** The newest submitted report, if it was returned (the draft then corrects it). */
    public Line getReturnedLine() {
        return lines == null
                ? null
                : lines.stream()
                        .filter(l -> l.report().getState() != ReportState.DRAFT)
                        .findFirst()
                        .filter(l -> l.report().getState() == ReportState.RETURNED)
                        .orElse(null);
    }

    private boolean loadData() {
        try {
            TaskDetails.Detail d = details.of(id);
            task = d.task();
            pointText = d.pointText();
            checkpoints = d.checkpoints();
            lines = d.reports().stream().map(r -> new Line(r.report(), r.evidence())).toList();
            extensions = d.extensions();
            source = d.source();
            instructions = d.instructions();
            signOffNote = d.signOffNote();
            supervision = d.supervision();
            reusable = null;
            return true;
        } catch (DubanException e) {
            Messages.error(e);
            task = null;
            return false;
        }
    }

    /** The form starts from the saved draft, or empty at the task's current progress. */
    private void fillDraft() {
        Line draft = getDraftLine();
        draftText = draft == null ? null : draft.report().getText();
        draftPercent = draft == null ? task.progress() : draft.report().getPercent();
        draftCheckpoint = draft == null ? null : draft.report().getCheckpointId();
    }

    public java.util.Optional<Line> getDraft() {
        return lines == null
                ? java.util.Optional.empty()
                : lines.stream()
                        .filter(l -> l.report().getState() == ReportState.DRAFT)
                        .findFirst();
    }

    public Line getDraftLine() {
        return getDraft().orElse(null);
    }

    public Line getPending() {
        return lines == null
                ? null
                : lines.stream()
                        .filter(l -> l.report().getState() == ReportState.SUBMITTED)
                        .findFirst()
                        .orElse(null);
    }

    /** The unit's reporters write reports on open tasks, except while one is being reviewed. */
    public boolean isCanReport() {
        Caller c = Caller.current().orElse(null);
        return task != null
                && task.status().open()
                && task.status() != cn.duban.ledger.TaskStatus.SUBMITTED
                && c != null
                && c.hasRole(Caller.UNIT_REPORTER);
    }

    /**
     * The caller supervises this task (区府办, or the town that runs it): it reviews the reports,
     * decides extensions and manages deadline, reminders and cancelling.
     */
    public boolean isCanReview() {
        return supervision != null && supervision.canReview();
    }

    public TaskDetails.Supervision getSupervision() {
        return supervision;
    }

    public List<String> getSplitUnits() {
        return splitUnits;
    }

    public void setSplitUnits(List<String> splitUnits) {
        this.splitUnits = splitUnits;
    }

    public LocalDate getSplitDeadline() {
        return splitDeadline;
    }

    public void setSplitDeadline(LocalDate splitDeadline) {
        this.splitDeadline = splitDeadline;
    }

    /** 分解: the town's 单位管理员 gives the task to the chosen 下级单位. */
    public void split() {
        List<TaskParts.Request> requested =
                splitUnits == null
                        ? List.of()
                        : splitUnits.stream()
                                .map(u -> new TaskParts.Request(UUID.fromString(u), splitDeadline))
                                .toList();
        if (act(() -> parts.split(id, requested))) {
            Messages.info("task.parts.split.done", requested.size());
            splitUnits = new java.util.ArrayList<>();
            splitDeadline = null;
        }
    }

    public boolean isAdmin() {
        return Caller.current().map(c -> c.hasRole(Caller.DISTRICT_ADMIN)).orElse(false);
    }

    /**
     * Whether the caller wrote or submitted the report: its review is someone else's (the service
     * refuses it too).
     */
    public boolean isOwn(ProgressReport report) {
        return Caller.current().map(c -> report.isAuthoredBy(c.username())).orElse(false);
    }

    public void saveDraft() {
        if (act(this::writeDraft)) Messages.info("task.draftSaved");
    }

    public void submit() {
        if (act(
                () -> {
                    UUID draft = writeDraft();
                    reports.submit(draft, submitKey);
                })) Messages.info("task.submitted");
    }

    private UUID writeDraft() {
        ProgressReportService.Draft d =
                new ProgressReportService.Draft(draftText, draftPercent, draftCheckpoint);
        Line existing = getDraftLine();
        if (existing == null) return reports.create(id, d, false, null).getId();
        reports.update(existing.report().getId(), d, null);
        return existing.report().getId();
    }

    /**
     * Evidence goes on the draft (an empty one is started if needed); the text being typed is left
     * alone.
     */
    public void upload(FileUploadEvent event) {
        try {
            UUID draftId = draftId();
            byte[] content =
                    Uploads.content(
                            event.getFile(),
                            ProgressReportService.MAX_FILE_BYTES,
                            EvidenceFile.EXTENSIONS.toArray(String[]::new));
            reports.addEvidence(draftId, event.getFile().getFileName(), content);
        } catch (DubanException e) {
            Messages.error(e);
        }
        loadData();
    }

    /** The files the unit has already given (选择已有佐证), read once per page load. */
    public List<StoredFile> getReusable() {
        if (reusable == null) {
            try {
                reusable = reports.reusableForTask(id);
            } catch (DubanException e) {
                reusable = List.of();
            }
        }
        return reusable;
    }

    public String getReuseSha() {
        return reuseSha;
    }

    public void setReuseSha(String reuseSha) {
        this.reuseSha = reuseSha;
    }

    /** Attaches the chosen earlier file to the draft (started if needed), by reference. */
    public void reuse() {
        if (reuseSha == null || reuseSha.isBlank()) return; // the menu is required
        try {
            UUID draftId = draftId();
            reports.reuseEvidence(draftId, reuseSha);
            reuseSha = null;
            Messages.info("task.evidenceReused");
        } catch (DubanException e) {
            Messages.error(e);
        }
        loadData();
    }

    /** The draft evidence goes on: the open one, or an empty one started at the task's progress. */
    private UUID draftId() {
        Line draft = getDraftLine();
        return draft != null
                ? draft.report().getId()
                : reports.create(
                                id,
                                new ProgressReportService.Draft("", task.progress(), null),
                                false,
                                null)
                        .getId();
    }

    public void removeEvidence(UUID reportId, UUID evidenceId) {
        try {
            reports.removeEvidence(reportId, evidenceId);
        } catch (DubanException e) {
            Messages.error(e);
        }
        loadData();
    }

    public void approve(UUID reportId, int version) {
        if (act(
                () ->
                        reviews.review(
                                reportId,
                                new ReviewService.Review("APPROVE", reviewComment, rating),
                                version))) {
            Messages.info("task.approved");
        }
    }

    public void returnReport(UUID reportId, int version) {
        if (act(
                () ->
                        reviews.review(
                                reportId,
                                new ReviewService.Review("RETURN", reviewComment, null),
                                version))) {
            Messages.info("task.returned");
        }
    }

    public void changeDeadline() {
        if (act(() -> assignments.changeDeadline(id, newDeadline, reason, task.version())))
            Messages.info("task.deadlineChanged");
    }

    public void toggleKey() {
        act(() -> assignments.update(id, !task.keyTask(), null, task.version()));
    }

    public void remind() {
        if (act(() -> reminders.remind(id, message))) {
            chases = null;
            Messages.info("task.reminded");
        }
    }

    public void cancel() {
        if (act(() -> assignments.cancel(id, reason, task.version())))
            Messages.info("task.cancelled");
    }

    private List<ReminderService.Chase> chases;

    @Inject EscalationQueries escalationQueries;

    @Inject EscalationDecisions escalationDecisions;

    private List<EscalationView> escalations;

    /** The task's rungs of the escalation ladder (督办升级), for everyone who sees the task. */
    public List<EscalationView> getEscalations() {
        if (escalations == null) {
            try {
                escalations = escalationQueries.forTask(id);
            } catch (DubanException e) {
                escalations = List.of();
            }
        }
        return escalations;
    }

    /** The unit head signs for a 督办单 (签收). */
    public void acknowledge(UUID escalation) {
        if (act(() -> escalationDecisions.acknowledge(escalation))) {
            escalations = null;
            chases = null;
            Messages.info("escalation.signed");
        }
    }

    public boolean isUnitHead() {
        return Caller.current().map(c -> c.hasRole(cn.duban.platform.Role.UNIT_HEAD)).orElse(false);
    }

    /** The task's 催办 and reminders with their read receipts: the office's and leaders' view. */
    public List<ReminderService.Chase> getChases() {
        if (chases == null) {
            try {
                chases = isAdmin() || isLeader() ? reminders.chases(id) : List.of();
            } catch (DubanException e) {
                chases = List.of();
            }
        }
        return chases;
    }

    public boolean isLeader() {
        return Caller.current().map(c -> c.hasRole(Caller.LEADER)).orElse(false);
    }

    public cn.duban.plan.SourceReference getSource() {
        return source;
    }

    public List<cn.duban.ledger.TaskInstruction> getInstructions() {
        return instructions;
    }

    public String getInstructionText() {
        return instructionText;
    }

    public void setInstructionText(String instructionText) {
        this.instructionText = instructionText;
    }

    public String getSignOffNote() {
        return signOffNote;
    }

    public String getSignOffReason() {
        return signOffReason;
    }

    public void setSignOffReason(String signOffReason) {
        this.signOffReason = signOffReason;
    }

    public void instruct() {
        if (act(() -> leaders.instruct(id, instructionText))) Messages.info("task.instructed");
    }

    /** SIGN_OFF or SEND_BACK (a leader), ASK_AGAIN (the district office). */
    public void decideSignOff(String decision) {
        if (act(
                () ->
                        leaders.decide(
                                id,
                                cn.duban.ledger.SignOff.Decision.valueOf(decision),
                                signOffReason,
                                task.version()))) Messages.info("task.signoff." + decision);
    }

    public void requestExtension() {
        if (act(() -> extensionService.requestExtension(id, extensionDate, extensionReason)))
            Messages.info("task.extensionRequested");
    }

    public void decideExtension(UUID requestId, boolean approve) {
        act(() -> extensionService.decideExtension(requestId, approve, reviewComment));
    }

    /** Runs an action and reloads the task; on failure shows why and keeps what the user typed. */
    private boolean act(Runnable action) {
        try {
            action.run();
            clearInputs();
            load();
            return true;
        } catch (DubanException e) {
            Messages.error(e);
            loadData();
            return false;
        }
    }

    private void clearInputs() {
        reviewComment = null;
        reason = null;
        message = null;
        newDeadline = null;
        extensionDate = null;
        extensionReason = null;
        instructionText = null;
        signOffReason = null;
    }

    public Rating[] getRatings() {
        return Rating.values();
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public TaskView getTask() {
        return task;
    }

    public String getPointText() {
        return pointText;
    }

    public List<Checkpoint> getCheckpoints() {
        return checkpoints;
    }

    public List<Line> getLines() {
        return lines;
    }

    public List<ExtensionRequest> getExtensions() {
        return extensions;
    }

    public String getDraftText() {
        return draftText;
    }

    public void setDraftText(String draftText) {
        this.draftText = draftText;
    }

    public Integer getDraftPercent() {
        return draftPercent;
    }

    public void setDraftPercent(Integer draftPercent) {
        this.draftPercent = draftPercent;
    }

    public UUID getDraftCheckpoint() {
        return draftCheckpoint;
    }

    public void setDraftCheckpoint(UUID draftCheckpoint) {
        this.draftCheckpoint = draftCheckpoint;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public void setReviewComment(String reviewComment) {
        this.reviewComment = reviewComment;
    }

    public String getRating() {
        return rating;
    }

    public void setRating(String rating) {
        this.rating = rating;
    }

    public LocalDate getNewDeadline() {
        return newDeadline;
    }

    public void setNewDeadline(LocalDate newDeadline) {
        this.newDeadline = newDeadline;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public LocalDate getExtensionDate() {
        return extensionDate;
    }

    public void setExtensionDate(LocalDate extensionDate) {
        this.extensionDate = extensionDate;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public void setExtensionReason(String extensionReason) {
        this.extensionReason = extensionReason;
    }
}
