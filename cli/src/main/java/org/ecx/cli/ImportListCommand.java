package org.ecx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ecx import-list}: convert an edition from a source layout and upload it, with a progress bar. */
@Command(name = "import-list", mixinStandardHelpOptions = true,
        description = {"Convert a control-list edition from a source layout (eu-flat, us-ccl-items; see"
                + " ../shared/data/PROVENANCE.md) into ECX's edition document and upload it to a list"
                + " (a list-editor of an editing state). Repairs of the source are reported on stderr."})
final class ImportListCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--layout", required = true, description = "Source layout: eu-flat or us-ccl-items")
    String layout;

    @Option(names = "--in", required = true, description = "Source file (CSV)")
    Path in;

    @Option(names = "--list", description = "Control list to import into (e.g. EU-DU); not needed with --dry-run")
    String listId;

    @Option(names = "--edition", required = true, description = "Edition name, e.g. 2022-03")
    String edition;

    @Option(names = "--effective-date", required = true, description = "ISO date the edition takes effect")
    String effectiveDate;

    @Option(names = "--title", description = "Edition title")
    String title;

    @Option(names = "--status", defaultValue = "DRAFT", description = "DRAFT or PUBLISHED (default ${DEFAULT-VALUE})")
    String status;

    @Option(names = "--regime", defaultValue = "WA", description = "Regime of us-ccl-items entries (default ${DEFAULT-VALUE})")
    String regime;

    @Option(names = "--headings", description = "ECCN headings JSON for us-ccl-items (default: the sibling …eccn.json)")
    Path headings;

    @Option(names = "--out", description = "Keep the converted document here")
    Path out;

    @Option(names = "--dry-run", description = "Convert only; do not upload")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ControlListConverter.Layout source = switch (layout) {
            case "eu-flat" -> ControlListConverter.Layout.EU_FLAT;
            case "us-ccl-items" -> ControlListConverter.Layout.US_CCL_ITEMS;
            default -> throw new IllegalArgumentException("unknown --layout " + layout + " (eu-flat, us-ccl-items)");
        };
        if (!dryRun && listId == null) {
            throw new IllegalArgumentException("--list is required unless --dry-run");
        }
        long started = System.nanoTime();
        var entries = ControlListConverter.read(source, in, regime, headings);
        Path document = out != null ? out : Files.createTempFile("ecx-edition", ".json");
        ControlListConverter.write(entries, new ControlListConverter.Edition(edition, effectiveDate, title, status),
                document);
        System.err.printf("converted %,d entries from %s in %d ms -> %s (%,d bytes)%n", entries.size(), in,
                (System.nanoTime() - started) / 1_000_000, document, Files.size(document));
        try {
            if (dryRun) {
                return 0;
            }
            JsonNode created = upload(connection.api(), listId, document);
            System.out.printf("%s %s: %s, %d entries%n", created.path("listId").asText(), created.path("edition").asText(),
                    created.path("status").asText(), created.path("entryCount").asInt());
            return 0;
        } finally {
            if (out == null) {
                Files.deleteIfExists(document);
            }
        }
    }

    /** POSTs the document with a progress bar of the bytes sent; the created edition. */
    static JsonNode upload(EcxApi api, String listId, Path document) throws IOException, InterruptedException {
        long size = Files.size(document);
        URI target = api.uri("api/v1/control-lists/" + URLEncoder.encode(listId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/editions", Map.of());
        return EcxApi.JSON.readTree(api.send(() -> {
            Progress progress = new Progress(System.err, "bytes uploaded", size);
            return HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> counting(document, progress)), size)).build();
        }).body());
    }

    private static InputStream counting(Path document, Progress progress) {
        try {
            return new FilterInputStream(Files.newInputStream(document)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        progress.advance(n);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
