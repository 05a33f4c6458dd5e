package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guard against regexes that backtrack: the parser reads 1,000,000 characters (the upload limit) of
 * hostile text of each shape (HostilePlans: runs that almost match each pattern the parser uses,
 * then fail) well inside a bound that quadratic matching misses by hours. A 20,000-comma point line
 * alone took 3.7–5.1 s before; a million would take days. Not a speed test (ParserBenchmark prints
 * the figures): the bound is only a tripwire.
 */
class ParserLinearityTest {

    static final int SIZE = 1_000_000;
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final PlanParser PARSER = new PlanParser();

    static Stream<Arguments> shapes() {
        return HostilePlans.shapes(SIZE).entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parsesAMillionHostileCharactersWellWithinTheBound(String name, String text) {
        assertThat(text).hasSize(SIZE);
        ParsedPlan plan =
                assertTimeoutPreemptively(
                        BOUND, () -> PARSER.parse(text, ParseOptions.defaults()), name);
        assertThat(plan.sections()).isNotEmpty();
    }

    /**
     * A run of 配合 after a name made the trailing-words regex recurse once per word:
     * StackOverflowError.
     */
    @Test
    void thousandsOfTrailingWordsAreStrippedWithoutOverflowingTheStack() {
        ParsedPlan plan =
                PARSER.parse(
                        "1、完成改造（责任单位：区府办" + "配合".repeat(3_000) + "，区数据局）", ParseOptions.defaults());
        Point p = plan.sections().get(0).points().get(0);
        assertThat(p.units()).extracting(UnitRef::name).isEqualTo(List.of("区府办", "区数据局"));
        assertThat(p.title()).isEqualTo("完成改造");
    }
}
