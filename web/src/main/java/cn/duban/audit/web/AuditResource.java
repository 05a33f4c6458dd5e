package cn.duban.audit.web;

import cn.duban.audit.AuditChain;
import cn.duban.audit.AuditEntry;
import cn.duban.audit.AuditService;
import cn.duban.web.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit trail: entries, and a check of the whole hash chain that says where it breaks. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @RolesAllowed({"district-admin", "leader"})
    public List<AuditEntry> list(@QueryParam("entity") String entity, @QueryParam("before") Long before,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.list(Requests.uuid(entity, "entity"), before, limit);
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"district-admin", "leader"})
    public AuditChain.Verification verify() {
        return audit.verify();
    }
}
