package cn.duban.ledger.web;

import cn.duban.ledger.ContributionEvidence;
import cn.duban.ledger.ContributionService;
import cn.duban.ledger.ContributionView;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.web.EvidenceDownload;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import cn.duban.web.UploadLimit;
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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Contributions (配合情况) of co-operating units to their point's lead unit. A co-unit writes and sends
 * its own task's contribution; the lead unit reads its point's contributions on its own task; the
 * district office and leaders read all; the lead unit acknowledges a sent contribution (确认收到),
 * which the co-unit can then no longer change. Another unit's or tenant's task is 404.
 */
@Tag(name = ApiTags.REPORTS)
@Path("/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContributionResource {

    @Inject ContributionService contributions;

    @Inject EvidenceContents contents;

    public record ContributionInput(String text, Integer percent) {}

    @Operation(summary = "查看本单位（配合单位）的配合情况")
    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public ContributionView mine(@PathParam("id") UUID id) {
        return contributions.mine(id);
    }

    @Operation(
            summary = "保存配合情况草稿",
            description =
                    "带 If-Match（版本号）时按版本检查：版本已变返回 409 contribution.stale。已报送的配合情况修改后回到草稿，需再次报送。")
    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public ContributionView save(
            @PathParam("id") UUID id,
            ContributionInput input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        ContributionInput in = input == null ? new ContributionInput(null, null) : input;
        return contributions.save(id, in.text(), in.percent(), Requests.version(ifMatch));
    }

    @Operation(summary = "向牵头单位报送配合情况")
    @POST
    @Path("/{id}/send")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public ContributionView send(@PathParam("id") UUID id) {
        return contributions.send(id);
    }

    @Operation(
            summary = "牵头单位确认收到配合情况",
            description =
                    "路径中是配合情况的 id（不是任务 id）。仅牵头单位的用户可确认；配合单位自己确认返回 403 contribution.lead-acknowledges，"
                            + "其他单位或其他区的配合情况返回 404。确认后配合单位不能再修改（409 contribution.acknowledged）。")
    @POST
    @Path("/{contributionId}/acknowledge")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public ContributionView acknowledge(@PathParam("contributionId") UUID contributionId) {
        return contributions.acknowledge(contributionId);
    }

    /** One evidence file (part {@code file}). */
    @Operation(summary = "上传配合情况的佐证材料")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    @UploadLimit(
            file = ContributionService.MAX_FILE_BYTES,
            code = "evidence.too-large",
            detail = "佐证材料每个文件不超过 10 MB。")
    public Response upload(@PathParam("id") UUID id, List<EntityPart> parts) throws IOException {
        EntityPart file = Requests.part(parts, "file", "evidence.missing", "请选择要上传的文件（表单字段 file）。");
        byte[] content = Requests.bytes(file.getContent(), ContributionService.MAX_FILE_BYTES);
        return Response.status(201)
                .entity(contributions.addEvidence(id, file.getFileName().orElse(""), content))
                .build();
    }

    @Operation(summary = "删除配合情况的佐证材料")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{id}/evidence/{evidenceId}")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public Response remove(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        contributions.removeEvidence(id, evidenceId);
        return Response.noContent().build();
    }

    @Operation(
            summary = "引用已有佐证材料（配合情况）",
            description = "按 SHA-256 引用本单位已上传过的文件，不重复上传；本单位未上传过的返回 404 evidence.not-found。")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public Response reuse(@PathParam("id") UUID id, ProgressReportResource.EvidenceReference ref) {
        return Response.status(201)
                .entity(contributions.reuseEvidence(id, ref == null ? null : ref.sha256()))
                .build();
    }

    @Operation(summary = "下载配合情况的佐证材料")
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
        ContributionEvidence e = contributions.download(id, evidenceId);
        return EvidenceDownload.of(e.getFile(), contents);
    }

    @Operation(summary = "查看本要点各配合单位报送的配合情况（牵头单位、区府办、领导）")
    @GET
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<ContributionView> ofPoint(@QueryParam("task") UUID id) {
        return contributions.ofPoint(id);
    }
}
