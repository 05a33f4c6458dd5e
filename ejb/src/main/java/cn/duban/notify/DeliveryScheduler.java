package cn.duban.notify;

import cn.duban.platform.Caller;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox every 10 seconds: per tenant, claims due rows in one short transaction, sends
 * them in none (a slow gateway holds nobody's request or lock), records each outcome in another.
 * Two servers share the rows through {@code for update skip locked}; a run still busy when the next
 * is due lets it pass.
 */
@Singleton
@Lock(LockType.READ)
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class.getName());

    static final int BATCH = 20;

    @EJB TenantService tenants;

    @EJB DeliveryWorker worker;

    @Inject @Any Instance<ChannelSender> senders;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(
            hour = "*",
            minute = "*",
            second = "*/10",
            persistent = false,
            info = "duban-notify-outbox")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliver() {
        if (!running.compareAndSet(false, true)) return;
        try {
            Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
            for (ChannelSender s : senders) byChannel.put(s.channel(), s);
            AtomicReference<List<Tenant>> all = new AtomicReference<>();
            Caller.runAs(Caller.platformSystem(), () -> all.set(tenants.list()));
            for (Tenant tenant : all.get()) {
                if (tenant.isSuspended()) continue; // its outbox waits until it is resumed
                try {
                    Caller.runAs(Caller.system(tenant.getId()), () -> deliver(byChannel));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Outbox of tenant " + tenant.getId() + " failed", e);
                }
            }
        } finally {
            running.set(false);
        }
    }

    private void deliver(Map<Channel, ChannelSender> byChannel) {
        for (Outgoing out : worker.claim(BATCH)) {
            ChannelSender sender = byChannel.get(out.channel());
            SendResult result =
                    sender == null
                            ? SendResult.fail(null, "no sender for " + out.channel())
                            : sender.send(out);
            String status = worker.record(out.id(), result);
            LOG.fine(() -> out + " → " + status);
        }
    }
}
