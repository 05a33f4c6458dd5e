package cn.duban.plan;

import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.Sha256;
import cn.duban.tenant.Unit;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * The matters plans (交办事项): one plan per tenant, year and source, whose points are the matters the
 * district office enters. Keeping matters as points lets the ledger, reviews, scoring (a scheme's
 * indicator may cover a matters plan) and circulars work on them unchanged. The ledger's {@code
 * MatterService} checks the input and the roles; this bean only writes.
 */
@Stateless
public class MatterPlans {

    @PersistenceContext EntityManager em;

    /** A responsible unit of a matter with its part. */
    public record Assignee(Unit unit, UnitRole role) {}

    /**
     * Adds a matter as the next point of its year's and source's plan (created on first use) and
     * returns it; the point names its units with their parts, already resolved.
     */
    public PlanPoint add(
            int year,
            SourceReference ref,
            String title,
            String text,
            LocalDate deadline,
            List<Assignee> assignees) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Plan plan = plan(year, ref.source(), caller.username());
        PlanSection section = plan.getSections().get(0);
        long n =
                em.createQuery("select count(p) from PlanPoint p where p.plan = :plan", Long.class)
                        .setParameter("plan", plan)
                        .getSingleResult();
        PlanPoint point =
                new PlanPoint(plan, section, null, (int) n, String.valueOf(n + 1), title, text);
        point.setDeadline(deadline.toString(), deadline, DeadlineKind.BY_DATE, null);
        point.setReference(ref.kind(), ref.reference());
        for (Assignee a : assignees) {
            point.addUnit(a.unit().getName(), false, a.unit().getId(), a.role());
        }
        em.persist(point);
        return point;
    }

    /** The plan of one year's matters of a source, locked for adding points; made on first use. */
    Plan plan(int year, TaskSource source, String by) {
        List<Plan> found =
                em.createQuery(
                                "select p from Plan p where p.year = :y and p.source = :s",
                                Plan.class)
                        .setParameter("y", year)
                        .setParameter("s", source)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        if (!found.isEmpty()) return found.get(0);
        String key = "matters|" + year + "|" + source.name();
        Plan plan = new Plan("", Sha256.hex(key), null, null, by);
        plan.setTitle(year + "年交办事项（" + source.label() + "）");
        plan.setLevel(PlanLevel.DISTRICT);
        plan.setYear(year);
        plan.setSource(source);
        em.persist(plan);
        em.persist(plan.addSection("", source.label()));
        em.flush(); // a second writer of the same plan meets the unique index here, not at commit
        return plan;
    }
}
