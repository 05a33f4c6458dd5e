package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.web.AuditPage;
import cn.duban.evaluation.Adjustment;
import cn.duban.evaluation.SchemeType;
import cn.duban.evaluation.ScoringRules;
import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.Rating;
import cn.duban.ledger.ReportState;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.colour.Colour;
import cn.duban.ledger.colour.ColourReading;
import cn.duban.ledger.colour.ColourRules;
import cn.duban.plan.parse.ColumnMeaning;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Role;
import cn.duban.tenant.UnitKind;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI bundles are complete (issue 16, item 7): the same keys in Chinese, English and the base
 * bundle, no Chinese in an English text (but for the few that quote a Chinese term users meet in
 * their files), and every key a page asks for exists, the computed ones ({@code
 * msg['status.'.concat(s)]}) for every value of their enum.
 */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/cn/duban/web");
    private static final Path PAGES = Path.of("src/main/webapp");

    /** English texts that must quote Chinese: the language switch and column names of files. */
    private static final Set<String> CHINESE_ALLOWED =
            Set.of("nav.language", "publish.openHint", "account.hint", "onboard.hint");

    /** Every computed key prefix a page uses, with the values it is completed with. */
    private static final Map<String, List<String>> COMPUTED =
            Map.ofEntries(
                    Map.entry("status.", names(TaskStatus.values())),
                    Map.entry("dispute.state.", names(cn.duban.ledger.DisputeState.values())),
                    // sources
                    Map.entry("source.", names(cn.duban.plan.TaskSource.values())),
                    Map.entry("referenceKind.", names(cn.duban.plan.ReferenceKind.values())),
                    Map.entry("signoff.", names(cn.duban.ledger.SignOff.values())),
                    Map.entry("rating.", names(Rating.values())),
                    Map.entry("reportState.", names(ReportState.values())),
                    Map.entry("extension.", names(ExtensionRequest.State.values())),
                    Map.entry("inbox.kind.", names(InboxMessage.Kind.values())),
                    Map.entry("kind.", names(UnitKind.values())),
                    Map.entry("level.", names(PlanLevel.values())),
                    Map.entry(
                            "plan.coverage.state.",
                            names(cn.duban.plan.TownAdoption.State.values())),
                    Map.entry("deadline.", names(DeadlineKind.values())),
                    Map.entry("column.", names(ColumnMeaning.values())),
                    Map.entry("role.point.", names(UnitRole.values())),
                    Map.entry("colour.", names(Colour.values())),
                    Map.entry("escalation.step.", names(cn.duban.ledger.escalation.Step.values())),
                    Map.entry(
                            "escalation.state.",
                            names(cn.duban.ledger.escalation.EscalationState.values())),
                    Map.entry(
                            "escalation.approval.",
                            names(cn.duban.ledger.escalation.Approval.values())),
                    Map.entry("colour.reason.", names(ColourReading.Kind.values())),
                    Map.entry("colour.rule.", ColourRules.names()),
                    Map.entry("publish.change.", List.of("NEW", "UPDATED", "UNCHANGED")),
                    Map.entry("role.", roles()),
                    Map.entry("schemeType.", names(SchemeType.values())),
                    Map.entry("lateUnit.", names(ScoringRules.LateUnit.values())),
                    Map.entry(
                            "cooperatingScoring.",
                            names(cn.duban.evaluation.CooperatingScoring.values())),
                    Map.entry(
                            "contribution.state.",
                            names(cn.duban.ledger.Contribution.State.values())),
                    Map.entry("adjustment.", names(Adjustment.Kind.values())),
                    Map.entry(
                            "appeal.kind.", names(cn.duban.evaluation.appeal.Appeal.Kind.values())),
                    Map.entry(
                            "appeal.status.",
                            names(cn.duban.evaluation.appeal.Appeal.Status.values())),
                    Map.entry("audit.family.", AuditPage.FAMILIES),
                    Map.entry("operatorAction.", names(OperatorAction.values())),
                    Map.entry("channels.channel.", names(cn.duban.notify.Channel.values())),
                    Map.entry("channels.status.", cn.duban.notify.ChannelService.STATUSES),
                    Map.entry(
                            "eval.rule.",
                            ScoringRules.specs().stream().map(ScoringRules.Spec::name).toList()));

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.\\-]+)'\\]");
    private static final Pattern DOTTED_KEY = Pattern.compile("msg\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern COMPUTED_KEY =
            Pattern.compile("msg\\['([A-Za-z0-9_.\\-]*)'\\s*\\.\\s*concat\\(");

    @Test
    void chineseEnglishAndBaseHaveTheSameKeys() throws IOException {
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        Set<String> base = load("messages.properties").stringPropertyNames();
        assertThat(minus(zh, en)).as("keys missing in messages_en").isEmpty();
        assertThat(minus(en, zh)).as("keys missing in messages_zh_CN").isEmpty();
        // The base bundle is what a missing key falls back to: Chinese on an English page.
        assertThat(minus(zh, base)).as("keys missing in messages (base)").isEmpty();
        assertThat(minus(base, zh)).as("keys only in messages (base)").isEmpty();
    }

    /** A key given twice is one text silently lost: the last one wins. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String name :
                List.of(
                        "messages.properties",
                        "messages_en.properties",
                        "messages_zh_CN.properties"))
            assertThat(twice(Files.readString(BUNDLES.resolve(name), StandardCharsets.UTF_8)))
                    .as("keys defined twice in " + name)
                    .isEmpty();
        assertThat(twice("a=1\nb=2\\\n  still b\n# a=3\na = 4\n")).containsExactly("a");
    }

    /** The keys a properties text defines more than once, read as Properties reads them. */
    static Set<String> twice(String text) throws IOException {
        Set<String> twice = new TreeSet<>();
        Properties counting =
                new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        if (containsKey(key)) twice.add((String) key);
                        return super.put(key, value);
                    }
                };
        counting.load(new java.io.StringReader(text));
        return twice;
    }

    @Test
    void englishTextsHaveNoChinese() throws IOException {
        Properties en = load("messages_en.properties");
        List<String> chinese = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (!CHINESE_ALLOWED.contains(key) && hasChinese(en.getProperty(key)))
                chinese.add(key + "=" + en.getProperty(key));
        }
        assertThat(chinese).as("English texts with Chinese characters").isEmpty();
    }

    @Test
    void everyKeyAPageUsesExists() throws IOException {
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                collect(LITERAL_KEY.matcher(text), used);
                collect(DOTTED_KEY.matcher(text), used);
                collect(COMPUTED_KEY.matcher(text), prefixes);
            }
        }
        assertThat(used).as("keys found in the pages").hasSizeGreaterThan(200);
        assertThat(minus(prefixes, COMPUTED.keySet()))
                .as("computed keys whose values this test does not know")
                .isEmpty();
        for (String prefix : prefixes) {
            COMPUTED.get(prefix).forEach(v -> used.add(prefix + v));
        }
        assertThat(minus(used, zh)).as("keys used by pages, missing in messages_zh_CN").isEmpty();
        assertThat(minus(used, en)).as("keys used by pages, missing in messages_en").isEmpty();
    }

    @Test
    void theCheckSeesMissingKeysAndChinese() {
        assertThat(hasChinese("Approved (优)")).isTrue();
        assertThat(hasChinese("（")).isTrue();
        assertThat(hasChinese("Approved — 100 %")).isFalse();
        Set<String> found = new TreeSet<>();
        collect(
                LITERAL_KEY.matcher(
                        "#{msg['task.title']} #{msg.appName} #{msg['status.'.concat(s)]}"),
                found);
        collect(DOTTED_KEY.matcher("#{msg.appName}"), found);
        assertThat(found).containsExactly("appName", "task.title");
    }

    static boolean hasChinese(String text) {
        return text.codePoints()
                .anyMatch(
                        c ->
                                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                        || (c >= 0x3000 && c <= 0x303f)
                                        || (c >= 0xff00 && c <= 0xffef));
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) into.add(m.group(1));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> roles() {
        List<String> out = new ArrayList<>();
        for (var f : Role.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
