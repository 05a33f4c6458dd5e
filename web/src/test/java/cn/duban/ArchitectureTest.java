package cn.duban;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Role;
import cn.duban.platform.TenantOwned;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure docs/ARCHITECTURE.md describes, checked on the compiled code of ejb and web: the
 * capabilities stack without cycles (platform ← audit ← tenant ← plan ← ledger ← evaluation ←
 * circular; accounts use tenant, audit and the ledger's mail), pages and resources sit on top,
 * every row belongs to a tenant, and the pure logic stays free of the container.
 */
class ArchitectureTest {

    private static final String TENANT_ID = "org.hibernate.annotations.TenantId";

    private static final JavaClasses CODE =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("cn.duban");

    private static DescribedPredicate<JavaClass> capability(String name) {
        return resideInAPackage("cn.duban." + name + "..")
                .and(not(resideInAPackage("..web..")))
                .as(name + " (without its web package)");
    }

    @Test
    void capabilitiesAreLayeredAndTheWebTierSitsOnTop() {
        ArchRule layers =
                layeredArchitecture()
                        .consideringOnlyDependenciesInLayers()
                        .layer("Printing")
                        .definedBy(capability("printing"))
                        .layer("Platform")
                        .definedBy(capability("platform"))
                        .layer("Audit")
                        .definedBy(capability("audit"))
                        .layer("Calendar")
                        .definedBy(capability("calendar"))
                        .layer("Tenant")
                        .definedBy(capability("tenant"))
                        .layer("Plan")
                        .definedBy(capability("plan"))
                        .layer("Notify")
                        .definedBy(capability("notify"))
                        .layer("Ledger")
                        .definedBy(capability("ledger"))
                        .layer("Evaluation")
                        .definedBy(capability("evaluation"))
                        .layer("Circular")
                        .definedBy(capability("circular"))
                        .layer("Account")
                        .definedBy(capability("account"))
                        .layer("City")
                        .definedBy(capability("city"))
                        .layer("Web")
                        .definedBy(resideInAPackage("cn.duban..web.."))
                        // The demo year drives the services from the top, like the web tier.
                        .layer("Demo")
                        .definedBy(capability("demo"))
                        .whereLayer("Web")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("Demo")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("Circular")
                        .mayOnlyBeAccessedByLayers("Web", "Demo")
                        .whereLayer("Account")
                        .mayOnlyBeAccessedByLayers("Web")
                        // Above districts, reading only what they send: nothing below uses it.
                        .whereLayer("City")
                        .mayOnlyBeAccessedByLayers("Web", "Demo")
                        .whereLayer("Evaluation")
                        .mayOnlyBeAccessedByLayers("Circular", "Web", "Demo")
                        .whereLayer("Ledger")
                        .mayOnlyBeAccessedByLayers(
                                "Evaluation", "Circular", "Account", "City", "Web", "Demo")
                        // Channels: the inbox fans out through them; Account e-mails passwords.
                        .whereLayer("Notify")
                        .mayOnlyBeAccessedByLayers("Ledger", "Account", "Web")
                        .whereLayer("Plan")
                        .mayOnlyBeAccessedByLayers(
                                "Ledger", "Evaluation", "Circular", "Web", "Demo")
                        .whereLayer("Tenant")
                        .mayOnlyBeAccessedByLayers(
                                "Notify",
                                "Plan",
                                "Ledger",
                                "Evaluation",
                                "Circular",
                                "Account",
                                "City",
                                "Web",
                                "Demo")
                        .whereLayer("Calendar")
                        .mayOnlyBeAccessedByLayers(
                                "Tenant",
                                "Notify",
                                "Plan",
                                "Ledger",
                                "Evaluation",
                                "Circular",
                                "Account",
                                "Web",
                                "Demo")
                        .whereLayer("Audit")
                        .mayOnlyBeAccessedByLayers(
                                "Calendar",
                                "Tenant",
                                "Notify",
                                "Plan",
                                "Ledger",
                                "Evaluation",
                                "Circular",
                                "Account",
                                "City",
                                "Web")
                        .whereLayer("Platform")
                        .mayOnlyBeAccessedByLayers(
                                "Audit",
                                "Calendar",
                                "Tenant",
                                "Notify",
                                "Plan",
                                "Ledger",
                                "Evaluation",
                                "Circular",
                                "Account",
                                "City",
                                "Web",
                                "Demo");
        layers.check(CODE);
    }

    @Test
    void everyClassBelongsToALayer() {
        // A new capability package must take its place in the layers above (and in
        // ARCHITECTURE.md).
        classes()
                .should()
                .resideInAnyPackage(
                        "cn.duban.printing..",
                        "cn.duban.platform..",
                        "cn.duban.audit..",
                        "cn.duban.calendar..",
                        "cn.duban.tenant..",
                        "cn.duban.plan..",
                        "cn.duban.ledger..",
                        "cn.duban.notify..",
                        "cn.duban.evaluation..",
                        "cn.duban.circular..",
                        "cn.duban.account..",
                        "cn.duban.city..",
                        "cn.duban.demo..",
                        "cn.duban.web..")
                .check(CODE);
    }

    @Test
    void everyEntityButTheTenantBelongsToATenant() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .and()
                .doNotHaveFullyQualifiedName("cn.duban.tenant.Tenant")
                .should(beTenantOwned())
                .check(CODE);
    }

    @Test
    void entitiesWithAUuidIdGetItAndTheirTenantFromTenantOwned() {
        // The id + @TenantId + UUID boilerplate lives once, in TenantOwned; rows keyed otherwise
        // (the tenant itself, a sequence, a user id, a composite key) keep their own.
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should(notDeclareTheirOwnUuidId())
                .check(CODE);
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .and(declareAnIdOfType(UUID.class))
                .should()
                .beAssignableTo(TenantOwned.class)
                .check(CODE);
    }

    private static DescribedPredicate<JavaClass> declareAnIdOfType(Class<?> type) {
        return new DescribedPredicate<>("have an @Id of type " + type.getSimpleName()) {
            @Override
            public boolean test(JavaClass c) {
                return c.getAllFields().stream()
                        .anyMatch(
                                f ->
                                        f.isAnnotatedWith(Id.class)
                                                && f.getRawType().isEquivalentTo(type));
            }
        };
    }

    private static ArchCondition<JavaClass> notDeclareTheirOwnUuidId() {
        return new ArchCondition<>("not declare a UUID @Id of their own (extend TenantOwned)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaField f : item.getFields()) {
                    boolean own =
                            f.isAnnotatedWith(Id.class)
                                    && f.getRawType().isEquivalentTo(UUID.class);
                    if (own)
                        events.add(
                                SimpleConditionEvent.violated(
                                        item,
                                        item.getName()
                                                + " declares its own UUID id "
                                                + f.getName()));
                }
            }
        };
    }

    @Test
    void viewScopedPagesKeepTheirServicesAcrossSerialization() {
        // A transient service is null once the session has been serialized (replication, a
        // restart with persistent sessions). Injected @Stateless views and normal-scoped beans are
        // serializable proxies, and Weld refuses at deployment a @ViewScoped bean whose
        // dependency is not passivation capable.
        noFields()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(ViewScoped.class)
                .and()
                .areAnnotatedWith(Inject.class)
                .should()
                .haveModifier(JavaModifier.TRANSIENT)
                .check(CODE);
    }

    @Test
    void everyRoleAllowedIsARoleTheRealmKnows() {
        // A misspelt role in @RolesAllowed compiles and silently locks everyone out of the call;
        // the names come from Role, where the realm's roles are defined once.
        List<String> unknown = new ArrayList<>();
        for (JavaClass c : CODE) {
            Stream.concat(Stream.of(c), c.getMethods().stream())
                    .filter(m -> m.isAnnotatedWith(RolesAllowed.class))
                    .forEach(
                            m -> {
                                for (String role :
                                        m.getAnnotationOfType(RolesAllowed.class).value()) {
                                    if (!Role.ALL.contains(role)) {
                                        unknown.add(m.getDescription() + ": " + role);
                                    }
                                }
                            });
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theWebTierNeverTouchesTheEntityManager() {
        noClasses()
                .that()
                .resideInAPackage("cn.duban..web..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .check(CODE);
    }

    @Test
    void theParserAndTheScoringRulesAreFreeOfTheContainer() {
        DescribedPredicate<JavaClass> container =
                resideInAnyPackage(
                                "jakarta..",
                                "org.hibernate..",
                                "org.wildfly..",
                                "org.jboss..",
                                "org.eclipse.microprofile..")
                        .as("container types");
        noClasses()
                .that()
                .resideInAPackage("cn.duban.plan.parse..")
                .should()
                .dependOnClassesThat(
                        container.or(
                                resideInAPackage("cn.duban..")
                                        .and(not(resideInAPackage("cn.duban.plan.parse..")))))
                .because("the parser is plain Java over text, unit-tested directly")
                .check(CODE);
        noClasses()
                .that()
                .haveFullyQualifiedName("cn.duban.evaluation.Scoring")
                .or()
                .haveFullyQualifiedName("cn.duban.evaluation.ScoringRules")
                .or()
                .haveFullyQualifiedName("cn.duban.evaluation.Standings")
                .or()
                .haveFullyQualifiedName("cn.duban.evaluation.TaskFacts")
                .or()
                .haveFullyQualifiedName("cn.duban.evaluation.UnitScore")
                .should()
                .dependOnClassesThat(container)
                .because("scoring is plain Java over facts, unit-tested directly")
                .check(CODE);
    }

    /**
     * A Hibernate {@code @TenantId} field, or (ReminderSettings) the tenant's id as the primary
     * key.
     */
    private static ArchCondition<JavaClass> beTenantOwned() {
        return new ArchCondition<>("carry a @TenantId field or be keyed by tenant_id") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean owned = false;
                for (JavaField f : item.getAllFields()) {
                    owned |=
                            f.isAnnotatedWith(TENANT_ID)
                                    || (f.isAnnotatedWith(Id.class)
                                            && f.getName().equals("tenantId"));
                }
                events.add(
                        new SimpleConditionEvent(item, owned, item.getName() + " has no tenant"));
            }
        };
    }
}
