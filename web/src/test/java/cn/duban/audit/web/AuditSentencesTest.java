package cn.duban.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.audit.AuditEntry;
import cn.duban.audit.AuditJournal;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditSentencesTest {

    static final Path SOURCES = Path.of("../ejb/src/main/java");

    /**
     * Every action code recorded anywhere (the first argument of {@code audit.record(...)}, and the
     * codes AuditService appends itself) has a sentence in both bundles.
     */
    @Test
    void everyRecordedActionHasASentenceInBothLanguages() throws IOException {
        Set<String> codes = recordedCodes();
        assertThat(codes)
                .as("codes found in %s", SOURCES.toAbsolutePath())
                .contains("report.submitted", "plan.published", "task.key-set", "audit.sealed")
                .hasSizeGreaterThan(30);
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            ResourceBundle bundle = AuditSentences.bundle(locale);
            assertThat(codes)
                    .as("codes without audit.sentence.<code> in the %s bundle", locale)
                    .allSatisfy(
                            c ->
                                    assertThat(AuditSentences.text(bundle, AuditSentences.KEY + c))
                                            .as(AuditSentences.KEY + c)
                                            .isNotBlank());
        }
    }

    @Test
    void theTestSeesACodeWithoutASentence() throws IOException {
        // The scan itself: a new call in a service would be found like these.
        String source =
                "audit.record(\n \"brand.new\", \"task\", id);\n"
                        + "audit.record(on ? \"x.on\" : \"x.off\", \"task\", id, \"k\", \"v.w\");";
        assertThat(codesIn(source, false)).containsExactlyInAnyOrder("brand.new", "x.on", "x.off");
        ResourceBundle zh = AuditSentences.bundle(Locale.SIMPLIFIED_CHINESE);
        assertThat(AuditSentences.text(zh, AuditSentences.KEY + "brand.new")).isNull();
    }

    @Test
    void aPublicationOf716TasksReadsAsOneSentenceWithCounts() throws Exception {
        UUID plan = UUID.randomUUID();
        String ids =
                Stream.generate(() -> "\"" + UUID.randomUUID() + "\"")
                        .limit(716)
                        .collect(Collectors.joining(","));
        AuditEntry e =
                entry(
                        "plan.published",
                        "plan",
                        plan,
                        "{\"created\":716,\"updated\":0,\"unchanged\":2,\"tasks\":[" + ids + "]}");
        AuditJournal.Subjects names =
                new AuditJournal.Subjects(
                        Map.of(), Map.of(plan, "2026年普陀区工作要点"), Map.of(), Map.of());
        AuditSentences.Row zh =
                AuditSentences.row(
                        e,
                        names,
                        AuditSentences.bundle(Locale.SIMPLIFIED_CHINESE),
                        Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.sentence())
                .isEqualTo("pt-admin 下达了计划“2026年普陀区工作要点”的任务：新增 716 项，更新 0 项，未变 2 项");
        assertThat(zh.links())
                .containsExactly(
                        new AuditSentences.Link(
                                "plan", "2026年普陀区工作要点", "/app/admin/plan.xhtml?id=" + plan));
        AuditSentences.Row en =
                AuditSentences.row(e, names, AuditSentences.bundle(Locale.ENGLISH), Locale.ENGLISH);
        assertThat(en.sentence())
                .isEqualTo(
                        "pt-admin published the tasks of plan \"2026年普陀区工作要点\": 716 new, 0 updated, 2 unchanged");
    }

    @Test
    void aTaskEntryNamesTheTaskAndUnitAndLinksThem() throws Exception {
        UUID task = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        AuditEntry e =
                entry(
                        "report.returned",
                        "task",
                        task,
                        "{\"report\":\"" + UUID.randomUUID() + "\",\"comment\":\"请补充照片\"}");
        AuditJournal.Subjects names =
                new AuditJournal.Subjects(
                        Map.of(
                                task,
                                new AuditJournal.TaskRef(
                                        task, "建设数据共享平台", unit, "长寿路街道", plan, "工作要点")),
                        Map.of(),
                        Map.of(),
                        Map.of());
        AuditSentences.Row row =
                AuditSentences.row(
                        e,
                        names,
                        AuditSentences.bundle(Locale.SIMPLIFIED_CHINESE),
                        Locale.SIMPLIFIED_CHINESE);
        assertThat(row.sentence()).isEqualTo("pt-admin 退回了 长寿路街道 的任务“建设数据共享平台”的报送，意见：请补充照片");
        assertThat(row.links())
                .extracting(AuditSentences.Link::href)
                .containsExactly(
                        "/app/task.xhtml?id=" + task,
                        "/app/ledger.xhtml?unit=" + unit,
                        "/app/admin/plan.xhtml?id=" + plan);
        // A task of another tenant (or deleted) is not named: the ids came back without a name.
        AuditSentences.Row unnamed =
                AuditSentences.row(
                        e,
                        AuditJournal.Subjects.NONE,
                        AuditSentences.bundle(Locale.SIMPLIFIED_CHINESE),
                        Locale.SIMPLIFIED_CHINESE);
        assertThat(unnamed.links()).isEmpty();
        assertThat(unnamed.sentence()).contains("（已删除）").doesNotContain(task.toString());
    }

    @Test
    void fillIsPlainSubstitution() {
        assertThat(
                        AuditSentences.fill(
                                "{a} 和 {b}，{missing}，{ 不是 } {", Map.of("a", "甲", "b", "{a}")))
                .isEqualTo("甲 和 {a}，—，— {");
        assertThat(AuditSentences.detail("not json")).isEmpty();
        assertThat(AuditSentences.detail("{\"n\":5,\"s\":\"x\",\"l\":[1,2],\"o\":{}}"))
                .containsExactly(Map.entry("n", "5"), Map.entry("s", "x"), Map.entry("l", "2"));
        // Linear on hostile templates: many unclosed braces.
        String hostile = "{".repeat(200_000);
        assertThat(AuditSentences.fill(hostile, Map.of())).hasSize(200_000);
    }

    // ---- helpers

    static Set<String> recordedCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f, StandardCharsets.UTF_8);
                codes.addAll(codesIn(source, f.endsWith("AuditService.java")));
            }
        }
        return codes;
    }

    /**
     * String literals in the first argument of each {@code audit.record(}; with {@code appends},
     * also the dotted literals of AuditService's own {@code append(} calls.
     */
    static Set<String> codesIn(String source, boolean appends) {
        Set<String> codes = new TreeSet<>();
        scan(source, "audit.record(", true, codes);
        if (appends) scan(source, "append(", false, codes);
        return codes;
    }

    private static void scan(String source, String call, boolean firstArgOnly, Set<String> out) {
        int at = source.indexOf(call);
        while (at >= 0) {
            int i = at + call.length();
            int depth = 0;
            boolean inString = false;
            StringBuilder literal = new StringBuilder();
            for (; i < source.length(); i++) {
                char c = source.charAt(i);
                if (inString) {
                    if (c == '"') {
                        inString = false;
                        String s = literal.toString();
                        if (s.matches("[a-z]+(\\.[a-z-]+)+")) out.add(s);
                        literal.setLength(0);
                    } else literal.append(c);
                } else if (c == '"') inString = true;
                else if (c == '(') depth++;
                else if (c == ')' && depth-- == 0) break;
                else if (c == ',' && depth == 0 && firstArgOnly) break;
            }
            at = source.indexOf(call, i);
        }
    }

    static AuditEntry entry(String action, String type, UUID id, String detail)
            throws ReflectiveOperationException {
        Constructor<AuditEntry> c = AuditEntry.class.getDeclaredConstructor();
        c.setAccessible(true);
        AuditEntry e = c.newInstance();
        set(e, "seq", 42L);
        set(e, "at", Instant.parse("2026-11-29T11:25:00Z"));
        set(e, "actor", "pt-admin");
        set(e, "action", action);
        set(e, "entityType", type);
        set(e, "entityId", id);
        set(e, "detail", detail);
        set(e, "hash", "ab".repeat(32));
        return e;
    }

    private static void set(Object o, String field, Object value)
            throws ReflectiveOperationException {
        Field f = AuditEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }
}
