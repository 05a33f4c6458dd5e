package cn.duban.tenant.offboard;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import cn.duban.platform.Sha256;
import cn.duban.platform.ZipOutput;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hibernate.Session;

/**
 * Writes one tenant's archive (zip) to a stream in one transaction inside that tenant: for every
 * table with a {@code tenant_id} column (found in the catalogue, so a table added later is
 * included) and the tenant's own row, a JSON and a CSV file with every row of the tenant; stored
 * files (bytea columns: evidence, circular documents …) as files of their own; and {@code
 * manifest.json} with counts, SHA-256 of every file, the export time and the audit chain's head.
 * Columns named like secrets ({@link ArchiveFormat#isSecret}) are left out and listed in the
 * manifest. Memory stays bounded: rows are read with a cursor, files one at a time.
 *
 * <p>Every query names the tenant ({@code where tenant_id = ?}) and row-level security holds it to
 * the same tenant a second time. Called by {@link TenantExportService} only.
 */
@Stateless
public class TenantExporter {

    private static final int FETCH = 200;

    @PersistenceContext EntityManager em;

    @EJB AuditService audit;

    /** What was written: for the record and the answer. */
    public record Written(
            UUID id, Instant at, String sha256, long size, Long headSeq, String head) {}

    private record Column(String name, String type) {}

    private record Table(String name, List<Column> columns, List<String> key) {}

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Written export(OutputStream target) {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        String tenant = caller.tenantId();
        if (tenant == null) throw new IllegalStateException("export must run inside the tenant");
        UUID id = UUID.randomUUID();
        // Recorded first, so the head in the manifest covers the export itself.
        audit.record("tenant.exported", "tenant", id, "tenant", tenant);
        em.flush();
        Written[] out = new Written[1];
        em.unwrap(Session.class)
                .doWork(
                        c -> {
                            try {
                                out[0] = write(c, tenant, id, target);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        Written w = out[0];
        em.createNativeQuery(
                        "insert into tenant_export (tenant_id, id, exported_at, exported_by, sha256, size, "
                                + "audit_head_seq, audit_head_hash) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, tenant)
                .setParameter(2, id)
                .setParameter(3, w.at())
                .setParameter(4, caller.username())
                .setParameter(5, w.sha256())
                .setParameter(6, w.size())
                .setParameter(7, w.headSeq())
                .setParameter(8, w.head())
                .executeUpdate();
        return w;
    }

    private Written write(Connection c, String tenant, UUID id, OutputStream target)
            throws SQLException, IOException {
        MessageDigest archiveDigest = Sha256.digest();
        ZipOutput.Counting counted = new ZipOutput.Counting(target);
        DigestOutputStream digested = new DigestOutputStream(counted, archiveDigest);
        ZipOutputStream zip = new ZipOutputStream(digested, StandardCharsets.UTF_8);

        Long headSeq = null;
        String head = null;
        try (PreparedStatement s =
                c.prepareStatement(
                        "select seq, hash from audit_log where tenant_id = ? order by seq desc limit 1")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    head = rs.getString(2).strip();
                }
            }
        }

        Map<String, Object[]> files = new LinkedHashMap<>(); // path → {size, sha256}
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<String>> omitted = new LinkedHashMap<>();
        for (Table t : tables(c)) {
            List<Column> kept = new ArrayList<>();
            for (Column col : t.columns()) {
                if (ArchiveFormat.isSecret(col.name())) {
                    omitted.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(col.name());
                } else {
                    kept.add(col);
                }
            }
            String where = t.name().equals("tenant") ? "id = ?" : "tenant_id = ?";
            counts.put(t.name(), writeRows(c, zip, files, t, kept, where, tenant, true));
            writeRows(c, zip, files, t, kept, where, tenant, false);
            writeFiles(c, zip, files, t, kept, where, tenant);
        }

        Instant at = Instant.now();
        ZipEntry manifest = new ZipEntry("manifest.json");
        zip.putNextEntry(manifest);
        Writer w = new OutputStreamWriter(new ZipOutput.Unclosable(zip), StandardCharsets.UTF_8);
        try (JsonGenerator g =
                Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                        .createGenerator(w)) {
            g.writeStartObject();
            g.write("format", "duban-tenant-archive/1");
            g.write("exportId", id.toString());
            g.write("tenant", tenant);
            g.write("exportedAt", at.toString());
            g.write("exportedBy", Caller.current().orElseThrow().username());
            g.writeStartObject("auditChainHead");
            if (headSeq == null) g.writeNull("seq");
            else g.write("seq", headSeq);
            if (head == null) g.writeNull("hash");
            else g.write("hash", head);
            g.writeEnd();
            g.writeStartObject("tables");
            for (var e : counts.entrySet()) g.write(e.getKey(), e.getValue());
            g.writeEnd();
            g.writeStartObject("secretsOmitted");
            g.write(
                    "rule",
                    "columns whose names contain secret, password, token, credential, api key or"
                            + " private key are not exported");
            g.writeStartObject("columns");
            for (var e : omitted.entrySet()) {
                g.writeStartArray(e.getKey());
                e.getValue().forEach(g::write);
                g.writeEnd();
            }
            g.writeEnd();
            g.writeEnd();
            g.write(
                    "notes",
                    "JSON and CSV hold the same rows; values are PostgreSQL's text forms, numbers and"
                            + " booleans as such in JSON. Stored files are under files/ (evidence"
                            + " content once per SHA-256 under evidence/<sha256>, which the evidence"
                            + " tables' sha256 columns name); their columns hold the file's path. CSV fields"
                            + " starting with = + - @ are prefixed with ' against spreadsheet"
                            + " formulas. Keycloak accounts are not part of the archive.");
            g.writeStartArray("files");
            for (var e : files.entrySet()) {
                g.writeStartObject();
                g.write("path", e.getKey());
                g.write("size", (Long) e.getValue()[0]);
                g.write("sha256", (String) e.getValue()[1]);
                g.writeEnd();
            }
            g.writeEnd();
            g.writeEnd();
        }
        zip.closeEntry();
        zip.finish();
        digested.flush();
        return new Written(
                id,
                at,
                HexFormat.of().formatHex(archiveDigest.digest()),
                counted.count(),
                headSeq,
                head);
    }

    /** The tenant table and every table with a tenant_id column the application may read. */
    private static List<Table> tables(Connection c) throws SQLException {
        // The tenant's own row too: its name, zone and settings.
        List<String> names = new ArrayList<>(TenantTables.withTenantColumn(c, true));
        names.add("tenant");
        names.sort(null);
        List<Table> out = new ArrayList<>();
        for (String name : names) {
            List<Column> cols = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement(
                            "select a.attname, format_type(a.atttypid, null) from pg_attribute a "
                                    + "where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped "
                                    + "and has_column_privilege(a.attrelid, a.attnum, 'SELECT') order by a.attnum")) {
                s.setString(1, quote(name));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) cols.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
            List<String> key = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement(
                            "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid "
                                    + "and a.attnum = any (i.indkey) where i.indrelid = ?::regclass and i.indisprimary "
                                    + "order by array_position(i.indkey, a.attnum)")) {
                s.setString(1, quote(name));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) key.add(rs.getString(1));
                }
            }
            out.add(new Table(name, cols, key));
        }
        return out;
    }

    private static long writeRows(
            Connection c,
            ZipOutputStream zip,
            Map<String, Object[]> files,
            Table t,
            List<Column> cols,
            String where,
            String tenant,
            boolean json)
            throws SQLException, IOException {
        String path = "tables/" + t.name() + (json ? ".json" : ".csv");
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            if (i > 0) select.append(", ");
            // Files are written separately, one at a time; here only whether there is one.
            select.append(
                    col.type().equals("bytea")
                            ? "(" + quote(col.name()) + " is not null)"
                            : quote(col.name()));
        }
        select.append(" from ").append(quote(t.name())).append(" where ").append(where);
        if (!t.key().isEmpty()) select.append(" order by ").append(keyList(t));
        MessageDigest digest = Sha256.digest();
        ZipOutput.Counting counted = new ZipOutput.Counting(new ZipOutput.Unclosable(zip));
        DigestOutputStream out = new DigestOutputStream(counted, digest);
        zip.putNextEntry(new ZipEntry(path));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long rows = 0;
        JsonGenerator g = null;
        if (json) {
            g = Json.createGenerator(w);
            g.writeStartArray();
        } else {
            w.write('\ufeff'); // Excel reads UTF-8 with a BOM
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) w.write(',');
                w.write(ArchiveFormat.csvField(cols.get(i).name()));
            }
            w.write("\r\n");
        }
        try (PreparedStatement s = c.prepareStatement(select.toString())) {
            s.setFetchSize(FETCH);
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    if (json) g.writeStartObject();
                    for (int i = 0; i < cols.size(); i++) {
                        Column col = cols.get(i);
                        String name = col.name();
                        if (col.type().equals("bytea")) {
                            String file = rs.getBoolean(i + 1) ? filePath(t, col, rs) : null;
                            if (json) writeString(g, name, file);
                            else csv(w, i, file);
                            continue;
                        }
                        int type = rs.getMetaData().getColumnType(i + 1);
                        if (json && isNumeric(type)) {
                            java.math.BigDecimal v = rs.getBigDecimal(i + 1);
                            if (v == null) g.writeNull(name);
                            else g.write(name, v);
                        } else if (json && (type == Types.BOOLEAN || type == Types.BIT)) {
                            boolean v = rs.getBoolean(i + 1);
                            if (rs.wasNull()) g.writeNull(name);
                            else g.write(name, v);
                        } else if (json) {
                            writeString(g, name, rs.getString(i + 1));
                        } else {
                            csv(w, i, rs.getString(i + 1));
                        }
                    }
                    if (json) g.writeEnd();
                    else w.write("\r\n");
                }
            }
        }
        if (json) {
            g.writeEnd();
            g.close(); // closes the writer, not the zip (Unclosable)
        } else {
            w.close();
        }
        zip.closeEntry();
        files.put(path, new Object[] {counted.count(), HexFormat.of().formatHex(digest.digest())});
        return rows;
    }

    /**
     * Stored files of the table, one row at a time (a bytea is read whole, so at most one file's
     * size is in memory).
     */
    private static void writeFiles(
            Connection c,
            ZipOutputStream zip,
            Map<String, Object[]> files,
            Table t,
            List<Column> cols,
            String where,
            String tenant)
            throws SQLException, IOException {
        List<Column> blobs = cols.stream().filter(col -> col.type().equals("bytea")).toList();
        if (blobs.isEmpty()) return;
        StringBuilder select = new StringBuilder("select ");
        List<String> extra = new ArrayList<>(t.key());
        for (String k : extra) select.append(quote(k)).append(", ");
        for (int i = 0; i < blobs.size(); i++) {
            if (i > 0) select.append(", ");
            select.append(quote(blobs.get(i).name()));
        }
        select.append(" from ").append(quote(t.name())).append(" where ").append(where);
        if (!t.key().isEmpty()) select.append(" order by ").append(keyList(t));
        try (PreparedStatement s = c.prepareStatement(select.toString())) {
            s.setFetchSize(1);
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int b = 0; b < blobs.size(); b++) {
                        byte[] bytes = rs.getBytes(extra.size() + b + 1);
                        if (bytes == null) continue;
                        String path = filePath(t, blobs.get(b), rs);
                        zip.putNextEntry(new ZipEntry(path));
                        zip.write(bytes);
                        zip.closeEntry();
                        files.put(path, new Object[] {(long) bytes.length, Sha256.hex(bytes)});
                    }
                }
            }
        }
    }

    /**
     * Where a stored file goes: evidence content under evidence/&lt;sha256&gt; (once however many
     * evidence rows name it), else files/&lt;table&gt;/&lt;key&gt;/&lt;column&gt;. Only ids and
     * sanitised names: no path escapes the archive.
     */
    private static String filePath(Table t, Column col, ResultSet rs) throws SQLException {
        StringBuilder key = new StringBuilder();
        for (String k : t.key()) {
            if (k.equals("tenant_id")) continue;
            if (key.length() > 0) key.append('_');
            key.append(ArchiveFormat.safeFileName(rs.getString(k)));
        }
        if (t.name().equals("evidence_content") && col.name().equals("content")) {
            return "evidence/" + key;
        }
        return "files/" + t.name() + "/" + key + "/" + col.name();
    }

    private static String keyList(Table t) {
        StringBuilder out = new StringBuilder();
        for (String k : t.key()) {
            if (out.length() > 0) out.append(", ");
            out.append(quote(k));
        }
        return out.toString();
    }

    private static void csv(Writer w, int i, String value) throws IOException {
        if (i > 0) w.write(',');
        w.write(ArchiveFormat.csvField(value));
    }

    private static void writeString(JsonGenerator g, String name, String value) {
        if (value == null) g.writeNull(name);
        else g.write(name, value);
    }

    private static boolean isNumeric(int type) {
        return type == Types.SMALLINT
                || type == Types.INTEGER
                || type == Types.BIGINT
                || type == Types.NUMERIC
                || type == Types.DECIMAL
                || type == Types.REAL
                || type == Types.DOUBLE
                || type == Types.FLOAT;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
