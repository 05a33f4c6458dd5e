package cn.duban.circular.web;

import cn.duban.circular.Circular;
import cn.duban.circular.CircularEdit;
import cn.duban.circular.CircularService;
import cn.duban.ledger.LedgerClock;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.printing.Format;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Circulars (工作通报): drafts, editing, documents (PDF, XLSX, DOCX), issuing. */
@Tag(name = ApiTags.CIRCULARS)
@Path("/circulars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CircularResource {

    @Inject CircularService circulars;

    /** The {@code town} parameter: a town's own circulars on its 下级单位. */
    static final String TOWN = "街镇 id：该街镇对其下级单位的通报（区府办、区领导只读；街镇单位管理员起草、印发）。不填为区府办的通报。";

    public record CircularView(
            UUID id,
            int year,
            String period,
            String state,
            String issuingOffice,
            String docPrefix,
            String docNumber,
            String title,
            String recipients,
            String praiseReason,
            String nextSteps,
            String sha256,
            String createdBy,
            Instant createdAt,
            String issuedBy,
            Instant issuedAt,
            UUID supervisorUnitId,
            int version) {
        static CircularView of(Circular c) {
            return new CircularView(
                    c.getId(),
                    c.getYear(),
                    c.getPeriodKey(),
                    c.getState().name(),
                    c.getIssuingOffice(),
                    c.getDocPrefix(),
                    c.getDocNumber(),
                    c.getTitle(),
                    c.getRecipients(),
                    c.getPraiseReason(),
                    c.getNextSteps(),
                    c.getSha256(),
                    c.getCreatedBy(),
                    c.getCreatedAt(),
                    c.getIssuedBy(),
                    c.getIssuedAt(),
                    c.getSupervisorUnitId(),
                    c.getVersion());
        }
    }

    public record DraftRequest(String period) {}

    @Operation(summary = "督办通报列表")
    @GET
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<CircularView> list(
            @QueryParam("year") Integer year,
            @Parameter(description = TOWN) @QueryParam("town") UUID town) {
        return circulars.list(year == null ? LedgerClock.today().getYear() : year, town).stream()
                .map(CircularView::of)
                .toList();
    }

    /** A new draft for a period ({@code {"period": "2026-Q3"}}). */
    @Operation(summary = "起草督办通报")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response draft(
            DraftRequest request,
            @Parameter(description = TOWN) @QueryParam("town") UUID town,
            @Context UriInfo uri) {
        if (request == null || request.period() == null)
            throw DubanException.badRequest("period.invalid", "请选择通报的考核期。");
        Circular c = circulars.draft(Requests.period(request.period()), town);
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .entity(CircularView.of(c))
                .build();
    }

    /**
     * Runs the monthly timer's job now for this district (e.g. after an outage): {@code date}
     * defaults to today.
     */
    @Operation(summary = "立即起草到期的月度通报（补跑定时任务）")
    @POST
    @Path("/due")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public java.util.Map<String, Integer> draftDue(@QueryParam("date") String date) {
        java.time.LocalDate day = date == null ? LedgerClock.today() : Requests.date(date, "date");
        return java.util.Map.of("drafted", circulars.draftDue(day));
    }

    @Operation(summary = "查看督办通报")
    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public CircularView get(@PathParam("id") UUID id) {
        return CircularView.of(circulars.get(id));
    }

    @Operation(summary = "修改通报草稿", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 circular.stale。")
    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public CircularView update(
            @PathParam("id") UUID id,
            CircularEdit edit,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return CircularView.of(circulars.update(id, edit, Requests.version(ifMatch)));
    }

    @Operation(summary = "删除通报草稿")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response delete(@PathParam("id") UUID id) {
        circulars.delete(id);
        return Response.noContent().build();
    }

    /** Issues the draft: numbered, frozen, archived, sent to every unit. */
    @Operation(summary = "印发督办通报", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 circular.stale。")
    @POST
    @Path("/{id}/issue")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public CircularView issue(
            @PathParam("id") UUID id,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return CircularView.of(circulars.issue(id, Requests.version(ifMatch)));
    }

    /**
     * The document: {@code pdf} (shown in the browser), {@code xlsx} or {@code docx} (downloaded).
     */
    @Operation(summary = "下载通报文档（PDF、Excel 或 Word）")
    @GET
    @Path("/{id}/document.{format}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Response document(@PathParam("id") UUID id, @PathParam("format") String format) {
        Format f = Requests.enumValue(Format.class, format, "format");
        CircularService.Document d = circulars.render(id, f);
        return Response.ok(d.content(), f.contentType())
                .header("Content-Disposition", Requests.disposition(f == Format.PDF, d.fileName()))
                .build();
    }
}
