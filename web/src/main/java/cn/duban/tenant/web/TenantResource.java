package cn.duban.tenant.web;

import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantInput;
import cn.duban.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** Tenants: the platform operator creates them with their units; members read their own. */
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    public record TenantView(String id, String name, String timeZone, Instant createdAt) {
        public static TenantView of(Tenant t) {
            return new TenantView(t.getId(), t.getName(), t.getTimeZone(), t.getCreatedAt());
        }
    }

    @Inject
    TenantService tenants;

    @GET
    @RolesAllowed("platform-admin")
    public List<TenantView> list() {
        return tenants.list().stream().map(TenantView::of).toList();
    }

    @POST
    @RolesAllowed("platform-admin")
    public Response create(TenantInput input, @Context UriInfo uri) {
        TenantView created = TenantView.of(tenants.create(input));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/current")
    @RolesAllowed({"district-admin", "leader", "unit-reporter"})
    public TenantView current() {
        return TenantView.of(tenants.mine());
    }
}
