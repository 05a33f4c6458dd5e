package cn.duban.ledger.web;

import cn.duban.ledger.PublishingService;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Publishing a plan as tasks: preview first, then publish (again, after edits, without duplicates).
 */
@Tag(name = ApiTags.PUBLICATION)
@Path("/plans/{id}/publication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicationResource {

    @Inject PublishingService publishing;

    @Operation(summary = "预览计划发布（将生成的任务）")
    @POST
    @Path("/preview")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public PublishingService.Preview preview(
            @PathParam("id") UUID planId, PublishingService.Request request) {
        return publishing.preview(planId, request);
    }

    @Operation(summary = "发布计划，生成任务台账")
    @POST
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.UNIT_ADMIN})
    public PublishingService.Result publish(
            @PathParam("id") UUID planId, PublishingService.Request request) {
        return publishing.publish(planId, request);
    }
}
