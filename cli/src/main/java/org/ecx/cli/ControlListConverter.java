package org.ecx.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Converts the control-list layouts of the shared test data (../shared/data/PROVENANCE.md) into ECX's edition
 * document (the JSON import format); {@code ecx import-list} uploads it (docs/control-lists.md).
 *
 * Layouts: {@code eu-flat} (derived/…flat.csv: one row per paragraph, notes annotate the item in
 * {@code parent_item_code}) and {@code us-ccl-items} (derived/…items.csv; ECCN headings from the sibling
 * …eccn.json, regime from {@code --regime}, default WA). Source defects are repaired and reported on stderr:
 * paragraphs sharing a code are joined into one entry, category/group are left to the server (derived from
 * the code), items without text get a placeholder title.
 */
final class ControlListConverter {

    private static final int TITLE_LENGTH = 160;
    private static final Pattern REGIME = Pattern.compile("\\(([A-Z]+)\\)\\s*$");

    /** One entry being built. */
    static final class Entry {
        final String code;
        final String regime;
        String text;
        final List<String> notes = new ArrayList<>();
        int paragraphs = 1;

        Entry(String code, String regime, String text) {
            this.code = code;
            this.regime = regime;
            this.text = text;
        }
    }

    private ControlListConverter() {
    }

    /** The layouts this converter reads. */
    enum Layout { EU_FLAT, US_CCL_ITEMS }

    /** The edition's fields around the entries. */
    record Edition(String edition, String effectiveDate, String title, String status) {
    }

    /** Reads {@code in} in the given layout; {@code regime} and {@code headings} only for us-ccl-items. */
    static Map<String, Entry> read(Layout layout, Path in, String regime, Path headings) throws IOException {
        return switch (layout) {
            case EU_FLAT -> euFlat(in);
            case US_CCL_ITEMS -> usCclItems(in, regime, headings != null ? headings
                    : in.toAbsolutePath().getParent().resolveSibling("control_list_us_ccl_ecfr_2026.eccn.json"));
        };
    }

    // ------------------------------------------------------------------ layouts

    static Map<String, Entry> euFlat(Path in) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<CSVRecord> notes = new ArrayList<>();
        int mismatched = 0;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.builder().setReader(reader).setFormat(headed()).get()) {
            for (CSVRecord row : csv) {
                if (!"0".equals(row.get("is_note"))) {
                    notes.add(row);
                    continue;
                }
                String code = row.get("item_code");
                if (code.charAt(0) != row.get("category").charAt(0) || !row.get("subcategory").equals(code.substring(1, 2))) {
                    mismatched++;
                }
                add(entries, new Entry(code, regime(row.get("regime")), blankToNull(row.get("text"))));
            }
        }
        for (CSVRecord note : notes) {
            Entry target = entries.get(note.get("parent_item_code"));
            String text = (note.get("label") + " " + note.get("text")).replaceAll("\\s+", " ").trim();
            if (target == null) {
                System.err.println("note without its item " + note.get("parent_item_code") + ": dropped");
            } else if (!text.isEmpty()) {
                target.notes.add(text);
            }
        }
        report(entries, mismatched);
        return entries;
    }

    static Map<String, Entry> usCclItems(Path in, String regime, Path headingsFile) throws IOException {
        Map<String, String> headings = new HashMap<>();
        if (Files.exists(headingsFile)) {
            for (JsonNode eccn : new ObjectMapper().readTree(headingsFile.toFile())) {
                headings.put(eccn.path("eccn").asText(), eccn.path("heading").asText(null));
            }
        } else {
            System.err.println("no ECCN headings at " + headingsFile + "; roots get placeholder titles");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.builder().setReader(reader).setFormat(headed()).get()) {
            for (CSVRecord row : csv) {
                String eccn = row.get("eccn");
                entries.computeIfAbsent(eccn, k -> new Entry(k, regime, blankToNull(headings.get(k))));
                add(entries, new Entry(row.get("item_code"), regime, blankToNull(row.get("text"))));
            }
        }
        report(entries, 0);
        return entries;
    }

    private static CSVFormat headed() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    }

    /** Adds an entry; a second paragraph with the same code is joined to the first. */
    private static void add(Map<String, Entry> entries, Entry entry) {
        Entry first = entries.putIfAbsent(entry.code, entry);
        if (first != null) {
            first.paragraphs++;
            first.text = first.text == null ? entry.text : entry.text == null ? first.text : first.text + "\n" + entry.text;
        }
    }

    private static void report(Map<String, Entry> entries, int mismatched) {
        long joined = entries.values().stream().filter(e -> e.paragraphs > 1).count();
        for (Entry e : entries.values()) {
            if (e.paragraphs > 1) {
                e.notes.add("Converter: the source numbers " + e.paragraphs + " paragraphs " + e.code
                        + "; their texts are joined here.");
            }
        }
        System.err.printf("%d codes had several paragraphs (joined); %d rows had a category/subcategory that "
                + "contradicts the code (left to the code); %d items without text%n", joined, mismatched,
                entries.values().stream().filter(e -> e.text == null).count());
    }

    static String regime(String source) {
        Matcher m = REGIME.matcher(source);
        return m.find() ? m.group(1) : source.trim();
    }

    /** A one-line title from the text: its first sentence or clause, cut at a word boundary. */
    static String title(String text) {
        if (text == null || text.isBlank()) {
            return "(no text in the source)";
        }
        String line = text.replaceAll("\\s+", " ").trim();
        if (line.length() <= TITLE_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_LENGTH);
        return line.substring(0, cut > 40 ? cut : TITLE_LENGTH) + " …";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ------------------------------------------------------------------ output

    static void write(Map<String, Entry> entries, Edition edition, Path out) throws IOException {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out.toFile(),
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("edition", edition.edition());
            g.writeStringField("effectiveDate", edition.effectiveDate());
            if (edition.title() != null) {
                g.writeStringField("title", edition.title());
            }
            g.writeStringField("status", edition.status());
            g.writeArrayFieldStart("entries");
            for (Entry e : entries.values()) {
                g.writeStartObject();
                g.writeStringField("code", e.code);
                g.writeStringField("regime", e.regime);
                g.writeStringField("title", title(e.text));
                if (e.text != null) {
                    g.writeStringField("text", e.text);
                }
                if (!e.notes.isEmpty()) {
                    g.writeArrayFieldStart("notes");
                    for (String note : e.notes) {
                        g.writeString(note);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
