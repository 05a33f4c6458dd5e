package cn.duban.tenant.web;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.SubUnitService;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 下级单位 (issue 21): a town's 单位管理员 lists, adds and renames its own town's offices, 居委 and 村委; the
 * district office does the same for any town it picks. The service decides what each may touch.
 */
@Named
@ViewScoped
public class SubUnitsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject SubUnitService subUnits;

    @Inject UnitService units;

    private UUID townId;
    private List<UnitView> children;
    private List<UnitView> towns;
    private final Map<UUID, String> newNames = new HashMap<>();

    // the "add" form
    private String name;
    private UnitKind kind = UnitKind.OFFICE;
    private String suffix;

    /** The district office picks a town; a town's admin always has its own. */
    public boolean isDistrictOffice() {
        return Caller.current().map(c -> c.hasRole(Role.DISTRICT_ADMIN)).orElse(false);
    }

    /** Read once per view: the menu's items are asked for on every phase of every postback. */
    public List<UnitView> getTowns() {
        if (towns == null) {
            towns =
                    !isDistrictOffice()
                            ? List.of()
                            : units.list().stream()
                                    .filter(u -> u.getKind() == UnitKind.TOWN)
                                    .map(UnitView::of)
                                    .toList();
        }
        return towns;
    }

    public UUID getTownId() {
        if (townId == null && !isDistrictOffice()) {
            try {
                Unit own = units.myUnit();
                if (own.getKind() == UnitKind.TOWN) townId = own.getId();
            } catch (DubanException e) {
                Messages.error(e);
            }
        }
        return townId;
    }

    public void setTownId(UUID townId) {
        this.townId = townId;
        children = null;
    }

    public List<UnitView> getChildren() {
        if (children == null) load();
        return children;
    }

    private void load() {
        UUID town = getTownId();
        children = List.of();
        newNames.clear();
        if (town == null) return;
        try {
            children = subUnits.children(town).stream().map(UnitView::of).toList();
            for (UnitView c : children) newNames.put(c.id(), c.name());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void add() {
        try {
            subUnits.create(getTownId(), new SubUnitService.ChildInput(name, kind, suffix));
            Messages.info("saved");
            name = suffix = null;
            kind = UnitKind.OFFICE;
        } catch (DubanException e) {
            Messages.error(e);
        }
        load();
    }

    public void rename(UnitView child) {
        try {
            subUnits.rename(
                    getTownId(),
                    child.id(),
                    new SubUnitService.ChildInput(newNames.get(child.id()), child.kind(), null),
                    child.version());
            Messages.info("subUnits.renamed");
        } catch (DubanException e) {
            Messages.error(e);
        }
        load();
    }

    public UnitKind[] getKinds() {
        return new UnitKind[] {UnitKind.OFFICE, UnitKind.COMMUNITY, UnitKind.VILLAGE};
    }

    public Map<UUID, String> getNewNames() {
        return newNames;
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

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }
}
