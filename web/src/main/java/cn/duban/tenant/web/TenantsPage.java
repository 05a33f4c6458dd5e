package cn.duban.tenant.web;

import cn.duban.account.OnboardingService;
import cn.duban.account.TenantSuspensionService;
import cn.duban.account.web.AccountResource;
import cn.duban.platform.DubanException;
import cn.duban.tenant.TenantInput;
import cn.duban.tenant.TenantService;
import cn.duban.tenant.UnitInput;
import cn.duban.tenant.UnitKind;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** The platform operator's tenant list and the form that onboards a district. */
@Named
@ViewScoped
public class TenantsPage implements Serializable {

    @Inject TenantService service;

    @Inject OnboardingService onboarding;

    @Inject TenantSuspensionService suspension;

    private List<TenantResource.TenantView> tenants;
    private String id;
    private String name;
    private String unitLines;
    // units read from an uploaded Excel list; they win over the lines
    private List<UnitInput> sheetUnits;
    private List<?> errors = List.of();
    private String adminUsername;
    private String adminName;
    private String adminPhone;
    private String adminEmail;
    // the last onboarding's result, shown once
    private String doneAdmin;
    private String donePassword;

    @PostConstruct
    void load() {
        tenants = service.list().stream().map(TenantResource.TenantView::of).toList();
    }

    /** Onboards the district: tenant, units (Excel list or lines) and its first administrator. */
    public void create() {
        List<UnitInput> units = sheetUnits != null ? sheetUnits : parseUnits(unitLines);
        OnboardingService.Onboarded done =
                onboarding.onboard(
                        new TenantInput(id, name, units, cn.duban.tenant.TenantKind.DISTRICT),
                        new OnboardingService.Admin(
                                adminUsername, adminName, adminPhone, adminEmail));
        doneAdmin = done.admin().username();
        donePassword = done.credentials().temporaryPassword();
        Messages.info("onboard.done", done.tenant().getName(), doneAdmin);
        if (donePassword == null) Messages.info("account.mailed", adminEmail);
        id = name = unitLines = adminUsername = adminName = adminPhone = adminEmail = null;
        sheetUnits = null;
        errors = List.of();
        load();
    }

    /** Suspends a tenant (its people are refused within seconds); see the API. */
    public void suspend(String tenantId) {
        try {
            TenantSuspensionService.Outcome o = suspension.suspend(tenantId);
            Messages.info("tenant.suspendedDone", tenantId, o.usersSwitched());
            load();
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void resume(String tenantId) {
        try {
            TenantSuspensionService.Outcome o = suspension.resume(tenantId);
            Messages.info("tenant.resumedDone", tenantId, o.usersSwitched());
            load();
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void uploadUnits(FileUploadEvent event) {
        try {
            sheetUnits =
                    onboarding.unitsFromSheet(
                            Uploads.content(event.getFile(), AccountResource.IMPORT_LIMIT, "xlsx"));
            errors = List.of();
            Messages.info("onboard.unitsLoaded", sheetUnits.size());
        } catch (DubanException e) {
            sheetUnits = null;
            errors = Messages.errors(e);
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
                throw DubanException.badRequest(
                        "tenant.units-invalid", "第" + lineNo + "行应为：代码,名称,类型[,分组]。");
            }
            UnitKind kind;
            try {
                kind = UnitKind.valueOf(f[2].strip());
            } catch (IllegalArgumentException e) {
                throw DubanException.badRequest(
                        "tenant.units-invalid",
                        "第"
                                + lineNo
                                + "行的类型“"
                                + f[2].strip()
                                + "”无效，应为 DISTRICT_OFFICE、DEPARTMENT 或 TOWN。");
            }
            units.add(
                    new UnitInput(
                            f[0], f[1], kind, f.length > 3 ? f[3] : null, List.of(), null, null));
        }
        return units;
    }

    public List<TenantResource.TenantView> getTenants() {
        return tenants;
    }

    public List<UnitInput> getSheetUnits() {
        return sheetUnits;
    }

    public List<?> getErrors() {
        return errors;
    }

    public String getDoneAdmin() {
        return doneAdmin;
    }

    public String getDonePassword() {
        return donePassword;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String v) {
        this.adminUsername = v;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String v) {
        this.adminName = v;
    }

    public String getAdminPhone() {
        return adminPhone;
    }

    public void setAdminPhone(String v) {
        this.adminPhone = v;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String v) {
        this.adminEmail = v;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUnitLines() {
        return unitLines;
    }

    public void setUnitLines(String unitLines) {
        this.unitLines = unitLines;
    }
}
