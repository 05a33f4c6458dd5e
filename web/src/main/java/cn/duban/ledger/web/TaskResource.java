package cn.duban.ledger.web;

import cn.duban.audit.AuditEntry;
import cn.duban.audit.AuditService;
import cn.duban.ledger.AssignmentService;
import cn.duban.ledger.Checkpoint;
import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.ExtensionService;
import cn.duban.ledger.ProgressReportQueries;
import cn.duban.ledger.ProgressReportService;
import cn.duban.ledger.ReminderService;
import cn.duban.ledger.TaskDetails;
import cn.duban.ledger.TaskFilter;
import cn.duban.ledger.TaskParts;
import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.TaskView;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The task ledger: lists with filters, "my tasks", one task with its checkpoints, reports,
 * extension requests and history, and the district office's edits. Reporters see their own unit's
 * tasks only; anything else is 404.
 */
@Tag(name = ApiTags.LEDGER)
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject TaskQueries tasks;

    @Inject AssignmentService assignments;

    @Inject ExtensionService extensions;

    @Inject ProgressReportService reports;

    @Inject ProgressReportQueries reportQueries;

    @Inject TaskDetails details;

    @Inject TaskParts parts;

    @Inject ReminderService reminders;

    @Inject cn.duban.ledger.escalation.EscalationQueries escalations;

    @Inject AuditService audit;

    @Inject cn.duban.ledger.LedgerSheetService sheets;

    @Inject cn.duban.ledger.LeaderService leaders;

    public record Page(long total, int offset, int limit, List<TaskView> items) {}

    public record TaskDetail(
            TaskView task,
            String pointText,
            List<CheckpointView> checkpoints,
            List<ProgressReportResource.ReportView> reports,
            List<ExtensionView> extensions,
            SourceView source,
            List<InstructionView> instructions,
            TaskDetails.Supervision supervision) {}

    /** 分解: the 下级单位 to split a town's task to. */
    public record SplitRequest(List<TaskParts.Request> parts) {}

    public record CheckpointView(UUID id, String label, LocalDate due, LocalDate doneOn) {
        static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.getId(), c.getLabel(), c.getDue(), c.getDoneOn());
        }
    }

    public record ExtensionView(
            UUID id,
            UUID taskId,
            LocalDate currentDeadline,
            LocalDate requestedDate,
            String reason,
            String state,
            String requestedBy,
            Instant requestedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionComment) {
        static ExtensionView of(ExtensionRequest e) {
            return new ExtensionView(
                    e.getId(),
                    e.getTask().getId(),
                    e.getCurrentDeadline(),
                    e.getRequestedDate(),
                    e.getReason(),
                    e.getState().name(),
                    e.getRequestedBy(),
                    e.getRequestedAt(),
                    e.getDecidedBy(),
                    e.getDecidedAt(),
                    e.getDecisionComment());
        }
    }

    public record HistoryEntry(long seq, Instant at, String actor, String action, String detail) {
        static HistoryEntry of(AuditEntry a) {
            return new HistoryEntry(
                    a.getSeq(), a.getAt(), a.getActor(), a.getAction(), a.getDetail());
        }
    }

    public record AssignRequest(UUID pointId, UUID unitId, String role) {}

    public record TaskUpdate(Boolean keyTask, String role) {}

    public record DeadlineChange(LocalDate deadline, String reason) {}

    public record CancelRequest(String reason) {}

    public record BulkEdit(
            List<UUID> taskIds, Boolean keyTask, LocalDate deadline, String reason) {}

    public record ExtensionInput(LocalDate requestedDate, String reason) {}

    public record ReminderInput(String message) {}

    // sources (issue 19 items 5–6): a task's source and the leader's word.
    public record InstructionInput(String text) {}

    public record InstructionView(
            UUID id, String text, String givenBy, String givenByName, Instant givenAt) {
        static InstructionView of(cn.duban.ledger.TaskInstruction i) {
            return new InstructionView(
                    i.getId(), i.getText(), i.getGivenBy(), i.getGivenByName(), i.getGivenAt());
        }
    }

    public record SignOffInput(String decision, String reason) {}

    public record SourceView(String source, String label, String referenceKind, String reference) {
        static SourceView of(cn.duban.plan.SourceReference r) {
            return new SourceView(
                    r.source().name(), r.source().label(), r.kind().name(), r.reference());
        }
    }

    @Operation(summary = "任务台账查询（筛选、分页）")
    @GET
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Page list(
            @BeanParam TaskQuery query,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        TaskFilter filter = query.filter(offset, limit);
        TaskQueries.TaskPage page = tasks.page(filter);
        return new Page(page.total(), filter.offset(), filter.limit(), page.rows());
    }

    /** The filtered ledger as an Excel workbook in the customary layout. */
    @Operation(summary = "导出任务台账（Excel）")
    @GET
    @Path("/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response export(@BeanParam TaskQuery query) {
        TaskFilter filter = query.filter(0, TaskFilter.MAX_LIMIT);
        String title = "任务台账";
        byte[] xlsx = sheets.export(filter, title);
        String file = title + "-" + cn.duban.ledger.LedgerClock.today() + ".xlsx";
        return Response.ok(xlsx)
                .header("Content-Disposition", Requests.disposition(false, file))
                .build();
    }

    /** A unit's own ledger as PDF (a reporter: always its own unit). */
    @Operation(summary = "单位任务台账（PDF）")
    @GET
    @Path("/ledger.pdf")
    @Produces("application/pdf")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response unitLedgerPdf(@QueryParam("unit") String unit) {
        byte[] pdf = sheets.unitPdf(Requests.uuid(unit, "unit"));
        return Response.ok(pdf)
                .header(
                        "Content-Disposition",
                        Requests.disposition(
                                true, "任务台账-" + cn.duban.ledger.LedgerClock.today() + ".pdf"))
                .build();
    }

    /**
     * A filled ledger (part {@code file}): new progress becomes submitted reports, all rows or
     * none.
     */
    @Operation(summary = "导入填好的台账表格（批量报送进展）")
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_REPORTER})
    @cn.duban.web.UploadLimit(
            file = IMPORT_LIMIT,
            code = "ledger.import.too-large",
            detail = "台账文件超过 10 MB。")
    public cn.duban.ledger.LedgerSheetService.Imported importFilled(
            List<jakarta.ws.rs.core.EntityPart> parts) throws java.io.IOException {
        var file = Requests.part(parts, "file", "ledger.import.missing", "请选择要导入的台账文件（表单字段 file）。");
        byte[] content = Requests.bytes(file.getContent(), IMPORT_LIMIT);
        if (content.length > IMPORT_LIMIT) {
            throw new DubanException(
                    413,
                    "ledger.import.too-large",
                    "台账文件超过 " + IMPORT_LIMIT / 1024 / 1024 + " MB。");
        }
        return sheets.importFilled(content);
    }

    private static final int IMPORT_LIMIT = 10 * 1024 * 1024;

    /** The caller's unit's open tasks, most urgent first. */
    @Operation(summary = "本单位的任务")
    @GET
    @Path("/mine")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN, Role.DISTRICT_ADMIN})
    public List<TaskView> mine(@QueryParam("limit") @DefaultValue("200") int limit) {
        return tasks.mine(limit);
    }

    /** Key tasks a leader has to sign off (审结), oldest approval first. */
    @Operation(summary = "待领导审结的重点任务")
    @GET
    @Path("/awaiting-signoff")
    @RolesAllowed({Role.LEADER, Role.DISTRICT_ADMIN})
    public List<TaskView> awaitingSignOff(@QueryParam("limit") @DefaultValue("200") int limit) {
        return tasks.awaitingSignOff(limit);
    }

    @Operation(summary = "领导批示（向任务添加批示）")
    @APIResponse(responseCode = "201", description = "已添加，责任单位收到通知")
    @POST
    @Path("/{id}/instructions")
    @RolesAllowed(Role.LEADER)
    public Response instruct(@PathParam("id") UUID id, InstructionInput input) {
        var i = leaders.instruct(id, input == null ? null : input.text());
        return Response.status(Response.Status.CREATED).entity(InstructionView.of(i)).build();
    }

    @Operation(
            summary = "重点任务审结（审结、退回区府办、重新提请）",
            description =
                    "decision：SIGN_OFF（领导审结）、SEND_BACK（领导退回区府办，须填 reason）、ASK_AGAIN（区府办重新提请）。"
                            + "带 If-Match（版本号）时按版本检查：版本已变返回 409 task.stale。")
    @POST
    @Path("/{id}/signoff")
    @RolesAllowed({Role.LEADER, Role.DISTRICT_ADMIN})
    public TaskView signOff(
            @PathParam("id") UUID id,
            SignOffInput input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        leaders.decide(
                id,
                Requests.enumValue(
                        cn.duban.ledger.SignOff.Decision.class, input.decision(), "decision"),
                input.reason(),
                Requests.version(ifMatch));
        return tasks.view(id);
    }

    @Operation(summary = "查看任务详情")
    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public TaskDetail get(@PathParam("id") UUID id) {
        TaskDetails.Detail d = details.of(id);
        return new TaskDetail(
                d.task(),
                d.pointText(),
                d.checkpoints().stream().map(CheckpointView::of).toList(),
                d.reports().stream()
                        .map(r -> ProgressReportResource.ReportView.of(r.report(), r.evidence()))
                        .toList(),
                d.extensions().stream().map(ExtensionView::of).toList(),
                SourceView.of(d.source()),
                d.instructions().stream().map(InstructionView::of).toList(),
                d.supervision());
    }

    /** 分解: a town's 单位管理员 splits a district task given to the town to its 下级单位. */
    @Operation(summary = "街镇将区级任务分解到下级单位")
    @POST
    @Path("/{id}/parts")
    @RolesAllowed({Role.UNIT_ADMIN, Role.DISTRICT_ADMIN})
    public Response split(@PathParam("id") UUID id, SplitRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(parts.split(id, request == null ? null : request.parts()))
                .build();
    }

    /** The parts of a split task and their progress, for whoever sees the task. */
    @Operation(summary = "任务的分解情况")
    @GET
    @Path("/{id}/parts")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<TaskParts.Part> parts(@PathParam("id") UUID id) {
        return parts.parts(tasks.visible(id));
    }

    /** Everything that happened to the task, oldest first, from the audit trail. */
    @Operation(summary = "任务的变更历史")
    @GET
    @Path("/{id}/history")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        tasks.visible(id);
        return audit.history(id).stream().map(HistoryEntry::of).toList();
    }

    @Operation(summary = "交办任务")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response assign(AssignRequest request, @Context UriInfo uri) {
        if (request == null || request.pointId() == null || request.unitId() == null) {
            throw DubanException.badRequest("task.assign-invalid", "请指定工作要点（pointId）和单位（unitId）。");
        }
        UUID id =
                assignments
                        .assign(
                                request.pointId(),
                                request.unitId(),
                                Requests.enumValue(UnitRole.class, request.role(), "role"))
                        .getId();
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(tasks.view(id))
                .build();
    }

    @Operation(summary = "修改任务", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 task.stale。")
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public TaskView update(
            @PathParam("id") UUID id,
            TaskUpdate update,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (update == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        assignments.update(
                id,
                update.keyTask(),
                Requests.enumValue(UnitRole.class, update.role(), "role"),
                Requests.version(ifMatch));
        return tasks.view(id);
    }

    @Operation(summary = "调整任务期限", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 task.stale。")
    @PUT
    @Path("/{id}/deadline")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public TaskView changeDeadline(
            @PathParam("id") UUID id,
            DeadlineChange change,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (change == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        assignments.changeDeadline(
                id, change.deadline(), change.reason(), Requests.version(ifMatch));
        return tasks.view(id);
    }

    /** Takes the task from its unit (kept on record as cancelled). */
    @Operation(summary = "撤销任务", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 task.stale。")
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public TaskView cancel(
            @PathParam("id") UUID id,
            @QueryParam("reason") String reason,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        assignments.cancel(id, reason, Requests.version(ifMatch));
        return tasks.view(id);
    }

    @Operation(summary = "批量修改任务（重点任务标记、期限）")
    @POST
    @Path("/bulk")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response bulk(BulkEdit edit) {
        if (edit == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        int n = assignments.bulk(edit.taskIds(), edit.keyTask(), edit.deadline(), edit.reason());
        return Response.ok(java.util.Map.of("updated", n)).build();
    }

    @Operation(summary = "申请延期")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/extensions")
    @RolesAllowed(Role.UNIT_REPORTER)
    public Response requestExtension(@PathParam("id") UUID id, ExtensionInput input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return Response.status(201)
                .entity(
                        ExtensionView.of(
                                extensions.requestExtension(
                                        id, input.requestedDate(), input.reason())))
                .build();
    }

    /** A reader of a notice: who and when. */
    public record Reader(String username, String name, Instant at) {}

    /** A person of the unit who has not opened the notice yet. */
    public record Person(String username, String name) {}

    /** A 催办 or reminder to the task's unit, with who has read it and who has not (已读回执). */
    public record ChaseView(
            UUID id,
            String kind,
            String subject,
            String body,
            Instant sentAt,
            String sentBy,
            List<Reader> read,
            List<Person> notYet) {
        public static ChaseView of(ReminderService.Chase c) {
            return new ChaseView(
                    c.message().getId(),
                    c.message().getKind().name(),
                    c.message().getSubject(),
                    c.message().getBody(),
                    c.message().getCreatedAt(),
                    c.message().getCreatedBy(),
                    c.read().stream()
                            .map(r -> new Reader(r.getUsername(), r.getName(), r.getReadAt()))
                            .toList(),
                    c.notYet().stream()
                            .map(p -> new Person(p.username(), p.displayName()))
                            .toList());
        }
    }

    @Operation(
            summary = "催办记录与已读回执",
            description = "发给任务责任单位的催办和到期、逾期提醒，新的在前；每条列出已读的人和时间，以及本单位尚未打开的人。")
    @GET
    @Path("/{id}/reminders")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<ChaseView> chases(@PathParam("id") UUID id) {
        return reminders.chases(id).stream().map(ChaseView::of).toList();
    }

    @Operation(summary = "任务的督办升级记录", description = "提醒、督办单、点名通报、约谈各级的状态，旧的在前；能看到任务的人都能看到。")
    @GET
    @Path("/{id}/escalations")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<cn.duban.ledger.escalation.EscalationView> escalations(@PathParam("id") UUID id) {
        return escalations.forTask(id);
    }

    /** A manual reminder (催办) to the task's unit. */
    @Operation(summary = "催办任务")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @POST
    @Path("/{id}/reminders")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response remind(@PathParam("id") UUID id, ReminderInput input) {
        reminders.remind(id, input == null ? null : input.message());
        return Response.noContent().build();
    }

    @Operation(
            summary = "报送任务进展（草稿或直接提交）",
            description = "带 Idempotency-Key 时可安全重试：同一键的重复请求返回首次的结果，不重复提交。")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/reports")
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    public Response report(
            @PathParam("id") UUID id,
            ProgressReportResource.ReportInput input,
            @Parameter(description = ApiTags.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key")
                    String key,
            @Context UriInfo uri) {
        if (input == null) throw DubanException.badRequest("report.empty", "请填写进展情况。");
        var report = reports.create(id, input.draft(), Boolean.TRUE.equals(input.submit()), key);
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("reports")
                                .path(report.getId().toString())
                                .build())
                .entity(
                        ProgressReportResource.ReportView.of(
                                reportQueries.visible(report.getId()),
                                reportQueries.evidence(report.getId())))
                .build();
    }
}
