package cn.duban.city.web;

import cn.duban.city.CitySnapshots;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The city's view (市级查看): only the snapshots its districts sent. */
@Tag(name = ApiTags.CITY)
@Path("/city")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CITY_VIEWER)
public class CityResource {

    @Inject CitySnapshots snapshots;

    @Operation(summary = "收到的快照", description = "各区报送来的快照，新的在前（最多 500 份）；不含内容。")
    @GET
    @Path("/snapshots")
    public List<CitySnapshots.Received> received() {
        return snapshots.received();
    }

    @Operation(summary = "一份收到的快照", description = "含内容原文与 SHA-256；不是本市收到的编号 404。")
    @GET
    @Path("/snapshots/{id}")
    public CitySnapshots.Received one(@PathParam("id") UUID id) {
        return snapshots.one(id);
    }

    @Operation(summary = "各区对比", description = "每个成员区最新一份快照（排名、通报、市级计划要点覆盖、进展），市级计划要点在各区的覆盖，收到的通报。")
    @GET
    @Path("/overview")
    public CitySnapshots.Overview overview() {
        return snapshots.overview();
    }
}
