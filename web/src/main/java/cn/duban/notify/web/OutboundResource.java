package cn.duban.notify.web;

import cn.duban.notify.AllowEntry;
import cn.duban.notify.OutboundService;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's outbound settings: the allow-list of hosts webhooks and SMS gateways may be on (an
 * entry marked internal lets exactly that host:port be a private address) and the CA bundle trusted
 * for them. System administrator (platform-admin) only.
 */
@Tag(name = ApiTags.CHANNELS)
@Path("platform/outbound")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutboundResource {

    @Inject OutboundService outbound;

    public record Settings(List<AllowEntry> allowList, OutboundService.Ca ca) {}

    public record AllowListInput(List<AllowEntry> entries) {}

    public record CaInput(String pem) {}

    @Operation(
            summary = "查看外发白名单与证书",
            description = "平台管理员：允许外发的主机（端口 0 为任意端口）及自定义 CA 证书的主题与 SHA-256。")
    @GET
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Settings get() {
        return new Settings(outbound.allowList(), outbound.ca());
    }

    @Operation(
            summary = "设置外发白名单",
            description =
                    "{\"entries\": [{\"host\": \"oapi.dingtalk.com\", \"port\": 0, \"internal\": false, \"note\": \"钉钉\"}]}，"
                            + "整表替换。internal 为 true 时须写明端口，且仅该 host:port 允许解析到内网地址（政务外网短信网关）。")
    @PUT
    @Path("allow-list")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Settings saveAllowList(AllowListInput input) {
        if (input == null || input.entries() == null)
            throw DubanException.badRequest("request.empty", "请在 entries 中给出白名单。");
        outbound.saveAllowList(input.entries());
        return get();
    }

    @Operation(
            summary = "设置外发证书（PEM）",
            description =
                    "{\"pem\": \"-----BEGIN CERTIFICATE-----…\"}；空字符串删除。无法解析返回 400 outbound.ca-invalid。")
    @PUT
    @Path("ca")
    @RolesAllowed(Role.PLATFORM_ADMIN)
    public Settings saveCa(CaInput input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        outbound.saveCa(input.pem());
        return get();
    }
}
