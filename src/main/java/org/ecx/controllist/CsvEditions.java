package org.ecx.controllist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ecx.common.CsvCells;
import org.ecx.common.EcxException;

/**
 * The CSV form of an edition's entries (RFC 4180, UTF-8 unless the Content-Type says otherwise, header row): the columns carry the JSON field names,
 * in any order; {@code notes} holds one note per line of the cell. Reading goes record by record over the
 * request stream (Apache Commons CSV), writing record by record to the response. Every written cell goes
 * through {@link CsvCells#neutralise} (no spreadsheet formulas) and every read cell through
 * {@link CsvCells#restore}, so that an export re-imports unchanged.
 */
final class CsvEditions {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("code", "parentCode", "category", "group", "regime", "title", "text",
            "notes", "status", "reviewBy");
    private static final Set<String> REQUIRED = Set.of("code", "regime", "title");

    private static final CSVFormat READ = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    static final CSVFormat WRITE = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS.toArray(new String[0]))
            .setRecordSeparator("\r\n")
            .get();

    private CsvEditions() {
    }

    /** Reads every record of a UTF-8 CSV body into {@code entries}; a body that is not CSV is a 400. */
    static void read(InputStream body, Charset charset, EditionImport entries, ImportErrors errors) {
        Reader reader = new BufferedReader(new InputStreamReader(body, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        CSVParser parser = null;
        try {
            skipByteOrderMark(reader);
            parser = CSVParser.builder().setReader(reader).setFormat(READ).get();
            List<String> header = parser.getHeaderNames();
            checkHeader(header);
            int index = 0;
            for (CSVRecord record : parser) {
                RawEntry entry = entry(index++, record, header.size(), parser.getCurrentLineNumber(), errors);
                if (entry == null) {
                    entries.skip();
                } else {
                    entries.accept(entry);
                }
            }
        } catch (UncheckedIOException e) {
            throw notCsv(e.getCause(), parser);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw notCsv(e, parser);
        }
    }

    private static EcxException notCsv(Throwable cause, CSVParser parser) {
        if (cause instanceof CharacterCodingException) {
            return EcxException.badRequest("The CSV body is not valid text in its charset (UTF-8 unless declared).");
        }
        String where = parser == null ? "" : " (near line " + parser.getCurrentLineNumber() + ")";
        return EcxException.badRequest("The request body is not well-formed CSV" + where
                + ": it needs a header row and RFC 4180 quoting.");
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw EcxException.badRequest("The CSV body has no header row; columns are " + String.join(",", COLUMNS) + ".");
        }
        for (String name : header) {
            if (!COLUMNS.contains(name)) {
                throw EcxException.invalid("header", "unknown column \"" + EntryRules.abbreviate(name) + "\"; columns are "
                        + String.join(",", COLUMNS));
            }
        }
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw EcxException.invalid("header", "missing column(s) " + String.join(",", missing));
        }
    }

    private static RawEntry entry(int index, CSVRecord record, int columns, long line, ImportErrors errors) {
        String where = " (CSV line " + line + ")";
        if (record.size() != columns) {
            errors.add("entries[" + index + "]", "the row has " + record.size() + " cells, the header "
                    + columns + where);
            return null;
        }
        String notes = cell(record, "notes");
        return new RawEntry(index, where, cell(record, "code"), cell(record, "parentCode"), cell(record, "category"),
                cell(record, "group"), cell(record, "regime"), cell(record, "title"), cell(record, "text"),
                notes == null ? null : splitLines(notes), cell(record, "status"), cell(record, "reviewBy"));
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column)) {
            return null;
        }
        String value = CsvCells.restore(record.get(column));
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> splitLines(String cell) {
        return new ArrayList<>(Arrays.asList(cell.replace("\r\n", "\n").split("\n", -1)));
    }

    /** One CSV record of an entry, in {@link #COLUMNS} order. */
    static void print(CSVPrinter printer, EntryView e) throws IOException {
        List<String> cells = Arrays.asList(e.code(), e.parentCode(), e.category(), e.group(), e.regime(), e.title(),
                e.text(), e.notes().isEmpty() ? null : String.join("\n", e.notes()),
                e.status() == null ? null : e.status().toString(),
                e.reviewBy() == null ? null : e.reviewBy().toString());
        printer.printRecord(cells.stream().map(CsvCells::neutralise).toList());
    }

    static CSVPrinter printer(Writer out) throws IOException {
        return new CSVPrinter(out, WRITE);
    }
}
