package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code the application throws has its generic sentence, {@code problem.<code>}, in the
 * Chinese and the English bundle (issue 16, item 7): an English page or API client reads that
 * sentence instead of the throw site's Chinese detail. The codes are collected from the ejb and web
 * main sources, wherever a literal code is given: DubanException's factories and constructor (the
 * code may be on the next line), the sheet readers' Unreadable, PlanParseException (which becomes
 * {@code plan.import.<code>}), {@code @UploadLimit(code = …)} and the problem+json the web layer
 * writes itself.
 */
class ProblemCodesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/cn/duban/web");
    private static final List<Path> SOURCES =
            List.of(Path.of("../ejb/src/main/java"), Path.of("src/main/java"));

    /**
     * Where a literal code stands, each with how the literal becomes the code. The literal must be
     * the whole argument: {@code "plan.import." + e.code()} is a prefix, its codes are found at
     * PlanParseException.
     */
    private static final Map<Pattern, UnaryOperator<String>> SITES =
            Map.of(
                    Pattern.compile(
                            "DubanException\\.(?:badRequest|notFound|conflict)\\(\\s*\"([^\"]+)\"\\s*[,)]"),
                    UnaryOperator.identity(),
                    // new DubanException(400, "code", …), also with a computed status.
                    Pattern.compile(
                            "new DubanException\\(\\s*[\\w.]+(?:\\(\\))?,\\s*\"([^\"]+)\"\\s*[,)]"),
                    UnaryOperator.identity(),
                    Pattern.compile("Unreadable\\(\\s*(?:\\d+,\\s*)?\"([^\"]+)\"\\s*[,)]"),
                    UnaryOperator.identity(),
                    Pattern.compile("@UploadLimit\\([^)]*?code\\s*=\\s*\"([^\"]+)\"\\s*[,)]"),
                    UnaryOperator.identity(),
                    Pattern.compile(
                            "Problem\\.(?:response|of)\\(\\s*\\d+,\\s*\"([^\"]+)\"\\s*[,)]"),
                    UnaryOperator.identity(),
                    Pattern.compile("problem\\(\\s*req,\\s*res,\\s*\\d+,\\s*\"([^\"]+)\"\\s*[,)]"),
                    UnaryOperator.identity(),
                    // Requests.part(parts, "file", "code", …): the code of a missing upload.
                    Pattern.compile("Requests\\.part\\(\\s*\\w+,\\s*\"[^\"]+\",\\s*\"([^\"]+)\""),
                    UnaryOperator.identity(),
                    // ImportProblems: PlanParseException("TOO_LARGE", …) is plan.import.too-large.
                    Pattern.compile("PlanParseException\\(\\s*\"([A-Z_]+)\""),
                    c -> "plan.import." + c.toLowerCase(Locale.ROOT).replace('_', '-'));

    @Test
    void everyThrownCodeHasItsSentenceInBothBundles() throws IOException {
        Map<String, Set<String>> codes = thrownCodes();
        // A scan that finds little has lost its patterns, not gained coverage.
        assertThat(codes).hasSizeGreaterThan(150).containsKeys("auth.forbidden", "auth.required");
        for (String bundle : List.of("messages_en.properties", "messages_zh_CN.properties")) {
            Properties texts = load(bundle);
            List<String> missing = new ArrayList<>();
            codes.forEach(
                    (code, files) -> {
                        String text = texts.getProperty("problem." + code);
                        if (text == null || text.isBlank())
                            missing.add("problem." + code + " (thrown in " + files + ")");
                    });
            assertThat(missing).as("codes without a sentence in " + bundle).isEmpty();
        }
    }

    @Test
    void englishSentencesAreEnglishAndChineseOnesChinese() throws IOException {
        Properties en = load("messages_en.properties");
        Properties zh = load("messages_zh_CN.properties");
        for (String code : thrownCodes().keySet()) {
            String key = "problem." + code;
            assertThat(ProblemTexts.hasChinese(en.getProperty(key, ""))).as(key).isFalse();
            assertThat(ProblemTexts.hasChinese(zh.getProperty(key, "中"))).as(key).isTrue();
            // Shown as they are (no MessageFormat): no placeholder may be left unfilled.
            assertThat(en.getProperty(key, "")).as(key).doesNotContain("{0}");
        }
    }

    /**
     * The codes of the problems an answer lists ({@code RowError.of(row, column, "code", …)},
     * {@code Violation.of(field, "code", …)}): their sentences are MessageFormat patterns filled
     * with the problem's values (ProblemTexts.errors).
     */
    private static final List<Pattern> LISTED =
            List.of(
                    Pattern.compile("RowError\\.of\\(\\s*[^,]+,\\s*[^,]+,\\s*\"([^\"]+)\""),
                    Pattern.compile("Violation\\.of\\(\\s*\"[^\"]+\",\\s*\"([^\"]+)\""),
                    // NoticeLines' error(n, "calendar.line.…", …).
                    Pattern.compile("\\berror\\(\\s*n,\\s*\"([^\"]+)\""));

    @Test
    void everyListedCodeHasAPatternInBothBundles() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    for (Pattern p : LISTED) {
                        Matcher m = p.matcher(source);
                        while (m.find()) listed.add(m.group(1));
                    }
                }
            }
        }
        assertThat(listed)
                .hasSizeGreaterThan(30)
                .contains("account.sheet.unit-unknown", "account.field.phone-invalid");
        // A listed code is never an answer's own code: its sentence has placeholders.
        assertThat(listed).doesNotContainAnyElementsOf(thrownCodes().keySet());
        Properties en = load("messages_en.properties");
        Properties zh = load("messages_zh_CN.properties");
        for (String code : listed) {
            String key = "problem." + code;
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(ProblemTexts.hasChinese(en.getProperty(key))).as(key).isFalse();
            assertThat(ProblemTexts.hasChinese(zh.getProperty(key, ""))).as(key).isTrue();
            // Each is a pattern MessageFormat reads, with the same values in both languages.
            assertThat(new java.text.MessageFormat(en.getProperty(key)).getFormats().length)
                    .as(key)
                    .isEqualTo(
                            new java.text.MessageFormat(zh.getProperty(key)).getFormats().length);
        }
    }

    @Test
    void theScanFindsCodesOnTheirOwnLineAndThroughFactories() {
        Map<String, Set<String>> found = new TreeMap<>();
        scan(
                "X.java",
                """
                throw DubanException.badRequest(
                        "a.one", "…");
                throw new DubanException(
                        413,
                        "a.two",
                        "…");
                throw new DubanException(e.status(), "a.three", "…");
                throw DubanException.forbidden("不可");
                throw new PlanParseException("NO_NUMBERING", "…");
                throw DubanException.conflict(code, detail);
                return new DubanException(status, "a.prefix." + e.code(), e.getMessage());
                """,
                found);
        assertThat(found.keySet())
                .containsExactlyInAnyOrder(
                        "a.one", "a.two", "a.three", "auth.forbidden", "plan.import.no-numbering");
    }

    static Map<String, Set<String>> thrownCodes() throws IOException {
        Map<String, Set<String>> codes = new TreeMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scan(
                            file.getFileName().toString(),
                            Files.readString(file, StandardCharsets.UTF_8),
                            codes);
                }
            }
        }
        return codes;
    }

    private static void scan(String file, String source, Map<String, Set<String>> into) {
        SITES.forEach(
                (pattern, toCode) -> {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) add(into, toCode.apply(m.group(1)), file);
                });
        // The factories that fix the code themselves.
        if (source.contains("DubanException.forbidden(")) add(into, "auth.forbidden", file);
        if (source.contains("DubanException.unauthorized(")) add(into, "auth.required", file);
    }

    private static void add(Map<String, Set<String>> into, String code, String file) {
        into.computeIfAbsent(code, c -> new TreeSet<>()).add(file);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
