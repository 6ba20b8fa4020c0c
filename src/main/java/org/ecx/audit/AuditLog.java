package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ecx.common.Actor;

/**
 * Appends events to the hash-chained audit log. Appends join the caller's transaction ({@code MANDATORY}), so an
 * event exists exactly when the change it records was committed. An append is a plain insert: no lock is taken.
 * The sequencer seals the event (sequence number and chain hash) shortly after the transaction commits, in commit
 * order (ADR 0007).
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    @Inject
    org.ecx.sequencer.Sequencer sequencer;

    /** Records an action of an actor (an authenticated caller, or ECX itself: {@link Actor#system()}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String recordType, String recordId, String ownerState) {
        append(actor.state(), actor.name(), action, recordType, recordId, ownerState);
    }

    /** One record acted upon, for {@link #recordAll}. */
    public record Target(String recordId, String ownerState) {
    }

    /** Records the same action of an actor on several records (e.g. the reads of a list page). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Actor actor, String action, String recordType, List<Target> targets) {
        for (Target t : targets) {
            append(actor.state(), actor.name(), action, recordType, t.recordId(), t.ownerState());
        }
    }

    /** Records an action taken by ECX itself (e.g. a scheduler deeming a consultation answered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String action, String recordType, String recordId, String ownerState) {
        record(Actor.system(), action, recordType, recordId, ownerState);
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
