package org.ecx.denial;

import java.util.UUID;
import org.ecx.feed.FeedRecordType;
import org.ecx.feed.RecordChange;

/**
 * A denial version was written (CREATED, AMENDED, RENEWED, REVOKED), its review became overdue (REVIEW_OVERDUE,
 * with the version current at that moment), or an undercut notice was added to it (UNDERCUT_NOTICE).
 *
 * <p>Fired as a CDI event inside the writing transaction and observed synchronously ({@code @Observes}): the feed
 * inserts its change and screening its entry in that same transaction, so they commit or roll back with the write,
 * and a failing observer fails the write. Not {@code AFTER_SUCCESS} (a crash after the commit would lose the feed
 * change: the feed would miss a version for good) and not {@code @ObservesAsync} (another thread, outside the
 * transaction). Denial depends on neither observer.
 *
 * @param written the denial and the snapshot written, when the parties or items may have changed (CREATED,
 *        AMENDED); null for status-only changes
 */
public record DenialWritten(UUID denialId, int version, String changeType, String notifyingState, Content written)
        implements RecordChange {

    /** The denial row and the snapshot just written to it. */
    public record Content(Denial denial, DenialSnapshot snapshot) {
    }

    static DenialWritten of(Denial d, String changeType) {
        return new DenialWritten(d.id, d.version, changeType, d.notifyingState, null);
    }

    static DenialWritten withContent(Denial d, DenialSnapshot snapshot, String changeType) {
        return new DenialWritten(d.id, d.version, changeType, d.notifyingState, new Content(d, snapshot));
    }

    @Override
    public FeedRecordType recordType() {
        return FeedRecordType.DENIAL;
    }

    @Override
    public UUID recordId() {
        return denialId;
    }

    @Override
    public String ownerState() {
        return notifyingState;
    }
}
