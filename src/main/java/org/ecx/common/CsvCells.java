package org.ecx.common;

/**
 * Spreadsheet-formula neutralisation for every CSV cell ECX writes (OWASP "CSV injection"): a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return would be run as a formula by a
 * spreadsheet, so it is written with a leading apostrophe, which spreadsheets show as text. A cell that already
 * begins with an apostrophe gets one more, so that {@link #restore} gives back exactly the original value when
 * ECX reads its own CSV again (an export re-imports unchanged).
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as written: {@code =1+1} → {@code '=1+1}; {@code null} stays {@code null}. */
    public static String neutralise(String cell) {
        return cell != null && !cell.isEmpty() && needsPrefix(cell.charAt(0)) ? "'" + cell : cell;
    }

    /** The inverse of {@link #neutralise}, for CSV read back: {@code '=1+1} → {@code =1+1}. */
    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsPrefix(cell.charAt(1))
                ? cell.substring(1) : cell;
    }

    private static boolean needsPrefix(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'';
    }
}
