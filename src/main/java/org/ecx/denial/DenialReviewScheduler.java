package org.ecx.denial;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.ecx.audit.AuditLog;

/**
 * Records, once per review period, that a denial's review has become overdue (SPEC §3). The status itself
 * is derived on every read, so it is never stale; this job leaves the audit trace and the feed
 * change. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several ECX instances never record the
 * same transition twice.
 */
@ApplicationScoped
public class DenialReviewScheduler {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<DenialWritten> written;

    @Scheduled(every = "${ecx.denials.overdue-check-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    void run() {
        while (markOverdue() == BATCH) {
            // next batch
        }
    }

    /** Marks one batch; returns how many denials were marked. */
    @Transactional
    public int markOverdue() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, notifying_state, version FROM denial"
                + " WHERE status <> 'REVOKED' AND review_due_at <= ?1"
                + " AND overdue_recorded_for IS DISTINCT FROM review_due_at"
                + " ORDER BY seq LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, clock.instant()).setParameter(2, BATCH).getResultList();
        for (Object[] row : due) {
            UUID id = (UUID) row[0];
            em.createNativeQuery("UPDATE denial SET overdue_recorded_for = review_due_at WHERE id = ?1")
                    .setParameter(1, id).executeUpdate();
            audit.recordSystem("DENIAL_REVIEW_OVERDUE", DenialQueries.RECORD_TYPE, id.toString(), (String) row[1]);
            written.fire(new DenialWritten(id, ((Number) row[2]).intValue(), "REVIEW_OVERDUE", (String) row[1], null));
        }
        return due.size();
    }
}
