package cn.duban.account.web;

import cn.duban.account.OperatorService;
import cn.duban.platform.Role;
import cn.duban.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The security administrator's page (安全管理员, 三员分立): the operator accounts, a form for a new one (its
 * one-time password shown once, here only) and a role change per account. The service checks every
 * rule; this page only collects the input.
 */
@Named
@ViewScoped
public class OperatorsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject OperatorService service;

    private List<OperatorService.Operator> operators;
    // the role picked in each row, by account id
    private final Map<String, String> newRoles = new HashMap<>();

    private String username;
    private String name;
    private String email;
    private String role = Role.AUDIT_ADMIN;

    private String doneUsername;
    private String donePassword;

    @PostConstruct
    void load() {
        operators = service.list();
        newRoles.clear();
        for (OperatorService.Operator o : operators) newRoles.put(o.id(), o.role());
    }

    public void create() {
        OperatorService.Created done =
                service.create(new OperatorService.Input(username, name, blankToNull(email), role));
        doneUsername = done.operator().username();
        donePassword = done.temporaryPassword();
        Messages.info("operators.created", doneUsername);
        username = name = email = null;
        role = Role.AUDIT_ADMIN;
        load();
    }

    public void changeRole(String id) {
        OperatorService.Operator changed = service.setRole(id, newRoles.get(id));
        Messages.info("operators.roleChanged", changed.username());
        load();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<String> getRoleChoices() {
        return Role.OPERATOR_ROLES;
    }

    public List<OperatorService.Operator> getOperators() {
        return operators;
    }

    public Map<String, String> getNewRoles() {
        return newRoles;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getDoneUsername() {
        return doneUsername;
    }

    public String getDonePassword() {
        return donePassword;
    }
}
