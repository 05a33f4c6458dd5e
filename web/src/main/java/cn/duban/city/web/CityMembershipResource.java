package cn.duban.city.web;

import cn.duban.city.CityMemberships;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** Which districts report to which city: the platform operator (系统管理员) only, on its trail. */
@Tag(name = ApiTags.CITY)
@Path("/platform/cities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PLATFORM_ADMIN)
public class CityMembershipResource {

    @Inject CityMemberships memberships;

    @Operation(summary = "市级租户及其成员区", description = "每个 kind 为 CITY 的租户及向其报送的区。")
    @GET
    public List<CityMemberships.City> cities() {
        return memberships.cities();
    }

    @Operation(
            summary = "将区加入市",
            description = "区从此可向该市报送快照。未知的租户 404；不是市或不是区 400；该区已属某市 409 city.member-taken。记入运维审计。")
    @PUT
    @Path("/{city}/members/{district}")
    public CityMemberships.Member add(
            @PathParam("city") String city, @PathParam("district") String district) {
        return memberships.add(city, district);
    }

    @Operation(summary = "将区移出市", description = "已收到的快照仍归市所有。不是成员 404。记入运维审计。")
    @APIResponse(responseCode = "204", description = "已移出")
    @DELETE
    @Path("/{city}/members/{district}")
    public Response remove(@PathParam("city") String city, @PathParam("district") String district) {
        memberships.remove(city, district);
        return Response.noContent().build();
    }
}
