package org.ecx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirrors the change feed of one ECX into a directory of JSON files: {@code <dir>/<record type>/<record id>.json}
 * holds the latest version of each record the signed-in state may see, as that state sees it (redacted); a
 * revocation or status change rewrites the file, and a {@code WITHDRAWN} change (the state may no longer see
 * the record) deletes it. The cursor is saved in {@code <dir>/.cursor} after every page, so a stopped mirror
 * resumes where it was (docs/federation.md, "Mirroring").
 */
final class Mirror {

    static final String CURSOR_FILE = ".cursor";
    static final String WITHDRAWN = "WITHDRAWN";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EcxApi api;
    private final Path dir;
    private final int limit;
    private final PrintStream out;

    /** What one {@link #syncOnce()} did. */
    record Summary(int pages, int changes, Map<String, Integer> byType) {
    }

    Mirror(EcxApi api, Path dir, int limit, PrintStream out) {
        this.api = api;
        this.dir = dir;
        this.limit = limit;
        this.out = out;
    }

    /** Follows the feed from the saved cursor until it is caught up. */
    Summary syncOnce() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path cursorFile = dir.resolve(CURSOR_FILE);
        String cursor = Files.exists(cursorFile) ? Files.readString(cursorFile).trim() : null;
        int pages = 0;
        int changes = 0;
        Map<String, Integer> byType = new TreeMap<>();
        while (true) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("limit", limit);
            query.put("cursor", cursor == null || cursor.isEmpty() ? null : cursor);
            JsonNode page = api.getJson(api.uri("api/v1/feed", query));
            pages++;
            for (JsonNode item : page.path("items")) {
                apply(dir, item);
                changes++;
                byType.merge(item.path("recordType").asText(), 1, Integer::sum);
            }
            cursor = page.path("nextCursor").asText();
            writeAtomically(cursorFile, cursor);
            boolean caughtUp = page.path("caughtUp").asBoolean();
            out.printf(Locale.ROOT, "[mirror] page %d: %d change(s), %d so far %s%s%n", pages,
                    page.path("items").size(), changes, byType, caughtUp ? ", caught up" : "");
            if (caughtUp) {
                return new Summary(pages, changes, byType);
            }
        }
    }

    /**
     * Applies one feed item to the mirror: the latest version of the record replaces its file; changes without a
     * record body keep their metadata; a {@code WITHDRAWN} change deletes the copy.
     */
    static void apply(Path dir, JsonNode item) throws IOException {
        Path typeDir = dir.resolve(item.path("recordType").asText().toLowerCase(Locale.ROOT));
        Path file = typeDir.resolve(fileName(item.path("recordId").asText()) + ".json");
        if (WITHDRAWN.equals(item.path("changeType").asText())) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(typeDir);
        JsonNode content = item.path("record");
        if (content.isMissingNode() || content.isNull()) {
            ObjectNode meta = item.deepCopy();
            meta.remove("cursor");
            content = meta;
        }
        writeAtomically(file, PRETTY.writeValueAsString(content));
    }

    /** A record id as a file name: anything but letters, digits, dot, dash and underscore becomes {@code _}. */
    static String fileName(String recordId) {
        return recordId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
