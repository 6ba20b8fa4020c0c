package org.ecx.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecx.common.StoredJson;

/**
 * Public denial statistics (SPEC §10), published as dated snapshots.
 *
 * <p>What is counted: only denials distributed to ALL_PARTNERS and not revoked, notified before the snapshot's
 * date. A denial with a narrower distribution (REGIME, STATES, ORIGINATOR) exists only for the states it admits
 * (SPEC §2: it "never appears in ... counts"), and the public is not one of them; revoked denials are withdrawn
 * decisions. Regime is taken from {@code regimeReferences} (the regimes under which the denial was notified),
 * since the distribution regime is by definition absent from ALL_PARTNERS denials.
 *
 * <p>Disclosure control (docs/security-model.md): the statistics of a period ({@code ecx.statistics.period}, a
 * day or a month) are computed once, the first time they are asked for, stored, and served unchanged for the
 * whole period, so that polling does not show each new denial moving cells by one; small cells are suppressed
 * with complementary suppression ({@link DisclosureControl}); no total is published.
 */
@ApplicationScoped
public class StatisticsService {

    static final String BASIS = "Denials distributed to all partners and not revoked, notified before asOf; cells"
            + " below " + DisclosureControl.MINIMUM_CELL + ", and the cells suppressed to protect them, shown as \""
            + DisclosureControl.SUPPRESSED + "\".";
    private static final String COUNTED = "d.dist_scope = 'ALL_PARTNERS' AND d.status <> 'REVOKED'"
            + " AND d.notified_at < :asOf";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    StatisticsConfig config;

    @Inject
    StoredJson json;

    /** The snapshot of the current period: the stored one, or computed and stored now. */
    @Transactional
    public PublicStatistics current() {
        Instant asOf = periodStart(clock.instant(), config.period());
        String stored = stored(asOf);
        if (stored == null) {
            // two instances may compute the same period at once: the first insert wins, both serve it
            em.createNativeQuery("INSERT INTO statistics_snapshot (as_of, body, computed_at)"
                    + " VALUES (:asOf, CAST(:body AS jsonb), :now) ON CONFLICT (as_of) DO NOTHING")
                    .setParameter("asOf", asOf).setParameter("body", json.write(compute(asOf)))
                    .setParameter("now", clock.instant()).executeUpdate();
            stored = stored(asOf);
        }
        return json.read(stored, PublicStatistics.class);
    }

    private String stored(Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT CAST(body AS text) FROM statistics_snapshot WHERE as_of = :asOf")
                .setParameter("asOf", asOf).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Midnight UTC of the day, or of the first day of the month, that {@code now} falls in. */
    static Instant periodStart(Instant now, StatisticsConfig.Period period) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = period == StatisticsConfig.Period.MONTH ? day.withDayOfMonth(1) : day;
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    PublicStatistics compute(Instant asOf) {
        return new PublicStatistics(BASIS, asOf,
                cells(asOf, "SELECT CAST(extract(year FROM d.decision_date) AS integer), count(*) FROM denial d WHERE "
                        + COUNTED + " GROUP BY 1"),
                cells(asOf, "SELECT coalesce(r.regime, 'NONE'), count(DISTINCT d.id) FROM denial d LEFT JOIN LATERAL"
                        + " (SELECT DISTINCT x->>'regime' AS regime FROM jsonb_array_elements("
                        + "coalesce(d.body->'content'->'regimeReferences', '[]'::jsonb)) x) r ON true WHERE "
                        + COUNTED + " GROUP BY 1"),
                cells(asOf, "SELECT left(i.control_entry, 1), count(DISTINCT d.id) FROM denial d JOIN denial_item i"
                        + " ON i.denial_id = d.id WHERE " + COUNTED + " GROUP BY 1"),
                cells(asOf, "SELECT x, count(DISTINCT d.id) FROM denial d, jsonb_array_elements_text("
                        + "d.body->'content'->'reasons') x WHERE " + COUNTED + " GROUP BY 1"));
    }

    private Map<String, Object> cells(Instant asOf, String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("asOf", asOf).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return DisclosureControl.publish(counts);
    }
}
