package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build must ship a compiled .jasper for every JRXML; nothing is compiled at run time. */
class TemplatesTest {

    private static final Path SOURCES = Path.of("src/main/jasperreports");
    private static final Pattern FONT_NAME = Pattern.compile("fontName=\"([^\"]*)\"");

    @Test
    void everyJrxmlHasItsCompiledTemplateOnTheClasspath() throws IOException {
        List<String> names = jrxmlNames();

        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(TemplatesTest.class.getResource(name + ".jasper"))
                    .as("compiled cn/duban/printing/%s.jasper", name)
                    .isNotNull();
        }
    }

    @Test
    void everyJrxmlIsKnownToTheRendererAndLoads() throws IOException {
        assertThat(Arrays.stream(Template.values()).map(Template::templateName))
                .containsExactlyInAnyOrderElementsOf(jrxmlNames());
        for (Template template : Template.values()) {
            assertThat(template.load().getName()).isEqualTo(template.templateName());
        }
    }

    @Test
    void testsRunWithoutTheJdtCompilerSoFillingProvesItIsNotNeededAtRunTime() {
        assertThatThrownBy(() -> Class.forName("net.sf.jasperreports.jdt.JRJdtCompiler"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void templatesUseOnlyTheBundledFontAndJavaExpressions() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                String jrxml = Files.readString(file);
                assertThat(jrxml).as(file.toString()).contains("language=\"java\"");
                assertThat(FONT_NAME.matcher(jrxml).results().map(m -> m.group(1)))
                        .as(file + " font names")
                        .isNotEmpty()
                        .containsOnly("Noto Sans SC");
            }
        }
    }

    private static List<String> jrxmlNames() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".jrxml"))
                    .map(f -> f.substring(0, f.length() - ".jrxml".length()))
                    .sorted()
                    .toList();
        }
    }
}
