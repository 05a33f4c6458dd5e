package cn.duban.plan.web;

import cn.duban.plan.ColumnReading;
import cn.duban.plan.DocumentReader;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanCascade;
import cn.duban.plan.PlanDocument;
import cn.duban.plan.PlanImport;
import cn.duban.plan.PlanLinkService;
import cn.duban.plan.PlanService;
import cn.duban.plan.parse.ColumnMeaning;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.TableColumns;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.UploadLimit;
import cn.duban.web.Uploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Import of work-point documents as plan templates, links between levels and coverage. */
@Tag(name = ApiTags.PLANS)
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject PlanService plans;

    @Inject PlanImport imports;

    @Inject PlanLinkService links;

    @Inject PlanCascade cascade;

    /**
     * Pasted text to preview; {@code columns}: meanings chosen for table columns (by header key,
     * columns not named keep the automatic reading); {@code automatic}: ignore the readings
     * remembered for the document's headers.
     */
    public record PreviewRequest(
            String text,
            String sourceName,
            Integer year,
            PlanLevel level,
            List<ColumnChoice> columns,
            Boolean automatic) {}

    /** The meanings chosen for the columns of the table whose header has {@code key}. */
    public record ColumnChoice(String key, List<Column> columns) {}

    /** A column (index in the header, from 0) and its meaning (a ColumnMeaning name). */
    public record Column(Integer index, String meaning) {}

    /** A reading remembered for a header. */
    public record ColumnReadingView(
            UUID id, String key, List<String> meanings, String chosenBy, Instant chosenAt) {
        static ColumnReadingView of(ColumnReading r) {
            List<ColumnMeaning> m = r.getMeanings();
            return new ColumnReadingView(
                    r.getId(),
                    r.getHeaderKey(),
                    m == null ? List.of() : m.stream().map(Enum::name).toList(),
                    r.getChosenBy(),
                    r.getChosenAt());
        }
    }

    /**
     * A plan to save: the verbatim source and, optionally, the structure as edited in the preview.
     */
    public record SaveRequest(String sourceText, String sourceName, PlanDocument plan) {}

    public record PlanSummary(
            UUID id,
            String title,
            PlanLevel level,
            int year,
            String issuer,
            String docNumber,
            UUID ownerUnitId,
            UUID supervisorUnitId,
            UUID derivedFrom,
            Instant createdAt,
            String createdBy,
            int version) {
        static PlanSummary of(Plan p) {
            return new PlanSummary(
                    p.getId(),
                    p.getTitle(),
                    p.getLevel(),
                    p.getYear(),
                    p.getIssuer(),
                    p.getDocNumber(),
                    p.getOwnerUnitId(),
                    p.getSupervisorUnitId(),
                    p.getDerivedFrom(),
                    p.getCreatedAt(),
                    p.getCreatedBy(),
                    p.getVersion());
        }
    }

    public record LinkRequest(UUID pointId, UUID targetPointId) {}

    @POST
    @Path("/preview")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    @Operation(
            summary = "预览计划导入（文本，不保存）",
            description =
                    "响应的 tables 说明每个表格表头各列的读法（PlanTableColumns）；请求的 columns（PlanColumnChoice）"
                            + "改变列的含义，automatic 不用本区记住的读法。无效的列含义 400：plan.import.columns-unknown-meaning、"
                            + "columns-index、columns-no-title、columns-duplicate、columns-unknown-table。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PlanPreviewRequest")))
    public PlanDocument preview(PreviewRequest request) {
        if (request == null || request.text() == null) {
            throw DubanException.badRequest("plan.import.empty", "请粘贴文件内容或上传文件。");
        }
        return imports.preview(
                request.text(),
                request.sourceName(),
                request.year(),
                request.level(),
                choices(request.columns()),
                Boolean.TRUE.equals(request.automatic()));
    }

    /** The choices of a request by header key, or a 400 saying what is wrong with them. */
    static Map<String, List<TableColumns.Choice>> choices(List<ColumnChoice> columns) {
        Map<String, List<TableColumns.Choice>> out = new LinkedHashMap<>();
        if (columns == null) return out;
        for (ColumnChoice c : columns) {
            if (c == null || c.key() == null || c.key().length() > TableColumns.MAX_KEY) {
                throw DubanException.badRequest(
                        "plan.import.columns-unknown-table", "请用预览返回的表头 key 指定表格。");
            }
            List<TableColumns.Choice> list = new ArrayList<>();
            for (Column col : c.columns() == null ? List.<Column>of() : c.columns()) {
                if (col == null || col.index() == null) {
                    throw DubanException.badRequest(
                            "plan.import.columns-index", "请指定列序号（index，从 0 起）。");
                }
                list.add(new TableColumns.Choice(col.index(), col.meaning()));
            }
            if (out.put(c.key(), list) != null) {
                throw DubanException.badRequest(
                        "plan.import.columns-index", "同一表头的列含义指定了两次：" + c.key());
            }
        }
        return out;
    }

    /** The column readings this district office remembered (saved with earlier plans). */
    @Operation(summary = "列出本区记住的表头列含义")
    @GET
    @Path("/column-readings")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public List<ColumnReadingView> columnReadings() {
        return imports.columnReadings().stream().map(ColumnReadingView::of).toList();
    }

    /** Forgets a remembered reading: the next import of that header is read automatically. */
    @Operation(summary = "忘记记住的列含义（下次自动识别）")
    @APIResponse(responseCode = "204", description = "已删除")
    @DELETE
    @Path("/column-readings/{id}")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response forgetColumnReading(@PathParam("id") UUID id) {
        imports.forgetColumnReading(id);
        return Response.noContent().build();
    }

    /**
     * An uploaded file (part {@code file}; optional parts {@code year}, {@code level}); the
     * response carries its text.
     */
    @Operation(summary = "预览计划导入（上传 Word/PDF 等文档）")
    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    @UploadLimit(
            file = DocumentReader.MAX_BYTES,
            code = "plan.import.too-large",
            detail = "文件过大：最大 5 MB。")
    public PlanDocument previewFile(List<EntityPart> parts) throws IOException {
        EntityPart file = null;
        Integer year = null;
        PlanLevel level = null;
        List<ColumnChoice> columns = null;
        boolean automatic = false;
        for (EntityPart part : parts) {
            switch (part.getName()) {
                case "file" -> file = part;
                case "columns" -> columns = parseColumns(Uploads.field(part));
                case "automatic" ->
                        automatic = "true".equalsIgnoreCase(Uploads.field(part).strip());
                case "year" -> year = parseYear(Uploads.field(part));
                case "level" -> level = parseLevel(Uploads.field(part));
                default -> {}
            }
        }
        if (file == null) throw DubanException.badRequest("plan.import.empty", "请选择要上传的文件。");
        String name = file.getFileName().orElse("upload");
        byte[] bytes;
        try (InputStream in = file.getContent()) {
            bytes = in.readNBytes(DocumentReader.MAX_BYTES + 1);
        }
        String text = imports.extractText(name, bytes);
        return imports.preview(text, name, year, level, choices(columns), automatic)
                .withSourceText(text);
    }

    @Operation(summary = "保存导入的计划")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response save(SaveRequest request, @Context UriInfo uri) {
        if (request == null)
            throw DubanException.badRequest("plan.source-missing", "缺少文件原文（sourceText）。");
        Plan plan = imports.save(request.sourceText(), request.sourceName(), request.plan());
        return Response.created(uri.getAbsolutePathBuilder().path(plan.getId().toString()).build())
                .entity(plans.document(plan))
                .build();
    }

    @Operation(summary = "计划列表")
    @GET
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN})
    public List<PlanSummary> list(
            @QueryParam("year") Integer year, @QueryParam("level") String level) {
        return plans.list(year, parseLevel(level)).stream().map(PlanSummary::of).toList();
    }

    @Operation(summary = "查看计划")
    @GET
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN})
    public PlanDocument get(@PathParam("id") UUID id) {
        return plans.document(id);
    }

    /** The document's original text, verbatim. */
    @Operation(summary = "计划的原文")
    @GET
    @Path("/{id}/source")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN})
    public String source(@PathParam("id") UUID id) {
        return plans.get(id).getSourceText();
    }

    @Operation(summary = "删除计划", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 plan.stale。")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        plans.delete(id, cn.duban.web.Requests.version(ifMatch));
        return Response.noContent().build();
    }

    @Operation(summary = "结转为下一年度计划")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/next-year")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response nextYear(@PathParam("id") UUID id, @Context UriInfo uri) {
        Plan plan = plans.nextYear(id);
        return Response.created(
                        uri.getBaseUriBuilder().path("plans").path(plan.getId().toString()).build())
                .entity(plans.document(plan))
                .build();
    }

    @Operation(summary = "与上级计划关联的建议")
    @GET
    @Path("/{id}/link-suggestions")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public List<PlanLinkService.Suggestion> suggestions(
            @PathParam("id") UUID id,
            @QueryParam("target") UUID target,
            @QueryParam("limit") @DefaultValue("3") int limit) {
        if (target == null) throw DubanException.badRequest("plan.link-target", "请指定上级计划（target）。");
        return links.suggest(id, target, Math.max(1, Math.min(limit, 10)));
    }

    @Operation(summary = "关联上级计划要点")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @POST
    @Path("/{id}/links")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response link(@PathParam("id") UUID id, LinkRequest request) {
        if (request == null || request.pointId() == null || request.targetPointId() == null) {
            throw DubanException.badRequest(
                    "plan.link-invalid", "请指定要点（pointId）和上级要点（targetPointId）。");
        }
        links.link(request.pointId(), request.targetPointId());
        return Response.noContent().build();
    }

    @Operation(summary = "取消与上级计划的关联")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{id}/links")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response unlink(
            @PathParam("id") UUID id,
            @QueryParam("pointId") UUID pointId,
            @QueryParam("targetPointId") UUID targetPointId) {
        links.unlink(pointId, targetPointId);
        return Response.noContent().build();
    }

    @Operation(summary = "计划覆盖情况（要点是否都已交办）")
    @GET
    @Path("/{id}/coverage")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public PlanLinkService.Coverage coverage(@PathParam("id") UUID id) {
        return links.coverage(id);
    }

    @Operation(
            summary = "下发到各街镇（生成各街镇落实清单草稿）",
            description =
                    "从已下达的区级计划，为每个有要点下达给它的街镇生成落实清单草稿（责任单位含“各街镇”或该街镇）；已生成的原样返回（created=false）。")
    @POST
    @Path("/{id}/cascade")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public List<PlanCascade.Draft> cascadeAll(@PathParam("id") UUID id) {
        return cascade.generateAll(id);
    }

    @Operation(
            summary = "下发到一个街镇",
            description = "区府办为任一街镇、街镇单位管理员为本街镇生成落实清单草稿；已生成的返回 200（created=false），新生成的返回 201。")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/cascade/{townId}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response cascadeOne(
            @PathParam("id") UUID id, @PathParam("townId") UUID townId, @Context UriInfo uri) {
        PlanCascade.Draft d = cascade.generate(id, townId);
        if (!d.created()) return Response.ok(d).build();
        return Response.created(
                        uri.getBaseUriBuilder().path("plans").path(d.planId().toString()).build())
                .entity(d)
                .build();
    }

    @Operation(
            summary = "修改街镇落实清单的要点",
            description = "街镇单位管理员修改本街镇尚未下达的要点：标题、内容、完成时限（不晚于区里的时限）、责任单位（本街镇的下级单位）。")
    @PUT
    @Path("/{id}/points/{pointId}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public PlanDocument editPoint(
            @PathParam("id") UUID id,
            @PathParam("pointId") UUID pointId,
            PlanCascade.PointEdit edit) {
        cascade.edit(id, pointId, edit);
        return plans.document(id);
    }

    private static List<ColumnChoice> parseColumns(String json) {
        if (json == null || json.isBlank()) return null;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            ColumnChoice[] parsed = jsonb.fromJson(json, ColumnChoice[].class);
            return parsed == null ? null : List.of(parsed);
        } catch (Exception e) {
            throw DubanException.badRequest(
                    "plan.import.columns-malformed", "列含义（columns）不是有效的 JSON 数组。");
        }
    }

    private static Integer parseYear(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw DubanException.badRequest("plan.year-invalid", "年度无效：" + s);
        }
    }

    static PlanLevel parseLevel(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return PlanLevel.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest(
                    "plan.level-invalid", "计划层级无效：" + s + "（可选 CITY、DISTRICT、TOWN）。");
        }
    }
}
