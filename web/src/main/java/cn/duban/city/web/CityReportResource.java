package cn.duban.city.web;

import cn.duban.city.CityReports;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A district's reports up to its city (报送市级): the district office only. */
@Tag(name = ApiTags.CITY)
@Path("/city-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.DISTRICT_ADMIN)
public class CityReportResource {

    @Inject CityReports reports;

    @Operation(summary = "已报送市级的快照", description = "最近 200 份，新的在前；不含内容。")
    @GET
    public List<CityReports.Sent> list() {
        return reports.sent();
    }

    @Operation(
            summary = "预览将报送的快照",
            description = "现在报送会发出的内容（JSON 文本）及其 SHA-256；本区不是任何市的成员时 409 city.not-member。")
    @GET
    @Path("/preview")
    public CityReports.Sent preview() {
        return reports.preview();
    }

    @Operation(
            summary = "向所属市报送快照",
            description =
                    "冻结并发出本区已发布的考核排名、已印发的通报、市级计划要点的覆盖情况和各要点进展；"
                            + "SHA-256 记入本区留痕链。本区不是任何市的成员时 409 city.not-member。")
    @APIResponse(responseCode = "201", description = "已报送")
    @POST
    public Response send(@Context UriInfo uri) {
        CityReports.Sent sent = reports.send();
        return Response.created(uri.getAbsolutePathBuilder().path(sent.id().toString()).build())
                .entity(sent)
                .build();
    }

    @Operation(summary = "一份已报送的快照", description = "含报送的内容原文；他区的编号 404。")
    @GET
    @Path("/{id}")
    public CityReports.Sent one(@PathParam("id") UUID id) {
        return reports.sent(id);
    }
}
