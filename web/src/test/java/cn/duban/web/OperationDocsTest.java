package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junit.jupiter.api.Test;

/**
 * The API document integrators read: every operation of every resource (a class with {@code @Path}
 * under cn.duban) has a Chinese summary; its error answers are added by one rule ({@link
 * ProblemResponses}) referring to the reusable responses of META-INF/openapi.yaml; every resource
 * class has one of the capability tags declared there; an operation taking {@code If-Match} or
 * {@code Idempotency-Key} describes the header (a stale version is 409 *.stale: the API neither
 * requires If-Match, so no 428, nor answers 412). OpenApiIT checks the served document.
 */
class OperationDocsTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);

    @Test
    void resourcesAreFoundAndTheirTagsDeclared() throws IOException {
        assertThat(resources()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(yamlList("tags", "  - name: "))
                .as("tags: in META-INF/openapi.yaml against the constants of ApiTags")
                .containsExactlyInAnyOrderElementsOf(tagConstants());
    }

    @Test
    void everyResourceHasACapabilityTag() throws IOException {
        Set<String> declared = new LinkedHashSet<>(yamlList("tags", "  - name: "));
        List<String> wrong = new ArrayList<>();
        for (Class<?> resource : resources()) {
            Tag[] tags = resource.getAnnotationsByType(Tag.class);
            if (tags.length != 1 || !declared.contains(tags[0].name()))
                wrong.add(resource.getSimpleName() + " " + Arrays.toString(tags));
        }
        assertThat(wrong).as("resources without one tag of " + declared).isEmpty();
    }

    @Test
    void everyOperationHasAChineseSummaryAndDescribesItsHeaders() {
        List<String> wrong = new ArrayList<>();
        for (Method m : operations()) {
            String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
            Operation op = m.getAnnotation(Operation.class);
            if (op == null || !hasChinese(op.summary())) wrong.add(name + ": no Chinese summary");
            for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
                if (r.ref().isEmpty() && r.description().isBlank())
                    wrong.add(name + ": response " + r.responseCode() + " without description");
            }
            for (String header : List.of("If-Match", "Idempotency-Key")) {
                Parameter p = headerParameter(m, header);
                if (p == null) continue;
                var doc =
                        p.getAnnotation(
                                org.eclipse.microprofile.openapi.annotations.parameters.Parameter
                                        .class);
                if (doc == null || doc.description().isBlank())
                    wrong.add(name + ": " + header + " not described");
            }
        }
        assertThat(wrong).as("operations whose documentation is missing").isEmpty();
    }

    @Test
    void errorAnswersFollowOneRuleAndReferToDeclaredResponses() throws IOException {
        assertThat(yamlKeys("responses")).containsAll(ProblemResponses.REFS.values());
        // A read of a list: only who may call it.
        assertThat(ProblemResponses.errorsFor("GET", "/tasks", false, false).keySet())
                .containsExactly("401", "403");
        // A read of one thing: its id can be wrong or unknown.
        assertThat(ProblemResponses.errorsFor("GET", "/tasks/{id}", true, false).keySet())
                .containsExactly("400", "401", "403", "404");
        // A write with a body (If-Match's stale version is a 409).
        assertThat(ProblemResponses.errorsFor("PATCH", "/tasks/{id}", true, true).keySet())
                .containsExactly("400", "401", "403", "404", "409", "413", "415");
        assertThat(ProblemResponses.errorsFor("DELETE", "/plans/column-readings/{id}", true, false))
                .containsEntry("404", "NotFound")
                .containsEntry("409", "Conflict")
                .doesNotContainKey("413");
    }

    @Test
    void theProblemSchemaCarriesTheCode() throws IOException {
        String yaml = yaml();
        assertThat(yamlKeys("schemas")).contains("Problem");
        assertThat(yaml).contains("application/problem+json:");
        for (String field : List.of("type", "title", "status", "detail", "code", "instance"))
            assertThat(yaml).contains("        " + field + ":\n");
    }

    // ---- helpers

    /** The classes with {@code @Path} under cn.duban, read once from web's compiled classes. */
    private static final List<Class<?>> RESOURCES = scan();

    private static List<Class<?>> resources() {
        return RESOURCES;
    }

    private static List<Class<?>> scan() {
        try {
            java.nio.file.Path classes =
                    java.nio.file.Paths.get(
                            ApiTags.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return new ClassFileImporter()
                            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                            .importPath(classes.resolve("cn/duban"))
                            .stream()
                            .filter(c -> c.getPackageName().startsWith("cn.duban"))
                            .filter(c -> c.isAnnotatedWith(Path.class))
                            .map(JavaClass::reflect)
                            .sorted(java.util.Comparator.comparing(Class::getName))
                            .collect(Collectors.toList());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Method> operations() {
        List<Method> out = new ArrayList<>();
        for (Class<?> r : resources())
            for (Method m : r.getDeclaredMethods())
                if (HTTP.stream().anyMatch(m::isAnnotationPresent)) out.add(m);
        return out;
    }

    private static Parameter headerParameter(Method m, String header) {
        for (Parameter p : m.getParameters()) {
            HeaderParam h = p.getAnnotation(HeaderParam.class);
            if (h != null && h.value().equalsIgnoreCase(header)) return p;
        }
        return null;
    }

    private static boolean hasChinese(String s) {
        return s != null
                && s.codePoints()
                        .anyMatch(
                                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static List<String> tagConstants() {
        List<String> out = new ArrayList<>();
        for (Field f : ApiTags.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getName().contains("_KEY")) continue;
            if (f.getName().equals("IF_MATCH")) continue;
            try {
                out.add((String) f.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static String yaml() throws IOException {
        try (InputStream in =
                OperationDocsTest.class
                        .getClassLoader()
                        .getResourceAsStream("META-INF/openapi.yaml")) {
            assertThat(in).as("META-INF/openapi.yaml").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The values after {@code prefix} in the top-level list {@code key} (a plain line read). */
    private static List<String> yamlList(String key, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : yaml().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!line.startsWith(" ")) in = line.equals(key + ":");
            else if (in && line.startsWith(prefix))
                out.add(line.substring(prefix.length()).strip());
        }
        return out;
    }

    /** The names under components/{section} (indentation 4). */
    private static List<String> yamlKeys(String section) throws IOException {
        List<String> out = new ArrayList<>();
        boolean components = false, in = false;
        for (String line : yaml().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            int indent = line.length() - line.stripLeading().length();
            if (indent == 0) components = line.equals("components:");
            else if (components && indent == 2) in = line.strip().equals(section + ":");
            else if (components && in && indent == 4 && line.strip().endsWith(":"))
                out.add(line.strip().substring(0, line.strip().length() - 1));
        }
        return out;
    }
}
