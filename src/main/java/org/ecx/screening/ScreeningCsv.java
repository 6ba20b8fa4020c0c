package org.ecx.screening;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;
import org.ecx.denial.PartyRole;

/**
 * The parties of a licence application as CSV (RFC 4180, UTF-8, header row; columns {@code name} (required),
 * {@code country}, {@code role}, in any order), and the answer as CSV: one row per screened party and matching
 * denial party, or one row with empty match columns when nothing matched. Every cell of the answer that a
 * spreadsheet would read as a formula (starting with {@code = + - @}, tab or CR) gets a leading apostrophe.
 */
public final class ScreeningCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("name", "country", "role");
    static final List<String> ANSWER_COLUMNS = List.of("line", "name", "country", "role", "denialId",
            "notifyingState", "status", "score", "matchedRole", "matchedField", "matchedValue", "nameScore",
            "itemRelation", "essentiallyIdentical", "consultationRequired");

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder()
            .setHeader(ANSWER_COLUMNS.toArray(new String[0])).setRecordSeparator("\r\n").get();

    /** One party row of the upload: its line in the CSV (header = line 1) and the role given, if any. */
    public record Row(long line, ScreeningRequest.Party party, PartyRole role) {
    }

    private ScreeningCsv() {
    }

    /**
     * Reads the party rows (at most {@code max}); a body that is not CSV is a 400, bad cells a 422 naming each
     * line and column.
     */
    public static List<Row> read(Reader body, int max, Validator validator) {
        List<Row> rows = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        CSVParser parser = null;
        try {
            parser = CSVParser.builder().setReader(body).setFormat(READ).get();
            List<String> header = parser.getHeaderNames();
            if (!header.contains("name") || !COLUMNS.containsAll(header)) {
                throw EcxException.invalid("line 1", "the header must name the columns name (required), country"
                        + " and role, nothing else");
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() == max) {
                    throw EcxException.invalid("line " + line, "at most " + max + " parties per upload");
                }
                if (record.size() != header.size()) {
                    errors.add(new Problem.FieldError("line " + line, "has " + record.size() + " cells, the header "
                            + header.size()));
                    continue;
                }
                rows.add(row(line, record, validator, errors));
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            String where = parser == null ? "" : " (near line " + parser.getCurrentLineNumber() + ")";
            throw EcxException.badRequest("The request body is not well-formed CSV" + where
                    + ": it needs a header row (name,country,role) and RFC 4180 quoting.");
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("line 2", "no party to screen"));
        }
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The CSV has invalid rows; nothing was screened.",
                    errors);
        }
        return rows;
    }

    private static Row row(long line, CSVRecord record, Validator validator, List<Problem.FieldError> errors) {
        String roleCell = cell(record, "role");
        PartyRole role = null;
        if (roleCell != null) {
            try {
                role = PartyRole.valueOf(roleCell.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("line " + line + ": role", "must be one of END_USER, CONSIGNEE,"
                        + " INTERMEDIARY, PURCHASER"));
            }
        }
        String name = cell(record, "name");
        ScreeningRequest.Party party = new ScreeningRequest.Party(name == null ? "" : name, cell(record, "country"),
                null);
        Set<ConstraintViolation<ScreeningRequest.Party>> violations = validator.validate(party);
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).forEach(v -> errors.add(
                new Problem.FieldError("line " + line + ": " + v.getPropertyPath(), v.getMessage())));
        return new Row(line, party, role);
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column)) {
            return null;
        }
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    /** The answer: per party row, one row per matching denial party (or one empty-match row). */
    static String write(List<Row> rows, ScreeningResult result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (int p = 0; p < rows.size(); p++) {
                Row row = rows.get(p);
                List<Object> lead = List.of(row.line(), row.party().name(), orEmpty(row.party().country()),
                        row.role() == null ? "" : row.role());
                boolean any = false;
                for (ScreeningMatch m : result.matches()) {
                    for (ScreeningMatch.MatchReason r : m.matchedOn()) {
                        if (r.queryParty() != p) {
                            continue;
                        }
                        any = true;
                        List<Object> cells = new ArrayList<>(lead);
                        cells.addAll(List.of(m.denialId(), m.notifyingState(), m.status(), r.score(), r.role(),
                                r.field(), r.value(), r.nameScore(), m.itemRelation(), m.essentiallyIdentical(),
                                m.consultationRequired()));
                        printer.printRecord(cells.stream().map(ScreeningCsv::neutralize).toList());
                    }
                }
                if (!any) {
                    List<Object> cells = new ArrayList<>(lead);
                    for (int i = lead.size(); i < ANSWER_COLUMNS.size(); i++) {
                        cells.add("");
                    }
                    printer.printRecord(cells.stream().map(ScreeningCsv::neutralize).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would evaluate (CSV injection) is prefixed with an apostrophe. */
    static String neutralize(Object value) {
        String s = String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
