package cn.duban.printing;

import java.util.Arrays;

/**
 * Not a test: times the worst-case circular (60 units, 200 overdue tasks) as PDF on a warm JVM.
 * Runs with the other benchmarks ({@code ./mvnw -Pbench verify}) or alone ({@code ./mvnw -pl
 * reports -Pbench verify}).
 */
public final class CircularBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 20;

    private CircularBenchmark() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        DocumentRenderer renderer = new DocumentRenderer();
        Circular circular = SampleDocuments.largeCircular();
        for (int i = 0; i < WARMUP; i++) {
            renderer.circular(circular, Format.PDF);
        }
        long[] millis = new long[RUNS];
        int bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes = renderer.circular(circular, Format.PDF).length;
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(
                "BENCH circular: PDF, 60 units / 200 overdue rows, %d warm runs (%d KB): p50 %d ms, p95 %d ms, max %d ms   (goal < 1500 ms warm)%n",
                RUNS,
                bytes / 1024,
                percentile(millis, 50),
                percentile(millis, 95),
                millis[RUNS - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
