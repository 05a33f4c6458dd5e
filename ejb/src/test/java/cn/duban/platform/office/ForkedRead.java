package cn.duban.platform.office;

import cn.duban.ledger.sheet.LedgerSheet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads one uploaded file in a JVM of its own with a small heap, so a test can tell a bounded read
 * from one that needs the whole file expanded in memory: the latter dies of OutOfMemoryError there
 * instead of slowing the test run down. Prints one line: what the read answered.
 */
public final class ForkedRead {

    /** What the child printed, its exit code and how long it took. */
    public record Outcome(int exit, String output, long millis) {}

    public static void main(String[] args) throws IOException {
        byte[] content = Files.readAllBytes(Path.of(args[1]));
        try {
            switch (args[0]) {
                case "ledger" ->
                        System.out.println("ROWS " + LedgerSheet.read(content).rows().size());
                case "plan" ->
                        System.out.println(
                                "CHARS "
                                        + cn.duban.plan.DocumentReader.read(args[2], content)
                                                .length());
                default -> throw new IllegalArgumentException(args[0]);
            }
        } catch (LedgerSheet.Unreadable e) {
            System.out.println("REFUSED " + e.code());
        } catch (cn.duban.plan.parse.PlanParseException e) {
            System.out.println("REFUSED " + e.code());
        } catch (OutOfMemoryError e) {
            System.out.println("OUT OF MEMORY");
            System.exit(3);
        }
        System.exit(0);
    }

    /**
     * Runs {@code main} with {@code -Xmx<heap>} on the test classpath; waits at most {@code
     * timeoutSeconds}.
     */
    public static Outcome run(String heap, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx" + heap,
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                ForkedRead.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("forked-read", ".txt");
        long start = System.nanoTime();
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Outcome(
                        -1,
                        "TIMEOUT after " + timeoutSeconds + " s\n" + Files.readString(out),
                        timeoutSeconds * 1000);
            }
            return new Outcome(
                    p.exitValue(), Files.readString(out), (System.nanoTime() - start) / 1_000_000);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
