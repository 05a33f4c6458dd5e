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

/**
 * The audit trail: entries, a check of the whole keyed chain that says where it breaks, and its
 * head for export.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject AuditService audit;

    @GET
    @RolesAllowed({"district-admin", "leader"})
    public List<AuditEntry> list(
            @QueryParam("entity") String entity,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.list(Requests.uuid(entity, "entity"), before, limit);
    }

    /**
     * Recomputes the chain. With an anchor ({@code seq} and the MAC or its first 16 hex digits, as
     * printed in a circular's footer or exported from {@code /head}) it also says whether the chain
     * still contains that entry unchanged; a chain that does not is reported broken.
     */
    @GET
    @Path("/verify")
    @RolesAllowed({"district-admin", "leader"})
    public AuditChain.Verification verify(
            @QueryParam("seq") String seq, @QueryParam("hash") String hash) {
        return audit.verify(AuditChain.Anchor.parse(seq, hash));
    }

    /**
     * The tenant's chain head (seq, MAC, time) to keep outside Duban: an anchor for later checks.
     */
    @GET
    @Path("/head")
    @RolesAllowed("district-admin")
    public AuditChain.Head head() {
        return audit.head();
    }
}
