package cn.duban.web;

import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import cn.duban.tenant.TenantService;
import cn.duban.tenant.UnitService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** What the layout shows about the caller, and where each role lands after login. */
@Named("shell")
@RequestScoped
public class ShellBean {

    @Inject TenantService tenants;

    @Inject UnitService units;

    private String tenantName;
    private String unitName;
    private Boolean townAdmin;

    public Caller getCaller() {
        return Caller.current().orElse(null);
    }

    public String getDisplayName() {
        HttpServletRequest req =
                (HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (req.getUserPrincipal() instanceof OidcPrincipal<?> p) {
            String given = p.getOidcSecurityContext().getToken().getGivenName();
            if (given != null && !given.isBlank()) return given;
        }
        return getCaller() == null ? "" : getCaller().username();
    }

    public List<String> getRoles() {
        Caller c = getCaller();
        return c == null ? List.of() : CallerFilter.ROLES.stream().filter(c::hasRole).toList();
    }

    public boolean has(String role) {
        Caller c = getCaller();
        return c != null && c.hasRole(role);
    }

    /** A unit's 联络员, head or admin: the menu of its own unit's pages. */
    public boolean isUnitPerson() {
        Caller c = getCaller();
        return c != null && c.isUnitPerson();
    }

    /** The district office or a leader: the whole district's ledger, inbox and circulars. */
    public boolean isDistrictWide() {
        Caller c = getCaller();
        return c != null && c.isDistrictWide();
    }

    /**
     * The 单位管理员 of a town (街镇): manages the town's 下级单位, as the district office does for every
     * town; the 下级单位 menu link shows to these two only.
     */
    public boolean isTownAdmin() {
        Caller c = getCaller();
        if (c == null
                || !c.hasRole(Role.UNIT_ADMIN)
                || c.unitCode() == null
                || c.tenantId() == null) return false;
        if (townAdmin == null)
            townAdmin =
                    units.findByCode(c.unitCode())
                            .map(u -> u.getKind() == cn.duban.tenant.UnitKind.TOWN)
                            .orElse(false);
        return townAdmin;
    }

    public String getTenantName() {
        if (tenantName == null && Caller.currentTenant().isPresent()) {
            tenantName = tenants.mine().getName();
        }
        return tenantName;
    }

    public String getUnitName() {
        Caller c = getCaller();
        if (unitName == null && c != null && c.unitCode() != null && c.tenantId() != null) {
            unitName = units.findByCode(c.unitCode()).map(u -> u.getName()).orElse(c.unitCode());
        }
        return unitName;
    }

    /** The landing page of the caller's most specific role. */
    public String landing() {
        Caller c = getCaller();
        String view;
        if (c == null) view = "/error/403.xhtml";
        else if (c.hasRole(Caller.PLATFORM_ADMIN)) view = "/app/platform/index.xhtml";
        else if (c.hasRole(Role.SECURITY_ADMIN)) view = "/app/operators/index.xhtml";
        else if (c.hasRole(Role.AUDIT_ADMIN)) view = "/app/operator-audit/index.xhtml";
        else if (c.hasRole(Caller.DISTRICT_ADMIN)) view = "/app/admin/index.xhtml";
        else if (c.hasRole(Caller.LEADER)) view = "/app/leader/index.xhtml";
        else if (c.isUnitPerson()) view = "/app/unit/index.xhtml";
        else if (c.hasRole(Role.CITY_VIEWER)) view = "/app/city/index.xhtml";
        else view = "/error/403.xhtml";
        return view + "?faces-redirect=true";
    }
}
