package cn.duban.account.web;

import cn.duban.account.IntegratorService;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The integrators' API clients of the caller's district (district office only): a confidential
 * client per connected system, which gets its tokens by client credentials (the production realm
 * has no password grant). The secret is in the answer of a create or a rotation, once. A client of
 * another district answers 404, as does one that does not exist.
 */
@Tag(name = ApiTags.INTEGRATORS)
@Path("/integrators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.DISTRICT_ADMIN)
public class IntegratorResource {

    @Inject IntegratorService integrators;

    @Operation(summary = "对接系统客户端列表")
    @GET
    public List<IntegratorService.Integrator> list() {
        return integrators.list();
    }

    /**
     * {@code {name, description?, roles}}: 201 with {@code client} ({@code clientId} = {@code
     * int-<tenant>-<name>}) and {@code secret}; a role outside the safe list is 400 {@code
     * integrator.roles}, a taken name 409 {@code integrator.taken}.
     */
    @Operation(summary = "登记对接系统客户端（返回一次性密钥）")
    @APIResponse(responseCode = "201", description = "已创建")
    @POST
    public Response create(IntegratorService.Input input, @Context UriInfo uri) {
        IntegratorService.Issued issued = integrators.create(input);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(issued.client().clientId()).build())
                .entity(issued)
                .build();
    }

    /** A new secret (the old one stops working at once), in this answer only. */
    @Operation(summary = "轮换对接系统客户端密钥")
    @POST
    @Path("/{clientId}/secret")
    public IntegratorService.Issued rotate(@PathParam("clientId") String clientId) {
        return integrators.rotate(clientId);
    }

    @Operation(summary = "删除对接系统客户端")
    @APIResponse(responseCode = "204", description = "成功，无内容")
    @DELETE
    @Path("/{clientId}")
    public Response delete(@PathParam("clientId") String clientId) {
        integrators.delete(clientId);
        return Response.noContent().build();
    }
}
