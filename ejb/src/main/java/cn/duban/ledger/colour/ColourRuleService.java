package cn.duban.ledger.colour;

import cn.duban.audit.AuditService;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/**
 * A tenant's colour rules (亮灯规则) in versions: everyone of the district reads the rules that apply
 * (a unit sees why its task is red); the district office saves a new version, which applies from
 * then on, in the trail with every rule's value.
 */
@Stateless
public class ColourRuleService {

    @PersistenceContext EntityManager em;

    @EJB AuditService audit;

    /**
     * The version that applies, or version 0 with {@link ColourRules#DEFAULT} when none is saved.
     */
    public record Current(int version, ColourRules rules) {}

    public Current current() {
        Caller.requireDistrictPerson();
        return newest();
    }

    /** The rules that apply, for the ledger's lists and the daily run (no role check). */
    public ColourRules rules() {
        return newest().rules();
    }

    private Current newest() {
        List<ColourRuleVersion> v = versions(1);
        return v.isEmpty()
                ? new Current(0, ColourRules.DEFAULT)
                : new Current(v.get(0).getVersion(), v.get(0).getRules());
    }

    /** Every saved version, newest first. */
    public List<ColourRuleVersion> history() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return versions(100);
    }

    private List<ColourRuleVersion> versions(int most) {
        return em.createQuery(
                        "select v from ColourRuleVersion v order by v.version desc",
                        ColourRuleVersion.class)
                .setMaxResults(most)
                .getResultList();
    }

    /**
     * Saves the rules given by name over the current ones as a new version. {@code expectedVersion}
     * is the version the office was looking at: another's save in between is a conflict, not a
     * silent overwrite.
     */
    public Current save(Map<String, ?> values, int expectedVersion, String note) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Current now = newest();
        if (expectedVersion != now.version())
            throw DubanException.conflict(
                    "colour.stale", "亮灯规则已被他人修改（现为第 " + now.version() + " 版），请刷新后重试。");
        for (String name : values.keySet())
            if (!ColourRules.names().contains(name))
                throw DubanException.badRequest("colour.unknown-rule", "没有名为 " + name + " 的亮灯规则。");
        ColourRules rules;
        try {
            rules = ColourRules.of(values, now.rules());
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest(
                    "colour.rule-invalid",
                    "亮灯规则 " + e.getMessage() + " 的取值类型不对：天数和次数应为整数，开关应为是或否。");
        }
        List<String> problems = rules.problems();
        if (!problems.isEmpty())
            throw DubanException.badRequest("colour.rules-invalid", problemText(problems));
        if (note != null && note.length() > 500)
            throw DubanException.badRequest("colour.note-too-long", "修改说明不超过 500 字。");
        int version = now.version() + 1;
        em.persist(
                new ColourRuleVersion(
                        version,
                        rules,
                        note == null || note.isBlank() ? null : note.strip(),
                        caller.username(),
                        AppClock.now()));
        em.flush();
        Object[] detail = new Object[2 + 2 * rules.values().size()];
        detail[0] = "version";
        detail[1] = version;
        int i = 2;
        for (Map.Entry<String, Object> e : rules.values().entrySet()) {
            detail[i++] = e.getKey();
            detail[i++] = e.getValue();
        }
        audit.record("settings.colours", "settings", null, detail);
        return new Current(version, rules);
    }

    /** The problems in one Chinese sentence for the office. */
    static String problemText(List<String> problems) {
        StringBuilder out = new StringBuilder();
        for (String p : problems) {
            String name = p.substring(p.indexOf(':') + 1);
            if (!out.isEmpty()) out.append("；");
            out.append(
                    p.startsWith("colour.problem.order")
                            ? name + " 的红灯门槛不应低于黄灯门槛"
                            : name.equals("redOverdueDays")
                                    ? "redOverdueDays 应在 1 到 " + ColourRules.MAX + " 之间"
                                    : name + " 应在 0 到 " + ColourRules.MAX + " 之间");
        }
        return "亮灯规则有误：" + out + "。";
    }
}
