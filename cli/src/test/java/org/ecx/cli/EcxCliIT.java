package org.ecx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ecx} commands against a running ECX and its Keycloak (demo realm): {@code ECX} and {@code KC} in the
 * environment, as {@code .ci/with-ecx} sets them ({@code .ci/test} runs these with {@code -Pit}). Records are made
 * through the API with the demo users; every name used is synthetic.
 */
class EcxCliIT {

    private static final String DE_SYSTEM_SECRET = "de-system-secret";
    private static String ecx;
    private static String kc;

    @TempDir
    Path dir;

    @BeforeAll
    static void environment() {
        ecx = System.getenv("ECX");
        kc = System.getenv("KC");
        if (ecx == null || kc == null) {
            throw new IllegalStateException("set ECX and KC (run through .ci/with-ecx, as .ci/test does)");
        }
    }

    /** What one run of {@code ecx} printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private static Run ecx(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--url", ecx, "--keycloak", kc));
            int exit = Ecx.commandLine().execute(all.toArray(String[]::new));
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static EcxApi as(String user) {
        URI tokens = URI.create(kc + "/realms/ecx/protocol/openid-connect/token");
        SignIn signIn = user.endsWith("-system") ? SignIn.clientCredentials(tokens, user, user + "-secret")
                : SignIn.password(tokens, "ecx-cli", user, user);
        return new EcxApi(URI.create(ecx), signIn);
    }

    private static JsonNode post(EcxApi api, String path, JsonNode body) throws Exception {
        return EcxApi.JSON.readTree(api.send(() -> HttpRequest.newBuilder(api.uri(path, Map.of()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()).body());
    }

    /** The contract's own example denial, with a fresh reference, the given party name and distribution. */
    private static ObjectNode denial(String partyName, JsonNode distribution) throws IOException {
        ObjectNode d = (ObjectNode) EcxApi.JSON.readTree(
                Path.of("../src/main/resources/openapi-examples/createDenial.request.json").toFile());
        d.put("nationalReference", "CLI-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) d.path("parties").get(0)).put("name", partyName).putArray("aliases");
        d.set("distribution", distribution);
        d.remove("releasability");
        return d;
    }

    private static JsonNode toStates(String... states) {
        ObjectNode dist = EcxApi.JSON.createObjectNode().put("scope", "STATES");
        for (String s : states) {
            dist.withArray("states").add(s);
        }
        return dist;
    }

    private static Map<String, JsonNode> listAll(EcxApi api, String path) throws Exception {
        Map<String, JsonNode> all = new HashMap<>();
        String cursor = null;
        JsonNode page;
        do {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("limit", 500);
            q.put("cursor", cursor);
            page = api.getJson(api.uri(path, q));
            page.path("items").forEach(i -> all.put(i.path("id").asText(), i));
            cursor = page.path("nextCursor").asText(null);
        } while (!page.path("caughtUp").asBoolean());
        assertThat(cursor).as("a finite list ends without a cursor").isNull();
        return all;
    }

    private Map<String, JsonNode> files(Path typeDir) throws IOException {
        Map<String, JsonNode> result = new HashMap<>();
        if (Files.isDirectory(typeDir)) {
            try (Stream<Path> paths = Files.list(typeDir)) {
                for (Path p : paths.toList()) {
                    String name = p.getFileName().toString();
                    result.put(name.substring(0, name.length() - ".json".length()), EcxApi.JSON.readTree(p.toFile()));
                }
            }
        }
        return result;
    }

    private static String[] mirrorArgs(Path dir) {
        return new String[] {"mirror", "--dir", dir.toString(), "--client-id", "de-system", "--client-secret",
                DE_SYSTEM_SECRET, "--limit", "50"};
    }

    /** Runs the mirror until {@code done} holds (the feed serves changes once they are sealed, ADR 0007). */
    private static Run mirrorUntil(Path dir, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Run run;
        do {
            run = ecx(mirrorArgs(dir));
            assertThat(run.exit()).as(run.err()).isZero();
            if (done.getAsBoolean()) {
                return run;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return run;
    }

    @Test
    void mirrorHoldsWhatTheStateReadsThroughTheApiAndResumesFromItsCursor() throws Exception {
        EcxApi fr = as("fr-denial-officer");
        EcxApi de = as("de-system");
        String visible = post(fr, "api/v1/denials", denial("Synthetic Mirror Visible Ltd", toStates("DE"))).path("id").asText();
        String hidden = post(fr, "api/v1/denials", denial("Synthetic Mirror Hidden Ltd", toStates("JP"))).path("id").asText();
        String narrowed = post(fr, "api/v1/denials", denial("Synthetic Mirror Narrowed Ltd", toStates("DE", "JP")))
                .path("id").asText();
        Path denials = dir.resolve("denial");

        Run first = mirrorUntil(dir, () -> Files.exists(denials.resolve(visible + ".json"))
                && Files.exists(denials.resolve(narrowed + ".json")));
        assertThat(first.out()).contains("[mirror] page 1:", "caught up");
        assertThat(denials.resolve(hidden + ".json")).doesNotExist();
        Map<String, JsonNode> viaApi = listAll(de, "api/v1/denials");
        assertThat(files(denials)).isEqualTo(viaApi);
        assertThat(files(dir.resolve("recognition"))).isEqualTo(listAll(de, "api/v1/recognitions"));
        String cursor = Files.readString(dir.resolve(Mirror.CURSOR_FILE));

        // resumable: the next run starts from the saved cursor and applies only what changed since
        post(fr, "api/v1/denials/" + visible + "/revocation", EcxApi.JSON.createObjectNode().put("reason", "superseded"));
        JsonNode current = fr.getJson(fr.uri("api/v1/denials/" + narrowed, Map.of()));
        ObjectNode amended = denial("Synthetic Mirror Narrowed Ltd", toStates("JP"));
        fr.send(() -> HttpRequest.newBuilder(fr.uri("api/v1/denials/" + narrowed, Map.of()))
                .header("Content-Type", "application/json").header("If-Match", "\"" + current.path("version").asInt() + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(amended.toString())).build());

        Run second = mirrorUntil(dir, () -> !Files.exists(denials.resolve(narrowed + ".json")) && revoked(denials, visible));
        assertThat(second.out()).doesNotContain("[mirror] page 2:").contains("caught up");
        assertThat(Files.readString(dir.resolve(Mirror.CURSOR_FILE))).isNotEqualTo(cursor);
        assertThat(denials.resolve(narrowed + ".json")).as("withdrawn from DE: the copy is deleted").doesNotExist();
        assertThat(files(denials)).isEqualTo(listAll(de, "api/v1/denials"));
    }

    private static boolean revoked(Path denials, String id) {
        try {
            Path file = denials.resolve(id + ".json");
            return Files.exists(file) && EcxApi.JSON.readTree(file.toFile()).path("status").asText().equals("REVOKED");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void importListConvertsTheEuLayoutAndUploadsItWithProgress() throws Exception {
        Path source = dir.resolve("list.flat.csv");
        Files.writeString(source, ControlListConverterTest.SYNTHETIC_EU_FLAT);
        String edition = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Run run = ecx("import-list", "--layout", "eu-flat", "--in", source.toString(), "--list", "SAMPLE-DU",
                "--edition", edition, "--effective-date", "2026-01-01", "--user", "de-list-editor",
                "--password", "de-list-editor");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("SAMPLE-DU " + edition + ": DRAFT, 3 entries");
        assertThat(run.err()).contains("converted 3 entries", "100%", "bytes uploaded");

        EcxApi editor = as("de-list-editor");
        JsonNode entries = editor.getJson(editor.uri("api/v1/control-lists/SAMPLE-DU/editions/" + edition + "/entries",
                Map.of("limit", 10)));
        assertThat(entries.path("items").findValuesAsText("code")).containsExactly("0E999", "0E999.a", "0E999.b");
        assertThat(entries.path("caughtUp").asBoolean()).isTrue();
    }

    @Test
    void importListReportsTheServersProblemAndExitsOne() throws Exception {
        Path source = dir.resolve("list.flat.csv");
        Files.writeString(source, ControlListConverterTest.SYNTHETIC_EU_FLAT);
        Run run = ecx("import-list", "--layout", "eu-flat", "--in", source.toString(), "--list", "SAMPLE-DU",
                "--edition", "cli-bad-date", "--effective-date", "not-a-date", "--user", "de-list-editor",
                "--password", "de-list-editor");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("POST /api/v1/control-lists/SAMPLE-DU/editions answered 4");
    }

    @Test
    void screenSendsBatchesAndNumbersMatchesByTheirLineInTheInputFile() throws Exception {
        String name = "Synthetic Quasar Kestrel Holdings " + UUID.randomUUID().toString().substring(0, 4);
        post(as("fr-denial-officer"), "api/v1/denials", denial(name, toStates("DE")));
        StringBuilder csv = new StringBuilder("name,country\n");
        for (int i = 1; i <= 59; i++) {
            csv.append(i == 55 ? name : "Unrelated Party Number " + i).append(",AE\n");
        }
        Path in = dir.resolve("parties.csv");
        Path out = dir.resolve("matches.csv");
        Files.writeString(in, csv);

        // the screening index catches up with new denials shortly after their commit
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Run run;
        List<String> lines;
        List<String> matched;
        do {
            run = ecx("screen", "--in", in.toString(), "--out", out.toString(), "--client-id", "de-system",
                    "--client-secret", DE_SYSTEM_SECRET);
            assertThat(run.exit()).as(run.err()).isZero();
            lines = Files.readAllLines(out);
            matched = lines.stream().skip(1).filter(l -> !l.matches("^\\d+,[^,]*,[^,]*,[^,]*,,.*")).toList();
        } while (matched.isEmpty() && Instant.now().isBefore(deadline));
        assertThat(run.err()).contains("59/59 parties screened");
        assertThat(lines.get(0)).startsWith("line,name,country,role,denialId");
        assertThat(matched).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("56," + name + ",AE"));
        assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count())
                .as("every party has a row").isEqualTo(59);
    }

    @Test
    void aRefusedSignInIsReportedWithoutAStackTrace() {
        Run run = ecx("mirror", "--dir", dir.toString(), "--client-id", "de-system", "--client-secret", "wrong");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("ecx: sign-in refused").doesNotContain("Exception");
    }
}
