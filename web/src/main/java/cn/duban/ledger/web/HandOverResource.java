package cn.duban.ledger.web;

import cn.duban.ledger.HandOverService;
import cn.duban.ledger.HeadApprovalService;
import cn.duban.ledger.Holdings;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.UnitPeople;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Inside a unit (单位内部流转): the unit head hands a task to a colleague (经办人), sees who holds what,
 * hands a leaving person's tasks to a successor, and approves the 联络员's reports before the district
 * sees them when the tenant wants it. The district office switches that approval on or off. A task
 * or report of another unit or tenant is 404; a colleague who is not an enabled 联络员 of the unit is
 * 400 {@code handover.not-colleague}.
 */
@Tag(name = ApiTags.LEDGER)
@Path("/hand-over")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandOverResource {

    @Inject HandOverService handOver;

    @Inject HeadApprovalService heads;

    public record Holder(String username) {}

    public record Leaving(String leaver, String successor) {}

    public record Decision(String decision, String comment) {}

    public record Setting(Boolean headApprovesReports) {}

    /** The unit's open tasks with their holders, and the open tasks per holder. */
    public record Overview(List<Holdings.Holder> holders, List<Holdings.Holding> tasks) {}

    public record Decided(
            UUID id, UUID taskId, String state, String headDecidedBy, Instant headDecidedAt) {
        static Decided of(ProgressReport r) {
            return new Decided(
                    r.getId(),
                    r.getTask().getId(),
                    r.getState().name(),
                    r.getHeadDecidedBy(),
                    r.getHeadDecidedAt());
        }
    }

    @Operation(summary = "本单位任务由谁经办（各经办人未办结任务数）")
    @GET
    @RolesAllowed({Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public Overview overview() {
        List<Holdings.Holding> tasks = handOver.holdings();
        return new Overview(Holdings.perHolder(tasks), tasks);
    }

    @Operation(summary = "可交办的本单位联络员")
    @GET
    @Path("/colleagues")
    @RolesAllowed({Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public List<UnitPeople.Colleague> colleagues() {
        return handOver.colleagues();
    }

    @Operation(summary = "将任务交给本单位联络员经办（可改交）")
    @PUT
    @Path("/tasks/{taskId}")
    @RolesAllowed({Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public Holdings.Holding hand(@PathParam("taskId") UUID taskId, Holder holder) {
        if (holder == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return handOver.hand(taskId, holder.username());
    }

    @Operation(summary = "收回任务（不再指定经办人）")
    @DELETE
    @Path("/tasks/{taskId}")
    @RolesAllowed({Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public Holdings.Holding takeBack(@PathParam("taskId") UUID taskId) {
        return handOver.takeBack(taskId);
    }

    @Operation(summary = "离岗交接：将离岗人员名下未办结任务全部交给接手人员")
    @POST
    @Path("/leaver")
    @RolesAllowed({Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public HandOverService.Moved leaver(Leaving leaving) {
        if (leaving == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return handOver.handOver(leaving.leaver(), leaving.successor());
    }

    @Operation(summary = "待单位负责人审核的报送")
    @GET
    @Path("/reports")
    @RolesAllowed({Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public List<HeadApprovalService.Awaiting> awaiting() {
        return heads.awaiting();
    }

    @Operation(summary = "单位负责人审核报送（APPROVE 报区府办，RETURN 退回经办人并说明理由）")
    @POST
    @Path("/reports/{reportId}")
    @RolesAllowed(Role.UNIT_HEAD)
    public Decided decide(@PathParam("reportId") UUID reportId, Decision decision) {
        if (decision == null || decision.decision() == null)
            throw DubanException.badRequest(
                    "report.head-decision-invalid", "审核结论应为 APPROVE 或 RETURN。");
        return switch (decision.decision().strip().toUpperCase(Locale.ROOT)) {
            case "APPROVE" -> Decided.of(heads.decide(reportId, true, decision.comment()));
            case "RETURN" -> Decided.of(heads.decide(reportId, false, decision.comment()));
            default ->
                    throw DubanException.badRequest(
                            "report.head-decision-invalid", "审核结论应为 APPROVE 或 RETURN。");
        };
    }

    @Operation(summary = "是否须经单位负责人审核后报区府办")
    @GET
    @Path("/settings")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Setting setting() {
        return new Setting(heads.headApproval());
    }

    @Operation(summary = "开启或关闭单位负责人审核（本区）")
    @PUT
    @Path("/settings")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Setting setSetting(Setting setting) {
        if (setting == null || setting.headApprovesReports() == null)
            throw DubanException.badRequest("request.empty", "请求内容为空。");
        return new Setting(heads.setHeadApproval(setting.headApprovesReports()));
    }
}
