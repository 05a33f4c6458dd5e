package cn.duban.notify;

import cn.duban.audit.AuditService;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The district office's channel settings (通知渠道): quiet hours, the cap on repeats and the SMS
 * gateway for the tenant; phone numbers and group robots per unit; the delivery log (leaders read
 * it too); a test message. Every URL is checked against the operator's allow-list when saved;
 * secrets are sealed and never returned.
 */
@Stateless
public class ChannelService {

    @PersistenceContext EntityManager em;

    @EJB ChannelConfig config;

    @EJB UnitService units;

    @EJB ChannelDispatcher dispatcher;

    @EJB AuditService audit;

    /** A delivery's statuses (notify_delivery.status). */
    public static final List<String> STATUSES =
            List.of("PENDING", "SENT", "FAILED", "HELD", "CAPPED");

    public record TenantInput(
            String quietStart, String quietEnd, Integer capPerWeek, String smsUrl, String smsKey) {}

    public record UnitInput(
            List<String> phones, String wecomUrl, String dingtalkUrl, String dingtalkSecret) {}

    public record Delivery(
            UUID id,
            UUID unitId,
            String unitName,
            UUID taskId,
            UUID messageId,
            Channel channel,
            String target,
            String subject,
            String status,
            int attempts,
            Integer httpStatus,
            String error,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt) {}

    public ChannelConfig.Tenant tenant() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return config.tenant();
    }

    public ChannelConfig.Tenant saveTenant(TenantInput in) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ChannelConfig.Tenant now = config.tenant();
        LocalTime start = time(in.quietStart(), "quietStart"),
                end = time(in.quietEnd(), "quietEnd");
        if ((start == null) != (end == null))
            throw DubanException.badRequest(
                    "channels.quiet-invalid", "静默时段须同时给出开始和结束时间（如 22:00 与 07:30），或都不填。");
        int cap = in.capPerWeek() == null ? now.capPerWeek() : in.capPerWeek();
        if (cap < 0 || cap > 100)
            throw DubanException.badRequest("channels.cap-invalid", "同一任务 7 天内的外发上限应在 0 到 100 之间。");
        // Left out: unchanged; "" removes it.
        String smsUrl = in.smsUrl() == null ? now.smsUrl() : blankToNull(in.smsUrl());
        if (smsUrl != null && !smsUrl.equals(now.smsUrl())) checkUrl(smsUrl, "短信网关");
        String sealedKey = now.smsKeySealed(), hint = now.smsKeyHint();
        if (in.smsKey() != null) {
            String key = in.smsKey().strip();
            if (key.length() > 500)
                throw DubanException.badRequest("channels.secret-too-long", "密钥过长。");
            sealedKey =
                    key.isEmpty()
                            ? null
                            : SecretBox.fromSettings()
                                    .seal(key, ChannelConfig.smsKeyContext(caller.tenantId()));
            hint = key.isEmpty() ? null : Masking.hint(key);
        }
        em.createNativeQuery(
                        "insert into notify_settings (tenant_id, quiet_start, quiet_end, cap_per_week, sms_url, "
                                + "sms_apikey_enc, sms_key_hint, updated_by, updated_at) values (current_setting('app.tenant_id'), "
                                + "cast(?1 as time), cast(?2 as time), ?3, cast(?4 as varchar), cast(?5 as text), "
                                + "cast(?6 as varchar), ?7, ?8) on conflict (tenant_id) do update set "
                                + "quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, "
                                + "cap_per_week = excluded.cap_per_week, sms_url = excluded.sms_url, "
                                + "sms_apikey_enc = excluded.sms_apikey_enc, sms_key_hint = excluded.sms_key_hint, "
                                + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, start == null ? null : start.toString())
                .setParameter(2, end == null ? null : end.toString())
                .setParameter(3, cap)
                .setParameter(4, smsUrl)
                .setParameter(5, sealedKey)
                .setParameter(6, hint)
                .setParameter(7, caller.username())
                .setParameter(8, Rows.ts(AppClock.now()))
                .executeUpdate();
        // Held rows follow the new quiet hours: released now if the window no longer holds them.
        Instant t = AppClock.now();
        Instant release = start == null ? t : new QuietHours(start, end).releaseAt(t).orElse(t);
        em.createNativeQuery(
                        "update notify_delivery set next_attempt_at = ?1 where status = 'HELD'")
                .setParameter(1, Rows.ts(release))
                .executeUpdate();
        audit.record(
                "settings.channels",
                "settings",
                null,
                "quietStart",
                start == null ? "" : start.toString(),
                "quietEnd",
                end == null ? "" : end.toString(),
                "capPerWeek",
                cap,
                "smsGateway",
                smsUrl == null ? "" : Masking.host(smsUrl),
                "smsKeyChanged",
                in.smsKey() != null);
        return config.tenant();
    }

    public List<ChannelConfig.Unit> units() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return config.units();
    }

    public ChannelConfig.Unit unit(UUID unitId) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        units.get(unitId); // another district's unit: 404
        return config.unit(unitId);
    }

    /**
     * Saves a unit's channels. A URL left out (null) stays as it is, "" removes it; the same for
     * the 钉钉 secret. Phone numbers replace the list.
     */
    public ChannelConfig.Unit saveUnit(UUID unitId, UnitInput in) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Unit unit = units.get(unitId);
        ChannelConfig.Unit now = config.unit(unitId);
        List<String> phones = now.phones();
        if (in.phones() != null) {
            phones = new ArrayList<>();
            for (String p : in.phones()) {
                String s = p == null ? "" : p.strip();
                if (s.isEmpty()) continue;
                if (!validPhone(s))
                    throw DubanException.badRequest(
                            "channels.phone-invalid",
                            "手机号 " + Masking.phone(s) + " 格式不正确（11 位数字）。");
                if (!phones.contains(s)) phones.add(s);
            }
            if (phones.size() > 20)
                throw DubanException.badRequest("channels.too-many-phones", "每个单位至多 20 个手机号。");
        }
        SecretBox box = SecretBox.fromSettings();
        String tenant = caller.tenantId();
        String[] wecom =
                webhook(
                        in.wecomUrl(),
                        "企业微信机器人",
                        box,
                        ChannelConfig.unitContext(tenant, unitId, "wecom-url"),
                        new String[] {now.wecomSealed(), now.wecomHost(), now.wecomHint()});
        String[] ding =
                webhook(
                        in.dingtalkUrl(),
                        "钉钉机器人",
                        box,
                        ChannelConfig.unitContext(tenant, unitId, "dingtalk-url"),
                        new String[] {
                            now.dingtalkSealed(), now.dingtalkHost(), now.dingtalkHint()
                        });
        String secretSealed = now.dingtalkSecretSealed(), secretHint = now.dingtalkSecretHint();
        if (in.dingtalkSecret() != null) {
            String s = in.dingtalkSecret().strip();
            if (s.length() > 200)
                throw DubanException.badRequest("channels.secret-too-long", "密钥过长。");
            secretSealed =
                    s.isEmpty()
                            ? null
                            : box.seal(
                                    s,
                                    ChannelConfig.unitContext(tenant, unitId, "dingtalk-secret"));
            secretHint = s.isEmpty() ? null : Masking.hint(s);
        }
        em.createNativeQuery(
                        "insert into notify_unit (tenant_id, unit_id, phones, wecom_token_enc, wecom_host, wecom_hint, "
                                + "dingtalk_token_enc, dingtalk_host, dingtalk_hint, dingtalk_secret_enc, dingtalk_secret_hint, "
                                + "updated_by, updated_at) values (current_setting('app.tenant_id'), ?1, cast(?2 as varchar), "
                                + "cast(?3 as text), cast(?4 as varchar), cast(?5 as varchar), cast(?6 as text), cast(?7 as varchar), "
                                + "cast(?8 as varchar), cast(?9 as text), cast(?10 as varchar), ?11, ?12) "
                                + "on conflict (tenant_id, unit_id) do update set phones = excluded.phones, "
                                + "wecom_token_enc = excluded.wecom_token_enc, wecom_host = excluded.wecom_host, "
                                + "wecom_hint = excluded.wecom_hint, dingtalk_token_enc = excluded.dingtalk_token_enc, "
                                + "dingtalk_host = excluded.dingtalk_host, dingtalk_hint = excluded.dingtalk_hint, "
                                + "dingtalk_secret_enc = excluded.dingtalk_secret_enc, "
                                + "dingtalk_secret_hint = excluded.dingtalk_secret_hint, "
                                + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, unitId)
                .setParameter(2, phones.isEmpty() ? null : String.join(",", phones))
                .setParameter(3, wecom[0])
                .setParameter(4, wecom[1])
                .setParameter(5, wecom[2])
                .setParameter(6, ding[0])
                .setParameter(7, ding[1])
                .setParameter(8, ding[2])
                .setParameter(9, secretSealed)
                .setParameter(10, secretHint)
                .setParameter(11, caller.username())
                .setParameter(12, Rows.ts(AppClock.now()))
                .executeUpdate();
        audit.record(
                "settings.channels.unit",
                "unit",
                unitId,
                "unit",
                unit.getName(),
                "phones",
                Masking.phones(phones),
                "wecom",
                wecom[1] == null ? "" : wecom[1],
                "dingtalk",
                ding[1] == null ? "" : ding[1],
                "dingtalkSecretChanged",
                in.dingtalkSecret() != null);
        return config.unit(unitId);
    }

    /** {sealed, host, hint} after the input: kept (null), removed ("") or a new, checked URL. */
    private String[] webhook(
            String input, String what, SecretBox box, String context, String[] now) {
        if (input == null) return now;
        String url = input.strip();
        if (url.isEmpty()) return new String[3];
        if (url.length() > 1000)
            throw DubanException.badRequest("channels.url-too-long", what + "地址过长。");
        checkUrl(url, what);
        return new String[] {box.seal(url, context), Masking.host(url), Masking.hint(url)};
    }

    private static void checkUrlWith(String url, String what, List<AllowEntry> allow) {
        try {
            OutboundGuard.check(url, allow, OutboundGuard.DNS);
        } catch (OutboundGuard.Refused e) {
            throw DubanException.badRequest(e.code(), what + "地址不可用：" + e.getMessage());
        }
    }

    private void checkUrl(String url, String what) {
        checkUrlWith(url, what, config.allowList());
    }

    static boolean validPhone(String s) {
        if (s.length() != 11 || s.charAt(0) != '1') return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    public List<Delivery> deliveries(
            String status, Channel channel, UUID unitId, UUID taskId, int limit) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        StringBuilder sql =
                new StringBuilder(
                        "select d.id, d.unit_id, u.name, d.task_id, d.message_id, d.channel, d.target, d.subject, "
                                + "d.status, d.attempts, d.http_status, d.error, d.created_at, d.next_attempt_at, d.sent_at "
                                + "from notify_delivery d join unit u on u.tenant_id = d.tenant_id and u.id = d.unit_id where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and d.status = ?").append(params.size() + 1);
            params.add(status);
        }
        if (channel != null) {
            sql.append(" and d.channel = ?").append(params.size() + 1);
            params.add(channel.name());
        }
        if (unitId != null) {
            sql.append(" and d.unit_id = ?").append(params.size() + 1);
            params.add(unitId);
        }
        if (taskId != null) {
            sql.append(" and d.task_id = ?").append(params.size() + 1);
            params.add(taskId);
        }
        sql.append(" order by d.created_at desc, d.channel");
        var q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) q.setParameter(i + 1, params.get(i));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Delivery(
                                        Rows.uuid(r[0]),
                                        Rows.uuid(r[1]),
                                        Rows.string(r[2]),
                                        Rows.uuid(r[3]),
                                        Rows.uuid(r[4]),
                                        Channel.valueOf(Rows.string(r[5])),
                                        Rows.string(r[6]),
                                        Rows.string(r[7]),
                                        Rows.string(r[8]),
                                        Rows.integer(r[9]),
                                        Rows.integer(r[10]),
                                        Rows.string(r[11]),
                                        Rows.instant(r[12]),
                                        Rows.instant(r[13]),
                                        Rows.instant(r[14])))
                .toList();
    }

    /** A test message to the unit's channels, sent by the next outbox run. */
    public List<ChannelDispatcher.Planned> test(UUID unitId, String text) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Unit unit = units.get(unitId);
        String body =
                text == null || text.isBlank()
                        ? "这是一条测试消息，发送人：" + caller.displayName() + "。"
                        : text.strip();
        if (body.length() > 500)
            throw DubanException.badRequest("channels.text-too-long", "测试消息不超过 500 字。");
        List<ChannelDispatcher.Planned> planned = dispatcher.test(unit, body);
        if (planned.isEmpty())
            throw DubanException.conflict("channels.none", unit.getName() + "尚未配置任何外发渠道。");
        audit.record(
                "channels.test",
                "unit",
                unitId,
                "unit",
                unit.getName(),
                "channels",
                planned.size());
        return planned;
    }

    private static LocalTime time(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DubanException.badRequest("channels.quiet-invalid", field + " 应为时:分，如 22:00。");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
