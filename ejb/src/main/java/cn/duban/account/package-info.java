/**
 * Accounts: a district office runs its own people; the platform operator onboards districts.
 *
 * <p>People live in Keycloak ({@link cn.duban.account.KeycloakDirectory}, the Admin REST API as the
 * service-account client {@code duban-accounts}, checked at deployment by {@link
 * cn.duban.account.AccountsSecret}); Duban keeps only which accounts are disabled ({@link
 * cn.duban.account.DisabledAccount}, read on every request through {@link
 * cn.duban.account.DisabledAccounts}). For the accounts of the caller's tenant, {@link
 * cn.duban.account.AccountQueries} lists and reads them, {@link cn.duban.account.AccountService}
 * creates, edits, disables, re-enables and resets them one by one, and {@link
 * cn.duban.account.AccountImport} imports and exports them as a workbook ({@link
 * cn.duban.account.AccountSheet}), with the same plain checks everywhere ({@link
 * cn.duban.account.AccountRules}); what they share is in the package-private {@link
 * cn.duban.account.TenantAccounts} (loading, viewing, parallel Keycloak calls) and {@link
 * cn.duban.account.NewAccounts} (creating a checked account); one-time passwords ({@link
 * cn.duban.account.TemporaryPasswords}) reach their person by mail or on screen ({@link
 * cn.duban.account.Invitations}). {@link cn.duban.account.OnboardingService} creates a tenant with
 * its units and first administrator in one call. A district office links an account to the person's
 * provincial id (统一身份认证 ID) for the provincial single sign-on ({@link
 * cn.duban.account.AccountService#setProvincialId}): a Keycloak federated identity of {@link
 * cn.duban.account.KeycloakDirectory#PROVINCE}, unique in the realm.
 */
package cn.duban.account;
