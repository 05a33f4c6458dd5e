package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.devstack.EmbeddedDatabase;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.TestStack;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evidence pack at the size an annual review asks for (./mvnw -B -Pbench verify, or alone with
 * {@code -Pbench -Dit.test=EvidencePackBenchmark}): 1,000 tasks of one plan in 普陀区 (2013, a year no
 * test uses), each with an approved report and two random, incompressible evidence files of about 1
 * MiB (2 GiB in all), loaded past the application. Prints the time, the throughput and the server's
 * heap above idle while the pack streams: sampled every 100 ms (live data and garbage not yet
 * collected) and after a forced collection every 3 s (what the pack really holds; goal under 256
 * MB). Figures are read, not asserted; the pack's completeness is asserted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvidencePackBenchmark {

    static final int YEAR = 2013;
    static final int TASKS = Integer.getInteger("bench.pack.tasks", 1_000);
    static final int FILES_PER_TASK = 2;
    static final int FILE_BYTES = Integer.getInteger("bench.pack.file-bytes", 1 << 20);
    static final long MB = 1024 * 1024;

    @ArquillianResource ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aPackOfAThousandTasksAndTwoGigabytes() throws Exception {
        long t0 = System.nanoTime();
        UUID plan = load();
        long loadedMs = (System.nanoTime() - t0) / 1_000_000;
        long evidence =
                Db.maintCount(
                        "select coalesce(sum(e.size), 0) from evidence e join progress_report r "
                                + "on r.tenant_id = e.tenant_id and r.id = e.report_id "
                                + "join task t on t.tenant_id = r.tenant_id and t.id = r.task_id "
                                + "where t.plan_id = '"
                                + plan
                                + "'");
        System.out.printf(
                "%nBENCH pack: loaded %d tasks, %d files, %.2f GiB of evidence in %d s%n",
                TASKS, TASKS * FILES_PER_TASK, evidence / (double) (1L << 30), loadedMs / 1000);

        // Warm-up: one unit's pack, so classes, templates and the font are loaded before idle.
        String unit = Api.unitId("pt-admin", "长寿路街道");
        Result warm = download("?plan=" + plan + "&unit=" + unit, false);
        assertThat(warm.status()).isEqualTo(200);

        long idle = idleHeap();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sampledMax = new AtomicLong(), liveMax = new AtomicLong();
        Thread sampler =
                new Thread(
                        () -> {
                            long lastGc = System.nanoTime();
                            while (running.get()) {
                                try {
                                    sampledMax.accumulateAndGet(heapUsed(), Math::max);
                                    if (System.nanoTime() - lastGc > 3_000_000_000L) {
                                        gc();
                                        liveMax.accumulateAndGet(heapUsed(), Math::max);
                                        lastGc = System.nanoTime();
                                    }
                                    Thread.sleep(100);
                                } catch (Exception e) {
                                    if (running.get()) e.printStackTrace();
                                    return;
                                }
                            }
                        },
                        "heap-sampler");
        sampler.start();
        long start = System.nanoTime();
        Result pack = download("?plan=" + plan, true);
        long ms = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        sampler.join();

        assertThat(pack.status()).isEqualTo(200);
        assertThat(pack.evidenceFiles()).isEqualTo(TASKS * FILES_PER_TASK);
        assertThat(pack.evidenceBytes()).isEqualTo(evidence);
        assertThat(pack.entries())
                .isEqualTo(TASKS * FILES_PER_TASK + TASKS + 1); // files, summaries, index
        System.out.printf(
                "BENCH pack: POST /evidence-packs?plan → %d tasks, %d files, %.2f GiB evidence,"
                        + " %.2f GiB ZIP in %.1f s (%.0f MB/s), index %d KB%n",
                TASKS,
                pack.evidenceFiles(),
                pack.evidenceBytes() / (double) (1L << 30),
                pack.zipBytes() / (double) (1L << 30),
                ms / 1000.0,
                pack.zipBytes() / (double) MB / (ms / 1000.0),
                pack.indexBytes() / 1024);
        System.out.printf(
                "BENCH pack: server heap idle %d MB; above idle while streaming: sampled peak %d MB"
                        + " (with uncollected garbage), after GC peak %d MB   (goal < 256 MB)%n",
                idle / MB, (sampledMax.get() - idle) / MB, (liveMax.get() - idle) / MB);
    }

    record Result(
            int status,
            long zipBytes,
            int entries,
            int evidenceFiles,
            long evidenceBytes,
            long indexBytes) {}

    /** Downloads as pt-admin, reading the ZIP as it streams (nothing kept). */
    private static Result download(String query, boolean check) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(Api.base() + "/evidence-packs" + query))
                        .header("Authorization", "Bearer " + Api.tokenOf("pt-admin"))
                        .header("Accept", "application/zip, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
        HttpResponse<InputStream> r =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        Counting counted = new Counting(r.body());
        int entries = 0, files = 0;
        long bytes = 0, index = 0;
        byte[] buffer = new byte[64 * 1024];
        ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8);
        try {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries++;
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
                if (e.getName().endsWith(".jpg")) {
                    files++;
                    bytes += size;
                    // The file's name carries the SHA-256 it was stored with.
                    if (check)
                        assertThat(e.getName())
                                .contains(HexFormat.of().formatHex(sha.digest()).substring(0, 16));
                } else if (e.getName().equals("目录.pdf")) {
                    index = size;
                }
            }
            // The central directory after the entries, so the server finishes its answer.
            counted.transferTo(java.io.OutputStream.nullOutputStream());
        } finally {
            zip.close();
        }
        return new Result(r.statusCode(), counted.count, entries, files, bytes, index);
    }

    /** 1,000 points, tasks, approved reports and 2,000 evidence files, as the maintenance role. */
    private static UUID load() throws Exception {
        UUID plan = UUID.randomUUID(), section = UUID.randomUUID();
        Db.maintExecute(
                "insert into plan (tenant_id, id, title, level, year, source_text, source_sha256, created_by) values "
                        + "('putuo', '"
                        + plan
                        + "', '"
                        + YEAR
                        + "年佐证材料包基准计划', 'DISTRICT', "
                        + YEAR
                        + ", '基准', repeat('c', 64), 'bench')");
        Db.maintExecute(
                "insert into plan_section (tenant_id, id, plan_id, position, number, title) values ('putuo', '"
                        + section
                        + "', '"
                        + plan
                        + "', 0, '一', '基准')");
        Db.maintExecute(
                "insert into plan_point (tenant_id, id, plan_id, section_id, position, depth, number, title, text, deadline_date, deadline_kind) "
                        + "select 'putuo', gen_random_uuid(), '"
                        + plan
                        + "', '"
                        + section
                        + "', g, 0, g::text, '开展佐证材料基准专项工作第' || g || '项。按季度报送', '基准要点' || g, "
                        + "date '"
                        + YEAR
                        + "-01-01' + (g % 365), 'BY_DATE' from generate_series(1, "
                        + TASKS
                        + ") g");
        Db.maintExecute(
                "with u as (select id, row_number() over (order by code) - 1 as k, count(*) over () as n "
                        + "from unit where tenant_id = 'putuo' and kind in ('DEPARTMENT', 'TOWN')) "
                        + "insert into task (tenant_id, id, plan_id, point_id, unit_id, role, title, deadline_date, original_deadline, "
                        + "next_due_date, status, progress, completed_on, on_time, rating, published_by, received_at, received_by) "
                        + "select 'putuo', gen_random_uuid(), p.plan_id, p.id, u.id, 'LEAD', p.number || ' ' || p.title, "
                        + "p.deadline_date, p.deadline_date, p.deadline_date, 'APPROVED', 100, p.deadline_date, true, 'GOOD', "
                        + "'bench', now(), 'bench' from plan_point p join u on u.k = p.position % u.n where p.plan_id = '"
                        + plan
                        + "'");
        Db.maintExecute(
                "insert into progress_report (tenant_id, id, task_id, unit_id, state, text, percent, created_by, created_at, "
                        + "submitted_by, submitted_by_name, submitted_at, reviewed_by, reviewed_at, review_comment, rating) "
                        + "select 'putuo', gen_random_uuid(), t.id, t.unit_id, 'APPROVED', '已完成。' || repeat('工作进展情况说明。', 20), 100, "
                        + "'bench', t.deadline_date - 5, 'bench', '基准联络员', t.deadline_date - 5, 'pt-admin', t.deadline_date - 2, '同意', 'GOOD' "
                        + "from task t where t.tenant_id = 'putuo' and t.plan_id = '"
                        + plan
                        + "'");
        List<UUID> reports = new ArrayList<>();
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.MAINT);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "select r.id from progress_report r join task t on t.tenant_id = r.tenant_id and t.id = r.task_id "
                                        + "where t.plan_id = '"
                                        + plan
                                        + "'")) {
            while (rs.next()) reports.add(rs.getObject(1, UUID.class));
        }
        SplittableRandom random = new SplittableRandom(2013);
        try (Connection c = EmbeddedDatabase.connect(TestStack.jdbcUrl(), EmbeddedDatabase.MAINT)) {
            c.setAutoCommit(false);
            try (PreparedStatement stored =
                            c.prepareStatement(
                                    "insert into evidence_content (tenant_id, sha256, size, content) "
                                            + "values ('putuo', ?, ?, ?) on conflict do nothing");
                    PreparedStatement p =
                            c.prepareStatement(
                                    "insert into evidence (tenant_id, id, report_id, file_name, content_type, size, sha256, uploaded_by) "
                                            + "values ('putuo', ?, ?, ?, 'image/jpeg', ?, ?, 'bench')")) {
                int n = 0;
                for (UUID report : reports) {
                    for (int f = 1; f <= FILES_PER_TASK; f++) {
                        // 0.9 to 1.1 MiB of random bytes: a photo does not compress either.
                        byte[] content =
                                new byte
                                        [FILE_BYTES
                                                - FILE_BYTES / 10
                                                + random.nextInt(FILE_BYTES / 5)];
                        random.nextBytes(content);
                        content[0] = (byte) 0xFF;
                        content[1] = (byte) 0xD8;
                        content[2] = (byte) 0xFF;
                        String sha =
                                HexFormat.of()
                                        .formatHex(
                                                MessageDigest.getInstance("SHA-256")
                                                        .digest(content));
                        p.setObject(1, UUID.randomUUID());
                        p.setObject(2, report);
                        p.setString(3, "现场照片" + f + "-" + sha.substring(0, 16) + ".jpg");
                        p.setInt(4, content.length);
                        p.setString(5, sha);
                        stored.setString(1, sha);
                        stored.setInt(2, content.length);
                        stored.setBytes(3, content);
                        stored.executeUpdate();
                        p.executeUpdate();
                        if (++n % 50 == 0) c.commit();
                    }
                }
                c.commit();
            }
        }
        Db.maintExecute("analyze");
        return plan;
    }

    private long idleHeap() throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            gc();
            Thread.sleep(500);
            best = Math.min(best, heapUsed());
        }
        return best;
    }

    private void gc() throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("gc");
        op.get("address").add("core-service", "platform-mbean").add("type", "memory");
        ModelNode r = management.getControllerClient().execute(op);
        assertThat(r.get("outcome").asString()).as(r.toString()).isEqualTo("success");
    }

    private long heapUsed() throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").add("core-service", "platform-mbean").add("type", "memory");
        op.get("name").set("heap-memory-usage");
        ModelNode r = management.getControllerClient().execute(op);
        assertThat(r.get("outcome").asString()).as(r.toString()).isEqualTo("success");
        return r.get("result").get("used").asLong();
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
