package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ecx.common.EcxException;

/**
 * The one visibility rule for denials (SPEC §2), as a query predicate: a viewer sees a denial when it is the
 * notifying state, or the distribution admits it (ALL_PARTNERS; REGIME with the viewer a CURRENT member per
 * the partner registry; STATES listing it). Every denial read (get, list, history, receipts, and the later
 * screening and feed paths) selects through {@link #PREDICATE}; nothing checks visibility any other way.
 * The viewer itself is an active partner: {@code AccessPolicy} refuses every other caller.
 */
@ApplicationScoped
public class DenialVisibility {

    /**
     * The rule itself, in SQL over the denial's columns: written once, rendered for JDBC ({@link #sqlOn}) and for
     * HQL ({@link #PREDICATE}, through Hibernate's {@code sql()} function) alike. A REGIME denial is visible to the
     * CURRENT members of its regime ({@code regime_membership}, the partner registry); a STATES denial to its
     * listed recipients ({@code denial_recipient}).
     */
    private static final String RULE = "({notifying} = {viewer} or {scope} = 'ALL_PARTNERS'"
            + " or ({scope} = 'REGIME' and exists (select 1 from regime_membership vis_m"
            + " where vis_m.state_code = {viewer} and vis_m.regime_code = {regime}))"
            + " or ({scope} = 'STATES' and exists (select 1 from denial_recipient vis_r"
            + " where vis_r.denial_id = {id} and vis_r.state = {viewer})))";

    private static final java.util.regex.Pattern SLOT = java.util.regex.Pattern.compile("\\{(\\w+)}");

    /** HQL predicate on alias {@code d} with parameter {@code :viewer}: {@link #RULE} through HQL's {@code sql()}. */
    public static final String PREDICATE = hql(Map.of("id", "d.id", "notifying", "d.notifyingState",
            "scope", "d.distScope", "regime", "d.distRegime", "viewer", ":viewer"));

    /**
     * The same rule as plain SQL for a JDBC statement: on the {@code denial} row aliased {@code alias}, for the
     * viewer given by the SQL expression {@code viewer} (e.g. a column of a one-row CTE holding the parameter).
     */
    public static String sqlOn(String alias, String viewer) {
        Map<String, String> slots = Map.of("id", alias + ".id", "notifying", alias + ".notifying_state",
                "scope", alias + ".dist_scope", "regime", alias + ".dist_regime", "viewer", viewer);
        return SLOT.matcher(RULE).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(slots.get(m.group(1))));
    }

    /** {@code cast(sql('RULE with ? per slot', args in slot order) as Boolean) = true}: HQL's escape to SQL. */
    private static String hql(Map<String, String> slots) {
        java.util.regex.Matcher m = SLOT.matcher(RULE);
        StringBuilder args = new StringBuilder();
        String sql = m.replaceAll(r -> {
            args.append(", ").append(slots.get(r.group(1)));
            return "?";
        });
        return "(cast(sql('" + sql.replace("'", "''") + "'" + args + ") as Boolean) = true)";
    }

    /** The partner states that see the denial now, through {@link #PREDICATE} (viewer = each registered state). */
    public java.util.Set<String> viewers(UUID id) {
        return new java.util.TreeSet<>(Denial.getEntityManager().createQuery("select p.code from PartnerState p"
                + " where exists (select 1 from Denial d where d.id = :id and " + PREDICATE.replace(":viewer", "p.code")
                + ")", String.class).setParameter("id", id).getResultList());
    }

    /** The denial if the viewer may see it; otherwise the same 404 as for an id that never existed. */
    public Denial findVisible(UUID id, String viewer) {
        return findVisible(id, viewer, false);
    }

    /** As {@link #findVisible(UUID, String)}, locking the row for an update. */
    public Denial findVisibleForUpdate(UUID id, String viewer) {
        return findVisible(id, viewer, true);
    }

    private Denial findVisible(UUID id, String viewer, boolean lock) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("viewer", viewer);
        var query = Denial.<Denial>find("from Denial d where d.id = :id and " + PREDICATE, params);
        if (lock) {
            query = query.withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().orElseThrow(EcxException::notFound);
    }

    /** Parses a path id; a malformed id is indistinguishable from a missing one. */
    public static UUID parseId(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
