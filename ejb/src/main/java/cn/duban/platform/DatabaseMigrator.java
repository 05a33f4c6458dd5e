package cn.duban.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations when the application is deployed, as the schema owner. With {@code
 * duban.demo=true} (run command, tests) the demo tenants are loaded too.
 *
 * <p>The owner's connection is opened for the migration only and closed with it: there is no owner
 * data source in the server (an application bug or a stolen session could otherwise use a role that
 * owns every table). The application itself connects as the RLS-bound role only.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @PostConstruct
    void migrate() {
        String url = Settings.required("duban.db.url", "DUBAN_DB_URL");
        String owner = Settings.get("duban.db.owner-user", "DUBAN_DB_OWNER_USER", "duban_owner");
        String password = Settings.required("duban.db.owner-password", "DUBAN_DB_OWNER_PASSWORD");
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (Boolean.parseBoolean(Settings.get("duban.demo", "DUBAN_DEMO", "false"))) {
            locations.add("classpath:db/demo");
        }
        // Flyway's driver data source opens a connection per use and closes it when migrate()
        // returns.
        MigrateResult result =
                Flyway.configure(DatabaseMigrator.class.getClassLoader())
                        .dataSource(url, owner, password)
                        .locations(locations.toArray(String[]::new))
                        .placeholders(
                                Map.of(
                                        "appRole",
                                        Settings.get(
                                                "duban.db.app-user",
                                                "DUBAN_DB_APP_USER",
                                                "duban_app")))
                        .load()
                        .migrate();
        LOG.info(
                () ->
                        "Database schema at version "
                                + result.targetSchemaVersion
                                + " ("
                                + result.migrationsExecuted
                                + " migrations applied, locations "
                                + locations
                                + ")");
    }
}
