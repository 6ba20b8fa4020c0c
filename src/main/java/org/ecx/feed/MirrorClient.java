package org.ecx.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Mirrors the change feed of one ECX into a directory of JSON files: {@code <dir>/<record type>/<record id>.json}
 * holds the latest version of each record the token's state may see, as that state sees it (redacted); a
 * revocation or status change rewrites the file, and a {@code WITHDRAWN} change (the state may no longer see
 * the record) deletes it. The cursor is saved in {@code <dir>/.cursor} after every page,
 * so a stopped mirror resumes where it was. A plain {@code main} with no server dependencies (docs/federation.md):
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.args="--url http://localhost:8080 --dir mirror-de \
 *     --token-url http://localhost:8180/realms/ecx/protocol/openid-connect/token \
 *     --client-id de-system --client-secret de-system-secret"
 * </pre>
 * Options: {@code --url} (ECX base URL), {@code --dir}, a token by {@code --token}/{@code ECX_TOKEN} or by the
 * client-credentials grant ({@code --token-url --client-id --client-secret}, renewed when it expires),
 * {@code --limit} (page size, default 200), {@code --follow} (keep polling), {@code --poll-seconds} (default 10).
 */
public final class MirrorClient {

    static final String CURSOR_FILE = ".cursor";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final URI base;
    private final Path dir;
    private final Supplier<String> tokens;
    private final int limit;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    /** What one {@link #syncOnce()} did. */
    public record Summary(int pages, int changes, Map<String, Integer> byType) {
    }

    public MirrorClient(URI base, Path dir, Supplier<String> tokens, int limit, PrintStream out) {
        this.base = base;
        this.dir = dir;
        this.tokens = tokens;
        this.limit = limit;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--follow")) {
                opts.put("follow", "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                usage("unexpected argument " + a);
            }
        }
        String url = opts.getOrDefault("url", "http://localhost:8080");
        String dir = opts.get("dir");
        if (dir == null) {
            usage("--dir is required");
        }
        Supplier<String> tokens;
        if (opts.containsKey("token-url")) {
            tokens = () -> clientCredentials(opts.get("token-url"), opts.get("client-id"), opts.get("client-secret"));
        } else {
            String fixed = opts.getOrDefault("token", System.getenv("ECX_TOKEN"));
            if (fixed == null || fixed.isBlank()) {
                usage("give --token, ECX_TOKEN, or --token-url with --client-id and --client-secret");
            }
            tokens = () -> fixed;
        }
        MirrorClient mirror = new MirrorClient(URI.create(url), Path.of(dir), tokens,
                Integer.parseInt(opts.getOrDefault("limit", "200")), System.out);
        long poll = Long.parseLong(opts.getOrDefault("poll-seconds", "10"));
        do {
            mirror.syncOnce();
            if (opts.containsKey("follow")) {
                Thread.sleep(poll * 1000);
            }
        } while (opts.containsKey("follow"));
    }

    /** Follows the feed from the saved cursor until it is caught up. */
    public Summary syncOnce() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path cursorFile = dir.resolve(CURSOR_FILE);
        String cursor = Files.exists(cursorFile) ? Files.readString(cursorFile).trim() : null;
        int pages = 0;
        int changes = 0;
        Map<String, Integer> byType = new TreeMap<>();
        while (true) {
            JsonNode page = fetch(cursor);
            pages++;
            for (JsonNode item : page.path("items")) {
                write(item);
                changes++;
                byType.merge(item.path("recordType").asText(), 1, Integer::sum);
            }
            cursor = page.path("nextCursor").asText();
            writeAtomically(cursorFile, cursor);
            out.printf(Locale.ROOT, "[mirror] page %d: %d change(s), %d so far %s%s%n", pages,
                    page.path("items").size(), changes, byType, page.path("caughtUp").asBoolean() ? ", caught up" : "");
            if (page.path("caughtUp").asBoolean()) {
                return new Summary(pages, changes, byType);
            }
        }
    }

    private JsonNode fetch(String cursor) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(base.toString().replaceAll("/+$", "")).append("/api/v1/feed?limit=")
                .append(limit);
        if (cursor != null && !cursor.isEmpty()) {
            uri.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (token == null) {
                token = tokens.get();
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && attempt == 0) {
                token = null; // expired: get a new one once
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET /api/v1/feed answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
        throw new IOException("GET /api/v1/feed: token refused");
    }

    /**
     * The latest version of the record replaces the file; changes without a record body keep their metadata; a
     * {@code WITHDRAWN} change deletes the copy (the state may no longer see the record).
     */
    private void write(JsonNode item) throws IOException {
        Path typeDir = dir.resolve(item.path("recordType").asText().toLowerCase(Locale.ROOT));
        if (ChangeFeed.WITHDRAWN.equals(item.path("changeType").asText())) {
            Files.deleteIfExists(typeDir.resolve(fileName(item.path("recordId").asText()) + ".json"));
            return;
        }
        Files.createDirectories(typeDir);
        JsonNode content = item.path("record");
        if (content.isMissingNode() || content.isNull()) {
            ObjectNode meta = ((ObjectNode) item.deepCopy());
            meta.remove("cursor");
            content = meta;
        }
        writeAtomically(typeDir.resolve(fileName(item.path("recordId").asText()) + ".json"),
                JSON.writeValueAsString(content));
    }

    static String fileName(String recordId) {
        return recordId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String clientCredentials(String tokenUrl, String clientId, String secret) {
        try {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + r.statusCode());
            }
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void usage(String problem) {
        System.err.println("mirror: " + problem);
        System.err.println("usage: --url URL --dir DIR (--token T | --token-url U --client-id C --client-secret S)"
                + " [--limit N] [--follow] [--poll-seconds N]");
        System.exit(2);
    }
}
