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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the token says the caller is. */
@Tag(name = ApiTags.ACCOUNTS)
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String username, String tenant, String unit, Set<String> roles) {}

    @Operation(summary = "当前登录用户及其角色")
    @GET
    public Me me() {
        Caller c = Caller.current().orElseThrow(DubanException::unauthorized);
        return new Me(c.username(), c.tenantId(), c.unitCode(), new TreeSet<>(c.roles()));
    }
}
