package cn.duban.tenant;

import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A unit of a tenant: the district office, a department or a town/street. */
@Entity
@Table(name = "unit")
public class Unit extends TenantOwned implements Versioned {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "aliases", nullable = false)
    private List<String> aliases = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitKind kind;

    @Column(name = "ranking_group")
    private String rankingGroup;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Unit parent;

    /** Where reminders go by e-mail, when the server has a mail relay. */
    private String email;

    @Version private int version;

    protected Unit() {}

    public Unit(String code, String name, UnitKind kind) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.kind = kind;
    }

    /** True if the name is this unit's name or one of its aliases. */
    public boolean answersTo(String candidate) {
        return name.equals(candidate) || aliases.contains(candidate);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getAliases() {
        return List.copyOf(aliases);
    }

    public void setAliases(List<String> aliases) {
        this.aliases = new ArrayList<>(aliases);
    }

    public UnitKind getKind() {
        return kind;
    }

    public void setKind(UnitKind kind) {
        this.kind = kind;
    }

    public String getRankingGroup() {
        return rankingGroup;
    }

    public void setRankingGroup(String rankingGroup) {
        this.rankingGroup = rankingGroup;
    }

    public Unit getParent() {
        return parent;
    }

    public void setParent(Unit parent) {
        this.parent = parent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public int getVersion() {
        return version;
    }
}
