package cn.duban.ledger.pack.web;

import cn.duban.ledger.pack.EvidencePackService;
import cn.duban.ledger.pack.PackGate;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The evidence pack for the annual review (佐证材料包): one year's tasks as a streamed ZIP, narrowed to
 * a unit and/or a plan. A POST, not a GET, because each download is audited: a link on another site
 * must not be able to make someone's browser fetch gigabytes in their name (the cross-site filter
 * guards POSTs). The ledger page's button posts a plain form here.
 */
@Tag(name = ApiTags.LEDGER)
@Path("/evidence-packs")
public class EvidencePackResource {

    @Inject EvidencePackService packs;

    @Operation(
            summary = "下载佐证材料包（ZIP）",
            description =
                    "一个年度（可限定单位、计划）的任务：每项任务一个文件夹（进展与审核记录.txt、各次报送与配合情况的佐证材料原文件），"
                            + "根目录 目录.pdf 列出每项任务的单位、状态、完成度及每个文件的名称、大小、SHA-256 和包内路径。"
                            + "区府办与领导可下载全区或任一单位，单位人员只能下载本单位（其他单位、其他区的编号返回 404）。"
                            + "流式输出；每次下载记入留痕审计。同时生成的材料包每区最多 2 个、每台服务器最多 4 个，超出返回 503 pack.busy。")
    @APIResponse(
            responseCode = "200",
            description = "ZIP（application/zip），文件名见 Content-Disposition。")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", description = "正在生成的材料包已达上限（pack.busy），稍后重试（Retry-After）。")
    @POST
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    // JSON too, so that a caller asking for JSON meets the role check (403), not 406.
    @Produces({"application/zip", MediaType.APPLICATION_JSON, "application/problem+json"})
    @Consumes(MediaType.WILDCARD) // also the ledger page's plain form post
    public Response download(
            @Parameter(description = "年度，如 2026；指定了 plan 时可省略（取计划的年度）") @QueryParam("year")
                    String year,
            @Parameter(description = "单位编号（UUID）；单位人员只能是本单位") @QueryParam("unit") String unit,
            @Parameter(description = "计划编号（UUID）") @QueryParam("plan") String plan) {
        Integer y = year(year);
        java.util.UUID unitId = Requests.uuid(unit, "unit"), planId = Requests.uuid(plan, "plan");
        // The place first: a busy server answers 503 before the download is audited.
        PackGate.Permit permit =
                PackGate.SERVER.enter(
                        Caller.currentTenant().orElseThrow(DubanException::unauthorized));
        EvidencePackService.EvidencePack pack;
        try {
            pack = packs.prepare(y, unitId, planId);
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
        StreamingOutput body =
                out -> {
                    try (permit) {
                        permit.start();
                        packs.write(pack, out);
                    } catch (UncheckedIOException e) {
                        throw e.getCause(); // the client went away: the container's to handle
                    }
                };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", Requests.disposition(false, pack.fileName()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The years the caller has tasks in, newest first (the ledger page's choice). */
    @Operation(summary = "可下载佐证材料包的年度")
    @GET
    @Path("/years")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<Integer> years() {
        return packs.years();
    }

    private static Integer year(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DubanException.badRequest("pack.year-invalid", "年度应为四位数字，如 2026：" + value);
        }
    }
}
