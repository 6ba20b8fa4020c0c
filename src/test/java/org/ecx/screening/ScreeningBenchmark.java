package org.ecx.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.ecx.support.Api;
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

    @Test
    void screeningLatency() throws Exception {
        int parties = Integer.getInteger("screening.bench.parties");
        int screenings = Integer.getInteger("screening.bench.screenings", 300);
        StringBuilder report = new StringBuilder();
        long present = count("SELECT count(*) FROM screening_name WHERE alias_idx = -1");
        if (present < parties) {
            long t0 = System.nanoTime();
            load((int) ((parties - present) / 2), present);
            report.append(String.format(Locale.ROOT, "loaded %d parties in %.1f s%n", parties - present,
                    (System.nanoTime() - t0) / 1e9));
        }
        long names = count("SELECT count(*) FROM screening_name");
        long partyCount = count("SELECT count(*) FROM screening_name WHERE alias_idx = -1");
        long denialCount = count("SELECT count(*) FROM denial");

        SyntheticNames gen = new SyntheticNames(7);
        SyntheticNames variants = new SyntheticNames(20261123L); // the loader's seed: replays its names
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < screenings + 30; i++) {
            SyntheticNames.Name loaded = variants.name();
            variants.name();
            queries.add(switch (i % 4) {
                case 0 -> gen.reordered(loaded);
                case 1 -> gen.otherLegalForm(loaded);
                default -> gen.name().latin();
            });
        }
        long[] micros = new long[screenings];
        long totalMatches = 0;
        for (int i = 0; i < queries.size(); i++) {
            String body = "{\"parties\":[{\"name\":" + json.writeValueAsString(queries.get(i))
                    + "}],\"items\":[{\"controlEntry\":\"3A001.a.1\"}]}";
            long t = System.nanoTime();
            int matches = Api.as("FR", "licensing-officer").body(body).post("/api/v1/screenings").then()
                    .statusCode(200).extract().jsonPath().getList("matches").size();
            long elapsed = (System.nanoTime() - t) / 1000;
            if (i >= 30) {
                micros[i - 30] = elapsed;
                totalMatches += matches;
            }
        }
        Arrays.sort(micros);
        report.append(String.format(Locale.ROOT,
                "database: %d denials, %d parties, %d indexed names (aliases included)%n"
                        + "%d screenings (1 party, 1 item) over HTTP by FR, after 30 warm-up requests%n"
                        + "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f; mean matches %.2f%n",
                denialCount, partyCount, names, screenings, micros[screenings / 2] / 1000.0,
                micros[(int) (screenings * 0.95)] / 1000.0, micros[(int) (screenings * 0.99)] / 1000.0,
                micros[screenings - 1] / 1000.0, Arrays.stream(micros).average().orElse(0) / 1000.0,
                (double) totalMatches / screenings));
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/screening.txt"), report);
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
        SyntheticNames gen = new SyntheticNames(20261123L + offset);
        Random random = new Random(offset + 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int chunk = 20_000;
        for (int done = 0; done < denials; done += chunk) {
            StringBuilder denialRows = new StringBuilder();
            StringBuilder nameRows = new StringBuilder();
            for (int i = done; i < Math.min(denials, done + chunk); i++) {
                UUID id = UUID.randomUUID();
                List<DenialRequest.Party> ps = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    SyntheticNames.Name n = gen.name();
                    List<String> aliases = random.nextInt(5) == 0 ? List.of(n.alternative()) : List.of();
                    ps.add(new DenialRequest.Party(p == 0 ? PartyRole.END_USER : PartyRole.CONSIGNEE, n.latin(), aliases,
                            null, "AE", null));
                    nameRow(nameRows, id, p, -1, n.latin());
                    for (int a = 0; a < aliases.size(); a++) {
                        nameRow(nameRows, id, p, a, aliases.get(a));
                    }
                }
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
                copy.copyIn("COPY screening_name (denial_id, party_idx, alias_idx, key_version, name_key, skeleton_key)"
                        + " FROM STDIN", new StringReader(nameRows.toString()));
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO denial_recipient (denial_id, state) SELECT id, body #>> '{content,"
                            + "distribution,states,0}' FROM denial WHERE dist_scope = 'STATES' AND NOT EXISTS (SELECT 1"
                            + " FROM denial_recipient r WHERE r.denial_id = denial.id)");
                }
            }
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE denial");
            st.execute("ANALYZE screening_name");
        }
    }

    private static void nameRow(StringBuilder rows, UUID id, int party, int alias, String name) {
        NameNormalizer.NormalizedName n = NameNormalizer.normalize(name);
        rows.append(id).append('\t').append(party).append('\t').append(alias).append('\t')
                .append(NameNormalizer.KEY_VERSION).append('\t').append(n.nameKey()).append('\t')
                .append(n.skeletonKey()).append('\n');
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
