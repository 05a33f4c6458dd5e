package cn.duban.platform.web;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.web.ApiTags;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the token says the caller is. */
@Tag(name = ApiTags.ACCOUNTS)
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String username, String tenant, String unit, Set<String> roles) {}

    @Operation(summary = "当前登录用户及其角色")
    @APIResponse(responseCode = "200", description = "成功")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public Me me() {
        Caller c = Caller.current().orElseThrow(DubanException::unauthorized);
        return new Me(c.username(), c.tenantId(), c.unitCode(), new TreeSet<>(c.roles()));
    }
}
