package org.ecx.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ecx screen}: a CSV of parties in, a CSV of matches out. The parties are sent to
 * {@code POST /screenings/csv} in batches of at most 50 (the server's limit per screening); the answer's
 * {@code line} column is the party's line in the input file, so the output reads as one screening of the file.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {"Screen a CSV of parties (header row; columns name (required), country, role) and write"
                + " a CSV of matches: one row per party and matching denial party, or one row with empty match"
                + " columns when nothing matched. Each batch of up to 50 parties is one screening."})
final class ScreenCommand implements Callable<Integer> {

    static final int MAX_BATCH = 50;
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    @Mixin
    Connection connection;

    @Option(names = "--in", required = true, description = "Parties CSV")
    Path in;

    @Option(names = "--out", description = "Matches CSV (default: standard output)")
    Path out;

    @Option(names = "--control-entry", description = "Screened control entry, repeatable")
    List<String> controlEntries = new ArrayList<>();

    @Option(names = "--destination", description = "Destination country (ISO 3166-1 alpha-2)")
    String destination;

    @Option(names = "--threshold", description = "Smallest score reported (server default 0.8)")
    Double threshold;

    @Option(names = "--include-revoked", description = "Also consider REVOKED denials")
    boolean includeRevoked;

    @Option(names = "--batch", defaultValue = "50", description = "Parties per screening, 1..50 (default ${DEFAULT-VALUE})")
    int batch;

    /** One party row of the input and its line there. */
    record Party(long line, List<String> cells) {
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be between 1 and " + MAX_BATCH);
        }
        List<String> header;
        List<Party> parties = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            header = csv.getHeaderNames();
            for (CSVRecord record : csv) {
                parties.add(new Party(csv.getCurrentLineNumber(), record.toList()));
            }
        }
        EcxApi api = connection.api();
        Writer target = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        Progress progress = new Progress(System.err, "parties screened", parties.size());
        int matches = 0;
        try (CSVPrinter printer = new CSVPrinter(target, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            boolean headerWritten = false;
            for (int from = 0; from < parties.size(); from += batch) {
                List<Party> chunk = parties.subList(from, Math.min(parties.size(), from + batch));
                try (CSVParser answer = CSVParser.builder().setReader(new StringReader(screen(api, header, chunk)))
                        .setFormat(READ).get()) {
                    if (!headerWritten) {
                        printer.printRecord(answer.getHeaderNames());
                        headerWritten = true;
                    }
                    matches += renumber(answer, chunk, printer);
                }
                progress.advance(chunk.size());
            }
            if (!headerWritten) {
                throw new IllegalArgumentException(in + " has no party rows");
            }
        }
        System.err.printf("%,d parties, %,d match rows%n", parties.size(), matches);
        return 0;
    }

    private String screen(EcxApi api, List<String> header, List<Party> chunk) throws IOException, InterruptedException {
        StringWriter body = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(body, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").get())) {
            for (Party party : chunk) {
                printer.printRecord(party.cells());
            }
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("destinationCountry", destination);
        query.put("threshold", threshold);
        query.put("includeRevoked", includeRevoked ? "true" : null);
        URI uri = api.uri("api/v1/screenings/csv", query);
        String entries = controlEntries.stream().map(e -> "controlEntry=" + URLEncoder.encode(e, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI target = entries.isEmpty() ? uri : URI.create(uri + (uri.getQuery() == null ? "?" : "&") + entries);
        return api.send(() -> HttpRequest.newBuilder(target).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()).body();
    }

    /**
     * Copies the answer rows with {@code line} set to the party's line in the input file: the answer lists the
     * parties in upload order with at least one row each, so the n-th distinct line is the n-th party.
     */
    static int renumber(CSVParser answer, List<Party> chunk, CSVPrinter printer) throws IOException {
        int lineColumn = answer.getHeaderNames().indexOf("line");
        int rows = 0;
        int party = -1;
        String last = null;
        for (CSVRecord row : answer) {
            List<String> cells = new ArrayList<>(row.toList());
            if (!cells.get(lineColumn).equals(last)) {
                last = cells.get(lineColumn);
                party++;
            }
            if (party >= chunk.size()) {
                throw new IOException("the answer names more parties than were sent");
            }
            cells.set(lineColumn, Long.toString(chunk.get(party).line()));
            printer.printRecord(cells);
            if (!cells.get(answer.getHeaderNames().indexOf("denialId")).isEmpty()) {
                rows++;
            }
        }
        return rows;
    }
}
