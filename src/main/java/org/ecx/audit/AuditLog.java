package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private static final String INSERT = "INSERT INTO audit_event (at, actor_state, actor, action, record_type,"
            + " record_id, owner_state)";

    /**
     * For a read that appends its events in the same statement (a data-modifying CTE on a plain JDBC connection,
     * outside JTA): {@code INSERT INTO audit_event (...) SELECT ?, ?, ?, ?, ?, recordId, ownerState FROM from}; bind
     * its five parameters with {@link #bindInsert}, then call {@link #committedOutsideJta} after the commit. The
     * database fills in id, xid and inserted_at as for every append, so the sequencer seals these events like any
     * other (ADR 0007).
     */
    public static String insertSelect(String recordId, String ownerState, String from) {
        return INSERT + " SELECT ?, ?, ?, ?, ?, " + recordId + ", " + ownerState + " FROM " + from;
    }

    /** Binds the parameters of {@link #insertSelect} from {@code index} on; returns the next free index. */
    public int bindInsert(PreparedStatement ps, int index, Actor actor, String action, String recordType)
            throws SQLException {
        bind(ps, index, now(), actor, action, recordType);
        return index + 5;
    }

    /**
     * After a plain JDBC transaction that appended through {@link #insertSelect} has committed: wakes the active
     * sequencer as {@code Sequencer.sealAfterCommit} does after a JTA commit (the poll remains the fallback).
     */
    public void committedOutsideJta() {
        org.ecx.sequencer.SequencerNode n = sequencer.node();
        if (n != null) {
            n.committed();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static void bind(PreparedStatement ps, int index, OffsetDateTime at, Actor actor, String action,
            String recordType) throws SQLException {
        ps.setObject(index, at);
        ps.setString(index + 1, actor.state());
        ps.setString(index + 2, actor.name());
        ps.setString(index + 3, action);
        ps.setString(index + 4, recordType);
    }

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
        OffsetDateTime at = now();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Target t : targets) {
                    bind(ps, 1, at, actor, action, recordType);
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
