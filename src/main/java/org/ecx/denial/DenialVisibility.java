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

    /** HQL predicate on alias {@code d} with parameter {@code :viewer}. */
    public static final String PREDICATE = "(d.notifyingState = :viewer"
            + " or d.distScope = 'ALL_PARTNERS'"
            + " or (d.distScope = 'REGIME' and exists (select 1 from PartnerState s join s.regimes r"
            + "      where s.code = :viewer and r = d.distRegime))"
            + " or (d.distScope = 'STATES' and :viewer member of d.recipients))";

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

    /** A visible denial with its undercut notices, oldest first. */
    public record WithNotices(Denial denial, java.util.List<UndercutNotice> notices) {
    }

    /**
     * As {@link #findVisible(UUID, String)} (read only), with the denial's undercut notices in the same statement:
     * one round trip to the database instead of two on the read path of a single denial.
     */
    public WithNotices findVisibleWithNotices(UUID id, String viewer) {
        java.util.List<Object[]> rows = Denial.getEntityManager().createQuery("select d, n from Denial d"
                + " left join UndercutNoticeRecord n on n.denialId = d.id"
                + " where d.id = :id and " + PREDICATE + " order by n.grantedAt, n.id", Object[].class)
                .setParameter("id", id).setParameter("viewer", viewer)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
        if (rows.isEmpty()) {
            throw EcxException.notFound();
        }
        java.util.List<UndercutNotice> notices = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] instanceof UndercutNoticeRecord n) {
                notices.add(n.toNotice());
            }
        }
        return new WithNotices((Denial) rows.get(0)[0], notices);
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
