package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.devstack.DevStack;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Pdfs;
import cn.duban.it.support.Plans;
import cn.duban.it.support.TestStack;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail against someone who holds the database's owner role: rows can be changed, but
 * {@code GET /audit/verify} must still find it. Works in 嘉定区 and puts every row back exactly as it
 * was, holding the tenant's audit lock meanwhile so the application cannot append to a tampered
 * chain. The attacks are written from the algorithms alone, as an attacker would, not with the
 * application's classes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIntegrityIT {

    static final String TENANT = "jiading";
    static final String ADMIN = "jd-admin";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** One row of audit_log as stored. */
    record Row(
            long seq,
            Instant at,
            String actor,
            String action,
            String entityType,
            UUID entityId,
            String detail,
            String prevHash,
            String hash) {}

    /**
     * The owner's session on the tenant's chain: takes the lock the application appends under,
     * keeps a copy of every row from {@code fromSeq} on, and on close puts them back.
     */
    static final class Tamper implements AutoCloseable {
        final Connection c;
        final long fromSeq;

        Tamper(long fromSeq) throws SQLException {
            this.fromSeq = fromSeq;
            c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.OWNER);
            try (Statement s = c.createStatement()) {
                // Row-level security is forced on the owner too, but the owner can name any tenant.
                s.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
                s.execute(
                        "select pg_advisory_lock(hashtext('duban.audit'), hashtext('"
                                + TENANT
                                + "'))");
                s.execute(
                        "create temp table saved as select * from audit_log where tenant_id = '"
                                + TENANT
                                + "' and seq >= "
                                + fromSeq);
                s.execute("alter table audit_log disable trigger audit_log_append_only");
            }
        }

        List<Row> rows() throws SQLException {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement(
                            "select seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash "
                                    + "from audit_log where tenant_id = ? order by seq")) {
                s.setString(1, TENANT);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(
                                new Row(
                                        rs.getLong(1),
                                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getObject(6, UUID.class),
                                        rs.getString(7),
                                        rs.getString(8),
                                        rs.getString(9)));
                    }
                }
            }
            return out;
        }

        void update(long seq, String detail, String prevHash, String hash) throws SQLException {
            try (PreparedStatement s =
                    c.prepareStatement(
                            "update audit_log set detail = ?, prev_hash = ?, hash = ? where tenant_id = ? and seq = ?")) {
                s.setString(1, detail);
                s.setString(2, prevHash);
                s.setString(3, hash);
                s.setString(4, TENANT);
                s.setLong(5, seq);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }

        void execute(String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            try (c;
                    Statement s = c.createStatement()) {
                s.execute(
                        "delete from audit_log where tenant_id = '"
                                + TENANT
                                + "' and seq >= "
                                + fromSeq);
                s.execute("insert into audit_log select * from saved");
                s.execute("alter table audit_log enable trigger audit_log_append_only");
                s.execute(
                        "select pg_advisory_unlock(hashtext('duban.audit'), hashtext('"
                                + TENANT
                                + "'))");
            }
        }
    }

    /** The pre-V6 entry hash: public knowledge (AuditChain.hash on main), no secret involved. */
    static String plainSha256(String prevHash, Row r, String detail) throws Exception {
        String canonical =
                String.join(
                        "\n",
                        prevHash,
                        Long.toString(r.seq()),
                        r.at().toString(),
                        r.actor(),
                        r.action(),
                        r.entityType(),
                        r.entityId() == null ? "" : r.entityId().toString(),
                        detail);
        return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The keyed entry MAC (docs/RELIABILITY.md), for an attacker who also stole the key. */
    static String hmacSha256(byte[] key, String keyId, String prevHash, Row r, String detail)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field :
                new String[] {
                    "duban-audit/2",
                    "HMAC-SHA256",
                    keyId,
                    TENANT,
                    prevHash,
                    Long.toString(r.seq()),
                    r.at().toString(),
                    r.actor(),
                    r.action(),
                    r.entityType(),
                    r.entityId() == null ? "" : r.entityId().toString(),
                    detail
                }) {
            byte[] b = field.getBytes(StandardCharsets.UTF_8);
            out.write(
                    new byte[] {
                        (byte) (b.length >>> 24),
                        (byte) (b.length >>> 16),
                        (byte) (b.length >>> 8),
                        (byte) b.length
                    });
            out.write(b);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(out.toByteArray()));
    }

    /** Entry detail (a JSON object) with one field more. */
    static String tampered(String detail) {
        return detail.substring(0, detail.lastIndexOf('}'))
                + (detail.endsWith("{}") ? "" : ",")
                + "\"note\":\"改写\"}";
    }

    /** One value as the maintenance role, which sees every tenant. */
    static String maintString(String sql) throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /**
     * A statement in a transaction that is rolled back whatever happens: the SQLException it
     * raised, or null.
     */
    static Throwable refused(String role, String sql) throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), role);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("select set_config('app.tenant_id', '" + TENANT + "', true)");
                s.execute(sql);
                return null;
            } catch (SQLException e) {
                return e;
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * A few fresh entries in the tenant's chain (reminder settings saved again, unchanged); the
     * newest seq.
     */
    static long someEntries(int n) throws SQLException {
        return someEntries(ADMIN, TENANT, n);
    }

    static long someEntries(String admin, String tenant, int n) throws SQLException {
        JsonObject settings = Api.get(admin, "/settings/reminders").json();
        for (int i = 0; i < n; i++) {
            Reply r = Api.put(admin, "/settings/reminders", settings.toString(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return Db.maintCount("select max(seq) from audit_log where tenant_id = '" + tenant + "'");
    }

    static JsonObject verify(String query) {
        Reply r = Api.get(ADMIN, "/audit/verify" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theOwnerRewritingAnEntryAndRecomputingThePlainChainIsCaught() throws Exception {
        long last = someEntries(5);
        long k = last - 3;
        assertThat(verify("").getBoolean("intact")).isTrue();
        try (Tamper t = new Tamper(k)) {
            // Today's attack: change entry k, then recompute its hash and every later one exactly
            // as the code does.
            String prev = null;
            for (Row r : t.rows()) {
                if (r.seq() < k) {
                    prev = r.hash();
                    continue;
                }
                String detail = r.seq() == k ? tampered(r.detail()) : r.detail();
                String hash = plainSha256(prev, r, detail);
                t.update(r.seq(), detail, prev, hash);
                prev = hash;
            }
            JsonObject v = verify("");
            assertThat(v.getBoolean("intact")).as(v.toString()).isFalse();
            assertThat(v.getJsonNumber("brokenAt").longValue()).isEqualTo(k);
            assertThat(v.getString("problem")).contains("被修改");

            // The same with the rows relabelled as pre-V6 entries: a plain hash after keyed entries
            // vouches for nothing.
            t.execute(
                    "update audit_log set alg = 'SHA-256', key_id = null where tenant_id = '"
                            + TENANT
                            + "' and seq >= "
                            + k);
            v = verify("");
            assertThat(v.getBoolean("intact")).as(v.toString()).isFalse();
            assertThat(v.getJsonNumber("brokenAt").longValue()).isEqualTo(k);
        }
        assertThat(verify("").getBoolean("intact")).isTrue();
    }

    @Test
    void theHeadIsExportedAndAnchorsAreChecked() throws Exception {
        long last = someEntries(3);
        Reply reply = Api.get(ADMIN, "/audit/head");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject head = reply.json();
        assertThat(head.getString("tenant")).isEqualTo(TENANT);
        assertThat(head.getJsonNumber("seq").longValue()).isEqualTo(last);
        String hash = head.getString("hash");
        String anchor = head.getString("anchor");
        assertThat(hash).hasSize(64).startsWith(anchor);
        assertThat(anchor).hasSize(16);
        assertThat(head.getString("alg")).isEqualTo("HMAC-SHA256");
        assertThat(hash)
                .isEqualTo(
                        maintString(
                                "select hash from audit_log where tenant_id = '"
                                        + TENANT
                                        + "' and seq = "
                                        + last));
        // The district office exports it; leaders, units and other districts do not get this one.
        assertThat(Api.get("jd-leader", "/audit/head").status()).isEqualTo(403);
        assertThat(Api.get("jd-anting", "/audit/head").status()).isEqualTo(403);
        assertThat(Api.get("pt-admin", "/audit/head").json().getString("tenant"))
                .isEqualTo("putuo");

        JsonObject v = verify("?seq=" + last + "&hash=" + anchor);
        assertThat(v.getBoolean("intact")).as(v.toString()).isTrue();
        assertThat(v.getJsonObject("anchor").getBoolean("contained")).isTrue();
        assertThat(
                        verify("?seq=" + last + "&hash=" + hash.toUpperCase())
                                .getJsonObject("anchor")
                                .getBoolean("contained"))
                .isTrue();
        v = verify("?seq=" + last + "&hash=0000000000000000");
        assertThat(v.getBoolean("intact")).isFalse();
        assertThat(v.getJsonNumber("brokenAt").longValue()).isEqualTo(last);
        assertThat(v.getJsonObject("anchor").getBoolean("contained")).isFalse();
        // Another district's anchor is not in this chain.
        someEntries("pt-admin", "putuo", 1);
        JsonObject putuo = Api.get("pt-admin", "/audit/head").json();
        assertThat(
                        verify(
                                        "?seq="
                                                + putuo.getJsonNumber("seq")
                                                + "&hash="
                                                + putuo.getString("anchor"))
                                .getBoolean("intact"))
                .isFalse();

        for (String bad :
                List.of(
                        "?seq=" + last,
                        "?hash=" + anchor,
                        "?seq=0&hash=" + anchor,
                        "?seq=x&hash=" + anchor,
                        "?seq=" + last + "&hash=12ab",
                        "?seq=" + last + "&hash=" + anchor.replace(anchor.charAt(0), 'z'))) {
            Reply r = Api.get(ADMIN, "/audit/verify" + bad);
            assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
            assertThat(r.problemCode()).isEqualTo("audit.anchor-invalid");
        }

        // Cutting off the tail leaves a chain that verifies by itself; the anchor shows what is
        // missing.
        try (Tamper t = new Tamper(last - 1)) {
            t.execute(
                    "delete from audit_log where tenant_id = '"
                            + TENANT
                            + "' and seq >= "
                            + (last - 1));
            assertThat(verify("").getBoolean("intact")).isTrue();
            v = verify("?seq=" + last + "&hash=" + anchor);
            assertThat(v.getBoolean("intact")).isFalse();
            assertThat(v.getJsonNumber("brokenAt").longValue()).isEqualTo(last - 1);
            assertThat(v.getString("problem")).contains("锚点第 " + last + " 条");
        }
        assertThat(verify("?seq=" + last + "&hash=" + anchor).getBoolean("intact")).isTrue();
    }

    @Test
    void anIssuedCircularPrintsTheHeadAndItCatchesEvenAKeyHolder() throws Exception {
        int y = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2;
        String text =
                y + "年嘉定区留痕锚点测试工作要点\n一、政务公开\n1.做好锚点测试政务信息公开。（责任单位：安亭镇；完成时限：" + y + "年3月31日前）\n";
        JsonObject plan = Plans.saved(ADMIN, text, "audit-anchor.txt");
        Reply scheme =
                Api.post(
                        ADMIN,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + y
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\"政务公开\",\"points\":100,\"target\":\"SECTION\",\"targetId\":\""
                                + plan.getJsonArray("sections").getJsonObject(0).getString("id")
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        Reply draft = Api.post(ADMIN, "/circulars", "{\"period\":\"" + y + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().getString("id");
        JsonObject headBefore = Api.get(ADMIN, "/audit/head").json();
        Reply issued = Api.post(ADMIN, "/circulars/" + id + "/issue", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);

        // The footer carries the head as it was when the circular was issued, and the trail says
        // which.
        long seq = headBefore.getJsonNumber("seq").longValue();
        String anchor = headBefore.getString("anchor");
        String pdf =
                Pdfs.text(Api.bytes("jd-anting", "/circulars/" + id + "/document.pdf"))
                        .replaceAll("\\s+", "");
        assertThat(pdf).contains("留痕链头：第" + seq + "条·" + anchor);
        // Word is rendered again from the frozen data, which keeps the anchor as well.
        byte[] docx = Api.bytes(ADMIN, "/circulars/" + id + "/document.docx");
        StringBuilder xml = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; )
                xml.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(xml.toString()).contains(anchor);
        JsonObject entry =
                Api.get(ADMIN, "/audit?entity=" + id).array().stream()
                        .map(e -> e.asJsonObject())
                        .filter(e -> e.getString("action").equals("circular.issued"))
                        .findFirst()
                        .orElseThrow();
        assertThat(entry.getString("detail"))
                .contains("\"auditAnchorSeq\":" + seq, "\"auditAnchor\":\"" + anchor + "\"");
        assertThat(
                        verify("?seq=" + seq + "&hash=" + anchor)
                                .getJsonObject("anchor")
                                .getBoolean("contained"))
                .isTrue();

        // Someone who stole the key as well rewrites an entry before the anchor and re-MACs the
        // rest:
        // the chain is consistent again, but the printed circulars no longer match it.
        long k = seq - 1;
        byte[] key = Base64.getDecoder().decode(DevStack.DEV_AUDIT_KEY);
        try (Tamper t = new Tamper(k)) {
            String prev = null;
            for (Row r : t.rows()) {
                if (r.seq() < k) {
                    prev = r.hash();
                    continue;
                }
                String keyId =
                        maintString(
                                "select key_id from audit_log where tenant_id = '"
                                        + TENANT
                                        + "' and seq = "
                                        + r.seq());
                String detail = r.seq() == k ? tampered(r.detail()) : r.detail();
                String mac = hmacSha256(key, keyId, prev, r, detail);
                t.update(r.seq(), detail, prev, mac);
                prev = mac;
            }
            JsonObject v = verify("");
            assertThat(v.getBoolean("intact"))
                    .as("a key holder's rewrite is consistent: " + v)
                    .isTrue();
            v = verify("?seq=" + seq + "&hash=" + anchor);
            assertThat(v.getBoolean("intact")).as(v.toString()).isFalse();
            assertThat(v.getJsonNumber("brokenAt").longValue()).isEqualTo(seq);
            assertThat(v.getJsonObject("anchor").getBoolean("contained")).isFalse();
        }
        assertThat(verify("?seq=" + seq + "&hash=" + anchor).getBoolean("intact")).isTrue();
    }

    @Test
    void noRoleDeletesTheTrailWithoutFirstSwitchingOffItsGuard() throws SQLException {
        someEntries(1); // row triggers fire only for rows there are
        // Each attempt runs in a transaction that is rolled back, so even a success would leave the
        // trail whole.
        assertThat(refused(EmbeddedDatabase.OWNER, "truncate audit_log"))
                .isNotNull()
                .hasMessageContaining("append-only");
        assertThat(
                        refused(
                                EmbeddedDatabase.OWNER,
                                "delete from audit_log where tenant_id = '" + TENANT + "'"))
                .isNotNull()
                .hasMessageContaining("append-only");
        assertThat(refused(EmbeddedDatabase.APP, "truncate audit_log"))
                .isNotNull()
                .hasMessageContaining("permission denied");
        assertThat(refused(EmbeddedDatabase.APP, "delete from audit_log"))
                .isNotNull()
                .hasMessageContaining("permission denied");
        assertThat(refused(EmbeddedDatabase.APP, "update audit_log set detail = '{}'"))
                .isNotNull()
                .hasMessageContaining("permission denied");
    }

    static List<String> verifyLines(Path accessLog) throws java.io.IOException {
        return Files.readAllLines(accessLog, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains(" jd-admin GET /api/v1/audit/verify "))
                .toList();
    }

    @Test
    void theAccessLogHasEveryCallWithoutTokensOrQueryStrings() throws Exception {
        Path accessLog =
                Path.of(System.getProperty("jboss.home"), "standalone", "log", "access.log");
        int before = verifyLines(accessLog).size();
        String probe = UUID.randomUUID().toString();
        assertThat(
                        Api.get(
                                        ADMIN,
                                        "/audit/verify?seq=1&hash="
                                                + "ab".repeat(8)
                                                + "&probe="
                                                + probe)
                                .status())
                .isEqualTo(200);
        List<String> lines = verifyLines(accessLog);
        for (int i = 0; i < 60 && lines.size() == before; i++) {
            Thread.sleep(250); // Undertow writes the access log in batches
            lines = verifyLines(accessLog);
        }
        assertThat(lines).as("the access log has the call").hasSizeGreaterThan(before);
        assertThat(lines.get(lines.size() - 1))
                .matches(
                        "\\[.+\\] \\S+ jd-admin GET /api/v1/audit/verify HTTP/\\S+ 200 \\d+ \\d+ms");
        String token = Api.tokenOf(ADMIN);
        assertThat(Files.readString(accessLog, StandardCharsets.ISO_8859_1))
                .doesNotContain(probe, "seq=", token.substring(token.length() - 40));
    }
}
