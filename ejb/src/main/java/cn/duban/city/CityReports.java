package cn.duban.city;

import cn.duban.audit.AuditService;
import cn.duban.ledger.LedgerClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A district's reports up to its city (报送): the snapshot as it would be sent now, sending it (by
 * hand, or by the daily timer when it changed), and what was sent. The snapshot reaches the city
 * only through the database function {@code city_snapshot_send} (V33): the application role cannot
 * write the city's rows itself.
 */
@Stateless
public class CityReports {

    @PersistenceContext EntityManager em;

    @EJB CityMemberships memberships;

    @EJB AuditService audit;

    /** A snapshot sent (or, before sending, {@code id} and {@code sentAt} null: the preview). */
    public record Sent(
            UUID id,
            String cityId,
            String cityName,
            String sha256,
            boolean scheduled,
            String sentBy,
            Instant sentAt,
            int size,
            String content) {}

    /**
     * What would be sent now: the content and its hash. 409 {@code city.not-member} without a city.
     */
    public Sent preview() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        CityMemberships.CityRef city = cityOrRefuse();
        String content = content(caller.tenantId(), city).toJson();
        return new Sent(
                null,
                city.id(),
                city.name(),
                Sha256.hex(content),
                false,
                null,
                null,
                content.length(),
                content);
    }

    /** The city the district reports to, if any. */
    public java.util.Optional<CityMemberships.CityRef> city() {
        return memberships.cityOfMine();
    }

    /** Sends the snapshot now (by hand). */
    public Sent send() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        CityMemberships.CityRef city = cityOrRefuse();
        return send(city, content(caller.tenantId(), city).toJson(), false);
    }

    /**
     * The daily timer's send: only for a district with a city, and only when the snapshot differs
     * from the last one sent there. What it did, for the log.
     */
    public String sendIfChanged() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        var city = memberships.cityOfMine();
        if (city.isEmpty()) return "no city";
        String content = content(caller.tenantId(), city.get()).toJson();
        String hash = Sha256.hex(content);
        @SuppressWarnings("unchecked")
        List<Object> last =
                em.createNativeQuery(
                                "select sha256 from city_report where tenant_id = ?1 and city_id = ?2"
                                        + " order by sent_at desc limit 1")
                        .setParameter(1, caller.tenantId())
                        .setParameter(2, city.get().id())
                        .getResultList();
        if (!last.isEmpty() && hash.equals(String.valueOf(last.get(0)).strip())) {
            return "unchanged";
        }
        return "sent " + send(city.get(), content, true).sha256();
    }

    /** Sends this content, built a moment ago in the same transaction, to the city. */
    private Sent send(CityMemberships.CityRef city, String content, boolean scheduled) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        String hash = Sha256.hex(content);
        UUID id = UUID.randomUUID();
        Instant at;
        try {
            at =
                    CityMemberships.instant(
                            em.createNativeQuery("select city_snapshot_send(?1, ?2, ?3, ?4, ?5)")
                                    .setParameter(1, city.id())
                                    .setParameter(2, id)
                                    .setParameter(3, content)
                                    .setParameter(4, hash)
                                    .setParameter(5, caller.username())
                                    .getSingleResult());
        } catch (PersistenceException e) {
            // The function refused (the membership ended in between): nothing was written.
            throw notMember();
        }
        em.createNativeQuery(
                        "insert into city_report (tenant_id, id, city_id, city_name, content, sha256,"
                                + " scheduled, sent_by, sent_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                                + " ?8, ?9)")
                .setParameter(1, caller.tenantId())
                .setParameter(2, id)
                .setParameter(3, city.id())
                .setParameter(4, city.name())
                .setParameter(5, content)
                .setParameter(6, hash)
                .setParameter(7, scheduled)
                .setParameter(8, caller.username())
                .setParameter(9, at)
                .executeUpdate();
        audit.record(
                "city.report-sent",
                "city-report",
                id,
                "city",
                city.name(),
                "cityId",
                city.id(),
                "sha256",
                hash,
                "scheduled",
                scheduled);
        return new Sent(
                id,
                city.id(),
                city.name(),
                hash,
                scheduled,
                caller.username(),
                at,
                content.length(),
                content);
    }

    /** What the district sent, newest first (without the content). */
    public List<Sent> sent() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return reports(
                "select id, city_id, city_name, sha256, scheduled, sent_by, sent_at,"
                        + " length(content), null from city_report where tenant_id = ?1"
                        + " order by sent_at desc limit 200",
                caller.tenantId(),
                null);
    }

    /** One sent snapshot with its content; another district's id → 404. */
    public Sent sent(UUID id) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        List<Sent> rows =
                reports(
                        "select id, city_id, city_name, sha256, scheduled, sent_by, sent_at,"
                                + " length(content), content from city_report where tenant_id = ?1"
                                + " and id = ?2",
                        caller.tenantId(),
                        id);
        if (rows.isEmpty()) throw DubanException.notFound("city.report-not-found", "报送记录不存在。");
        return rows.get(0);
    }

    private List<Sent> reports(String sql, String tenant, UUID id) {
        var q = em.createNativeQuery(sql).setParameter(1, tenant);
        if (id != null) q.setParameter(2, id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Sent> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(
                    new Sent(
                            (UUID) r[0],
                            (String) r[1],
                            (String) r[2],
                            ((String) r[3]).strip(),
                            (Boolean) r[4],
                            (String) r[5],
                            CityMemberships.instant(r[6]),
                            ((Number) r[7]).intValue(),
                            (String) r[8]));
        }
        return out;
    }

    private CityMemberships.CityRef cityOrRefuse() {
        return memberships.cityOfMine().orElseThrow(CityReports::notMember);
    }

    static DubanException notMember() {
        return DubanException.conflict("city.not-member", "本区不是任何市的成员，不能报送；成员关系由平台运维设置。");
    }

    // ---- the snapshot's content, from the district's own rows (its transaction, its RLS) ----

    CityReport content(String tenant, CityMemberships.CityRef city) {
        String name =
                (String)
                        em.createNativeQuery("select name from tenant where id = ?1")
                                .setParameter(1, tenant)
                                .getSingleResult();
        CityReport.Standing standing = standing(tenant);
        int year = year(tenant, standing);
        return new CityReport(
                tenant,
                name,
                city.id(),
                city.name(),
                year,
                standing,
                circulars(tenant, year),
                coverage(tenant, year),
                progress(tenant, year));
    }

    private int year(String tenant, CityReport.Standing standing) {
        if (standing != null && standing.period().length() >= 4) {
            return Integer.parseInt(standing.period().substring(0, 4));
        }
        Object max =
                em.createNativeQuery(
                                "select max(year) from plan where tenant_id = ?1 and level = 'DISTRICT'"
                                        + " and year <= ?2")
                        .setParameter(1, tenant)
                        .setParameter(2, LedgerClock.today().getYear())
                        .getSingleResult();
        return max == null ? LedgerClock.today().getYear() : ((Number) max).intValue();
    }

    private CityReport.Standing standing(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select period_key, version, closed_at, sha256, content from"
                                        + " evaluation_snapshot where tenant_id = ?1 order by closed_at"
                                        + " desc, version desc limit 1")
                        .setParameter(1, tenant)
                        .getResultList();
        if (rows.isEmpty()) return null;
        Object[] r = rows.get(0);
        List<CityReport.Ranked> units = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader((String) r[4]))) {
            JsonObject s = reader.readObject();
            if (s.get("units") instanceof JsonArray a) {
                for (JsonValue v : a) {
                    if (!(v instanceof JsonObject u)) continue;
                    units.add(
                            new CityReport.Ranked(
                                    u.get("unitName") instanceof JsonString n ? n.getString() : "",
                                    u.get("group") instanceof JsonString g ? g.getString() : "",
                                    u.get("rank") instanceof JsonNumber n ? n.intValue() : null,
                                    u.get("score") instanceof JsonNumber n
                                            ? n.bigDecimalValue()
                                            : (BigDecimal) null,
                                    u.getInt("tasks", 0),
                                    u.getInt("completed", 0),
                                    u.getInt("overdue", 0)));
                }
            }
        }
        return new CityReport.Standing(
                (String) r[0],
                ((Number) r[1]).intValue(),
                String.valueOf(CityMemberships.instant(r[2])),
                ((String) r[3]).strip(),
                units);
    }

    private List<CityReport.IssuedCircular> circulars(String tenant, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select doc_number, title, period_key, issued_at, sha256 from circular"
                                        + " where tenant_id = ?1 and state = 'ISSUED' and year = ?2"
                                        // The district office's own: a town's circulars stay home.
                                        + " and supervisor_unit_id is null"
                                        + " order by issued_at, seq")
                        .setParameter(1, tenant)
                        .setParameter(2, year)
                        .getResultList();
        List<CityReport.IssuedCircular> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(
                    new CityReport.IssuedCircular(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            String.valueOf(CityMemberships.instant(r[3])),
                            ((String) r[4]).strip()));
        }
        return out;
    }

    private List<CityReport.CoveredPoint> coverage(String tenant, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select p.title, s.number, pp.number, pp.title, (select"
                                        + " string_agg(dp.number, ',' order by dp.position) from"
                                        + " plan_point_link l join plan_point dp on dp.tenant_id ="
                                        + " l.tenant_id and dp.id = l.point_id where l.tenant_id ="
                                        + " pp.tenant_id and l.target_point_id = pp.id) from plan p"
                                        + " join plan_point pp on pp.tenant_id = p.tenant_id and"
                                        + " pp.plan_id = p.id join plan_section s on s.tenant_id ="
                                        + " pp.tenant_id and s.id = pp.section_id where p.tenant_id ="
                                        + " ?1 and p.level = 'CITY' and p.year = ?2 order by"
                                        + " p.created_at, p.id, s.position, pp.position")
                        .setParameter(1, tenant)
                        .setParameter(2, year)
                        .getResultList();
        List<CityReport.CoveredPoint> out = new ArrayList<>();
        for (Object[] r : rows) {
            String responses = (String) r[4];
            out.add(
                    new CityReport.CoveredPoint(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            responses == null ? List.of() : List.of(responses.split(","))));
        }
        return out;
    }

    private CityReport.Progress progress(String tenant, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select p.title, s.number, pp.number, pp.title, count(t.id),"
                                        + " count(t.id) filter (where t.status = 'APPROVED'),"
                                        + " count(t.id) filter (where t.status <> 'APPROVED' and"
                                        + " t.deadline_date < ?3), coalesce(round(avg(t.progress)), 0)"
                                        + " from task t join plan p on p.tenant_id = t.tenant_id and"
                                        + " p.id = t.plan_id join plan_point pp on pp.tenant_id ="
                                        + " t.tenant_id and pp.id = t.point_id join plan_section s on"
                                        + " s.tenant_id = pp.tenant_id and s.id = pp.section_id where"
                                        + " t.tenant_id = ?1 and p.year = ?2 and p.level = 'DISTRICT'"
                                        + " and t.status <> 'CANCELLED' group by p.id, p.title,"
                                        + " p.created_at, s.number, s.position, pp.id, pp.number,"
                                        + " pp.title, pp.position order by p.created_at, p.id,"
                                        + " s.position, pp.position")
                        .setParameter(1, tenant)
                        .setParameter(2, year)
                        .setParameter(3, LedgerClock.today())
                        .getResultList();
        List<CityReport.PointProgress> points = new ArrayList<>();
        int tasks = 0, completed = 0, overdue = 0;
        for (Object[] r : rows) {
            CityReport.PointProgress p =
                    new CityReport.PointProgress(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            ((Number) r[4]).intValue(),
                            ((Number) r[5]).intValue(),
                            ((Number) r[6]).intValue(),
                            ((Number) r[7]).intValue());
            points.add(p);
            tasks += p.tasks();
            completed += p.completed();
            overdue += p.overdue();
        }
        return new CityReport.Progress(tasks, completed, overdue, List.copyOf(points));
    }
}
