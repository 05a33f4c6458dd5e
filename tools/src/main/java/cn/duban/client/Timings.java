package cn.duban.client;

import cn.duban.client.Api.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Timing helpers shared by the benchmarks: wall-clock samples in milliseconds and their
 * percentiles.
 */
public final class Timings {

    private Timings() {}

    /** Times n calls; any reply but 200 is an error, not a sample. */
    public static List<Double> timed(int n, Supplier<Reply> call) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            Reply r = call.get();
            ms.add((System.nanoTime() - s) / 1e6);
            if (r.status() != 200)
                throw new IllegalStateException("answered " + r.status() + ": " + r.body());
        }
        return ms;
    }

    /** Times n runs of in-process work. */
    public static List<Double> timedWork(int n, Runnable work) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - s) / 1e6);
        }
        return ms;
    }

    /** The ratio of the p95s. */
    public static double ratio(List<Double> a, List<Double> b) {
        return pct(a, 95) / pct(b, 95);
    }

    public static String stats(List<Double> ms) {
        double[] v = sorted(ms);
        return String.format(
                "n=%d p50=%s ms p95=%s ms p99=%s ms max=%s ms mean=%s ms",
                v.length,
                ms(pct(v, 50)),
                ms(pct(v, 95)),
                ms(pct(v, 99)),
                ms(v[v.length - 1]),
                ms(Arrays.stream(v).average().orElse(0)));
    }

    /** Milliseconds with a tenth, or three decimals below one (in-process work). */
    public static String ms(double v) {
        return String.format(v < 1 ? "%.3f" : "%.1f", v);
    }

    public static double pct(List<Double> ms, double p) {
        return pct(sorted(ms), p);
    }

    /** The nearest-rank percentile of sorted samples. */
    public static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    public static double[] sorted(List<Double> ms) {
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
