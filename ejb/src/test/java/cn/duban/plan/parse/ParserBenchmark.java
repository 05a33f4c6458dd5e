package cn.duban.plan.parse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Not a test: prints how long parsing takes once warm (command in README.md, "Parser benchmark").
 * Goals, read and never asserted: 10,000 characters of a real plan in under 10 ms; parsing time
 * linear in the size on any input, i.e. 1,000,000 characters take at most 12× as long as 100,000
 * (the parsing thread's CPU time, best of seven samples of equal length), for realistic text (the
 * seed plans repeated) and for every hostile shape of {@link HostilePlans}.
 *
 * <p>Run with {@code -Xms2g -Xmn1g} (README.md): a young generation that holds all the garbage of a
 * 1,000,000-character parse, so that neither size is timed with a collection in the middle of it
 * (with the default heap, one of the million-point shapes may show 12-16×: the collector copying
 * the growing result, not the parser).
 *
 * <p>Arguments: an optional part of a shape's name to run only those shapes. A parse over {@code
 * -Dbench.cap} seconds (default 60) is reported and its shape skipped; its thread cannot be
 * stopped, so figures printed after it are not comparable.
 */
public final class ParserBenchmark {

    private static final double GOAL_RATIO = 12;
    private static final int SAMPLES = 7;
    private static final PlanParser PARSER = new PlanParser();
    // A parse over the cap cannot be stopped: later parses get a new thread rather than queue
    // behind it.
    private static final ExecutorService WORKER =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "parse");
                        t.setDaemon(true);
                        return t;
                    });
    private static final long CAP_SECONDS = Long.getLong("bench.cap", 60);

    public static void main(String[] args) throws IOException {
        String only = args.length > 0 ? args[0] : null;
        System.out.printf(
                "machine: %d CPUs, Java %s; load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (only == null) tenThousand();

        double worst = 0;
        String worstName = null;
        boolean allDone = true;
        String realistic = "realistic (seed plans repeated)";
        if (only == null || realistic.contains(only)) {
            double r =
                    ratio(
                            realistic,
                            HostilePlans.realistic(100_000),
                            HostilePlans.realistic(1_000_000));
            if (Double.isNaN(r)) allDone = false;
            else if (r > worst) {
                worst = r;
                worstName = "realistic";
            }
        }
        for (Map.Entry<String, IntFunction<String>> shape : HostilePlans.SHAPES.entrySet()) {
            String name = shape.getKey();
            if (only != null && !name.contains(only)) continue;
            double r =
                    ratio(
                            "hostile: " + name,
                            shape.getValue().apply(100_000),
                            shape.getValue().apply(1_000_000));
            if (Double.isNaN(r)) allDone = false;
            else if (r > worst) {
                worst = r;
                worstName = name;
            }
        }
        if (worstName == null) {
            System.out.printf("no ratio measured; goal ≤ %.0f× ✗%n", GOAL_RATIO);
        } else {
            System.out.printf(
                    "worst 1M/100k ratio: %.2f× (%s)%s; goal ≤ %.0f× %s%n",
                    worst,
                    worstName,
                    allDone ? "" : ", some shapes stopped at the cap",
                    GOAL_RATIO,
                    allDone && worst <= GOAL_RATIO ? "✓" : "✗");
        }
    }

    /** The original goal: a 10,000-character plan in under 10 ms. */
    private static void tenThousand() throws IOException {
        String text = HostilePlans.realistic(10_000);
        for (int i = 0; i < 2_000; i++) PARSER.parse(text, ParseOptions.defaults());
        long[] times = new long[2_000];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            PARSER.parse(text, ParseOptions.defaults());
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        double mean = Arrays.stream(times).average().orElse(0) / 1e6;
        System.out.printf(
                "parse %,d chars: mean %.3f ms, p50 %.3f ms, p95 %.3f ms, max %.3f ms (goal < 10 ms)%n",
                text.length(),
                mean,
                times[times.length / 2] / 1e6,
                times[(int) (times.length * 0.95)] / 1e6,
                times[times.length - 1] / 1e6);
    }

    /**
     * The 100,000- and 1,000,000-character texts and their ratio by the parsing thread's CPU time;
     * NaN when a parse hit the cap. A sample of the small text is ten parses in a row, so that both
     * samples last as long and see the same load; samples alternate, and the best of seven counts
     * (on a shared machine wall time swings with other processes, CPU time less).
     */
    private static double ratio(String name, String hundredThousand, String million) {
        Timing small = new Timing(10);
        Timing large = new Timing(1);
        if (!small.time(hundredThousand, false)) return capped(name, "100,000");
        if (!large.time(million, false)) return capped(name, "1,000,000");
        for (int i = 0; i < SAMPLES; i++) {
            small.time(hundredThousand, true);
            if (!large.time(million, true)) return capped(name, "1,000,000");
        }
        double r = large.cpu / small.cpu;
        System.out.printf(
                "%-58s 100,000: %7.1f ms (wall %7.1f)   1,000,000: %8.1f ms (wall %8.1f)   ratio %5.2f× %s%n",
                name, small.cpu, small.wall, large.cpu, large.wall, r, r <= GOAL_RATIO ? "✓" : "✗");
        return r;
    }

    private static double capped(String name, String size) {
        System.out.printf("%-58s %s characters: over %d s, stopped%n", name, size, CAP_SECONDS);
        return Double.NaN;
    }

    /**
     * Best CPU and wall milliseconds per parse of one text, over samples of a few parses in a row.
     */
    private static final class Timing {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        final int parses;
        double cpu = Double.MAX_VALUE;
        double wall = Double.MAX_VALUE;

        Timing(int parses) {
            this.parses = parses;
        }

        /** One sample on a worker thread; false when it takes longer than the cap. */
        boolean time(String text, boolean record) {
            System.gc(); // the garbage of the previous sample is not this one's
            Future<Long> f =
                    WORKER.submit(
                            () -> {
                                long c = THREADS.getCurrentThreadCpuTime();
                                for (int i = 0; i < parses; i++)
                                    PARSER.parse(text, ParseOptions.defaults());
                                return THREADS.getCurrentThreadCpuTime() - c;
                            });
            long t = System.nanoTime();
            try {
                long c = f.get(CAP_SECONDS * parses, TimeUnit.SECONDS);
                if (record) {
                    cpu = Math.min(cpu, c / 1e6 / parses);
                    wall = Math.min(wall, (System.nanoTime() - t) / 1e6 / parses);
                }
                return true;
            } catch (TimeoutException e) {
                f.cancel(true);
                return false;
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
