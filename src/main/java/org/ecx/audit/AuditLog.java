package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ecx.access.Caller;

/**
 * Appends events to the hash-chained audit log. Appends join the caller's transaction ({@code MANDATORY}), so an
 * event exists exactly when the change it records was committed. An append is a plain insert: no lock is taken.
 * The sequencer seals the event (sequence number and chain hash) shortly after the transaction commits, in commit
 * order (ADR 0007).
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM_ACTOR = "ecx-system";

    @Inject
    Clock clock;

    @Inject
    org.ecx.sequencer.Sequencer sequencer;

    /** Records an action of an authenticated caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String recordType, String recordId, String ownerState) {
        append(caller.state(), caller.actor(), action, recordType, recordId, ownerState);
    }

    /** One record acted upon, for {@link #recordAll}. */
    public record Target(String recordId, String ownerState) {
    }

    /** Records the same action of a caller on several records (e.g. the reads of a list page). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Caller caller, String action, String recordType, List<Target> targets) {
        for (Target t : targets) {
            append(caller.state(), caller.actor(), action, recordType, t.recordId(), t.ownerState());
        }
    }

    /** Records an action taken by ECX itself (e.g. a scheduler deeming a consultation answered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String action, String recordType, String recordId, String ownerState) {
        append(null, SYSTEM_ACTOR, action, recordType, recordId, ownerState);
    }

    private void append(String actorState, String actor, String action, String recordType, String recordId,
            String ownerState) {
        AuditEvent e = new AuditEvent();
        e.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        e.actorState = actorState;
        e.actor = actor;
        e.action = action;
        e.recordType = recordType;
        e.recordId = recordId;
        e.ownerState = ownerState;
        e.persist();
        sequencer.sealAfterCommit();
    }
}
