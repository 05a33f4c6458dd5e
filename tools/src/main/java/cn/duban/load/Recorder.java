package cn.duban.load;

import cn.duban.client.Timings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of the load run saw: latencies per operation, failures by code, and a per-second
 * timeline of successes and failures (to see an outage and the recovery).
 */
final class Recorder {

    private final long started = System.nanoTime();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<Integer, int[]> timeline = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> servers = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile long maxNanos;

    void record(String op, long nanos, Http.Reply reply) {
        calls.incrementAndGet();
        latencies
                .computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(nanos);
        if (nanos > maxNanos) maxNanos = nanos;
        int[] second = timeline.computeIfAbsent(second(), k -> new int[2]);
        synchronized (second) {
            second[reply.ok() ? 0 : 1]++;
        }
        if (!reply.ok())
            failures.computeIfAbsent(op + ": " + reply.code(), k -> new LongAdder()).increment();
        if (reply.server() != null)
            servers.computeIfAbsent(reply.server(), k -> new LongAdder()).increment();
    }

    /** A GET the client sends again after this reply. */
    void retried(String op, Http.Reply reply) {
        retries.computeIfAbsent(op + ": " + reply.code(), k -> new LongAdder()).increment();
    }

    /** The client's retries of GETs by operation and the reply that made it retry. */
    Map<String, Long> retries() {
        return sums(retries);
    }

    /** Calls answered by each server, as the balancer named it. */
    Map<String, Long> servers() {
        return sums(servers);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    int second() {
        return (int) ((System.nanoTime() - started) / 1_000_000_000L);
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    int calls() {
        return calls.get();
    }

    long errors() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    double maxMillis() {
        return maxNanos / 1e6;
    }

    Map<String, Long> failures() {
        return sums(failures);
    }

    /** Successes and failures in each second since the phase began. */
    Map<Integer, int[]> timeline() {
        return new TreeMap<>(timeline);
    }

    /** p50, p95 and p99 of all calls, in milliseconds (zeros when there were none). */
    double[] percentiles() {
        List<Double> ms = new ArrayList<>();
        latencies.forEach(
                (k, v) -> {
                    synchronized (v) {
                        v.forEach(nanos -> ms.add(nanos / 1e6));
                    }
                });
        if (ms.isEmpty()) return new double[3];
        double[] sorted = Timings.sorted(ms);
        return new double[] {
            Timings.pct(sorted, 50), Timings.pct(sorted, 95), Timings.pct(sorted, 99)
        };
    }

    /** "n, p50, p95, p99" for one operation, or for all when op is null. */
    String stats(String op) {
        List<Double> ms = new ArrayList<>();
        latencies.forEach(
                (k, v) -> {
                    if (op == null || k.equals(op)) {
                        synchronized (v) {
                            v.forEach(nanos -> ms.add(nanos / 1e6));
                        }
                    }
                });
        if (ms.isEmpty()) return "n=0";
        double[] sorted = Timings.sorted(ms);
        return String.format(
                "n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                sorted.length,
                Timings.pct(sorted, 50),
                Timings.pct(sorted, 95),
                Timings.pct(sorted, 99),
                sorted[sorted.length - 1]);
    }

    List<String> ops() {
        return new ArrayList<>(new TreeMap<>(latencies).keySet());
    }
}
