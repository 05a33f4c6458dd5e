package cn.duban.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations when the application is deployed, as the schema owner
 * through its own non-JTA data source. With {@code duban.demo=true} (run command, tests)
 * the demo tenants are loaded too.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/DubanMigrationDS")
    DataSource migrationDataSource;

    @PostConstruct
    void migrate() {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (Boolean.parseBoolean(setting("duban.demo", "DUBAN_DEMO", "false"))) {
            locations.add("classpath:db/demo");
        }
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(migrationDataSource)
                .locations(locations.toArray(String[]::new))
                .placeholders(java.util.Map.of("appRole", setting("duban.db.app-user", "DUBAN_DB_APP_USER", "duban_app")))
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied, locations " + locations + ")");
    }

    /** A system property wins over the environment variable, as in the server configuration. */
    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
