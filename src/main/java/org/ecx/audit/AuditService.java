package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.Page;

/** Reading and verifying the audit log. Only sealed events are read (ADR 0007). */
@ApplicationScoped
public class AuditService {

    static final String CURSOR_KIND = "audit";
    private static final int VERIFY_BATCH = 1000;

    @Inject
    EcxConfig config;

    @Inject
    AuditKeys keys;

    @Inject
    EntityManager em;

    /**
     * Events in which {@code viewerState} is the actor or the owner of the record, oldest first. Each carries its
     * position within this listing (the caller's events matching the filters, from 1), never the global sequence
     * number, and no link to the event before it: a state's auditor learns nothing of how many events of other
     * states lie between two of its own (docs/security-model.md, "Audit").
     */
    @Transactional
    public Page<AuditEventView> list(String viewerState, String cursor, String limit, String recordType,
            String recordId) {
        int size = Cursors.limit(limit, config);
        long after = Cursors.decodeLong(CURSOR_KIND, viewerState, cursor, 0);
        StringBuilder q = new StringBuilder("(actorState = ?2 or ownerState = ?2)");
        List<Object> params = new ArrayList<>(List.of(after, viewerState));
        if (recordType != null && !recordType.isBlank()) {
            params.add(recordType);
            q.append(" and recordType = ?").append(params.size());
        }
        if (recordId != null && !recordId.isBlank()) {
            params.add(recordId);
            q.append(" and recordId = ?").append(params.size());
        }
        // one more than the page: whether there is a next page
        List<AuditEvent> rows = AuditEvent.<AuditEvent>find("seq > ?1 and " + q + " order by seq", params.toArray())
                .range(0, size).list();
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = Cursors.encode(CURSOR_KIND, viewerState, Long.toString(rows.get(size - 1).seq));
        }
        long before = rows.isEmpty() || after == 0 ? 0
                : AuditEvent.count("seq <= ?1 and " + q, params.toArray());
        List<AuditEventView> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            items.add(AuditEventView.of(rows.get(i), before + i + 1));
        }
        return new Page<>(items, next);
    }

    /**
     * Access receipts (SPEC §9): per acting state, how often and when it did {@code action} on one record, e.g.
     * read another state's denial. Joins the caller's transaction; the owning feature decides who may see them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AccessReceipt> receipts(String recordType, String recordId, String action) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT actor_state, count(*), min(at), max(at) FROM audit_event"
                + " WHERE record_type = ?1 AND record_id = ?2 AND action = ?3 AND actor_state IS NOT NULL"
                + " GROUP BY actor_state ORDER BY actor_state")
                .setParameter(1, recordType).setParameter(2, recordId).setParameter(3, action)
                .getResultList();
        List<AccessReceipt> receipts = new ArrayList<>();
        for (Object[] r : rows) {
            receipts.add(new AccessReceipt((String) r[0], ((Number) r[1]).longValue(), toInstant(r[2]),
                    toInstant(r[3])));
        }
        return receipts;
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o);
    }

    /**
     * Re-computes the chain of sealed events: sequence continuity, links and keyed hashes, the head, the latest
     * stored checkpoint and, when given, the hash of a checkpoint the auditor kept ({@code checkpointHash}: the chain
     * must still contain an event with that hash, else its tail was deleted or that event changed). The whole chain
     * is checked, but the answer speaks only of the caller's view (the events {@link #list} shows it), so that it
     * tells a state nothing about other states' activity: {@code checked} counts the caller's events that verified,
     * and {@code firstBrokenSeq} is the position, among the caller's events, of its first event at or after the
     * break (absent when the break lies after its last event).
     */
    @Transactional
    public ChainVerification verify(String viewerState, String checkpointHash) {
        List<AuditChain.Point> points = new ArrayList<>();
        if (checkpointHash != null) {
            points.add(keptCheckpoint(checkpointHash));
        }
        AuditCheckpoint.latest().ifPresent(c -> points.add(new AuditChain.Point(c.seq, c.hash)));
        // the head first: the sequencer seals events and moves the head in one transaction, so every event up to
        // the head read here is visible to the statements below
        AuditHead head = AuditHead.findById(AuditHead.ID);
        AuditChain.Verifier verifier = keys.chain().new Verifier(head.keyedAfter, points);
        long checkedInView = 0;
        while (verifier.lastSeq() < head.lastSeq) {
            List<AuditEvent> batch = AuditEvent.<AuditEvent>find("seq > ?1 and seq <= ?2 order by seq",
                    verifier.lastSeq(), head.lastSeq).range(0, VERIFY_BATCH - 1).list();
            boolean ok = !batch.isEmpty();
            for (AuditEvent e : batch) {
                ok = verifier.accept(e.link(), e.hash);
                if (!ok) {
                    break;
                }
                if (viewerState.equals(e.actorState) || viewerState.equals(e.ownerState)) {
                    checkedInView++;
                }
            }
            AuditEvent.getEntityManager().clear();
            if (!ok) {
                break;
            }
        }
        ChainVerification whole = verifier.finish(new AuditChain.Point(head.lastSeq, head.lastHash));
        Long broken = null;
        if (whole.firstBrokenSeq() != null) {
            Long firstOwn = AuditEvent.getEntityManager().createQuery("select min(seq) from AuditEvent where seq >= ?1"
                    + " and (actorState = ?2 or ownerState = ?2)", Long.class)
                    .setParameter(1, whole.firstBrokenSeq()).setParameter(2, viewerState).getSingleResult();
            broken = firstOwn == null ? null
                    : AuditEvent.count("seq <= ?1 and (actorState = ?2 or ownerState = ?2)", firstOwn, viewerState);
        }
        return new ChainVerification(whole.valid(), checkedInView, broken);
    }

    /** Where the chain had the kept hash; a hash no sealed event has any more lies beyond the end of the chain. */
    private static AuditChain.Point keptCheckpoint(String hash) {
        if (!hash.matches("^[0-9a-f]{64}$")) {
            throw EcxException.invalid("checkpointHash", "must be 64 lower-case hex digits");
        }
        Long seq = AuditEvent.getEntityManager().createQuery("select seq from AuditEvent where hash = ?1", Long.class)
                .setParameter(1, hash).getResultStream().findFirst().orElse(Long.MAX_VALUE);
        return new AuditChain.Point(seq, hash);
    }

    /**
     * The chain's head at the latest checkpoint, signed for auditors to keep: its hash and time, without its
     * sequence number (the number of events in the whole federation's chain, which a state may not learn).
     */
    @Transactional
    public AuditCheckpointView latestCheckpoint() {
        AuditCheckpoint c = AuditCheckpoint.latest()
                .orElseThrow(() -> new EcxException(org.ecx.common.ErrorCode.NOT_FOUND,
                        "No checkpoint of the audit chain has been written yet."));
        return new AuditCheckpointView(c.hash, c.at, c.keyId, keys.signHead(c.hash, c.at), keys.publicKeyBase64());
    }
}
