package cn.duban.ledger.colour;

import cn.duban.ledger.TaskStatus;
import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily colour run of a tenant: remembers which tasks are red today ({@code red_since}) and
 * forgets it for those that have caught up or finished, so a task back on track shows amber until
 * it has caught up (the 瓯海 rule), and counts the colours. One transaction per tenant; the task
 * rows' versions are not touched, so no one's open form goes stale because of it.
 */
@Stateless
public class ColourSweep {

    @PersistenceContext EntityManager em;

    @EJB TaskColours colours;

    /** Today's colours of the tenant's open tasks, and the red marks set and cleared. */
    public record Run(LocalDate date, Map<Colour, Integer> open, int markedRed, int caughtUp) {}

    /**
     * A task's columns the colour is read from, with its unit (a lean row: the overview and the run
     * read every open task).
     */
    public record Row(
            UUID id,
            TaskStatus status,
            LocalDate deadline,
            LocalDate nextDue,
            int progress,
            Instant publishedAt,
            Instant lastReportAt,
            LocalDate redSince,
            UUID unitId,
            String unitName)
            implements ColourColumns {}

    public Run sweep(LocalDate today) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Map<Colour, Integer> open = new EnumMap<>(Colour.class);
        List<UUID> mark = new ArrayList<>();
        List<UUID> clear = new ArrayList<>();
        for (TaskColours.OpenTask t : colours.readOpen(today)) {
            ColourReading reading = t.reading();
            open.merge(reading.colour(), 1, Integer::sum);
            if (reading.colour() == Colour.RED) {
                if (t.redSince() == null) mark.add(t.id());
            } else if (t.redSince() != null && reading.caughtUp()) {
                clear.add(t.id());
            }
        }
        set(mark, today);
        set(clear, null);
        // Finished work has nothing left to catch up with.
        int finished =
                em.createQuery(
                                "update Task t set t.redSince = null where t.redSince is not null "
                                        + "and t.status in (:approved, :cancelled)")
                        .setParameter("approved", TaskStatus.APPROVED)
                        .setParameter("cancelled", TaskStatus.CANCELLED)
                        .executeUpdate();
        return new Run(today, open, mark.size(), clear.size() + finished);
    }

    private void set(List<UUID> ids, LocalDate day) {
        for (int from = 0; from < ids.size(); from += TaskColours.CHUNK) {
            em.createQuery("update Task t set t.redSince = :d where t.id in :ids")
                    .setParameter("d", day)
                    .setParameter(
                            "ids",
                            ids.subList(from, Math.min(ids.size(), from + TaskColours.CHUNK)))
                    .executeUpdate();
        }
    }
}
