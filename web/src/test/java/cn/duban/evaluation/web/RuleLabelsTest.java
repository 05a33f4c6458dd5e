package cn.duban.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.SchemeType;
import cn.duban.evaluation.ScoringRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every scoring rule ({@link ScoringRules#specs()}) has its label in every message bundle and its
 * description in the API document; the page's form carries every rule of the chosen type.
 */
class RuleLabelsTest {

    @Test
    void everyRuleHasALabelInEveryBundle() throws IOException {
        for (String bundle :
                List.of(
                        "messages.properties",
                        "messages_zh_CN.properties",
                        "messages_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = resource("cn/duban/web/" + bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (ScoringRules.Spec s : ScoringRules.specs()) {
                assertThat(p.getProperty("eval.rule." + s.name()))
                        .as("eval.rule." + s.name() + " in " + bundle)
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyRuleIsDescribedInTheApiDocument() throws IOException {
        Map<String, String> described = schemeRuleDescriptions();
        for (ScoringRules.Spec s : ScoringRules.specs()) {
            assertThat(described.get(s.name()))
                    .as(s.name() + " described under SchemeRules in META-INF/openapi.yaml")
                    .isNotBlank();
        }
        assertThat(described.keySet())
                .as("no description of a rule that does not exist")
                .containsExactlyInAnyOrderElementsOf(
                        ScoringRules.specs().stream().map(ScoringRules.Spec::name).toList());
    }

    @Test
    void theFormCarriesEveryRuleAndGivesThemBack() {
        for (SchemeType type : SchemeType.values()) {
            ScoringRules d = ScoringRules.defaults(type);
            RulesForm form = RulesForm.of(null, d);
            assertThat(form.getValues().keySet())
                    .containsExactlyElementsOf(
                            ScoringRules.specs().stream().map(ScoringRules.Spec::name).toList());
            form.getValues().put("bonusCap", "3"); // as an input may send it
            ScoringRules back = ScoringRules.of(type, form.getValues(), null);
            assertThat(back.bonusCap()).isEqualByComparingTo("3");
            assertThat(back.quality()).isEqualTo(d.quality());
            assertThat(back.lateUnit()).isEqualTo(d.lateUnit());
        }
    }

    /** The properties of schema SchemeRules and their descriptions (a plain indentation read). */
    private static Map<String, String> schemeRuleDescriptions() throws IOException {
        String yaml;
        try (InputStream in = resource("META-INF/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> out = new HashMap<>();
        boolean inSchema = false, inProperties = false;
        String property = null;
        for (String line : yaml.split("\n")) {
            int indent = line.length() - line.stripLeading().length();
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (indent == 4) {
                inSchema = t.equals("SchemeRules:");
                inProperties = false;
            } else if (inSchema && indent == 6) {
                inProperties = t.equals("properties:");
            } else if (inSchema && inProperties && indent == 8) {
                property = t.substring(0, t.length() - 1);
                out.put(property, null);
            } else if (inSchema && inProperties && indent == 10 && t.startsWith("description:")) {
                out.put(property, t.substring("description:".length()).strip());
            }
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = RuleLabelsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
