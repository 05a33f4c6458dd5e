package cn.duban.city;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which districts report to which city: set by the platform operator only (the table's policy lets
 * writes through with {@code app.platform} on), each change on the operators' trail. A district
 * reads its own membership (to know where to send), a city its members.
 */
@Stateless
public class CityMemberships {

    @PersistenceContext EntityManager em;

    @EJB OperatorAudit operatorAudit;

    /** A district reporting to a city. */
    public record Member(
            String cityId,
            String cityName,
            String districtId,
            String districtName,
            String addedBy,
            Instant addedAt) {}

    /** The city a district reports to. */
    public record CityRef(String id, String name) implements java.io.Serializable {}

    /** A city with its member districts. */
    public record City(String id, String name, List<Member> members) {}

    /** Every city tenant with its members (operator). */
    public List<City> cities() {
        Caller.require(Caller.PLATFORM_ADMIN);
        List<City> out = new ArrayList<>();
        for (Tenant t :
                em.createQuery(
                                "select t from Tenant t where t.kind = :k order by t.id",
                                Tenant.class)
                        .setParameter("k", TenantKind.CITY)
                        .getResultList()) {
            out.add(new City(t.getId(), t.getName(), members(t.getId())));
        }
        return out;
    }

    /** The members of the caller's city (its own membership rows; the city reads no tenant row). */
    public List<Member> membersOfMine() {
        Caller caller = Caller.requireTenant(cn.duban.platform.Role.CITY_VIEWER);
        return members(caller.tenantId());
    }

    private List<Member> members(String city) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select city_id, city_name, district_id, district_name, added_by,"
                                        + " added_at from city_membership where city_id = ?1"
                                        + " order by district_id")
                        .setParameter(1, city)
                        .getResultList();
        List<Member> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(
                    new Member(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            instant(r[5])));
        }
        return out;
    }

    /** Makes a district a member of a city (operator): 404 for unknown ids, 400 for wrong kinds. */
    public Member add(String cityId, String districtId) {
        Caller caller = Caller.require(Caller.PLATFORM_ADMIN);
        Tenant city = tenant(cityId);
        Tenant district = tenant(districtId);
        if (city.getKind() != TenantKind.CITY) {
            throw DubanException.badRequest("city.not-a-city", "“" + city.getName() + "”不是市级租户。");
        }
        if (district.getKind() != TenantKind.DISTRICT) {
            throw DubanException.badRequest(
                    "city.not-a-district", "“" + district.getName() + "”不是区级租户，不能作为市的成员。");
        }
        Number taken =
                (Number)
                        em.createNativeQuery(
                                        "select count(*) from city_membership where district_id = ?1")
                                .setParameter(1, districtId)
                                .getSingleResult();
        if (taken.longValue() > 0) {
            throw DubanException.conflict(
                    "city.member-taken", "“" + district.getName() + "”已是某个市的成员，请先移除。");
        }
        em.createNativeQuery(
                        "insert into city_membership (city_id, district_id, city_name,"
                                + " district_name, added_by) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, cityId)
                .setParameter(2, districtId)
                .setParameter(3, city.getName())
                .setParameter(4, district.getName())
                .setParameter(5, caller.username())
                .executeUpdate();
        operatorAudit.record(
                OperatorAction.CITY_MEMBER_ADDED,
                cityId,
                district.getName() + "（" + districtId + "）加入" + city.getName());
        return members(cityId).stream()
                .filter(m -> m.districtId().equals(districtId))
                .findFirst()
                .orElseThrow();
    }

    /** Ends a membership (operator); snapshots already received stay the city's. */
    public void remove(String cityId, String districtId) {
        Caller.require(Caller.PLATFORM_ADMIN);
        Tenant city = tenant(cityId);
        Tenant district = tenant(districtId);
        int n =
                em.createNativeQuery(
                                "delete from city_membership where city_id = ?1 and district_id = ?2")
                        .setParameter(1, cityId)
                        .setParameter(2, districtId)
                        .executeUpdate();
        if (n == 0) throw DubanException.notFound("city.member-not-found", "该区不是这个市的成员。");
        operatorAudit.record(
                OperatorAction.CITY_MEMBER_REMOVED,
                cityId,
                district.getName() + "（" + districtId + "）退出" + city.getName());
    }

    /** The city the caller's district reports to, if any. */
    public Optional<CityRef> cityOfMine() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select city_id, city_name from city_membership where district_id"
                                        + " = ?1")
                        .setParameter(1, caller.tenantId())
                        .getResultList();
        return rows.stream().findFirst().map(r -> new CityRef((String) r[0], (String) r[1]));
    }

    private Tenant tenant(String id) {
        Tenant t = id == null ? null : em.find(Tenant.class, id);
        if (t == null) throw DubanException.notFound("tenant.not-found", "租户不存在。");
        return t;
    }

    static Instant instant(Object o) {
        if (o == null) return null;
        if (o instanceof Instant i) return i;
        if (o instanceof OffsetDateTime d) return d.toInstant();
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("not a time: " + o.getClass());
    }
}
