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
import org.ecx.common.EcxException;
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

    @Inject
    AuditAdmission admission;

    private static final String INSERT = "INSERT INTO audit_event (at, actor_state, actor, action, record_type,"
            + " record_id, owner_state)";

    /**
     * For a read that appends its events in the same statement (a data-modifying CTE on a plain JDBC connection,
     * outside JTA): {@code INSERT INTO audit_event (...) SELECT ?, ?, ?, ?, ?, recordId, ownerState FROM (admitted),
     * from}; decide {@link #admitsReads} once for the statement, bind its six parameters with {@link #bindInsert},
     * then call {@link #readCommitted} after the commit. The database fills in id, xid and inserted_at as for every
     * append, so the sequencer seals these events like any other (ADR 0007). A statement bound as not admitted
     * appends nothing (its sixth parameter empties the insert's FROM), and {@link #readCommitted} refuses it.
     */
    public static String insertSelect(String recordId, String ownerState, String from) {
        return INSERT + " SELECT ?, ?, ?, ?, ?, " + recordId + ", " + ownerState
                + " FROM (SELECT 1 WHERE CAST(? AS boolean)) admitted, " + from;
    }

    /**
     * Whether a read of other states' records may append its audit events now: false while the unsealed audit
     * window is over its bound (ADR 0019). Decided once per statement, without database work.
     */
    public boolean admitsReads() {
        return admission.admits();
    }

    /** Binds the parameters of {@link #insertSelect} from {@code index} on; returns the next free index. */
    public int bindInsert(PreparedStatement ps, int index, Actor actor, String action, String recordType,
            boolean admitted) throws SQLException {
        bind(ps, index, now(), actor, action, recordType);
        ps.setBoolean(index + 5, admitted);
        return index + 6;
    }

    /**
     * After a plain JDBC statement bound by {@link #bindInsert} has committed, with whether it read records of other
     * states: wakes the active sequencer as {@code Sequencer.sealAfterCommit} does after a JTA commit (the poll
     * remains the fallback); when it was not admitted it appended nothing, and its read is answered 503 instead.
     *
     * @throws EcxException 503 with {@code Retry-After} when other states' records were read without admission
     */
    public void readCommitted(boolean admitted, boolean otherStatesRead) {
        if (!otherStatesRead) {
            return;
        }
        if (!admitted) {
            throw admission.refusal();
        }
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

    /**
     * Records the same action of an actor on several records in one batch, unconditionally (e.g. the deliveries of
     * a webhook, already made).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Actor actor, String action, String recordType, List<Target> targets) {
        append(actor, action, recordType, targets);
    }

    /**
     * Records a request's reads of other states' records (e.g. the matches of a batch screening) in one batch,
     * when {@link #admitsReads admitted}; otherwise throws, so that the caller's transaction rolls back and
     * nothing of the request is stored.
     *
     * @throws EcxException 503 with {@code Retry-After} while the unsealed audit window is over its bound
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(Actor reader, String action, String recordType, List<Target> targets) {
        if (!targets.isEmpty() && !admission.admits()) {
            throw admission.refusal();
        }
        append(reader, action, recordType, targets);
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
