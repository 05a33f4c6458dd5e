package cn.duban.ledger.escalation;

import cn.duban.audit.AuditService;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * A tenant's escalation ladder (督办升级规则): everyone of the district reads it (a unit sees when it
 * will be sent a 督办单); the district office changes it, in the trail with every value.
 */
@Stateless
public class LadderRuleService {

    @PersistenceContext EntityManager em;

    @EJB AuditService audit;

    /** The rules that apply and the version to send back when changing them (0: never saved). */
    public record Current(int version, LadderRules rules) {}

    public Current current() {
        Caller.requireDistrictPerson();
        return read();
    }

    /** The rules that apply, for the daily run and the pages (no role check). */
    public LadderRules rules() {
        return read().rules();
    }

    private Current read() {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        LadderSettings s = em.find(LadderSettings.class, tenant);
        if (s == null) return new Current(0, LadderRules.DEFAULT.forDistrict(districtName(tenant)));
        LadderRules saved = s.getRules();
        // A district that cleared the office prints its default one.
        return new Current(
                s.getVersion() + 1,
                saved.issuingOffice() != null
                        ? saved
                        : new LadderRules(
                                saved.rungs(),
                                saved.noticePrefix(),
                                LadderRules.DEFAULT
                                        .forDistrict(districtName(tenant))
                                        .issuingOffice(),
                                saved.replyDays()));
    }

    private String districtName(String tenant) {
        return em.find(Tenant.class, tenant).getName();
    }

    /**
     * Saves the rules given over the current ones. {@code expectedVersion} is the version the
     * office was looking at: another's save in between is a conflict, not a silent overwrite.
     */
    public Current save(JsonObject values, int expectedVersion) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Current now = read();
        if (expectedVersion != now.version())
            throw DubanException.conflict("ladder.stale", "督办升级规则已被他人修改，请刷新后重试。");
        LadderRules rules;
        try {
            rules = LadderRulesColumn.fromJson(values, now.rules());
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest(
                    "ladder.rule-invalid",
                    "督办升级规则 "
                            + e.getMessage()
                            + " 的取值不对：天数为整数，开关为是或否，审批为 AUTO、DISTRICT_ADMIN 或 LEADER。");
        }
        List<String> problems = rules.problems();
        if (!problems.isEmpty())
            throw DubanException.badRequest("ladder.rules-invalid", problemText(problems));
        LadderSettings s = em.find(LadderSettings.class, caller.tenantId());
        if (s == null) {
            s = new LadderSettings(caller.tenantId());
            s.save(rules, caller.username(), AppClock.now());
            em.persist(s);
        } else {
            s.save(rules, caller.username(), AppClock.now());
        }
        em.flush();
        audit.record(
                "settings.ladder",
                "settings",
                null,
                "rules",
                LadderRulesColumn.toJson(rules).toString());
        return new Current(s.getVersion() + 1, rules);
    }

    /** The problems in one Chinese sentence for the office. */
    static String problemText(List<String> problems) {
        StringBuilder out = new StringBuilder();
        for (String p : problems) {
            if (!out.isEmpty()) out.append("；");
            int colon = p.indexOf(':');
            String step = colon < 0 ? "" : Step.valueOf(p.substring(colon + 1)).label();
            String key = colon < 0 ? p : p.substring(0, colon);
            out.append(
                    switch (key) {
                        case "ladder.problem.days" ->
                                step + "的逾期天数应在 1 到 " + LadderRules.MAX_DAYS + " 之间";
                        case "ladder.problem.order" -> step + "的逾期天数应多于前一级";
                        case "ladder.problem.prefix" -> "督办单文号前缀不能为空，最多 20 字";
                        case "ladder.problem.office" -> "发文机关最多 60 字";
                        default -> "答复期限应在 1 到 30 个工作日之间";
                    });
        }
        return "督办升级规则有误：" + out + "。";
    }
}
