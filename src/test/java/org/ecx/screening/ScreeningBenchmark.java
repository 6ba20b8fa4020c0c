package org.ecx.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.ecx.access.Distribution;
import org.ecx.access.DistributionScope;
import org.ecx.denial.DecisionType;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialSnapshot;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.PartyRole;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Screening latency at a million denial parties (docs/benchmarks.md). Not part of the build: it runs only
 * with {@code -Dscreening.bench.parties=N}, against a database of its own (ECX_TEST_DB). When that database holds
 * fewer parties, it bulk-loads synthetic denials with COPY (two parties each, a fifth with an alias; names
 * from {@link SyntheticNames}; 80 % ALL_PARTNERS, 10 % NSG-only, 10 % for FR only) together with their
 * screening-index rows. It then times {@code -Dscreening.bench.screenings} (default 300) screenings by FR through
 * the HTTP API, half variants of loaded names (typo, reordering, other legal form) and half names not
 * loaded, after 30 warm-up requests, and writes the percentiles to {@code target/benchmarks/screening.txt}.
 * No assertion on time: this is a measurement, not a test.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screening.bench.parties", matches = "[0-9]+")
class ScreeningBenchmark {

    static final String[] STATES = {"DE", "FR", "JP", "US", "IN"};

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    ScreeningIndex index;

    @Inject
    org.ecx.common.EcxConfig config;

    @TestHTTPResource("/api/v1/screenings")
    URL screeningsUrl;

    @Test
    void screeningLatency() throws Exception {
        int parties = Integer.getInteger("screening.bench.parties");
        int screenings = Integer.getInteger("screening.bench.screenings", 300);
        int seconds = Integer.getInteger("screening.bench.seconds", 20);
        StringBuilder report = new StringBuilder();
        // JFR started here, not with -XX:StartFlightRecording: the JVM prints that option's startup message on
        // the forked JVM's stdout, which corrupts Surefire's channel (BUILD FAILURE after the report, the fork
        // killed at exit, the recording lost); this recording is dumped before the test returns
        String jfr = System.getProperty("screening.bench.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        report.append(String.format(Locale.ROOT, "load average at start: %s%n", loadAverage()));
        long present = count("SELECT coalesce(sum(jsonb_array_length(parties)), 0) FROM screening_entry");
        if (present < parties) {
            long t0 = System.nanoTime();
            load((int) ((parties - present) / 2), present);
            report.append(String.format(Locale.ROOT, "loaded %d parties in %.1f s%n", parties - present,
                    (System.nanoTime() - t0) / 1e9));
        }
        long t0 = System.nanoTime();
        long names;
        if (Boolean.parseBoolean(System.getProperty("screening.bench.rebuild", "true"))) {
            names = index.rebuild();
            report.append(String.format(Locale.ROOT, "index rebuild: %d names in %.1f s (load average %s)%n", names,
                    (System.nanoTime() - t0) / 1e9, loadAverage()));
        } else {
            names = index.totalNames(); // -Dscreening.bench.rebuild=false: the index built at startup, not timed
        }
        if (!index.merged().isDone()) {
            // the index merges into one segment in the background after a rebuild: time it, and measure after it
            long m0 = System.nanoTime();
            index.merged().join();
            report.append(String.format(Locale.ROOT, "waited %.1f s for the merge into one segment%n",
                    (System.nanoTime() - m0) / 1e9));
        }
        report.append(String.format(Locale.ROOT, "index segments: %d%n", index.segments()));
        long partyCount = count("SELECT sum(jsonb_array_length(parties)) FROM screening_entry");
        long denialCount = count("SELECT count(*) FROM denial");

        List<String> queries = queries(screenings + 30);
        if ("loss".equals(System.getProperty("screening.bench.only"))) {
            // -Dscreening.bench.only=loss: the loss and its diagnosis alone, without the latency phases
            report.append(lossDiagnosis(queries.subList(30, Math.min(queries.size(), 130))));
            report.append(String.format(Locale.ROOT, "load average at end: %s%n", loadAverage()));
            System.out.println(report);
            Files.createDirectories(Path.of("target/benchmarks"));
            Files.writeString(Path.of("target/benchmarks/screening-loss.txt"), report);
            return;
        }
        String token = TestTokens.token("FR", "licensing-officer");
        HttpClient http = HttpClient.newHttpClient();

        // one client
        report.append(phase("1 client"));
        long[] micros = new long[screenings];
        long totalMatches = 0;
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            String answer = post(http, token, screeningsUrl.toURI(), single(queries.get(i)));
            long elapsed = (System.nanoTime() - t) / 1000;
            if (i >= 30) {
                micros[i - 30] = elapsed;
                totalMatches += json.readTree(answer).get("matches").size();
            }
        }
        report.append(String.format(Locale.ROOT,
                "database: %d denials, %d parties, %d indexed names (aliases included)%n"
                        + "%d screenings (1 party, 1 item) over HTTP by FR, 1 client, after 30 warm-up requests%n"
                        + "ECX latency ms: %s; mean matches %.2f%n",
                denialCount, partyCount, names, screenings, percentiles(micros),
                (double) totalMatches / screenings));

        // where the milliseconds go: the index alone on the same names (in this JVM, no HTTP), and the whole
        // request path for names that no denial shares a key with (HTTP, token, catch-up, visibility, audit)
        report.append(phase("index alone"));
        report.append(indexAlone(queries.subList(30, queries.size())));
        report.append(phase("no candidates"));
        long[] emptyMicros = new long[100];
        Random letters = new Random(11);
        for (int i = 0; i < 130; i++) {
            long t = System.nanoTime();
            String answer = post(http, token, screeningsUrl.toURI(), single(unknownName(letters)));
            if (i >= 30) {
                emptyMicros[i - 30] = (System.nanoTime() - t) / 1000;
                if (json.readTree(answer).get("matches").size() != 0) {
                    throw new IllegalStateException("a name meant to have no candidates matched: " + answer);
                }
            }
        }
        report.append("request path without candidates (100 names sharing no key, HTTP + token + catch-up +"
                + " index + audit), 1 client, ms: ").append(percentiles(emptyMicros)).append('\n');

        // 8 clients, fixed duration
        report.append(phase("8 clients"));
        int clients = 8;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 37;
            Thread thread = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    try {
                        post(http, token, screeningsUrl.toURI(), single(queries.get(i % queries.size())));
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        report.append(String.format(Locale.ROOT, "%d clients for %d s: %.0f screenings/s (%d failed)%n", clients,
                seconds, done.get() / (double) seconds, failed.get()));

        // batches of 100 single-party screenings
        report.append(phase("batches"));
        long[] batchMicros = new long[10];
        for (int b = 0; b < 12; b++) {
            StringBuilder batch = new StringBuilder("{\"screenings\":[");
            for (int i = 0; i < 100; i++) {
                batch.append(i == 0 ? "" : ",").append(single(queries.get((b * 100 + i) % queries.size())));
            }
            batch.append("]}");
            long t = System.nanoTime();
            post(http, token, URI.create(screeningsUrl + "/batch"), batch.toString());
            if (b >= 2) {
                batchMicros[b - 2] = (System.nanoTime() - t) / 1000;
            }
        }
        report.append("batch of 100 parties (10 batches after 2 warm-up) ms: ").append(percentiles(batchMicros))
                .append('\n');

        report.append(phase("end of ECX phases"));
        if ("latency".equals(System.getProperty("screening.bench.only"))) {
            // -Dscreening.bench.only=latency: ECX's phases alone (no pg_trgm, no loss), for profiling runs
            report.append(String.format(Locale.ROOT, "load average at end: %s%n", loadAverage()));
            if (recording != null) {
                recording.dump(Path.of(jfr));
                recording.close();
            }
            System.out.println(report);
            Files.createDirectories(Path.of("target/benchmarks"));
            Files.writeString(Path.of("target/benchmarks/screening.txt"), report);
            return;
        }
        // plain pg_trgm top-5 on the same names, same queries
        report.append(trigramBaseline(queries.subList(30, queries.size()), partyCount));

        // candidate loss: complete candidate sets vs what screening keeps (at several cuts, or with
        // -Dscreening.bench.diagnose=true at the configured cut with its diagnosis)
        List<String> lossQueries = queries.subList(30, Math.min(queries.size(), 130));
        report.append(Boolean.getBoolean("screening.bench.diagnose") ? lossDiagnosis(lossQueries)
                : candidateLoss(lossQueries));

        report.append(String.format(Locale.ROOT, "load average at end: %s%n", loadAverage()));
        if (recording != null) {
            recording.dump(Path.of(jfr));
            recording.close();
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        report.append(String.format(Locale.ROOT, "memory: heap used after GC %d MiB (max %d MiB), RSS %s%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, rss()));
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/screening.txt"), report);
    }

    /**
     * Latency of {@link ScreeningIndex#candidates} alone, with the parameters a screening at the default
     * threshold uses, on the same queries (normalizing included).
     */
    private String indexAlone(List<String> queries) {
        double threshold = config.screening().defaultThreshold();
        int keep = config.screening().candidatesPerName() * 2;
        long[] micros = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            index.candidates(NameNormalizer.normalize(queries.get(i)), threshold, ScreeningService.COUNTRY_ADJUSTMENT, keep,
                    config.screening().scoredPerName());
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        return "index alone (normalize + ScreeningIndex.candidates, same queries, no HTTP) ms: " + percentiles(micros)
                + "\n";
    }

    /** Three words of letters no generated name uses together (q, x and z with j): no key in common. */
    private static String unknownName(Random random) {
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < 3; w++) {
            name.append(w == 0 ? "" : " ");
            for (int i = 0; i < 6; i++) {
                name.append("qxzj".charAt(random.nextInt(4)));
            }
        }
        return name.toString();
    }

    /** {@code zipf} (default: {@link ZipfNames}) or {@code syllables} (the earlier {@link SyntheticNames}). */
    private static boolean zipf() {
        return !"syllables".equals(System.getProperty("screening.bench.names", "zipf"));
    }

    /**
     * A quarter one-typo (Zipf names) or reordered names of loaded parties, a quarter reordered (Zipf) or other
     * legal forms, the rest other legal forms (Zipf) or names not loaded.
     */
    private List<String> queries(int n) {
        boolean zipf = zipf();
        ZipfNames zipfGen = new ZipfNames(7);
        ZipfNames zipfLoaded = new ZipfNames(LOADER_SEED); // the loader's seed: replays its names
        SyntheticNames gen = new SyntheticNames(7);
        SyntheticNames loaded = new SyntheticNames(LOADER_SEED);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queries.add(zipf ? zipfQuery(i, zipfGen, zipfLoaded) : syllableQuery(i, gen, loaded));
        }
        return queries;
    }

    private static String zipfQuery(int i, ZipfNames gen, ZipfNames loader) {
        ZipfNames.Name loaded = loader.name();
        loader.name(); // the denial's second party
        return switch (i % 4) {
            case 0 -> gen.typo(loaded);
            case 1 -> gen.reordered(loaded);
            case 2 -> gen.otherLegalForm(loaded);
            default -> gen.name().latin();
        };
    }

    private static String syllableQuery(int i, SyntheticNames gen, SyntheticNames loader) {
        SyntheticNames.Name loaded = loader.name();
        loader.name(); // the denial's second party
        return switch (i % 4) {
            case 0 -> gen.reordered(loaded);
            case 1 -> gen.otherLegalForm(loaded);
            default -> gen.name().latin();
        };
    }

    private static final long LOADER_SEED = 20261123L;

    private String single(String name) throws Exception {
        return "{\"parties\":[{\"name\":" + json.writeValueAsString(name)
                + "}],\"items\":[{\"controlEntry\":\"3A001.a.1\"}]}";
    }

    private static String post(HttpClient http, String token, URI uri, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String percentiles(long[] micros) {
        long[] m = micros.clone();
        Arrays.sort(m);
        int n = m.length;
        return String.format(Locale.ROOT, "p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f", m[n / 2] / 1000.0,
                m[(int) (n * 0.95)] / 1000.0, m[Math.min(n - 1, (int) (n * 0.99))] / 1000.0, m[n - 1] / 1000.0,
                Arrays.stream(m).average().orElse(0) / 1000.0);
    }

    /** pg_trgm top-5 over the same names (a table of its own with a GIN index), same queries. */
    private String trigramBaseline(List<String> queries, long parties) throws Exception {
        // a table of this run's names: dropped and created again, named by the party count, so that a table left
        // by an earlier run over another database size is never measured
        String table = "bench_trgm_" + parties;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            try {
                st.execute("DROP TABLE IF EXISTS " + table);
                st.execute("CREATE TABLE " + table + " AS SELECT p ->> 'name' AS name FROM screening_entry,"
                        + " jsonb_array_elements(parties) p UNION ALL SELECT a FROM screening_entry,"
                        + " jsonb_array_elements(parties) p, jsonb_array_elements_text(p -> 'aliases') a");
            } catch (java.sql.SQLException e) {
                return "pg_trgm baseline not measured: " + e.getMessage().lines().findFirst().orElse("")
                        + " (the application role needs GRANT CREATE ON SCHEMA public in the benchmark database)\n";
            }
            st.execute("CREATE INDEX " + table + "_name ON " + table + " USING gin (lower(name) gin_trgm_ops)");
            st.execute("ANALYZE " + table);
            String setup = String.format(Locale.ROOT, "pg_trgm table and GIN index ready in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            long[] micros = new long[queries.size()];
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + table + " WHERE lower(name) % lower(?)"
                    + " ORDER BY similarity(lower(name), lower(?)) DESC LIMIT 5")) {
                for (int i = 0; i < queries.size(); i++) {
                    ps.setString(1, queries.get(i));
                    ps.setString(2, queries.get(i));
                    long t = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
            }
            st.execute("DROP TABLE " + table);
            return setup + "pg_trgm top-5 (SQL, no HTTP, no visibility) latency ms: " + percentiles(micros) + "\n";
        }
    }

    /**
     * For each query name: every denial with a name that shares a key with it (the complete blocked set, up to
     * {@link #BLOCKED} names: exact keys and deletion keys) is scored with {@link NameMatcher} (with the index's
     * rarity, from the tokens the index holds, which {@code ScreeningIndexRankingTest} checks equal the
     * normalizer's), and the pairs at or above the threshold form the accepted set. A screening keeps what
     * {@link ScreeningIndex#candidates} returns when it scores the first {@code k} names by evidence, for each
     * k of {@link #CUTS} (the configured {@code scored-per-name} among them); an accepted denial it does not
     * return is lost.
     */
    private String candidateLoss(List<String> queries) {
        double threshold = config.screening().defaultThreshold();
        int keep = config.screening().candidatesPerName() * 2;
        long accepted = 0;
        long[] lost = new long[CUTS.length];
        long blocked = 0;
        int saturated = 0;
        long beyondKeep = 0; // accepted denials beyond the most a screening keeps per name: lost by any retrieval
        for (String q : queries) {
            NameNormalizer.NormalizedName n = NameNormalizer.normalize(q);
            List<ScreeningIndex.Candidate> all = index.blocked(n, BLOCKED);
            blocked += all.size();
            saturated += all.size() >= BLOCKED ? 1 : 0;
            List<UUID> acceptedIds = all.stream().filter(c -> c.score() >= threshold)
                    .map(ScreeningIndex.Candidate::denial).toList();
            accepted += acceptedIds.size();
            beyondKeep += Math.max(0, acceptedIds.size() - keep);
            for (int c = 0; c < CUTS.length; c++) {
                java.util.Set<UUID> kept = new java.util.HashSet<>();
                index.candidates(n, threshold, ScreeningService.COUNTRY_ADJUSTMENT, keep, CUTS[c]).forEach(k -> kept.add(k.denial()));
                for (UUID id : acceptedIds) {
                    lost[c] += kept.contains(id) ? 0 : 1;
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "candidate loss (%d queries; mean %.0f"
                + " denials share a key with the query (%d queries at the %d-name cap); %d accepted (score >= %.2f)"
                + " pairs = %.2f per query, %d of them beyond the %d a screening keeps per name; configured: %d names"
                + " scored per name):", queries.size(), blocked / (double) queries.size(), saturated, BLOCKED, accepted,
                threshold, accepted / (double) queries.size(), beyondKeep, keep, config.screening().scoredPerName()));
        for (int c = 0; c < CUTS.length; c++) {
            out.append(String.format(Locale.ROOT, " %d scored: %d lost = %.2f %%;", CUTS[c], lost[c],
                    accepted == 0 ? 0 : 100.0 * lost[c] / accepted));
        }
        return out.append('\n').toString();
    }

    /**
     * Why accepted pairs are lost at the configured cut, for the ranking by kind of key ({@link ScreeningIndex#byKind},
     * what {@link ScreeningIndex#candidates} does):
     * the blocked set of each query is scored once, as in {@link #candidateLoss}; a ranking keeps an accepted
     * denial when one of its accepted names is among the {@code scored-per-name} best by evidence (at most
     * {@code keep} per query). Every lost pair is written to {@code target/benchmarks/screening-lost.txt} (local
     * only: never committed) with its rank, its evidence, the evidence at the cut, which query unit found it through
     * which kind of key, and how the names ranked above the cut were found; the returned summary counts the causes.
     */
    private String lossDiagnosis(List<String> queries) throws Exception {
        double threshold = config.screening().defaultThreshold();
        double adjustment = ScreeningService.COUNTRY_ADJUSTMENT;
        int keep = config.screening().candidatesPerName() * 2;
        int scored = config.screening().scoredPerName();
        StringBuilder dump = new StringBuilder();
        long[] totals = new long[2]; // accepted, keepable
        long t0 = System.nanoTime();
        Stats byKind = new Stats();
        for (String q : queries) {
            NameNormalizer.NormalizedName n = NameNormalizer.normalize(q);
            index.inspect((searcher, frequencies) -> {
                try {
                    // the blocked set is scored once; each ranking is then cut
                    Blocked blocked = blocked(searcher, frequencies, n, threshold);
                    totals[0] += blocked.acceptedBest().size();
                    totals[1] += Math.min(keep, blocked.acceptedBest().size());
                    diagnose(searcher, frequencies, n, blocked, threshold, adjustment, keep, scored, dump, byKind);
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        StringBuilder summary = new StringBuilder();
        for (Stats st : List.of(byKind)) {
            summary.append(String.format(Locale.ROOT, "%s ranking: %d lost at %d scored; by cause: %s%n  by the keys"
                    + " that found the lost name (query units in order, + a joined pair; t exact word, p phonetic, s"
                    + " skeleton/reading, k Korean, d/e deletion, h half): %s%n  names above the cut, by the keys that"
                    + " found them: %s%n", "by-kind", st.lost, scored,
                    st.causes, st.lostKinds, st.aboveKinds));
        }
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/screening-lost.txt"), dump);
        return String.format(Locale.ROOT, "loss diagnosis (%d queries, %.0f s): %d accepted pairs, %d keepable (at most"
                + " %d per query); lost at %d scored: %d = %.2f %%%n", queries.size(),
                (System.nanoTime() - t0) / 1e9, totals[0], totals[1], keep, scored, byKind.lost,
                100.0 * byKind.lost / Math.max(1, totals[1]))
                + summary;
    }

    /** What one ranking lost, by cause and by the kinds of key involved. */
    private static final class Stats {
        final Map<String, Integer> causes = new java.util.TreeMap<>();
        final Map<String, Integer> lostKinds = new java.util.TreeMap<>();
        final Map<String, Integer> aboveKinds = new java.util.TreeMap<>();
        long lost;
    }

    /** A query's blocked set scored: every name sharing a key, the accepted denials with their best name. */
    private record Blocked(List<ScreeningIndex.Hit> all, Map<String, ScreeningIndex.Hit> acceptedBest,
            Map<String, Double> scoreOf, java.util.Set<Integer> acceptedDocs) {
    }

    private static Blocked blocked(org.apache.lucene.search.IndexSearcher searcher, Map<String, Integer> frequencies,
            NameNormalizer.NormalizedName n, double threshold) throws java.io.IOException {
        TokenRarity queryRarity = ScreeningIndex.rarity(searcher, List.of(n), frequencies);
        List<ScreeningIndex.Hit> all = ScreeningIndex.hits(searcher,
                ScreeningIndex.query(searcher.getIndexReader(), n, queryRarity), BLOCKED);
        List<NameNormalizer.NormalizedName> names = new ArrayList<>();
        names.add(n);
        all.forEach(h -> names.add(h.name()));
        TokenRarity rarity = ScreeningIndex.rarity(searcher, names, frequencies);
        Map<String, ScreeningIndex.Hit> acceptedBest = new java.util.LinkedHashMap<>();
        Map<String, Double> scoreOf = new java.util.HashMap<>();
        java.util.Set<Integer> acceptedDocs = new java.util.HashSet<>();
        for (ScreeningIndex.Hit h : all) {
            double sc = NameMatcher.match(n, h.name(), rarity).score();
            if (sc >= threshold) {
                acceptedDocs.add(h.doc());
                if (sc > scoreOf.getOrDefault(h.denial(), -1.0)) {
                    acceptedBest.put(h.denial(), h);
                    scoreOf.put(h.denial(), sc);
                }
            }
        }
        return new Blocked(all, acceptedBest, scoreOf, acceptedDocs);
    }

    private static void diagnose(org.apache.lucene.search.IndexSearcher searcher, Map<String, Integer> frequencies,
            NameNormalizer.NormalizedName n, Blocked blocked, double threshold, double adjustment,
            int keep, int scored, StringBuilder dump, Stats stats) throws java.io.IOException {
        TokenRarity queryRarity = ScreeningIndex.rarity(searcher, List.of(n), frequencies);
        List<ScreeningIndex.Unit> units = ScreeningIndex.units(n, queryRarity);
        org.apache.lucene.search.Query ranked = ScreeningIndex.query(searcher.getIndexReader(), n, queryRarity,
                ScreeningIndex.lowestScore(threshold, adjustment));
        Map<String, ScreeningIndex.Hit> acceptedBest = blocked.acceptedBest();
        Map<String, Double> scoreOf = blocked.scoreOf();
        java.util.Set<Integer> acceptedDocs = blocked.acceptedDocs();
        List<ScreeningIndex.Hit> all = blocked.all();
        java.util.Set<String> found = new java.util.HashSet<>();
        List<ScreeningIndex.Hit> cut = ScreeningIndex.hits(searcher, ranked, scored);
        cut.forEach(h -> {
            if (acceptedDocs.contains(h.doc())) {
                found.add(h.denial());
            }
        });
        int lost = Math.min(keep, acceptedBest.size()) - Math.min(keep, found.size());
        stats.lost += lost;
        if (lost == 0) {
            return;
        }
        org.apache.lucene.search.ScoreDoc[] ranking = searcher.search(ranked, BLOCKED).scoreDocs;
        Map<Integer, Integer> rankOf = new java.util.HashMap<>();
        for (int i = 0; i < ranking.length; i++) {
            rankOf.put(ranking[i].doc, i);
        }
        float atCut = ranking.length >= scored ? ranking[scored - 1].score : 0;
        Map<Integer, ScreeningIndex.Hit> byDoc = new java.util.HashMap<>();
        all.forEach(h -> byDoc.put(h.doc(), h));
        Map<String, Integer> above = new java.util.TreeMap<>();
        for (ScreeningIndex.Hit h : cut) {
            above.merge(kinds(searcher, units, n, h.name()) + (acceptedDocs.contains(h.doc()) ? " (accepted)" : ""), 1,
                    Integer::sum);
        }
        above.forEach((k, v) -> stats.aboveKinds.merge(k, v, Integer::sum));
        dump.append(String.format(Locale.ROOT, "QUERY %s | %d accepted, %d found, %d lost, %d collected, evidence at"
                + " the cut %.4f; the %d scored, by keys: %s%n", n.original(),
                acceptedBest.size(), found.size(), lost, ranking.length, atCut, cut.size(), above));
        for (Map.Entry<String, ScreeningIndex.Hit> e : acceptedBest.entrySet()) {
            if (found.contains(e.getKey())) {
                continue;
            }
            ScreeningIndex.Hit h = e.getValue();
            Integer rank = rankOf.get(h.doc());
            float evidence = rank == null ? -1 : ranking[rank].score;
            String cause = rank == null ? "not collected (common words only)"
                    : evidence < atCut ? "less evidence than the cut" : "tied with the cut, lost in the tie";
            stats.causes.merge(cause, 1, Integer::sum);
            String kinds = kinds(searcher, units, n, h.name());
            stats.lostKinds.merge(kinds, 1, Integer::sum);
            long higher = rank == null ? -1 : Arrays.stream(ranking).filter(sd -> sd.score > evidence).count();
            dump.append(String.format(Locale.ROOT, "  LOST %s score %.3f rank %s evidence %.4f (%d names with more) %s;"
                    + " found by %s%n", h.name().original(), scoreOf.get(e.getKey()), rank == null ? "-" : rank.toString(),
                    evidence, higher, cause, kinds));
        }
    }

    /**
     * Which key kinds of each query unit an indexed name shares ({@code t} exact word, {@code p} phonetic,
     * {@code s} skeleton or second reading, {@code k} Korean, {@code d}/{@code e} deletion, {@code h} half,
     * {@code j} joined), unit by unit ({@code -} none).
     */
    private static String kinds(org.apache.lucene.search.IndexSearcher searcher, List<ScreeningIndex.Unit> units,
            NameNormalizer.NormalizedName query, NameNormalizer.NormalizedName name) throws java.io.IOException {
        java.util.Set<String> keys = ScreeningIndex.keys(name);
        java.util.Set<String> words = ScreeningIndex.words(name);
        StringBuilder out = new StringBuilder();
        for (ScreeningIndex.Unit u : units) {
            java.util.TreeSet<Character> kinds = new java.util.TreeSet<>();
            for (String k : u.keys()) {
                if (keys.contains(k)) {
                    kinds.add(k.charAt(0));
                }
            }
            if (u.token() != null) {
                for (var near : ScreeningIndex.neighbours(searcher.getIndexReader(), u.token()).entrySet()) {
                    if (near.getValue().stream().anyMatch(words::contains)) {
                        kinds.add(near.getKey() <= 1 ? 'e' : 'h'); // one edit, two edits
                    }
                }
            }
            StringBuilder k = new StringBuilder();
            kinds.forEach(k::append);
            out.append(out.length() == 0 ? "" : " ").append(u.token() == null ? "+" : "")
                    .append(k.length() == 0 ? "-" : k);
        }
        if (keys.contains("j:" + query.joined())) {
            out.append(" j");
        }
        return out.toString();
    }

    static final int[] CUTS = {50, 100, 300, 1000};
    static final int BLOCKED = 100_000;

    /**
     * A phase's start: wall-clock time (UTC, to window a JFR recording on the phase), load average and this
     * JVM's CPU time so far (the CPU a phase took is the difference to the next line: on a loaded machine a
     * better measure of cost than latency).
     */
    private static String phase(String name) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "phase %s at %s UTC: process CPU %.1f s, load average %s%n", name,
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                os.getProcessCpuTime() / 1e9, loadAverage());
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("?");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** COPYs {@code denials} synthetic denials of two parties each, in chunks of 20,000. */
    private void load(int denials, long offset) throws Exception {
        SyntheticNames gen = new SyntheticNames(LOADER_SEED + offset);
        ZipfNames zipfGen = new ZipfNames(LOADER_SEED + offset);
        boolean zipf = zipf();
        Random random = new Random(offset + 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int chunk = 20_000;
        for (int done = 0; done < denials; done += chunk) {
            StringBuilder denialRows = new StringBuilder();
            StringBuilder entryRows = new StringBuilder();
            for (int i = done; i < Math.min(denials, done + chunk); i++) {
                UUID id = UUID.randomUUID();
                List<DenialRequest.Party> ps = new ArrayList<>();
                List<Map<String, Object>> entry = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    String name;
                    String alternative;
                    if (zipf) {
                        ZipfNames.Name n = zipfGen.name();
                        name = n.latin();
                        alternative = n.alternative();
                    } else {
                        SyntheticNames.Name n = gen.name();
                        name = n.latin();
                        alternative = n.alternative();
                    }
                    List<String> aliases = random.nextInt(5) == 0 ? List.of(alternative) : List.of();
                    ps.add(new DenialRequest.Party(p == 0 ? PartyRole.END_USER : PartyRole.CONSIGNEE, name, aliases,
                            null, "AE", null));
                    entry.add(Map.of("name", name, "aliases", aliases));
                }
                entryRows.append(id).append('\t').append(escape(json.writeValueAsString(entry))).append('\n');
                String state = STATES[i % STATES.length];
                int pick = random.nextInt(10);
                Distribution dist = pick < 8 ? new Distribution(DistributionScope.ALL_PARTNERS, null, null)
                        : pick == 8 ? new Distribution(DistributionScope.REGIME, "NSG", null)
                        : new Distribution(DistributionScope.STATES, null, List.of(state.equals("FR") ? "DE" : "FR"));
                DenialRequest content = new DenialRequest("BENCH-" + offset + "-" + i, null, DecisionType.DENIAL,
                        LocalDate.of(2025, 1, 1), List.of(new DenialRequest.Item("3A001.a", null, null, null, null)),
                        ps, "AE", null, List.of("WMD"), null, null, null, dist, null);
                Instant review = now.atZone(ZoneOffset.UTC).plusYears(3).toInstant();
                String body = json.writeValueAsString(new DenialSnapshot(content, DenialStatus.ACTIVE, now, review,
                        null, now));
                denialRows.append(id).append('\t').append(state).append('\t').append(content.nationalReference())
                        .append("\tDENIAL\t2025-01-01\t").append(now).append('\t').append(review).append("\tACTIVE\tAE\t")
                        .append(dist.scope()).append('\t').append(dist.regime() == null ? "\\N" : dist.regime())
                        .append("\t1\t").append(now).append('\t').append(escape(body)).append('\n');
            }
            try (Connection c = dataSource.getConnection()) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("COPY denial (id, notifying_state, national_reference, decision_type, decision_date,"
                        + " notified_at, review_due_at, status, destination_country, dist_scope, dist_regime, version,"
                        + " updated_at, body) FROM STDIN", new StringReader(denialRows.toString()));
                copy.copyIn("COPY screening_entry (denial_id, parties) FROM STDIN",
                        new StringReader(entryRows.toString()));
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO denial_recipient (denial_id, state) SELECT id, body #>> '{content,"
                            + "distribution,states,0}' FROM denial WHERE dist_scope = 'STATES' AND NOT EXISTS (SELECT 1"
                            + " FROM denial_recipient r WHERE r.denial_id = denial.id)");
                }
            }
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE denial");
            st.execute("ANALYZE screening_entry");
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
