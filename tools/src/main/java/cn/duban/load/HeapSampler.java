package cn.duban.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads the server's heap once a second from WildFly's metrics endpoint (management port), keeping
 * the highest value of the current phase.
 */
final class HeapSampler implements AutoCloseable {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long last;
    private volatile long max;

    HeapSampler(int managementPort) {
        this.metrics = URI.create("http://localhost:" + managementPort + "/metrics");
        this.thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Forgets the peak, for the next phase. */
    void resetPeak() {
        peak = last;
    }

    String describe() {
        return String.format(
                "heap used peak %d MB, now %d MB, max %d MB", peak >> 20, last >> 20, max >> 20);
    }

    long peakBytes() {
        return peak;
    }

    private void loop() {
        while (running) {
            try {
                String body =
                        client.send(
                                        HttpRequest.newBuilder(metrics)
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                long used = value(body, "base_memory_usedHeap_bytes");
                if (used > 0) {
                    last = used;
                    peak = Math.max(peak, used);
                    max = value(body, "base_memory_maxHeap_bytes");
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception serverBusyOrDown) {
                // a missed sample
            }
        }
    }

    private static long value(String prometheus, String name) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
