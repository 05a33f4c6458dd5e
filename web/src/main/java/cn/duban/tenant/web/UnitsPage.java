package cn.duban.tenant.web;

import cn.duban.tenant.UnitInput;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The units page of the district office, and the grouped overview leaders see. */
@Named
@ViewScoped
public class UnitsPage implements Serializable {

    @Inject UnitService service;

    private List<UnitView> units;

    // the "add unit" form
    private String code;
    private String name;
    private UnitKind kind = UnitKind.DEPARTMENT;
    private String rankingGroup;
    private String aliases;

    @PostConstruct
    void load() {
        units = service.list().stream().map(UnitView::of).toList();
    }

    public List<UnitView> getUnits() {
        return units;
    }

    public long count(UnitKind k) {
        return units.stream().filter(u -> u.kind() == k).count();
    }

    public UnitKind[] getKinds() {
        return UnitKind.values();
    }

    public void add() {
        List<String> aliasList =
                aliases == null
                        ? List.of()
                        : Arrays.stream(aliases.split("[,，、;；\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList();
        service.create(new UnitInput(code, name, kind, rankingGroup, aliasList, null, null));
        Messages.info("saved");
        code = name = rankingGroup = aliases = null;
        load();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getAliases() {
        return aliases;
    }

    public void setAliases(String aliases) {
        this.aliases = aliases;
    }
}
