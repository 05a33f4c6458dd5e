package cn.duban.platform;

import java.util.List;

/**
 * One of the problems a 400 answer lists in {@code errors} (a row of an imported sheet, a field of
 * a form): a stable {@code code} whose sentence is {@code problem.<code>} in the UI bundles, with
 * {@code args} as its {0}, {1} …, and the specific Chinese {@code message} written where the
 * problem was found. Pages and API clients that read English get the code's sentence instead (the
 * web layer's ProblemTexts), as for the answer's own detail.
 */
public interface ListedProblem {

    String code();

    List<String> args();

    String message();

    /** The same problem told in other words. */
    ListedProblem withMessage(String message);

    /** Arguments as the texts a sentence shows. */
    static List<String> texts(Object... args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
