package cn.duban.evaluation.appeal.web;

import cn.duban.evaluation.appeal.Appeal;
import cn.duban.evaluation.appeal.AppealEvidence;
import cn.duban.evaluation.appeal.AppealRules;
import cn.duban.evaluation.appeal.AppealService;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.web.EvidenceDownload;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import cn.duban.web.UploadLimit;
import cn.duban.web.Uploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Appeals (申诉): filing with evidence, lists, one appeal, the decision, evidence downloads. */
@Tag(name = ApiTags.EVALUATION)
@Path("/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppealResource {

    @Inject AppealService appeals;

    @Inject EvidenceContents contents;

    public record EvidenceView(UUID id, String fileName, int size, String sha256) {
        static EvidenceView of(AppealEvidence e) {
            return new EvidenceView(
                    e.getId(), e.getFile().fileName(), e.getFile().size(), e.getFile().sha256());
        }
    }

    public record AppealView(
            UUID id,
            UUID unitId,
            String period,
            String kind,
            String target,
            String indicator,
            UUID taskId,
            UUID adjustmentId,
            BigDecimal contestedPoints,
            String reason,
            String status,
            String filedBy,
            Instant filedAt,
            String decision,
            BigDecimal correctedPoints,
            String decidedBy,
            Instant decidedAt,
            Integer republishedVersion,
            List<EvidenceView> evidence) {
        static AppealView of(Appeal a, List<AppealEvidence> files) {
            return new AppealView(
                    a.getId(),
                    a.getUnitId(),
                    a.getPeriodKey(),
                    a.getKind().name(),
                    a.getTargetLabel(),
                    a.getIndicator(),
                    a.getTaskId(),
                    a.getAdjustmentId(),
                    a.getContestedPoints(),
                    a.getReason(),
                    a.getStatus().name(),
                    a.getFiledBy(),
                    a.getFiledAt(),
                    a.getDecision(),
                    a.getCorrectedPoints(),
                    a.getDecidedBy(),
                    a.getDecidedAt(),
                    a.getRepublishedVersion(),
                    files == null ? null : files.stream().map(EvidenceView::of).toList());
        }
    }

    public record DecisionRequest(String decision, String note, BigDecimal correctedPoints) {}

    public record WindowView(int days) {}

    @Operation(summary = "申诉列表（区府办、领导：全区，可按考核期、状态、单位筛选；单位：本单位）")
    @GET
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<AppealView> list(
            @QueryParam("period") String period,
            @QueryParam("status") String status,
            @QueryParam("unit") String unit) {
        return appeals
                .list(
                        period,
                        Requests.enumValue(Appeal.Status.class, status, "status"),
                        Requests.uuid(unit, "unit"))
                .stream()
                .map(a -> AppealView.of(a, null))
                .toList();
    }

    @Operation(summary = "本单位当前可申诉的事项（得分项、扣分事项、逾期认定）")
    @GET
    @Path("/targets")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public List<AppealService.Target> targets(@QueryParam("period") String period) {
        return appeals.targets(Requests.period(period));
    }

    @Operation(
            summary = "提出申诉（multipart：kind、period、indicator、taskId、adjustmentId、reason、file 可多个）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    @UploadLimit(
            file = (long) EvidenceFile.MAX_BYTES * AppealRules.MAX_FILES,
            code = "evidence.too-large",
            detail = "佐证材料每个文件不超过 10 MB，每件申诉最多 4 个文件。")
    public Response file(List<EntityPart> parts, @Context UriInfo uri) throws IOException {
        List<AppealService.Upload> files = new ArrayList<>();
        for (EntityPart p : parts == null ? List.<EntityPart>of() : parts) {
            if (!"file".equals(p.getName())) continue;
            byte[] content = Requests.bytes(p.getContent(), EvidenceFile.MAX_BYTES);
            // The report evidence's limit, before anything else about the appeal.
            if (content.length > EvidenceFile.MAX_BYTES)
                throw new DubanException(
                        413,
                        "evidence.too-large",
                        "佐证材料每个文件不超过 " + EvidenceFile.MAX_BYTES / 1024 / 1024 + " MB。");
            files.add(new AppealService.Upload(p.getFileName().orElse(null), content));
        }
        AppealService.Filing filing =
                new AppealService.Filing(
                        text(parts, "period"),
                        Requests.enumValue(Appeal.Kind.class, text(parts, "kind"), "kind"),
                        text(parts, "indicator"),
                        Requests.uuid(text(parts, "taskId"), "taskId"),
                        Requests.uuid(text(parts, "adjustmentId"), "adjustmentId"),
                        text(parts, "reason"));
        Appeal a = appeals.file(filing, files);
        return Response.created(
                        uri.getBaseUriBuilder().path("appeals").path(a.getId().toString()).build())
                .entity(AppealView.of(a, appeals.evidence(a.getId())))
                .build();
    }

    @Operation(summary = "查看申诉")
    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public AppealView get(@PathParam("id") UUID id) {
        return AppealView.of(appeals.get(id), appeals.evidence(id));
    }

    @Operation(summary = "处理申诉：{decision: ACCEPT|REJECT, note, correctedPoints}")
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public AppealView decide(@PathParam("id") UUID id, DecisionRequest request) {
        String decision =
                request == null || request.decision() == null ? "" : request.decision().strip();
        if (!decision.equals("ACCEPT") && !decision.equals("REJECT"))
            throw DubanException.badRequest("appeal.decision", "请选择采纳（ACCEPT）或驳回（REJECT）。");
        Appeal a =
                appeals.decide(
                        id,
                        new AppealService.Decision(
                                decision.equals("ACCEPT"),
                                request.note(),
                                request.correctedPoints()));
        return AppealView.of(a, appeals.evidence(id));
    }

    @Operation(summary = "下载申诉的佐证材料")
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
    public Response evidence(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        AppealEvidence e = appeals.evidenceFile(id, evidenceId);
        return EvidenceDownload.of(e.getFile(), contents);
    }

    @Operation(summary = "申诉期（天）")
    @GET
    @Path("/settings")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public WindowView settings() {
        return new WindowView(appeals.settings().getWindowDays());
    }

    @Operation(summary = "修改申诉期（天，1–60）")
    @PUT
    @Path("/settings")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public WindowView changeSettings(WindowView view) {
        if (view == null) throw DubanException.badRequest("appeal.window", "申诉期应为1至60天。");
        return new WindowView(appeals.changeWindow(view.days()).getWindowDays());
    }

    private static String text(List<EntityPart> parts, String name) throws IOException {
        Optional<EntityPart> p =
                (parts == null ? List.<EntityPart>of() : parts)
                        .stream().filter(x -> name.equals(x.getName())).findFirst();
        return p.isEmpty() ? null : Uploads.field(p.get());
    }
}
