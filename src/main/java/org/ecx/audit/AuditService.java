package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.ecx.access.Caller;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.Page;

/** Reading and verifying the audit log. */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;

    @Inject
    EcxConfig config;

    /** Events in which the caller's state is the actor or the owner of the record, oldest first. */
    @Transactional
    public Page<AuditEventView> list(Caller caller, String cursor, String limit, String recordType, String recordId) {
        int size = Cursors.limit(limit, config);
        long after = Cursors.decodeLong("audit", cursor, 0);
        StringBuilder q = new StringBuilder("seq > ?1 and (actorState = ?2 or ownerState = ?2)");
        java.util.List<Object> params = new java.util.ArrayList<>(List.of(after, caller.state()));
        if (recordType != null && !recordType.isBlank()) {
            params.add(recordType);
            q.append(" and recordType = ?").append(params.size());
        }
        if (recordId != null && !recordId.isBlank()) {
            params.add(recordId);
            q.append(" and recordId = ?").append(params.size());
        }
        q.append(" order by seq");
        List<AuditEvent> rows = AuditEvent.<AuditEvent>find(q.toString(), params.toArray()).range(0, size).list();
        List<AuditEventView> items = rows.stream().map(AuditEventView::of).toList();
        String next = null;
        if (rows.size() == size) {
            next = Cursors.encode("audit", Long.toString(rows.get(rows.size() - 1).seq));
        }
        return new Page<>(items, next);
    }

    /** Re-computes the whole chain: sequence continuity, links and hashes, and the head. */
    @Transactional
    public ChainVerification verify() {
        long expectedSeq = 1;
        String previous = AuditLog.GENESIS_HASH;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = AuditEvent.<AuditEvent>find("seq >= ?1 order by seq", expectedSeq)
                    .range(0, VERIFY_BATCH - 1).list();
            for (AuditEvent e : batch) {
                if (e.seq != expectedSeq || !previous.equals(e.previousHash) || !AuditLog.hash(e).equals(e.hash)) {
                    return new ChainVerification(false, checked, Math.min(e.seq, expectedSeq));
                }
                checked++;
                previous = e.hash;
                expectedSeq++;
            }
            AuditEvent.getEntityManager().clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        AuditHead head = AuditHead.findById(AuditHead.ID);
        if (head.lastSeq != expectedSeq - 1 || !head.lastHash.equals(previous)) {
            // events at the end of the chain were removed
            return new ChainVerification(false, checked, expectedSeq);
        }
        return new ChainVerification(true, checked, null);
    }
}
