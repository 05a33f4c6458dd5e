package cn.duban.notify;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The operator's outbound settings (外发白名单): the hosts webhooks and gateways may be on, and a CA
 * bundle for 政务外网 gateways with certificates of an internal CA. One for the platform;
 * platform-admin only; in the operators' trail.
 */
@Stateless
public class OutboundService {

    @PersistenceContext EntityManager em;

    @EJB ChannelConfig config;

    @EJB OperatorAudit operatorAudit;

    public record Ca(boolean set, List<String> subjects, String sha256) {}

    public List<AllowEntry> allowList() {
        Caller.require(Caller.PLATFORM_ADMIN);
        return config.allowList();
    }

    /** Replaces the list. */
    public List<AllowEntry> saveAllowList(List<AllowEntry> entries) {
        Caller caller = Caller.require(Caller.PLATFORM_ADMIN);
        if (entries.size() > 200)
            throw DubanException.badRequest("outbound.too-many", "白名单至多 200 项。");
        Set<String> seen = new HashSet<>();
        for (AllowEntry e : entries) {
            if (!validHost(e.host()))
                throw DubanException.badRequest(
                        "outbound.host-invalid",
                        "主机名 “" + e.host() + "” 不正确（只写主机名或 IP，不含 https:// 和路径）。");
            if (e.port() < 0 || e.port() > 65535)
                throw DubanException.badRequest(
                        "outbound.port-invalid", "端口应在 1 到 65535 之间（0 或不填为任意端口）。");
            if (e.internal() && e.port() == 0)
                throw DubanException.badRequest(
                        "outbound.internal-needs-port", "标记为内网的主机须写明端口（" + e.host() + "）。");
            if (!seen.add(e.host() + ":" + e.port()))
                throw DubanException.badRequest(
                        "outbound.duplicate", "重复的白名单项：" + e.host() + ":" + e.port());
            if (e.note() != null && e.note().length() > 200)
                throw DubanException.badRequest("outbound.note-too-long", "备注不超过 200 字。");
        }
        em.createNativeQuery("delete from outbound_allow").executeUpdate();
        for (AllowEntry e : entries) {
            em.createNativeQuery(
                            "insert into outbound_allow (host, port, internal, note, updated_by, updated_at) "
                                    + "values (?1, ?2, ?3, cast(?4 as varchar), ?5, ?6)")
                    .setParameter(1, e.host())
                    .setParameter(2, e.port())
                    .setParameter(3, e.internal())
                    .setParameter(4, e.note())
                    .setParameter(5, caller.username())
                    .setParameter(6, Rows.ts(AppClock.now()))
                    .executeUpdate();
        }
        operatorAudit.record(
                OperatorAction.OUTBOUND_CHANGED,
                "allow-list",
                String.join(
                        ", ",
                        entries.stream()
                                .map(
                                        e ->
                                                e.host()
                                                        + (e.port() == 0 ? "" : ":" + e.port())
                                                        + (e.internal() ? " internal" : ""))
                                .toList()));
        return config.allowList();
    }

    public Ca ca() {
        Caller.require(Caller.PLATFORM_ADMIN);
        return describe(config.caPem());
    }

    /** Sets the bundle ("" or null removes it); a bundle that does not parse is refused. */
    public Ca saveCa(String pem) {
        Caller caller = Caller.require(Caller.PLATFORM_ADMIN);
        String p = pem == null ? "" : pem.strip();
        if (p.length() > 1_000_000)
            throw DubanException.badRequest("outbound.ca-too-large", "证书文件过大（至多 1 MB）。");
        if (p.isEmpty()) {
            em.createNativeQuery("delete from outbound_ca").executeUpdate();
        } else {
            try {
                OutboundHttp.parse(p);
            } catch (IllegalArgumentException e) {
                throw DubanException.badRequest(
                        "outbound.ca-invalid", "无法读取 PEM 证书：" + e.getMessage());
            }
            em.createNativeQuery(
                            "insert into outbound_ca (id, pem, updated_by, updated_at) values (1, ?1, ?2, ?3) "
                                    + "on conflict (id) do update set pem = excluded.pem, updated_by = excluded.updated_by, "
                                    + "updated_at = excluded.updated_at")
                    .setParameter(1, p)
                    .setParameter(2, caller.username())
                    .setParameter(3, Rows.ts(AppClock.now()))
                    .executeUpdate();
        }
        Ca ca = describe(p.isEmpty() ? null : p);
        operatorAudit.record(
                OperatorAction.OUTBOUND_CHANGED, "ca-bundle", ca.set() ? ca.sha256() : "removed");
        return ca;
    }

    private static Ca describe(String pem) {
        if (pem == null) return new Ca(false, List.of(), null);
        List<String> subjects =
                OutboundHttp.parse(pem).stream()
                        .map(X509Certificate::getSubjectX500Principal)
                        .map(Object::toString)
                        .toList();
        return new Ca(true, subjects, Sha256.hex(pem.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A host name or IP literal: letters, digits, dots, hyphens, colons (IPv6); no scheme or path.
     */
    static boolean validHost(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) return false;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '-'
                            || c == ':';
            if (!ok) return false;
        }
        return !host.toLowerCase(Locale.ROOT).startsWith(".");
    }
}
