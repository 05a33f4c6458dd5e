package cn.duban.account.web;

import cn.duban.account.OperatorService;
import cn.duban.platform.Role;
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

/**
 * The platform operators' accounts (三员分立): the security administrator's only. {@code POST} {@code
 * {username, name, email?, role}} → 201 with {@code temporaryPassword} (this once); {@code PUT
 * /{id}/role} {@code {role}} replaces the operator's role. Roles: {@code platform-admin} (系统管理员),
 * {@code security-admin}, {@code audit-admin}; anything else is 400 {@code operator.role}.
 */
@Path("/operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SECURITY_ADMIN)
public class OperatorResource {

    public record RoleChange(String role) {}

    @Inject OperatorService operators;

    @GET
    public List<OperatorService.Operator> list() {
        return operators.list();
    }

    @POST
    public Response create(OperatorService.Input input) {
        return Response.status(201).entity(operators.create(input)).build();
    }

    @PUT
    @Path("/{id}/role")
    public OperatorService.Operator setRole(@PathParam("id") String id, RoleChange change) {
        return operators.setRole(id, change == null ? null : change.role());
    }
}
