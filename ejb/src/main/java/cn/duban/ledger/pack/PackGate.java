package cn.duban.ledger.pack;

import cn.duban.platform.DubanException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How many evidence packs one server writes at once: at most {@value #PER_SERVER}, and at most
 * {@value #PER_TENANT} for one tenant, so that one district downloading several years of evidence
 * cannot take every request thread and database connection from the others. A pack beyond that gets
 * 503 {@code pack.busy} (with Retry-After) before anything is streamed.
 *
 * <p>A permit is taken before the answer starts and given back when the stream ends. Should the
 * stream never start (the client gone before the container called it), the permit lapses after
 * {@link #START_WITHIN}, so a lost permit cannot close the gate for good.
 */
public final class PackGate {

    static final int PER_SERVER = 4;
    static final int PER_TENANT = 2;
    static final Duration START_WITHIN = Duration.ofSeconds(60);

    /** The server's gate. */
    public static final PackGate SERVER = new PackGate();

    private final List<Permit> live = new ArrayList<>();

    /** A place in the gate; {@link #start} when the stream begins, {@link #close} when it ends. */
    public final class Permit implements AutoCloseable {
        private final String tenant;
        private final Instant takenAt;
        private boolean started;
        private boolean closed;

        private Permit(String tenant, Instant takenAt) {
            this.tenant = tenant;
            this.takenAt = takenAt;
        }

        public void start() {
            synchronized (PackGate.this) {
                started = true;
            }
        }

        @Override
        public void close() {
            synchronized (PackGate.this) {
                closed = true;
                live.remove(this);
            }
        }
    }

    /** A permit for {@code tenant} now, or 503 {@code pack.busy}. */
    public Permit enter(String tenant) {
        return enter(tenant, Instant.now());
    }

    synchronized Permit enter(String tenant, Instant now) {
        live.removeIf(p -> p.closed || (!p.started && p.takenAt.plus(START_WITHIN).isBefore(now)));
        long ofTenant = live.stream().filter(p -> p.tenant.equals(tenant)).count();
        if (live.size() >= PER_SERVER || ofTenant >= PER_TENANT) {
            throw new DubanException(
                    503,
                    "pack.busy",
                    ofTenant >= PER_TENANT
                            ? "本区已有 " + PER_TENANT + " 个佐证材料包正在下载，请等其完成后再试。"
                            : "服务器正在生成其他佐证材料包，请稍后再试。");
        }
        Permit p = new Permit(tenant, now);
        live.add(p);
        return p;
    }

    synchronized int live() {
        return live.size();
    }
}
