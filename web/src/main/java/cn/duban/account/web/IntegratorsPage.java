package cn.duban.account.web;

import cn.duban.account.IntegratorService;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts page's section on integrators' API clients (district office): list, make, rotate the
 * secret, delete. A secret is shown once, right after it was issued, and dropped when the page is
 * left.
 */
@Named
@ViewScoped
public class IntegratorsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A secret to hand over, shown on this page only. */
    public record Issued(String clientId, String secret) implements Serializable {}

    @Inject IntegratorService service;

    private String name;
    private String description;
    private List<String> roles = new ArrayList<>(Role.INTEGRATOR_GRANTS);
    private Issued issued;
    private transient List<IntegratorService.Integrator> clients;

    public List<IntegratorService.Integrator> getClients() {
        if (clients == null) {
            try {
                clients = service.list();
            } catch (DubanException e) {
                Messages.error(e);
                clients = List.of();
            }
        }
        return clients;
    }

    public void create() {
        try {
            IntegratorService.Issued done =
                    service.create(new IntegratorService.Input(name, description, roles));
            issued = new Issued(done.client().clientId(), done.secret());
            name = null;
            description = null;
            clients = null;
            Messages.info("integrator.created");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void rotate(String clientId) {
        try {
            issued = new Issued(clientId, service.rotate(clientId).secret());
            Messages.info("integrator.rotated");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void delete(String clientId) {
        try {
            service.delete(clientId);
            if (issued != null && issued.clientId().equals(clientId)) issued = null;
            clients = null;
            Messages.info("integrator.deleted");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public List<String> getRoleChoices() {
        return Role.INTEGRATOR_GRANTS;
    }

    public Issued getIssued() {
        return issued;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
