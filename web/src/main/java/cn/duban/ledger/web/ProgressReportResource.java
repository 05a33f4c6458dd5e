package cn.duban.ledger.web;

import cn.duban.ledger.Evidence;
import cn.duban.ledger.EvidenceInfo;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.ProgressReportQueries;
import cn.duban.ledger.ProgressReportService;
import cn.duban.ledger.ReviewService;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.ledger.evidence.web.EvidenceDownload;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import cn.duban.web.UploadLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress reports: drafts, evidence files, submission and review. */
@Tag(name = ApiTags.REPORTS)
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgressReportResource {

    @Inject ProgressReportService reports;

    @Inject ProgressReportQueries reportQueries;

    @Inject ReviewService reviews;

    @Inject EvidenceContents contents;

    public record ReportInput(String text, Integer percent, UUID checkpointId, Boolean submit) {
        ProgressReportService.Draft draft() {
            return new ProgressReportService.Draft(text, percent, checkpointId);
        }
    }

    public record ReportView(
            UUID id,
            UUID taskId,
            String unitName,
            String taskTitle,
            String state,
            String text,
            int percent,
            UUID checkpointId,
            String createdBy,
            Instant createdAt,
            String submittedBy,
            String submittedByName,
            Instant submittedAt,
            String reviewedBy,
            Instant reviewedAt,
            String reviewComment,
            String rating,
            int version,
            List<EvidenceInfo> evidence) {
        static ReportView of(ProgressReport r, List<EvidenceInfo> evidence) {
            return new ReportView(
                    r.getId(),
                    r.getTask().getId(),
                    r.getTask().getUnit().getName(),
                    r.getTask().getTitle(),
                    r.getState().name(),
                    r.getText(),
                    r.getPercent(),
                    r.getCheckpointId(),
                    r.getCreatedBy(),
                    r.getCreatedAt(),
                    r.getSubmittedBy(),
                    r.getSubmittedByName(),
                    r.getSubmittedAt(),
                    r.getReviewedBy(),
                    r.getReviewedAt(),
                    r.getReviewComment(),
                    r.getRating() == null ? null : r.getRating().name(),
                    r.getVersion(),
                    evidence);
        }
    }

    @Operation(summary = "待审核的进展报送")
    @GET
    @Path("/pending")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public List<ReportView> pending(@QueryParam("limit") @DefaultValue("100") int limit) {
        return reviews.awaitingReview(limit).stream()
                .map(r -> ReportView.of(r, List.of()))
                .toList();
    }

    @Operation(summary = "查看进展报送")
    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public ReportView get(@PathParam("id") UUID id) {
        return view(id);
    }

    @Operation(summary = "修改报送草稿", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 report.stale。")
    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    public ReportView update(
            @PathParam("id") UUID id,
            ReportInput input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (input == null) throw DubanException.badRequest("report.empty", "请填写进展情况。");
        reports.update(id, input.draft(), Requests.version(ifMatch));
        return view(id);
    }

    @Operation(summary = "删除报送草稿")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    public Response deleteDraft(@PathParam("id") UUID id) {
        reports.deleteDraft(id);
        return Response.noContent().build();
    }

    /** Submits a draft; an {@code Idempotency-Key} makes a retried request harmless. */
    @Operation(summary = "提交报送草稿", description = "带 Idempotency-Key 时可安全重试：同一键的重复请求返回首次的结果，不重复提交。")
    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    public ReportView submit(
            @PathParam("id") UUID id,
            @Parameter(description = ApiTags.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key")
                    String key) {
        return view(reports.submit(id, key).getId());
    }

    /**
     * Approve (with a quality rating when the report completes the task) or return with a comment.
     */
    @Operation(
            summary = "审核进展报送（通过或退回）",
            description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 report.stale。")
    @POST
    @Path("/{id}/review")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public ReportView review(
            @PathParam("id") UUID id,
            ReviewService.Review review,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        reviews.review(id, review, Requests.version(ifMatch));
        return view(id);
    }

    /** One evidence file (part {@code file}) for a draft. */
    @Operation(summary = "上传佐证材料")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    @UploadLimit(
            file = ProgressReportService.MAX_FILE_BYTES,
            code = "evidence.too-large",
            detail = "佐证材料每个文件不超过 10 MB。")
    public Response upload(@PathParam("id") UUID id, List<EntityPart> parts) throws IOException {
        EntityPart file = Requests.part(parts, "file", "evidence.missing", "请选择要上传的文件（表单字段 file）。");
        byte[] content = Requests.bytes(file.getContent(), ProgressReportService.MAX_FILE_BYTES);
        return Response.status(201)
                .entity(reports.addEvidence(id, file.getFileName().orElse(""), content))
                .build();
    }

    /** A reference to a file the unit has already given: its SHA-256. */
    public record EvidenceReference(String sha256) {}

    /**
     * Attaches a file the report's unit has already given (选择已有佐证), by its SHA-256: a new
     * reference, the bytes are not sent or stored again.
     */
    @Operation(
            summary = "引用已有佐证材料",
            description =
                    "按 SHA-256 引用本单位已上传过的文件（GET …/reusable-evidence 列出），不重复上传。"
                            + "本单位未上传过的（其他单位或其他区的）返回 404 evidence.not-found。")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    public Response reuse(@PathParam("id") UUID id, EvidenceReference ref) {
        return Response.status(201)
                .entity(reports.reuseEvidence(id, ref == null ? null : ref.sha256()))
                .build();
    }

    @Operation(summary = "可引用的已有佐证材料（本单位上传过的文件，同一内容一次）")
    @GET
    @Path("/{id}/reusable-evidence")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN, Role.DISTRICT_ADMIN})
    public List<StoredFile> reusable(@PathParam("id") UUID id) {
        return reports.reusable(id);
    }

    @Operation(summary = "下载佐证材料")
    @GET
    @Path("/{id}/evidence/{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response download(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        Evidence e = reportQueries.download(id, evidenceId);
        return EvidenceDownload.of(e.getFile(), contents);
    }

    @Operation(summary = "删除佐证材料")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{id}/evidence/{evidenceId}")
    @RolesAllowed({Role.UNIT_REPORTER, Role.DISTRICT_ADMIN})
    public Response removeEvidence(
            @PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        reports.removeEvidence(id, evidenceId);
        return Response.noContent().build();
    }

    private ReportView view(UUID id) {
        return ReportView.of(reportQueries.visible(id), reportQueries.evidence(id));
    }
}
