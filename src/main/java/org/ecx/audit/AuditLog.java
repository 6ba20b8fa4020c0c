package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.ecx.access.Caller;

/**
 * Appends events to the hash-chained audit log. Appends must join the caller's transaction
 * ({@code MANDATORY}), so an event exists exactly when the change it records was committed. Appending
 * locks the chain head until commit: callers append as the last step of their transaction.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS_HASH = "0".repeat(64);
    public static final String SYSTEM_ACTOR = "ecx-system";

    @Inject
    Clock clock;

    /** Records an action of an authenticated caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(Caller caller, String action, String recordType, String recordId, String ownerState) {
        return append(caller.state(), caller.actor(), action, recordType, recordId, ownerState);
    }

    /** One record acted upon, for {@link #recordAll}. */
    public record Target(String recordId, String ownerState) {
    }

    /** Records the same action of a caller on several records (e.g. the reads of a list page): one lock, one flush. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Caller caller, String action, String recordType, java.util.List<Target> targets) {
        if (targets.isEmpty()) {
            return;
        }
        AuditHead.getEntityManager().flush();
        AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        for (Target t : targets) {
            appendLocked(head, caller.state(), caller.actor(), action, recordType, t.recordId(), t.ownerState());
        }
    }

    /** Records an action taken by ECX itself (e.g. a scheduler deeming a consultation answered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent recordSystem(String action, String recordType, String recordId, String ownerState) {
        return append(null, SYSTEM_ACTOR, action, recordType, recordId, ownerState);
    }

    /**
     * Takes the chain's head lock without appending. Other commit-ordered logs (the change feed) take it
     * before their own head lock, so every transaction locks the heads in the same order (audit first) and
     * two writers can never deadlock on them, whichever of {@code record} and their own append they call first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockHead() {
        AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    private AuditEvent append(String actorState, String actor, String action, String recordType, String recordId,
            String ownerState) {
        // Flush the caller's pending writes first: the head lock below is held until commit, and every
        // audited transaction in the system waits for it, so the locked window must stay short.
        AuditHead.getEntityManager().flush();
        AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        return appendLocked(head, actorState, actor, action, recordType, recordId, ownerState);
    }

    private AuditEvent appendLocked(AuditHead head, String actorState, String actor, String action, String recordType,
            String recordId, String ownerState) {
        AuditEvent e = new AuditEvent();
        e.seq = head.lastSeq + 1;
        e.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        e.actorState = actorState;
        e.actor = actor;
        e.action = action;
        e.recordType = recordType;
        e.recordId = recordId;
        e.ownerState = ownerState;
        e.previousHash = head.lastHash;
        e.hash = hash(e);
        e.persist();
        head.lastSeq = e.seq;
        head.lastHash = e.hash;
        return e;
    }

    /** SHA-256 over every stored field of the event and the previous event's hash. */
    public static String hash(AuditEvent e) {
        String canonical = String.join("\n",
                Long.toString(e.seq),
                canonicalInstant(e.at),
                nullToEmpty(e.actorState),
                nullToEmpty(e.actor),
                nullToEmpty(e.action),
                nullToEmpty(e.recordType),
                nullToEmpty(e.recordId),
                nullToEmpty(e.ownerState),
                nullToEmpty(e.previousHash));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String canonicalInstant(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
