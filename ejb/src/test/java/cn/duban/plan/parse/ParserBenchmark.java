package cn.duban.plan.parse;

import java.io.IOException;
import java.util.Arrays;

/**
 * Not a test: prints how long parsing a 10,000-character document takes once warm.
 * Run with {@code ./mvnw -pl ejb test-compile exec:java -Dexec.mainClass=cn.duban.plan.parse.ParserBenchmark -Dexec.classpathScope=test}
 * or from the IDE. Goal: under 10 ms.
 */
public final class ParserBenchmark {

    public static void main(String[] args) throws IOException {
        String seed = PlanParserTest.resource("putuo-district-2025.txt");
        StringBuilder doc = new StringBuilder(seed);
        while (doc.length() < 10_000) doc.append('\n').append(seed, seed.indexOf("一、"), seed.length());
        String text = doc.substring(0, 10_000);
        PlanParser parser = new PlanParser();
        for (int i = 0; i < 2_000; i++) parser.parse(text, ParseOptions.defaults());
        long[] times = new long[2_000];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            parser.parse(text, ParseOptions.defaults());
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        double mean = Arrays.stream(times).average().orElse(0) / 1e6;
        System.out.printf("parse %,d chars: mean %.3f ms, p50 %.3f ms, p95 %.3f ms, max %.3f ms (goal < 10 ms)%n",
                text.length(), mean, times[times.length / 2] / 1e6, times[(int) (times.length * 0.95)] / 1e6,
                times[times.length - 1] / 1e6);
    }
}
