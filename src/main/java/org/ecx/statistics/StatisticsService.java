package org.ecx.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public denial statistics (SPEC §10).
 *
 * <p>What is counted: only denials distributed to ALL_PARTNERS and not revoked. A denial with a narrower
 * distribution (REGIME, STATES, ORIGINATOR) exists only for the states it admits (SPEC §2: it "never appears
 * in ... counts"), and the public is not one of them; revoked denials are withdrawn decisions. Regime is
 * taken from {@code regimeReferences} (the regimes under which the denial was notified), since the
 * distribution regime is by definition absent from ALL_PARTNERS denials. Cells below 5 are shown as
 * {@code "<5"}; no total is published, so that a single suppressed cell of the year table cannot be
 * recovered by subtraction (the other tables count a denial under several cells and do not add up).
 */
@ApplicationScoped
public class StatisticsService {

    static final int MINIMUM_CELL = 5;
    static final String SUPPRESSED = "<" + MINIMUM_CELL;
    static final String BASIS = "Denials distributed to all partners and not revoked; cells below "
            + MINIMUM_CELL + " shown as \"" + SUPPRESSED + "\".";
    private static final String COUNTED = "d.dist_scope = 'ALL_PARTNERS' AND d.status <> 'REVOKED'";

    @Inject
    EntityManager em;

    @Transactional
    public PublicStatistics compute() {
        return new PublicStatistics(BASIS,
                cells("SELECT CAST(extract(year FROM d.decision_date) AS integer), count(*) FROM denial d WHERE "
                        + COUNTED + " GROUP BY 1"),
                cells("SELECT coalesce(r.regime, 'NONE'), count(DISTINCT d.id) FROM denial d LEFT JOIN LATERAL"
                        + " (SELECT DISTINCT x->>'regime' AS regime FROM jsonb_array_elements("
                        + "coalesce(d.body->'content'->'regimeReferences', '[]'::jsonb)) x) r ON true WHERE "
                        + COUNTED + " GROUP BY 1"),
                cells("SELECT left(i.control_entry, 1), count(DISTINCT d.id) FROM denial d JOIN denial_item i"
                        + " ON i.denial_id = d.id WHERE " + COUNTED + " GROUP BY 1"),
                cells("SELECT x, count(DISTINCT d.id) FROM denial d, jsonb_array_elements_text("
                        + "d.body->'content'->'reasons') x WHERE " + COUNTED + " GROUP BY 1"));
    }

    private Map<String, Object> cells(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        Map<String, Object> cells = new TreeMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            cells.put(String.valueOf(row[0]), count < MINIMUM_CELL ? SUPPRESSED : count);
        }
        return cells;
    }
}
