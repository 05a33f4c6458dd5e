package cn.duban.evaluation.web;

import cn.duban.evaluation.Adjustment;
import cn.duban.evaluation.AdjustmentService;
import cn.duban.evaluation.Period;
import cn.duban.evaluation.PeriodClosing;
import cn.duban.evaluation.Scheme;
import cn.duban.evaluation.SchemeIndicator;
import cn.duban.evaluation.SchemeInput;
import cn.duban.evaluation.SchemeService;
import cn.duban.evaluation.ScoreAdjustment;
import cn.duban.evaluation.ScoreSnapshot;
import cn.duban.evaluation.Standings;
import cn.duban.evaluation.StandingsService;
import cn.duban.evaluation.UnitScore;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.LedgerClock;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Evaluation (考核): schemes, rankings, a unit's breakdown, the trend, closing periods,
 * bonus/deduction items.
 */
@Tag(name = ApiTags.EVALUATION)
@Path("/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject SchemeService schemes;

    @Inject StandingsService standings;

    @Inject PeriodClosing closing;

    @Inject AdjustmentService adjustments;

    @Inject EvidenceContents contents;

    /** The {@code town} parameter: a town's own evaluation instead of the district office's. */
    static final String TOWN = "街镇 id：该街镇对其下级单位的考核（区府办、区领导只读；街镇单位管理员维护）。不填为区府办的考核。";

    public record IndicatorView(
            UUID id, String name, BigDecimal points, String target, UUID targetId) {
        static IndicatorView of(SchemeIndicator i) {
            return new IndicatorView(
                    i.getId(),
                    i.getName(),
                    i.getPoints(),
                    i.getTargetKind().name(),
                    i.getTargetId());
        }
    }

    public record SchemeView(
            UUID id,
            int year,
            int version,
            String name,
            String type,
            BigDecimal planWeight,
            @Schema(ref = "SchemeRules") Map<String, Object> rules,
            String note,
            String createdBy,
            Instant createdAt,
            List<IndicatorView> indicators) {
        static SchemeView of(Scheme s) {
            return new SchemeView(
                    s.getId(),
                    s.getYear(),
                    s.getVersion(),
                    s.getName(),
                    s.getType().name(),
                    s.getPlanWeight(),
                    s.rules().values(),
                    s.getNote(),
                    s.getCreatedBy(),
                    s.getCreatedAt(),
                    s.getIndicators().stream().map(IndicatorView::of).toList());
        }
    }

    public record SnapshotView(
            UUID id,
            String period,
            int version,
            UUID schemeId,
            LocalDate asOf,
            String sha256,
            String reason,
            String closedBy,
            Instant closedAt) {
        static SnapshotView of(ScoreSnapshot s) {
            return new SnapshotView(
                    s.getId(),
                    s.getPeriodKey(),
                    s.getVersion(),
                    s.getSchemeId(),
                    s.getAsOf(),
                    s.getSha256(),
                    s.getReason(),
                    s.getClosedBy(),
                    s.getClosedAt());
        }
    }

    public record AdjustmentView(
            UUID id,
            UUID unitId,
            String kind,
            BigDecimal points,
            String reason,
            LocalDate occurredOn,
            String evidenceName,
            String evidenceSha256,
            String createdBy,
            Instant createdAt) {
        static AdjustmentView of(ScoreAdjustment a) {
            return new AdjustmentView(
                    a.getId(),
                    a.getUnitId(),
                    a.getKind().name(),
                    a.getPoints(),
                    a.getReason(),
                    a.getOccurredOn(),
                    a.getEvidence() == null ? null : a.getEvidence().fileName(),
                    a.getEvidence() == null ? null : a.getEvidence().sha256(),
                    a.getCreatedBy(),
                    a.getCreatedAt());
        }
    }

    /** {@code override}: the reason to close while the period has open appeals (强制关账). */
    public record CloseRequest(String reason, String override) {}

    // ---- schemes

    @Operation(summary = "考核方案列表（各年度各版本）")
    @GET
    @Path("/schemes")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<SchemeView> schemes(
            @QueryParam("year") Integer year,
            @Parameter(description = TOWN) @QueryParam("town") UUID town) {
        return schemes.versions(year(year), town).stream().map(SchemeView::of).toList();
    }

    @Operation(summary = "当前生效的考核方案")
    @GET
    @Path("/schemes/current")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public SchemeView currentScheme(
            @QueryParam("year") Integer year,
            @Parameter(description = TOWN) @QueryParam("town") UUID town) {
        return SchemeView.of(schemes.current(year(year), town));
    }

    @Operation(summary = "查看考核方案")
    @GET
    @Path("/schemes/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public SchemeView scheme(@PathParam("id") UUID id) {
        return SchemeView.of(schemes.scheme(id));
    }

    /** Saves a scheme as its year's next version. */
    @Operation(summary = "保存考核方案（当年的下一版本）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/schemes")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response saveScheme(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "SchemeSubmission")))
                    SchemeInput input,
            @Parameter(description = TOWN) @QueryParam("town") UUID town,
            @Context UriInfo uri) {
        Scheme s = schemes.save(input, town);
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("evaluation/schemes")
                                .path(s.getId().toString())
                                .build())
                .entity(SchemeView.of(s))
                .build();
    }

    // ---- scores

    @Operation(summary = "考核排名")
    @GET
    @Path("/rankings")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Standings rankings(
            @QueryParam("period") String period,
            @QueryParam("group") String group,
            @QueryParam("live") boolean live,
            @Parameter(description = TOWN) @QueryParam("town") UUID town) {
        Standings s = standings.standings(Requests.period(period), town, live, false).summary();
        if (group == null || group.isBlank()) return s;
        return new Standings(
                s.period(),
                s.label(),
                s.asOf(),
                s.scheme(),
                s.snapshot(),
                s.units().stream().filter(u -> u.group().equals(group.strip())).toList());
    }

    @Operation(summary = "单位得分明细")
    @GET
    @Path("/units/{unitId}/breakdown")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public UnitScore breakdown(
            @PathParam("unitId") UUID unitId,
            @QueryParam("period") String period,
            @QueryParam("live") boolean live,
            @Parameter(description = TOWN) @QueryParam("town") UUID town) {
        return standings.breakdown(Requests.period(period), unitId, live, town);
    }

    @Operation(summary = "单位得分明细（PDF）")
    @GET
    @Path("/units/{unitId}/breakdown.pdf")
    @Produces("application/pdf")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response breakdownPdf(
            @PathParam("unitId") UUID unitId, @QueryParam("period") String period) {
        Period p = Requests.period(period);
        return Response.ok(standings.breakdownPdf(p, unitId))
                .header(
                        "Content-Disposition",
                        Requests.disposition(true, "考核得分明细-" + p.key() + ".pdf"))
                .build();
    }

    @Operation(summary = "得分趋势")
    @GET
    @Path("/trend")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public StandingsService.Trend trend(@QueryParam("year") Integer year) {
        return standings.trend(year(year));
    }

    // ---- closing periods

    @Operation(summary = "已结算的考核期")
    @GET
    @Path("/periods")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<SnapshotView> closedPeriods(@QueryParam("year") Integer year) {
        return closing.snapshots(year(year)).stream().map(SnapshotView::of).toList();
    }

    /**
     * Closes an ended period: its scores are frozen and published; again with a reason for a
     * corrected version.
     */
    @Operation(summary = "结算考核期（固定得分）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/periods/{period}/close")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response close(@PathParam("period") String period, CloseRequest request) {
        ScoreSnapshot s =
                request == null
                        ? closing.close(Requests.period(period), null)
                        : closing.close(
                                Requests.period(period), request.reason(), request.override());
        return Response.status(Response.Status.CREATED).entity(SnapshotView.of(s)).build();
    }

    // ---- bonus and deduction items

    @Operation(summary = "加减分项列表")
    @GET
    @Path("/adjustments")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<AdjustmentView> adjustments(@QueryParam("year") Integer year) {
        return adjustments.adjustments(year(year)).stream().map(AdjustmentView::of).toList();
    }

    @Operation(summary = "新增加减分项")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/adjustments")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response addAdjustment(AdjustmentService.AdjustmentInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(AdjustmentView.of(adjustments.addAdjustment(input, null, null)))
                .build();
    }

    /** The same, as a form with an evidence file (part {@code file}). */
    @Operation(summary = "新增加减分项（附佐证文件）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/adjustments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.DISTRICT_ADMIN)
    @UploadLimit(
            file = EvidenceFile.MAX_BYTES,
            code = "evidence.too-large",
            detail = "佐证材料每个文件不超过 10 MB。")
    public Response addAdjustmentWithEvidence(List<EntityPart> parts) throws IOException {
        Optional<EntityPart> file = part(parts, "file");
        byte[] content =
                file.isPresent()
                        ? Requests.bytes(file.get().getContent(), EvidenceFile.MAX_BYTES)
                        : null;
        // The same limit as a report's evidence, checked before anything else about the item.
        if (content != null && content.length > EvidenceFile.MAX_BYTES) {
            throw new DubanException(
                    413,
                    "evidence.too-large",
                    "佐证材料每个文件不超过 " + EvidenceFile.MAX_BYTES / 1024 / 1024 + " MB。");
        }
        AdjustmentService.AdjustmentInput input =
                new AdjustmentService.AdjustmentInput(
                        Requests.uuid(text(parts, "unitId"), "unitId"),
                        Requests.enumValue(Adjustment.Kind.class, text(parts, "kind"), "kind"),
                        decimal(text(parts, "points")),
                        text(parts, "reason"),
                        Requests.date(text(parts, "occurredOn"), "occurredOn"));
        ScoreAdjustment a =
                adjustments.addAdjustment(
                        input, file.flatMap(EntityPart::getFileName).orElse(null), content);
        return Response.status(Response.Status.CREATED).entity(AdjustmentView.of(a)).build();
    }

    @Operation(summary = "删除加减分项")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/adjustments/{id}")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response removeAdjustment(@PathParam("id") UUID id) {
        adjustments.removeAdjustment(id);
        return Response.noContent().build();
    }

    @Operation(summary = "下载加减分项的佐证文件")
    @GET
    @Path("/adjustments/{id}/evidence")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public Response evidence(@PathParam("id") UUID id) {
        ScoreAdjustment a = adjustments.adjustment(id);
        if (a.getEvidence() == null)
            throw DubanException.notFound("evidence.not-found", "该事项没有佐证材料。");
        return EvidenceDownload.of(a.getEvidence(), contents);
    }

    // ---- helpers

    static int year(Integer year) {
        if (year == null) return LedgerClock.today().getYear();
        if (year < 2000 || year > 2100)
            throw DubanException.badRequest("year.invalid", "年度“" + year + "”无效。");
        return year;
    }

    private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    private static String text(List<EntityPart> parts, String name) throws IOException {
        Optional<EntityPart> p = part(parts, name);
        return p.isEmpty() ? null : Uploads.field(p.get());
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw DubanException.badRequest("adjustment.points", "分值“" + value + "”不是数字。");
        }
    }
}
