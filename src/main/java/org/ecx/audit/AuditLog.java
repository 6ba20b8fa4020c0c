package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ecx.common.Actor;
import org.hibernate.Session;

/**
 * Appends events to the hash-chained audit log. Appends join the caller's transaction ({@code MANDATORY}), so an
 * event exists exactly when the change it records was committed. An append is a plain insert (one JDBC batch): no
 * lock is taken.
 * The sequencer seals the event (sequence number and chain hash) shortly after the transaction commits, in commit
 * order (ADR 0007).
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    @Inject
    org.ecx.sequencer.Sequencer sequencer;

    @Inject
    EntityManager em;

    /** Records an action of an actor (an authenticated caller, or ECX itself: {@link Actor#system()}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String recordType, String recordId, String ownerState) {
        append(actor, action, recordType, List.of(new Target(recordId, ownerState)));
    }

    /** One record acted upon, for {@link #recordAll}. */
    public record Target(String recordId, String ownerState) {
    }

    /** Records the same action of an actor on several records (e.g. the reads of a list page), in one batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Actor actor, String action, String recordType, List<Target> targets) {
        append(actor, action, recordType, targets);
    }

    /** Records an action taken by ECX itself (e.g. a scheduler deeming a consultation answered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String action, String recordType, String recordId, String ownerState) {
        record(Actor.system(), action, recordType, recordId, ownerState);
    }

    /**
     * Inserts the events with one JDBC batch on the transaction's connection: one round trip for a page of reads
     * (an ORM insert of an IDENTITY entity is one round trip per event, and its listeners were a visible part of
     * the request path's CPU profile, docs/benchmarks.md). The database fills in id, xid and inserted_at.
     */
    private void append(Actor actor, String action, String recordType, List<Target> targets) {
        if (targets.isEmpty()) {
            return;
        }
        OffsetDateTime at = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (at, actor_state, actor, action,"
                    + " record_type, record_id, owner_state) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Target t : targets) {
                    ps.setObject(1, at);
                    ps.setString(2, actor.state());
                    ps.setString(3, actor.name());
                    ps.setString(4, action);
                    ps.setString(5, recordType);
                    ps.setString(6, t.recordId());
                    ps.setString(7, t.ownerState());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        sequencer.sealAfterCommit();
    }
}
