package cn.duban.plan;

import cn.duban.plan.parse.PlanParseException;
import cn.duban.platform.DubanException;
import java.util.Locale;

/** Turns a document the importer cannot read into a client error with a stable code. */
final class ImportProblems {

    private ImportProblems() {}

    static DubanException of(PlanParseException e) {
        int status =
                "TOO_LARGE".equals(e.code())
                        ? 413
                        : "UNSUPPORTED_FORMAT".equals(e.code()) ? 415 : 400;
        return new DubanException(
                status,
                "plan.import." + e.code().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.getMessage());
    }

    /** The work's result, or its parse problem as a client error. */
    static <T> T checked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PlanParseException e) {
            throw of(e);
        }
    }
}
