package cn.duban.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The virtual users of a district: reporters of the units (each unit's user driven by one thread
 * only, so they never race each other for a task), the office reviewing the queue, and leaders
 * looking at rankings. Closed loop, no think time: the figures are the server's throughput at this
 * concurrency.
 */
final class Workload {

    /**
     * A submission the client has to send again (same Idempotency-Key) because it got no answer it
     * could trust.
     */
    record Submission(String user, String path, String json, String key) {}

    private static final Set<String> REPORTABLE = Set.of("ASSIGNED", "IN_PROGRESS", "RETURNED");

    private final Http http;
    private final List<String> reporters;
    private final String admin;
    private final String leader;
    private final int year;
    private final byte[] evidence;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** Replies the driver could not make sense of. */
    final List<String> driverErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Reporters left alone for a while (another probe uses their unit). */
    final Set<String> excluded = ConcurrentHashMap.newKeySet();

    /** Tasks that may still have a draft from an interrupted attempt. */
    private final Set<String> leftDrafts = ConcurrentHashMap.newKeySet();

    /** Keys of submissions the server accepted (2xx). */
    final Set<String> accepted = ConcurrentHashMap.newKeySet();

    /** Submissions that failed without a business answer (outage, timeout), to be retried. */
    final Map<String, Submission> unanswered = new ConcurrentHashMap<>();

    Workload(
            Http http,
            List<String> reporters,
            String admin,
            String leader,
            int year,
            byte[] evidence) {
        this.http = http;
        this.reporters = reporters;
        this.admin = admin;
        this.leader = leader;
        this.year = year;
        this.evidence = evidence;
    }

    List<String> reporters() {
        return reporters;
    }

    void start(int reporterThreads, int reviewerThreads, int leaderThreads) {
        running = true;
        for (int t = 0; t < reporterThreads; t++) {
            List<String> mine = new ArrayList<>();
            for (int u = t; u < reporters.size(); u += reporterThreads) mine.add(reporters.get(u));
            if (!mine.isEmpty()) spawn("reporter-" + t, () -> report(mine));
        }
        for (int t = 0; t < reviewerThreads; t++) {
            int part = t;
            spawn("reviewer-" + t, () -> review(part, reviewerThreads));
        }
        for (int t = 0; t < leaderThreads; t++) spawn("leader-" + t, this::lead);
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) t.join();
        threads.clear();
    }

    private void spawn(String name, Runnable loop) {
        Thread t =
                new Thread(
                        () -> {
                            while (running) {
                                try {
                                    loop.run();
                                } catch (RuntimeException e) {
                                    // A reply the driver could not read (e.g. not the JSON it
                                    // expected) is a finding too.
                                    driverErrors.add(name + ": " + e);
                                    pause(200);
                                }
                            }
                        },
                        name);
        threads.add(t);
        t.start();
    }

    // ---- reporters

    private void report(List<String> users) {
        boolean reported = false;
        for (String user : users) {
            if (!running) return;
            if (excluded.contains(user)) continue;
            Http.Reply mine = http.get("my-tasks", user, "/tasks/mine?limit=200");
            if (!mine.ok()) {
                pause(200);
                continue;
            }
            List<JsonObject> open =
                    mine.array().stream()
                            .map(JsonValue::asJsonObject)
                            .filter(t -> REPORTABLE.contains(t.getString("status")))
                            .toList();
            if (open.isEmpty()) continue;
            reported = true;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String task = open.get(random.nextInt(open.size())).getString("id");
            int percent = random.nextInt(100) < 3 ? 100 : 10 + random.nextInt(86);
            String key = "load-" + UUID.randomUUID();
            String text = "已按计划推进，完成" + percent + "%：召开专题会议，落实责任分工。";
            // A task whose draft an outage may have left behind goes through the draft path, as in
            // the UI.
            if (random.nextInt(5) == 0 || leftDrafts.contains(task))
                reportWithEvidence(user, task, text, percent, key);
            else
                submit(
                        new Submission(
                                user,
                                "/tasks/" + task + "/reports",
                                Json.createObjectBuilder()
                                        .add("text", text)
                                        .add("percent", percent)
                                        .add("submit", true)
                                        .build()
                                        .toString(),
                                key));
        }
        // Everything waits for review: come back later instead of asking again at once.
        if (!reported) pause(500);
    }

    /** A draft, a file, then the submission: the path most reporters take in the UI. */
    private void reportWithEvidence(
            String user, String task, String text, int percent, String key) {
        String report = leftDrafts.contains(task) ? draftOf(user, task) : null;
        if (report == null) {
            String json =
                    Json.createObjectBuilder()
                            .add("text", text)
                            .add("percent", percent)
                            .build()
                            .toString();
            leftDrafts.add(
                    task); // until the submission is answered: the draft may exist even if its
            // reply is lost
            Http.Reply draft =
                    http.post("report-draft", user, "/tasks/" + task + "/reports", json, Map.of());
            if (!draft.ok()) {
                if (draft.status() > 0 && draft.status() < 500) leftDrafts.remove(task);
                return;
            }
            report = draft.json().getString("id");
        }
        Http.Reply file =
                http.upload(
                        "evidence-upload",
                        user,
                        "/reports/" + report + "/evidence",
                        "现场照片.pdf",
                        evidence);
        if (!file.ok()) return;
        if (submit(new Submission(user, "/reports/" + report + "/submit", "", key)).ok())
            leftDrafts.remove(task);
    }

    /** The task's draft, read back from the server; null when there is none or the read failed. */
    private String draftOf(String user, String task) {
        Http.Reply detail = http.get("task", user, "/tasks/" + task);
        if (!detail.ok()) return null;
        String draft =
                detail.json().getJsonArray("reports").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(r -> r.getString("state").equals("DRAFT"))
                        .map(r -> r.getString("id"))
                        .findFirst()
                        .orElse(null);
        if (draft == null) leftDrafts.remove(task);
        return draft;
    }

    /**
     * Sends a submission; one without a trustworthy answer is kept to be sent again with its key.
     */
    Http.Reply submit(Submission s) {
        Http.Reply reply =
                http.post(
                        "report-submit",
                        s.user(),
                        s.path(),
                        s.json(),
                        Map.of("Idempotency-Key", s.key()));
        if (reply.ok()) {
            accepted.add(s.key());
            unanswered.remove(s.key());
        } else if (reply.status() == 0 || reply.status() >= 500) {
            unanswered.put(s.key(), s);
        } else {
            unanswered.remove(s.key()); // a business answer (e.g. the task was closed meanwhile):
            // nothing to resend
        }
        return reply;
    }

    // ---- the office

    private void review(int part, int parts) {
        http.get("ledger-overdue", admin, "/tasks?overdue=true&limit=50");
        Http.Reply queue = http.get("review-queue", admin, "/reports/pending?limit=100");
        if (!queue.ok()) {
            pause(200);
            return;
        }
        List<JsonObject> mine =
                queue.array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(r -> Math.floorMod(r.getString("id").hashCode(), parts) == part)
                        .limit(5)
                        .toList();
        if (mine.isEmpty()) {
            pause(100);
            return;
        }
        for (JsonObject r : mine) {
            var decision = Json.createObjectBuilder();
            if (r.getInt("percent") == 100)
                decision.add("decision", "APPROVE").add("rating", "GOOD");
            else if (ThreadLocalRandom.current().nextInt(100) < 15)
                decision.add("decision", "RETURN").add("comment", "请补充佐证材料。");
            else decision.add("decision", "APPROVE").add("comment", "进展符合要求。");
            http.post(
                    "review",
                    admin,
                    "/reports/" + r.getString("id") + "/review",
                    decision.build().toString(),
                    Map.of("If-Match", String.valueOf(r.getInt("version"))));
        }
    }

    // ---- leaders

    private void lead() {
        http.get("rankings", leader, "/evaluation/rankings?period=" + year + "&live=true");
        http.get("trend", leader, "/evaluation/trend?year=" + year);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
