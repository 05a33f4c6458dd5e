package cn.duban.account.web;

import cn.duban.account.OperatorService;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform operators' accounts (三员分立): the security administrator's only. {@code POST} {@code
 * {username, name, email?, role}} → 201 with {@code temporaryPassword} (this once); {@code PUT
 * /{id}/role} {@code {role}} replaces the operator's role. Roles: {@code platform-admin} (系统管理员),
 * {@code security-admin}, {@code audit-admin}; anything else is 400 {@code operator.role}.
 */
@Tag(name = ApiTags.OPERATORS)
@Path("/operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SECURITY_ADMIN)
public class OperatorResource {

    public record RoleChange(String role) {}

    @Inject OperatorService operators;

    @Operation(summary = "平台运维人员列表")
    @GET
    public List<OperatorService.Operator> list() {
        return operators.list();
    }

    @Operation(summary = "新增平台运维人员")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    public Response create(OperatorService.Input input) {
        return Response.status(201).entity(operators.create(input)).build();
    }

    @Operation(summary = "设置平台运维人员角色")
    @PUT
    @Path("/{id}/role")
    public OperatorService.Operator setRole(@PathParam("id") String id, RoleChange change) {
        return operators.setRole(id, change == null ? null : change.role());
    }
}
