package cn.duban.client;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example plan documents (ejb/src/test/resources/plans, property duban.seeds) and the request
 * that saves one.
 */
public final class PlanDocuments {

    /** The district seed plan: 31 points for 33 units. */
    public static final String DISTRICT_SEED = "putuo-district-2025.txt";

    private PlanDocuments() {}

    public static String read(String name) throws IOException {
        return Files.readString(
                Path.of(System.getProperty("duban.seeds")).resolve(name), StandardCharsets.UTF_8);
    }

    /** The body of {@code POST /plans}. */
    public static String saveRequest(String text, String name) {
        return Json.createObjectBuilder()
                .add("sourceText", text)
                .add("sourceName", name)
                .build()
                .toString();
    }
}
