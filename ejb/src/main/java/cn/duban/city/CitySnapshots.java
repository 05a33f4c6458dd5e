package cn.duban.city;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The city's side (市级查看): only the snapshots its districts sent, from its own table {@code
 * city_snapshot}. Nothing here reads a district's rows, and row-level security would not let it.
 */
@Stateless
public class CitySnapshots {

    @PersistenceContext EntityManager em;

    @EJB CityMemberships memberships;

    /** A received snapshot; {@code content} only when one is asked for. */
    public record Received(
            UUID id,
            String district,
            String districtName,
            String sha256,
            String sentBy,
            Instant sentAt,
            String content) {}

    /** A member district's latest snapshot (null: nothing received yet). */
    public record Column(
            String district, String districtName, Received latest, CityReport report) {}

    /** The city's districts side by side. */
    public record Overview(
            List<Column> districts,
            List<CityReport.CoverageRow> coverage,
            List<ReceivedCircular> circulars) {}

    public record ReceivedCircular(
            String district, String districtName, CityReport.IssuedCircular circular) {}

    /** Every snapshot received, newest first (without content). */
    public List<Received> received() {
        Caller caller = Caller.requireTenant(Role.CITY_VIEWER);
        return rows(
                "select id, district_id, district_name, sha256, sent_by, sent_at, null from"
                        + " city_snapshot where tenant_id = ?1 order by sent_at desc limit 500",
                caller.tenantId(),
                null);
    }

    /** One received snapshot with its content; anything else → 404. */
    public Received one(UUID id) {
        Caller caller = Caller.requireTenant(Role.CITY_VIEWER);
        List<Received> r =
                rows(
                        "select id, district_id, district_name, sha256, sent_by, sent_at, content"
                                + " from city_snapshot where tenant_id = ?1 and id = ?2",
                        caller.tenantId(),
                        id);
        if (r.isEmpty()) throw DubanException.notFound("city.snapshot-not-found", "快照不存在。");
        return r.get(0);
    }

    /**
     * Each member district's latest snapshot side by side (districts that left the city but sent
     * before still show with what they sent), the city's points across them and the circulars
     * received.
     */
    public Overview overview() {
        Caller caller = Caller.requireTenant(Role.CITY_VIEWER);
        Map<String, Column> columns = new LinkedHashMap<>();
        for (CityMemberships.Member m : memberships.membersOfMine()) {
            columns.put(m.districtId(), new Column(m.districtId(), m.districtName(), null, null));
        }
        for (Received r :
                rows(
                        "select distinct on (district_id) id, district_id, district_name, sha256,"
                                + " sent_by, sent_at, content from city_snapshot where tenant_id = ?1"
                                + " order by district_id, sent_at desc",
                        caller.tenantId(),
                        null)) {
            columns.put(
                    r.district(),
                    new Column(r.district(), r.districtName(), r, CityReport.parse(r.content())));
        }
        Map<String, CityReport> reports = new LinkedHashMap<>();
        List<ReceivedCircular> circulars = new ArrayList<>();
        for (Column c : columns.values()) {
            if (c.report() == null) continue;
            reports.put(c.district(), c.report());
            for (CityReport.IssuedCircular ic : c.report().circulars()) {
                circulars.add(new ReceivedCircular(c.district(), c.districtName(), ic));
            }
        }
        circulars.sort(
                java.util.Comparator.comparing(
                                (ReceivedCircular rc) -> String.valueOf(rc.circular().issuedAt()))
                        .reversed());
        return new Overview(
                List.copyOf(columns.values()), CityReport.coverageAcross(reports), circulars);
    }

    private List<Received> rows(String sql, String tenant, UUID id) {
        var q = em.createNativeQuery(sql).setParameter(1, tenant);
        if (id != null) q.setParameter(2, id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Received> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(
                    new Received(
                            (UUID) r[0],
                            (String) r[1],
                            (String) r[2],
                            ((String) r[3]).strip(),
                            (String) r[4],
                            CityMemberships.instant(r[5]),
                            (String) r[6]));
        }
        return out;
    }
}
