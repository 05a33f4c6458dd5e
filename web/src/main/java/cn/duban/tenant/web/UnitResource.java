package cn.duban.tenant.web;

import cn.duban.platform.Role;
import cn.duban.tenant.SubUnitService;
import cn.duban.tenant.UnitInput;
import cn.duban.tenant.UnitService;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The units of the caller's tenant. */
@Tag(name = ApiTags.UNITS)
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Inject UnitService units;

    @Inject cn.duban.ledger.ReminderService reminders;

    @Inject SubUnitService subUnits;

    @Operation(summary = "单位列表")
    @GET
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public List<UnitView> list() {
        return units.list().stream().map(UnitView::of).toList();
    }

    @Operation(summary = "查看单位")
    @GET
    @Path("/{id}")
    @RolesAllowed({
        Role.DISTRICT_ADMIN,
        Role.LEADER,
        Role.UNIT_REPORTER,
        Role.UNIT_HEAD,
        Role.UNIT_ADMIN
    })
    public UnitView get(@PathParam("id") UUID id) {
        return UnitView.of(units.get(id));
    }

    @Operation(summary = "新增单位")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response create(UnitInput input, @Context UriInfo uri) {
        UnitView created = UnitView.of(units.create(input));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created)
                .build();
    }

    /** Updates a unit; an {@code If-Match} header with the version guards against lost updates. */
    @Operation(summary = "修改单位", description = "带 If-Match（版本号）时按版本检查：版本已变返回 409 unit.stale。")
    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public UnitView update(
            @PathParam("id") UUID id,
            UnitInput input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Integer version = cn.duban.web.Requests.version(ifMatch);
        return UnitView.of(units.update(id, input, version));
    }

    // 下级单位 (issue 21): a town's offices, 居委 and 村委, managed by the district office for any
    // town and by the town's own 单位管理员 for its town only; another town's id is "not found".

    @Operation(summary = "下级单位列表", description = "街镇的科室/办、居委、村委；本街镇的单位管理员或区府办可查看，其他街镇返回 404。")
    @GET
    @Path("/{id}/children")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN})
    public List<UnitView> children(@PathParam("id") UUID id) {
        return subUnits.children(id).stream().map(UnitView::of).toList();
    }

    @Operation(
            summary = "新增下级单位",
            description = "代码为街镇代码加短后缀（不填则自动编号）；同一街镇下名称重复返回 409 unit.name-taken。")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    @Path("/{id}/children")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public Response createChild(
            @PathParam("id") UUID id, SubUnitService.ChildInput input, @Context UriInfo uri) {
        UnitView created = UnitView.of(subUnits.create(id, input));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created)
                .build();
    }

    @Operation(summary = "修改下级单位", description = "改名或改类型；带 If-Match（版本号）时按版本检查。")
    @PUT
    @Path("/{id}/children/{childId}")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public UnitView updateChild(
            @PathParam("id") UUID id,
            @PathParam("childId") UUID childId,
            SubUnitService.ChildInput input,
            @Parameter(description = ApiTags.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        Integer version = cn.duban.web.Requests.version(ifMatch);
        return UnitView.of(subUnits.rename(id, childId, input, version));
    }

    // 单位催办 (issue 20): the unit's path, the ledger's service.

    @Operation(
            summary = "催办单位全部逾期任务",
            description = "一条消息列出该单位全部逾期未办结的任务（至多 200 项）；没有逾期任务时返回 409 reminder.nothing-late。")
    @POST
    @Path("/{id}/reminders")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response remindUnit(
            @PathParam("id") UUID id, cn.duban.ledger.web.TaskResource.ReminderInput input) {
        cn.duban.ledger.InboxMessage m =
                reminders.remindUnit(id, input == null ? null : input.message());
        return Response.status(Response.Status.CREATED)
                .entity(cn.duban.ledger.web.InboxResource.MessageView.of(m, false))
                .build();
    }

    @Operation(summary = "单位催办记录与已读回执", description = "对该单位的整体催办，新的在前；每条列出已读的人和时间，以及尚未打开的人。")
    @GET
    @Path("/{id}/reminders")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<cn.duban.ledger.web.TaskResource.ChaseView> unitChases(@PathParam("id") UUID id) {
        return reminders.unitChases(id).stream()
                .map(cn.duban.ledger.web.TaskResource.ChaseView::of)
                .toList();
    }
}
