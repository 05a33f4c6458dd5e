package cn.duban.audit.web;

import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' trail (三员分立), for the audit administrator only: the system and security
 * administrators' actions and the audit administrator's own readings, newest first. Read-only:
 * there is no call that changes it.
 */
@Tag(name = ApiTags.OPERATOR_AUDIT)
@Path("/operator-audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDIT_ADMIN)
public class OperatorAuditResource {

    @EJB OperatorAudit audit;

    @Operation(summary = "平台运维操作审计日志")
    @GET
    public List<OperatorAudit.Entry> list(
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.list(before, limit);
    }
}
