package org.ecx.feed;

import java.util.UUID;

/**
 * A new version of a record the feed carries, announced by the package that owns the record as a CDI event
 * fired inside the writing transaction (e.g. {@code DenialWritten}, {@code RecognitionWritten}). {@link ChangeFeed}
 * observes this interface, so the feed knows no record type's package: the owners depend on the feed, not the
 * other way round.
 */
public interface RecordChange {

    FeedRecordType recordType();

    UUID recordId();

    /** The record version the change produced (or the version current at the change). */
    int version();

    /** UPPER_SNAKE_CASE, e.g. CREATED, AMENDED, REVOKED. */
    String changeType();

    /** The state that owns the record (notifying, recognizing). */
    String ownerState();

    /**
     * What the feed keeps of the record at this change, to be rendered per reader later by the owner's
     * {@link FeedRecords}; null when the owner renders from its own tables.
     */
    default Object feedPayload() {
        return null;
    }
}
