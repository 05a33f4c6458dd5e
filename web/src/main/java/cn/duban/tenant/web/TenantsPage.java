package cn.duban.tenant.web;

import cn.duban.platform.DubanException;
import cn.duban.tenant.TenantInput;
import cn.duban.tenant.TenantService;
import cn.duban.tenant.UnitInput;
import cn.duban.tenant.UnitKind;
import cn.duban.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The platform operator's tenant list and "new tenant" form. */
@Named
@ViewScoped
public class TenantsPage implements Serializable {

    @Inject
    transient TenantService service;

    private List<TenantResource.TenantView> tenants;
    private String id;
    private String name;
    private String unitLines;

    @PostConstruct
    void load() {
        tenants = service.list().stream().map(TenantResource.TenantView::of).toList();
    }

    public void create() {
        try {
            service.create(new TenantInput(id, name, parseUnits(unitLines)));
            Messages.info("saved");
            id = name = unitLines = null;
            load();
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    /** One unit per line: code,name,kind[,ranking group]. */
    static List<UnitInput> parseUnits(String text) {
        List<UnitInput> units = new ArrayList<>();
        if (text == null) return units;
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            if (line.isBlank()) continue;
            String[] f = line.split("[,，]", -1);
            if (f.length < 3) {
                throw DubanException.badRequest("tenant.units-invalid", "第" + lineNo + "行应为：代码,名称,类型[,分组]。");
            }
            UnitKind kind;
            try {
                kind = UnitKind.valueOf(f[2].strip());
            } catch (IllegalArgumentException e) {
                throw DubanException.badRequest("tenant.units-invalid",
                        "第" + lineNo + "行的类型“" + f[2].strip() + "”无效，应为 DISTRICT_OFFICE、DEPARTMENT 或 TOWN。");
            }
            units.add(new UnitInput(f[0], f[1], kind, f.length > 3 ? f[3] : null, List.of(), null, null));
        }
        return units;
    }

    public List<TenantResource.TenantView> getTenants() { return tenants; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUnitLines() { return unitLines; }
    public void setUnitLines(String unitLines) { this.unitLines = unitLines; }
}
