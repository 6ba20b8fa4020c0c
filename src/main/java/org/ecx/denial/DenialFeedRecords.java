package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.feed.FeedRecordType;
import org.ecx.feed.FeedRecords;

/**
 * Denial changes on the feed and in webhooks: visible through {@link DenialVisibility#PREDICATE}, each the
 * version it refers to, redacted by {@link DenialRedactor} for the reader against the denial's CURRENT
 * releasability; handing one to another state is a read of its denial (SPEC §9).
 */
@ApplicationScoped
class DenialFeedRecords implements FeedRecords {

    @Inject
    DenialQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    DenialJson json;

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
        Map<UUID, Denial> denials = new HashMap<>();
        Map<String, DenialVersion> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Denial d : Denial.<Denial>list("id in ?1", ids)) {
                denials.put(d.id, d);
            }
            for (DenialVersion v : DenialVersion.<DenialVersion>list("denialId in ?1", ids)) {
                versions.put(v.denialId + "/" + v.version, v);
            }
        }
        // one query per page for the notices, one JSON parse per denial for its current releasability
        Map<UUID, List<UndercutNotice>> notices = UndercutNoticeRecord.byDenial(ids);
        Map<UUID, DenialSnapshot> current = new HashMap<>();
        List<Object> records = new ArrayList<>();
        for (Change c : changes) {
            DenialStatus shown = "REVIEW_OVERDUE".equals(c.changeType()) ? DenialStatus.REVIEW_OVERDUE : null;
            Denial d = denials.get(c.recordId());
            records.add(queries.versionView(d, current.computeIfAbsent(d.id, k -> json.read(d.body)),
                    versions.get(c.recordId() + "/" + c.version()), shown, viewer,
                    notices.getOrDefault(d.id, List.of())));
        }
        return records;
    }

    @Override
    public void recordDelivered(List<Change> changes, Caller reader) {
        audit.recordAll(reader.asActor(), DenialQueries.READ_ACTION, DenialQueries.RECORD_TYPE, changes.stream()
                .filter(c -> !reader.isOf(c.ownerState()))
                .map(c -> new AuditLog.Target(c.recordId().toString(), c.ownerState())).toList());
    }
}
