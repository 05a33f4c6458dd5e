/**
 * The dev stack behind the run command ({@code ./mvnw -Prun verify}, profile {@code run} of the ear
 * module): {@link cn.duban.devstack.DevStack} starts {@link cn.duban.devstack.EmbeddedDatabase}
 * (zonky PostgreSQL 17), {@link cn.duban.devstack.KeycloakServer} (the Keycloak distribution with
 * the production realm and the dev overlay of {@link cn.duban.devstack.RealmOverlay}) and {@link
 * cn.duban.devstack.WildFlyServer} (the provisioned server with the EAR). The integration tests'
 * TestStack, the load run and the scale benchmark start the same pieces on other ports.
 */
package cn.duban.devstack;
