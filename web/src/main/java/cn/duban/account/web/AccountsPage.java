package cn.duban.account.web;

import cn.duban.account.Account;
import cn.duban.account.AccountImport;
import cn.duban.account.AccountInput;
import cn.duban.account.AccountQueries;
import cn.duban.account.AccountService;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.UnitService;
import cn.duban.tenant.web.UnitView;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The district office's accounts page: a searched, paged list (one page of Keycloak users at a
 * time), the create/edit form, disable, enable, reset, Excel import and export. One-time passwords
 * are shown once, in {@link #getPasswords()}, and dropped when the page is left.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A one-time password to hand over, shown on this page only. */
    public record Handover(String username, String password) implements Serializable {}

    @Inject AccountQueries queries;

    @Inject AccountService service;

    @Inject AccountImport sheets;

    @Inject UnitService unitService;

    private String q;
    private List<UnitView> units;
    private final Accounts accounts = new Accounts();

    // the form: editingId null = a new account
    private String editingId;
    private String username;
    private String name;
    private String phone;
    private String email;
    private String unit;
    private String provincialId;
    private String provincialIdBefore;
    private List<String> roles = new ArrayList<>(List.of(Role.UNIT_REPORTER));

    private List<Handover> passwords = List.of();
    private List<?> errors = List.of();

    @PostConstruct
    void load() {
        units = unitService.list().stream().map(UnitView::of).toList();
    }

    /** Pages through the accounts as the table asks for them. */
    public final class Accounts extends LazyDataModel<Account> {
        private static final long serialVersionUID = 1L;
        private int total;

        // PrimeFaces asks for the count first and loads nothing when it is 0.
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            total = queries.count(q);
            return total;
        }

        @Override
        public List<Account> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            AccountQueries.Page page =
                    queries.list(
                            q, first, Math.max(1, Math.min(pageSize, AccountQueries.MAX_LIMIT)));
            total = page.total();
            setRowCount(total);
            return page.items();
        }

        @Override
        public String getRowKey(Account a) {
            return a.id();
        }

        @Override
        public Account getRowData(String key) {
            return queries.get(key);
        }

        public int getTotal() {
            return total;
        }
    }

    public void search() {
        // The lazy model reads q on its next load.
    }

    public void startNew() {
        editingId = null;
        username = name = phone = email = unit = provincialId = provincialIdBefore = null;
        roles = new ArrayList<>(List.of(Role.UNIT_REPORTER));
    }

    public void edit(Account a) {
        editingId = a.id();
        username = a.username();
        name = a.name();
        phone = a.phone();
        email = a.email();
        unit = a.unit();
        provincialId = provincialIdBefore = a.provincialId();
        roles = new ArrayList<>(a.roles());
    }

    public void save() {
        AccountInput input = new AccountInput(username, name, phone, email, unit, roles);
        if (editingId == null) {
            AccountService.Created created = service.create(input);
            show(List.of(created));
            Messages.info("account.created");
        } else {
            // Two Keycloak changes: the form's plain checks first, then the link (its own checks:
            // taken, SSO configured), then the rest, so a refused form changes nothing.
            List<cn.duban.account.AccountRules.Violation> problems =
                    cn.duban.account.AccountRules.check(input, false);
            if (!problems.isEmpty())
                throw new DubanException(
                        400, "account.invalid", problems.get(0).message(), problems);
            String wanted = provincialId == null || provincialId.isBlank() ? null : provincialId;
            if (wanted == null && provincialIdBefore != null) service.clearProvincialId(editingId);
            else if (wanted != null && !wanted.strip().equals(provincialIdBefore))
                service.setProvincialId(editingId, wanted);
            service.update(editingId, input);
            Messages.info("account.updated");
        }
        startNew();
    }

    public void disable(Account a) {
        service.disable(a.id());
        Messages.info("account.disabledDone");
    }

    public void enable(Account a) {
        service.enable(a.id());
        Messages.info("account.enabledDone");
    }

    public void reset(Account a) {
        AccountService.Credentials c = service.reset(a.id());
        if (c.temporaryPassword() != null)
            passwords = List.of(new Handover(a.username(), c.temporaryPassword()));
        else Messages.info("account.mailed", a.email());
        Messages.info("account.resetDone");
    }

    public void upload(FileUploadEvent event) {
        try {
            AccountImport.Imported done =
                    sheets.importSheet(
                            Uploads.content(event.getFile(), AccountResource.IMPORT_LIMIT, "xlsx"));
            errors = List.of();
            show(done.accounts());
            Messages.info("account.imported", done.created());
        } catch (DubanException e) {
            errors = Messages.errors(e);
            Messages.error(e);
        }
    }

    private void show(List<AccountService.Created> created) {
        passwords =
                created.stream()
                        .filter(c -> c.credentials().temporaryPassword() != null)
                        .map(
                                c ->
                                        new Handover(
                                                c.account().username(),
                                                c.credentials().temporaryPassword()))
                        .toList();
    }

    public List<String> getRoleChoices() {
        return Role.DISTRICT_GRANTS;
    }

    public Accounts getAccounts() {
        return accounts;
    }

    public List<UnitView> getUnits() {
        return units;
    }

    public List<Handover> getPasswords() {
        return passwords;
    }

    public List<?> getErrors() {
        return errors;
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getProvincialId() {
        return provincialId;
    }

    public void setProvincialId(String provincialId) {
        this.provincialId = provincialId;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }
}
