package cn.duban.platform;

import java.util.List;

/**
 * A problem in one row of an imported sheet (units, accounts, a filled-in ledger): the row as the
 * spreadsheet numbers it (0 for the sheet as a whole), the column's header, and the problem.
 */
public record RowError(int rowNumber, String column, String code, List<String> args, String message)
        implements ListedProblem {

    public RowError {
        args = List.copyOf(args);
    }

    public static RowError of(
            int rowNumber, String column, String code, String message, Object... args) {
        return new RowError(rowNumber, column, code, ListedProblem.texts(args), message);
    }

    /** A field's problem found in a row: the row and column of the sheet, the field's words. */
    public static RowError at(int rowNumber, String column, ListedProblem problem) {
        return new RowError(rowNumber, column, problem.code(), problem.args(), problem.message());
    }

    @Override
    public RowError withMessage(String message) {
        return new RowError(rowNumber, column, code, args, message);
    }
}
