package cn.duban.ledger.web;

import cn.duban.ledger.PublishingService;
import cn.duban.platform.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Publishing a plan as tasks: preview first, then publish (again, after edits, without duplicates).
 */
@Path("/plans/{id}/publication")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicationResource {

    @Inject PublishingService publishing;

    @POST
    @Path("/preview")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public PublishingService.Preview preview(
            @PathParam("id") UUID planId, PublishingService.Request request) {
        return publishing.preview(planId, request);
    }

    @POST
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public PublishingService.Result publish(
            @PathParam("id") UUID planId, PublishingService.Request request) {
        return publishing.publish(planId, request);
    }
}
