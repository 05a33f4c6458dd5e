package cn.duban.notify.web;

import cn.duban.notify.Channel;
import cn.duban.notify.ChannelConfig;
import cn.duban.notify.ChannelDispatcher;
import cn.duban.notify.ChannelService;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notification channels (通知渠道): the district office sets quiet hours, the cap on repeats and the
 * SMS gateway, and each unit's phone numbers and group robots; it and the leaders read the delivery
 * log. Secrets are written, never read back: the answers say whether one is set and its last 4
 * characters.
 */
@Tag(name = ApiTags.CHANNELS)
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @Inject ChannelService channels;

    @Inject UnitService units;

    @Operation(
            summary = "查看本区通知渠道设置",
            description = "静默时段（北京时间）、同一任务 7 天内外发上限、短信网关地址及密钥是否已设置（不返回密钥）。")
    @GET
    @Path("settings")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ChannelViews.TenantView settings() {
        return ChannelViews.TenantView.of(channels.tenant());
    }

    @Operation(
            summary = "修改本区通知渠道设置",
            description =
                    "{\"quietStart\": \"22:00\", \"quietEnd\": \"07:30\", \"capPerWeek\": 3, \"smsUrl\": \"https://…\", "
                            + "\"smsKey\": \"…\"}；quietStart/quietEnd 都为空表示不设静默时段；smsKey 不给出则不变，空字符串清除。"
                            + "地址须为 https 且在平台外发白名单内，否则 400 outbound.*。")
    @PUT
    @Path("settings")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ChannelViews.TenantView saveSettings(ChannelService.TenantInput input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        return ChannelViews.TenantView.of(channels.saveTenant(input));
    }

    @Operation(summary = "各单位的通知渠道", description = "本区每个单位的短信手机号、企业微信与钉钉机器人是否已配置。")
    @GET
    @Path("units")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public List<ChannelViews.UnitView> units() {
        Map<UUID, ChannelConfig.Unit> set =
                channels.units().stream()
                        .collect(Collectors.toMap(ChannelConfig.Unit::unitId, Function.identity()));
        return units.list().stream()
                .map(
                        u ->
                                ChannelViews.UnitView.of(
                                        u.getName(), set.getOrDefault(u.getId(), none(u.getId()))))
                .toList();
    }

    private ChannelConfig.Unit none(UUID id) {
        return new ChannelConfig.Unit(
                id, List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    @Operation(summary = "某单位的通知渠道")
    @GET
    @Path("units/{id}")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ChannelViews.UnitView unit(@PathParam("id") UUID id) {
        Unit unit = units.get(id);
        return ChannelViews.UnitView.of(unit.getName(), channels.unit(id));
    }

    @Operation(
            summary = "修改某单位的通知渠道",
            description =
                    "{\"phones\": [\"13800000000\"], \"wecomUrl\": \"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…\", "
                            + "\"dingtalkUrl\": \"https://oapi.dingtalk.com/robot/send?access_token=…\", \"dingtalkSecret\": \"SEC…\"}；"
                            + "未给出的字段不变，空字符串清除。地址须为 https 且在平台外发白名单内，不得指向内部地址（400 outbound.*）。")
    @PUT
    @Path("units/{id}")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public ChannelViews.UnitView saveUnit(
            @PathParam("id") UUID id, ChannelService.UnitInput input) {
        if (input == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        Unit unit = units.get(id);
        return ChannelViews.UnitView.of(unit.getName(), channels.saveUnit(id, input));
    }

    public record TestInput(String text) {}

    @Operation(
            summary = "向某单位的外发渠道发送测试消息",
            description = "不受静默时段与上限限制，由发送队列在数秒内发出；返回 202 与各渠道的待发记录。未配置任何渠道返回 409 channels.none。")
    @POST
    @Path("units/{id}/test")
    @RolesAllowed(Role.DISTRICT_ADMIN)
    public Response test(@PathParam("id") UUID id, TestInput input) {
        List<ChannelDispatcher.Planned> planned =
                channels.test(id, input == null ? null : input.text());
        return Response.accepted(planned).build();
    }

    @Operation(
            summary = "外发记录",
            description =
                    "新的在前。status：PENDING 待发、SENT 已发送、FAILED 失败、HELD 静默暂缓、CAPPED 超出上限；"
                            + "channel：EMAIL、SMS、WECOM、DINGTALK；target 为脱敏后的号码或机器人主机。")
    @GET
    @Path("deliveries")
    @RolesAllowed({Role.DISTRICT_ADMIN, Role.LEADER})
    public List<ChannelService.Delivery> deliveries(
            @QueryParam("status") String status,
            @QueryParam("channel") String channel,
            @QueryParam("unit") UUID unit,
            @QueryParam("task") UUID task,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        String s = status == null || status.isBlank() ? null : status.toUpperCase(Locale.ROOT);
        if (s != null && !ChannelService.STATUSES.contains(s))
            throw DubanException.badRequest(
                    "channels.status-invalid", "status 应为 PENDING、SENT、FAILED、HELD 或 CAPPED。");
        Channel c = null;
        if (channel != null && !channel.isBlank()) {
            try {
                c = Channel.valueOf(channel.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DubanException.badRequest(
                        "channels.channel-invalid", "channel 应为 EMAIL、SMS、WECOM 或 DINGTALK。");
            }
        }
        return channels.deliveries(s, c, unit, task, limit);
    }
}
