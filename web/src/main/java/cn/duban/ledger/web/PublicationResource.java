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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @APIResponse(responseCode = "200", description = "成功")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @POST
    @Path("/preview")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public PublishingService.Preview preview(
            @PathParam("id") UUID planId, PublishingService.Request request) {
        return publishing.preview(planId, request);
    }

    @Operation(summary = "发布计划，生成任务台账")
    @APIResponse(responseCode = "200", description = "成功")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @POST
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public PublishingService.Result publish(
            @PathParam("id") UUID planId, PublishingService.Request request) {
        return publishing.publish(planId, request);
    }
}
