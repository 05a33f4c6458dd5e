package cn.duban.load;

import static cn.duban.load.LoadRun.log;

import cn.duban.client.PlanDocuments;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/** The fault phases of the load run, each under load: PostgreSQL, Keycloak, bad input. */
final class Faults {

    private final LoadRun run;
    private final Http http;
    private final Workload workload;

    Faults(LoadRun run) {
        this.run = run;
        this.http = run.http();
        this.workload = run.workload();
    }

    void run(int reporters, int reviewers, int leaders) throws Exception {
        if (LoadRun.phase("postgres")) postgresRestart(reporters, reviewers, leaders);
        if (LoadRun.phase("keycloak")) keycloakRestart(reporters, reviewers, leaders);
        if (LoadRun.phase("input")) badInput(reporters, reviewers, leaders);
    }

    // ---- PostgreSQL stopped for 10 s under load

    private void postgresRestart(int reporters, int reviewers, int leaders) throws Exception {
        Recorder r = run.phase();
        workload.start(reporters, reviewers, leaders);
        Thread.sleep(15_000);
        int down = r.second();
        run.stopDatabase();
        log("FAULT postgres: stopped at %d s", down);
        Thread.sleep(10_000);
        run.startDatabase();
        int up = r.second();
        log("FAULT postgres: started again at %d s", up);
        Thread.sleep(45_000);
        workload.stop();
        run.report("postgres-restart", r);

        // Failures must be clean: problem+json 503 (retry later), nothing that looks like a bug or
        // a hang.
        long unclean =
                r.failures().entrySet().stream()
                        .filter(e -> !e.getKey().contains("503 service.unavailable"))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        log(
                "FAULT postgres: %d failures, %d of them not 503 service.unavailable; slowest call %.0f ms",
                r.errors(), unclean, r.maxMillis());
        if (unclean > 0)
            run.miss(
                    "PostgreSQL outage: "
                            + unclean
                            + " failures other than 503 service.unavailable");
        if (r.maxMillis() > Http.TIMEOUT.toMillis()) run.miss("PostgreSQL outage: a call hung");

        int recovered = -1;
        for (var second : r.timeline().entrySet()) {
            int[] okErr = second.getValue();
            if (second.getKey() < up) continue;
            if (okErr[1] == 0 && okErr[0] > 0) {
                if (recovered < 0) recovered = second.getKey();
            } else {
                recovered = -1; // failures again: not recovered yet
            }
        }
        if (recovered < 0) {
            run.miss("PostgreSQL outage: the application did not recover by itself within 45 s");
        } else {
            log(
                    "FAULT postgres: recovered by itself %d s after PostgreSQL was back (no failure from then on)",
                    recovered - up);
        }
        timeline(r);
    }

    // ---- Keycloak stopped under load, then started again

    private void keycloakRestart(int reporters, int reviewers, int leaders) throws Exception {
        Recorder r = run.phase();
        workload.start(reporters, reviewers, leaders);
        Thread.sleep(10_000);
        run.keycloak().stop();
        log("FAULT keycloak: stopped at %d s", r.second());
        Thread.sleep(5_000);
        String login = tryLogin("pt-csl");
        log("FAULT keycloak: a new login while it is down → %s", login);
        if (login.equals("ok")) run.miss("a login succeeded while Keycloak was down?");
        Thread.sleep(15_000);
        long t0 = System.nanoTime();
        run.keycloak().restart();
        log("FAULT keycloak: started again in %.0f s", (System.nanoTime() - t0) / 1e9);
        String after = tryLogin("pt-csl");
        Http.Reply withNewToken = http.get("my-tasks", "pt-csl", "/tasks/mine?limit=20");
        log(
                "FAULT keycloak: login after restart → %s; a call with the new token → %d",
                after, withNewToken.status());
        if (!after.equals("ok") || !withNewToken.ok())
            run.miss("logins do not work again after Keycloak restarted");
        Thread.sleep(5_000);
        workload.stop();
        run.report("keycloak-restart", r);
        if (r.errors() > 0)
            run.miss("Keycloak outage: " + r.errors() + " failed calls with valid tokens (goal 0)");
    }

    private String tryLogin(String user) {
        try {
            http.login(user);
            return "ok";
        } catch (RuntimeException e) {
            return "refused (" + e.getClass().getSimpleName() + ")";
        }
    }

    // ---- bad input while the load goes on

    private void badInput(int reporters, int reviewers, int leaders) throws Exception {
        // The probes use one unit's reporter, whom the load leaves alone meanwhile.
        String reporter = null;
        String task = null;
        for (String user : workload.reporters()) {
            task =
                    http.get("probe", user, "/tasks/mine?limit=200").array().stream()
                            .map(JsonValue::asJsonObject)
                            .filter(
                                    t ->
                                            t.getString("status").equals("ASSIGNED")
                                                    || t.getString("status").equals("IN_PROGRESS"))
                            .map(t -> t.getString("id"))
                            .findFirst()
                            .orElse(null);
            reporter = user;
            if (task != null) break;
        }
        if (task == null)
            throw new IllegalStateException("no open task left for the bad-input probes");
        workload.excluded.add(reporter);
        // The probes' draft before the load starts: under load on two shared cores a POST can take
        // the client's whole 30 s, and without its draft no probe can run.
        Http.Reply created =
                http.post(
                        "probe",
                        reporter,
                        "/tasks/" + task + "/reports",
                        "{\"text\":\"故障测试草稿\",\"percent\":10}",
                        Map.of());
        LoadStack.require(created, "start the bad-input probes' draft");
        String draft = created.json().getString("id");
        Recorder load = run.phase();
        workload.start(reporters, reviewers, leaders);
        Recorder probes = new Recorder();
        String tenant = " where tenant_id = '" + LoadRun.TENANT + "'";
        long plans = run.count("select count(*) from plan" + tenant);
        long evidence = run.count("select count(*) from evidence" + tenant);
        long reports = run.count("select count(*) from progress_report" + tenant);
        http.use(probes);
        String evidencePath = "/reports/" + draft + "/evidence";

        expect(
                "evidence of 11 MB",
                http.upload("probe", reporter, evidencePath, "扫描件.pdf", pdfOf(11 << 20)),
                413,
                "evidence.too-large");
        expect(
                "evidence of 60 MB (over the server's 50 MB request limit)",
                http.upload("probe", reporter, evidencePath, "扫描件.pdf", pdfOf(60 << 20)),
                413,
                "request.too-large");
        expect(
                "an .exe renamed to .pdf",
                http.upload(
                        "probe",
                        reporter,
                        evidencePath,
                        "通知.pdf",
                        new byte[] {'M', 'Z', 0, 1, 2, 3}),
                415,
                "evidence.content");
        expect(
                "an empty file",
                http.upload("probe", reporter, evidencePath, "空.pdf", new byte[0]),
                400,
                null);
        expect(
                "a multipart body cut off in the middle",
                send(
                        reporter,
                        evidencePath,
                        "multipart/form-data; boundary=xyz",
                        "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 trunc"
                                .getBytes(StandardCharsets.UTF_8)),
                400,
                "evidence.incomplete");
        expect(
                "random bytes as a plan (.txt)",
                http.upload("probe", "pt-admin", "/plans/preview", "要点.txt", random(200_000)),
                400,
                "plan.import.encoding");
        expect(
                "random bytes as a Word file (.docx)",
                http.upload("probe", "pt-admin", "/plans/preview", "要点.docx", zipLike()),
                400,
                null);
        expect(
                "a plan of 6 MB",
                http.upload("probe", "pt-admin", "/plans/preview", "要点.txt", new byte[6 << 20]),
                413,
                null);
        expect(
                "random bytes as a ledger workbook",
                http.upload("probe", reporter, "/tasks/import", "台账.xlsx", random(50_000)),
                400,
                null);

        String seed = PlanDocuments.read(PlanDocuments.DISTRICT_SEED);
        Http.Reply utf8 =
                http.upload(
                        "probe",
                        "pt-admin",
                        "/plans/preview",
                        "要点.txt",
                        seed.getBytes(StandardCharsets.UTF_8));
        Http.Reply gbk =
                http.upload(
                        "probe",
                        "pt-admin",
                        "/plans/preview",
                        "要点-gbk.txt",
                        seed.getBytes(Charset.forName("GBK")));
        boolean same = utf8.ok() && gbk.ok() && points(gbk).equals(points(utf8));
        log(
                "FAULT input: %-60s → %d, %s points as in UTF-8 %s",
                "the seed plan in GBK", gbk.status(), points(gbk), same ? "ok" : "✗");
        if (!same) run.miss("a GBK plan does not read as its UTF-8 original");

        String reports0 = "/tasks/" + task + "/reports";
        expect(
                "JSON cut off",
                http.post("probe", reporter, reports0, "{\"text\": \"进展", Map.of()),
                400,
                "request.malformed");
        expect(
                "JSON with a wrong type",
                http.post(
                        "probe",
                        reporter,
                        reports0,
                        "{\"text\":\"进展\",\"percent\":\"一半\"}",
                        Map.of()),
                400,
                null);
        expect(
                "a percentage of 500",
                http.put(reporter, "/reports/" + draft, "{\"text\":\"进展\",\"percent\":500}"),
                400,
                "report.percent-invalid");
        expect(
                "a report text of 100,000 characters",
                http.put(
                        reporter,
                        "/reports/" + draft,
                        "{\"text\":\"" + "长".repeat(100_000) + "\",\"percent\":20}"),
                400,
                "report.text-too-long");
        expect(
                "a NUL character in the text",
                http.put(
                        reporter, "/reports/" + draft, "{\"text\":\"进展\\u0000完成\",\"percent\":20}"),
                400,
                "request.characters");
        expect(
                "an Idempotency-Key of 300 characters",
                http.post(
                        "probe",
                        reporter,
                        "/reports/" + draft + "/submit",
                        "",
                        Map.of("Idempotency-Key", "k".repeat(300))),
                400,
                "idempotency.key-invalid");
        expect(
                "a task id that is not a UUID",
                http.get("probe", reporter, "/tasks/not-a-uuid"),
                404,
                null);
        expect(
                "XML instead of JSON",
                send(
                        reporter,
                        reports0,
                        "application/xml",
                        "<report/>".getBytes(StandardCharsets.UTF_8)),
                415,
                null);

        http.use(load);
        Thread.sleep(5_000);
        workload.stop();
        run.report("bad-input", load);
        if (load.errors() > 0)
            run.miss("bad input: the load beside it had " + load.errors() + " errors");
        long planDelta = run.count("select count(*) from plan" + tenant) - plans;
        long evidenceDelta =
                run.count(
                        "select count(*) from evidence"
                                + tenant
                                + " and report_id = '"
                                + draft
                                + "'");
        log(
                "FAULT input: nothing saved by refused input: plans %+d, evidence on the probe draft %d (the load meanwhile added %d evidence, %d reports)",
                planDelta,
                evidenceDelta,
                run.count("select count(*) from evidence" + tenant) - evidence,
                run.count("select count(*) from progress_report" + tenant) - reports);
        if (planDelta != 0 || evidenceDelta != 0) run.miss("refused input left rows behind");
        http.send(
                "probe",
                reporter,
                HttpRequest.newBuilder(URI.create(http.base() + "/reports/" + draft)).DELETE(),
                Map.of());
        workload.excluded.remove(reporter);
    }

    /** The reply must have the status, be problem+json and (when given) carry the code. */
    private void expect(String what, Http.Reply reply, int status, String code) {
        boolean ok =
                reply.status() == status
                        && reply.problem()
                        && (code == null || reply.code().endsWith(code));
        log(
                "FAULT input: %-60s → %s %s",
                what,
                reply.code(),
                ok ? "ok" : "✗ (expected " + status + (code == null ? "" : " " + code) + ")");
        if (!ok) run.miss("bad input '" + what + "' answered " + reply.code());
    }

    private static String points(Http.Reply preview) {
        if (!preview.ok()) return "-";
        return String.valueOf(
                preview.json().getJsonArray("sections").stream()
                        .mapToLong(s -> s.asJsonObject().getJsonArray("points").size())
                        .sum());
    }

    private Http.Reply send(String user, String path, String contentType, byte[] body) {
        return http.send(
                "probe",
                user,
                HttpRequest.newBuilder(URI.create(http.base() + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                Map.of());
    }

    private static byte[] pdfOf(int size) {
        byte[] b = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }

    private static byte[] zipLike() {
        byte[] b = random(100_000);
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        return b;
    }

    private static void timeline(Recorder r) {
        StringBuilder line = new StringBuilder();
        r.timeline()
                .forEach(
                        (second, okErr) ->
                                line.append(
                                        String.format(" %d:%d/%d", second, okErr[0], okErr[1])));
        log("FAULT postgres: per second ok/failed:%s", line);
    }
}
