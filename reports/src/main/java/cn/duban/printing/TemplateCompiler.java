package cn.duban.printing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time tool, run by exec-maven-plugin in {@code process-classes}: compiles every {@code
 * *.jrxml} in a folder to a {@code .jasper} of the same name, so the application only ever
 * deserialises compiled reports.
 *
 * <p>Throws instead of calling {@link System#exit}, because it runs inside the Maven JVM.
 */
public final class TemplateCompiler {

    private TemplateCompiler() {}

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TemplateCompiler <jrxml dir> <output dir>");
        }
        Path sourceDir = Path.of(args[0]);
        Path outputDir = Path.of(args[1]);
        Files.createDirectories(outputDir);

        // Fail loudly if the JDT compiler is missing instead of silently falling back to javac.
        DefaultJasperReportsContext.getInstance()
                .setProperty(
                        "net.sf.jasperreports.compiler.java",
                        "net.sf.jasperreports.jdt.JRJdtCompiler");

        List<Path> sources;
        try (Stream<Path> files = Files.list(sourceDir)) {
            sources =
                    files.filter(f -> f.getFileName().toString().endsWith(".jrxml"))
                            .sorted()
                            .toList();
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no .jrxml templates in " + sourceDir);
        }
        for (Path source : sources) {
            String name = source.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            JasperCompileManager.compileReportToFile(
                    source.toString(), outputDir.resolve(name).toString());
        }
        System.out.println(
                "Compiled " + sources.size() + " JasperReports templates into " + outputDir);
    }
}
