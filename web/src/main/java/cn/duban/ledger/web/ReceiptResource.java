package cn.duban.ledger.web;

import cn.duban.ledger.DisputeService;
import cn.duban.ledger.ReceiptService;
import cn.duban.platform.AppClock;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Receipt (签收) of tasks by their units and wrong assignments (退回错派). Only users of the task's own
 * unit acknowledge or send back; only the district office reassigns or insists. A task of another
 * unit or tenant is 404. Receipt is idempotent: a repeated request answers the first receipt's time
 * and person ({@code already: true}).
 */
@Tag(name = ApiTags.LEDGER)
@Path("/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    @Inject ReceiptService receipts;

    @Inject DisputeService disputes;

    public record Bulk(List<UUID> taskIds) {}

    public record Reason(String reason) {}

    public record Reassign(UUID unitId, String reason) {}

    public record Unreceived(long total, List<ReceiptService.Unreceived> items) {}

    public record Disputes(long total, List<DisputeService.Dispute> items) {}

    @Operation(summary = "签收任务（重复签收返回首次签收时间）")
    @POST
    @Path("/{taskId}")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public ReceiptService.Receipt receive(@PathParam("taskId") UUID taskId) {
        return receipts.receive(taskId);
    }

    @Operation(summary = "批量签收所选任务（全部成功或全部不变）")
    @POST
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public List<ReceiptService.Receipt> receiveAll(Bulk bulk) {
        if (bulk == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return receipts.receiveAll(bulk.taskIds());
    }

    @Operation(summary = "查看任务的签收情况")
    @GET
    @Path("/{taskId}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public ReceiptService.Receipt receipt(@PathParam("taskId") UUID taskId) {
        return receipts.receipt(taskId);
    }

    @Operation(summary = "未签收的任务（区府办、领导看全区，单位看本单位）")
    @GET
    @Path("/pending")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public Unreceived unreceived(@QueryParam("limit") @DefaultValue("200") int limit) {
        return new Unreceived(receipts.unreceivedCount(), receipts.unreceived(limit));
    }

    /** Chases the tasks now due for receipt (the timer does this every half hour). */
    @Operation(summary = "立即催签收（超时未签收的任务）")
    @POST
    @Path("/chase")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ReceiptService.Chase chase() {
        return receipts.chase(AppClock.now());
    }

    @Operation(summary = "退回错派（非本单位职责，须填写理由）")
    @POST
    @Path("/{taskId}/dispute")
    @RolesAllowed({Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN})
    public DisputeService.Dispute dispute(@PathParam("taskId") UUID taskId, Reason reason) {
        return disputes.dispute(taskId, reason == null ? null : reason.reason());
    }

    @Operation(summary = "查看任务的退回情况")
    @GET
    @Path("/{taskId}/dispute")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public DisputeService.Dispute disputeOf(@PathParam("taskId") UUID taskId) {
        return disputes.disputeOf(taskId);
    }

    @Operation(summary = "待处理的退回错派")
    @GET
    @Path("/disputes")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN})
    public Disputes disputes() {
        return new Disputes(disputes.pendingDisputeCount(), disputes.pendingDisputes());
    }

    @Operation(
            summary = "改派退回的任务给其他单位",
            description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 task.stale。")
    @POST
    @Path("/{taskId}/reassign")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public DisputeService.Dispute reassign(
            @PathParam("taskId") UUID taskId,
            Reassign input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return disputes.reassign(taskId, input.unitId(), input.reason(), Requests.version(ifMatch));
    }

    @Operation(
            summary = "坚持交办（退回不予同意，须填写理由）",
            description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 task.stale。")
    @POST
    @Path("/{taskId}/uphold")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public DisputeService.Dispute uphold(
            @PathParam("taskId") UUID taskId,
            Reason reason,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        return disputes.uphold(
                taskId, reason == null ? null : reason.reason(), Requests.version(ifMatch));
    }
}
