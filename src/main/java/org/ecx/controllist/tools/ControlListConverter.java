package org.ecx.controllist.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Converts the control-list layouts of the shared test data into ECX's edition document (JSON import
 * format) and optionally posts it to a running ECX. A plain Java main, run from the packaged application's
 * class path (see docs/control-lists.md):
 *
 * <pre>
 * java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' org.ecx.controllist.tools.ControlListConverter \
 *   --layout eu-flat --in ../shared/data/derived/control_list_eu_dualuse_NO_list2_2022.flat.csv \
 *   --edition 2022-03 --effective-date 2022-03-01 --out /tmp/eu.json \
 *   [--post http://localhost:8095/api/v1/control-lists/EU-DU/editions]   (bearer token from $ECX_TOKEN)
 * </pre>
 *
 * Layouts: {@code eu-flat} (derived/…flat.csv: one row per paragraph, notes annotate the item in
 * {@code parent_item_code}) and {@code us-ccl-items} (derived/…items.csv; ECCN headings from the sibling
 * …eccn.json, regime from {@code --regime}, default WA). Source defects are repaired and reported on stderr:
 * paragraphs sharing a code are joined into one entry, category/group are left to the server (derived from
 * the code), items without text get a placeholder title.
 */
public final class ControlListConverter {

    private static final int TITLE_LENGTH = 160;
    private static final Pattern REGIME = Pattern.compile("\\(([A-Z]+)\\)\\s*$");

    /** One entry being built. */
    private static final class Entry {
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

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String layout = require(opts, "layout");
        Path in = Path.of(require(opts, "in"));
        long started = System.nanoTime();
        Map<String, Entry> entries = switch (layout) {
            case "eu-flat" -> euFlat(in);
            case "us-ccl-items" -> usCclItems(in, opts.getOrDefault("regime", "WA"),
                    Path.of(opts.getOrDefault("headings",
                            in.getParent().resolveSibling("control_list_us_ccl_ecfr_2026.eccn.json").toString())));
            default -> throw new IllegalArgumentException("unknown --layout " + layout + " (eu-flat, us-ccl-items)");
        };
        Path out = opts.containsKey("out") ? Path.of(opts.get("out")) : Files.createTempFile("ecx-edition", ".json");
        write(entries, opts, out);
        System.err.printf("converted %d entries from %s in %d ms -> %s (%d bytes)%n", entries.size(), in,
                (System.nanoTime() - started) / 1_000_000, out, Files.size(out));
        if (opts.containsKey("post")) {
            System.exit(post(URI.create(opts.get("post")), out) ? 0 : 1);
        }
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

    private static void write(Map<String, Entry> entries, Map<String, String> opts, Path out) throws IOException {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out.toFile(),
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("edition", require(opts, "edition"));
            g.writeStringField("effectiveDate", require(opts, "effective-date"));
            if (opts.containsKey("title")) {
                g.writeStringField("title", opts.get("title"));
            }
            g.writeStringField("status", opts.getOrDefault("status", "DRAFT"));
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

    private static boolean post(URI target, Path document) throws IOException, InterruptedException {
        String token = System.getenv("ECX_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("set ECX_TOKEN to a list-editor's bearer token to --post");
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofFile(document)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - started) / 1_000_000;
        String body = response.body();
        System.err.printf("POST %s -> %d in %d ms%n%s%n", target, response.statusCode(), ms,
                body.length() > 4000 ? body.substring(0, 4000) + " …" : body);
        return response.statusCode() / 100 == 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
