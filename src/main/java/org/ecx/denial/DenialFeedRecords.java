package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.feed.FeedRecordType;
import org.ecx.feed.FeedRecords;
import org.hibernate.Session;

/**
 * Denial changes on the feed and in webhooks: visible through {@link DenialVisibility#PREDICATE}, each the
 * version it refers to, redacted by {@link DenialRedactor} for the reader against the denial's CURRENT
 * releasability; handing one to another state is a read of its denial (SPEC §9).
 */
@ApplicationScoped
class DenialFeedRecords implements FeedRecords {

    @Inject
    AuditLog audit;

    @Inject
    DenialJson json;

    @Inject
    DenialRedactor redactor;

    @Override
    public FeedRecordType type() {
        return FeedRecordType.DENIAL;
    }

    @Override
    public String visibleTo() {
        return "exists (select 1 from Denial d where d.id = c.recordUuid and " + DenialVisibility.PREDICATE + ")";
    }

    @Override
    public List<Object> render(List<Change> changes, String viewer) {
        List<UUID> ids = changes.stream().map(Change::recordId).distinct().toList();
        // one plain-JDBC statement for the page: each denial's current body (its releasability now) with its
        // versions' bodies; no entities to hydrate, snapshot or dirty-check, no statement to translate per page size
        Map<UUID, Current> denials = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            Denial.getEntityManager().unwrap(Session.class).doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.notifying_state, d.version,"
                        + " d.body::text, v.version, v.body::text FROM denial d"
                        + " JOIN denial_version v ON v.denial_id = d.id"
                        + " WHERE d.id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            if (!denials.containsKey(id)) {
                                denials.put(id, new Current(rs.getString(2), rs.getInt(3), rs.getString(4)));
                            }
                            versions.put(id + "/" + rs.getInt(5), rs.getString(6));
                        }
                    }
                }
            });
        }
        // one query per page for the notices; the bodies are of committed versions (only sealed changes are
        // rendered), so each is parsed once through the read paths' parsed-version cache
        Map<UUID, List<UndercutNotice>> notices = UndercutNoticeRecord.byDenial(ids);
        List<Object> records = new ArrayList<>();
        for (Change c : changes) {
            DenialStatus shown = "REVIEW_OVERDUE".equals(c.changeType()) ? DenialStatus.REVIEW_OVERDUE : null;
            Current d = denials.get(c.recordId());
            DenialSnapshot current = json.readCommitted(c.recordId(), d.version(), d.body());
            DenialSnapshot snapshot = json.readCommitted(c.recordId(), c.version(),
                    versions.get(c.recordId() + "/" + c.version()));
            records.add(redactor.view(c.recordId(), d.notifyingState(), c.version(), snapshot,
                    current.content().releasabilityOrDefault(), shown == null ? snapshot.status() : shown, viewer,
                    notices.getOrDefault(c.recordId(), List.of())));
        }
        return records;
    }

    /** A denial's notifying state, current version and its stored body. */
    private record Current(String notifyingState, int version, String body) {
    }

    @Override
    public void recordDelivered(List<Change> changes, Caller reader) {
        audit.recordAll(reader.asActor(), DenialQueries.READ_ACTION, DenialQueries.RECORD_TYPE, changes.stream()
                .filter(c -> !reader.isOf(c.ownerState()))
                .map(c -> new AuditLog.Target(c.recordId().toString(), c.ownerState())).toList());
    }
}
