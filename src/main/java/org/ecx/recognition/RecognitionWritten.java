package org.ecx.recognition;

import java.util.UUID;
import org.ecx.feed.FeedRecordType;
import org.ecx.feed.RecordChange;

/**
 * A recognition was created or changed status. Fired as a CDI event inside the writing transaction and observed
 * synchronously by the feed, so the change commits or rolls back with the write. {@code record} is the
 * recognizing state's full view at this change; the feed keeps it and {@link RecognitionFeedRecords} redacts it
 * per reader.
 */
public record RecognitionWritten(UUID recognitionId, int version, String changeType, String recognizingState,
        RecognitionView record) implements RecordChange {

    @Override
    public FeedRecordType recordType() {
        return FeedRecordType.RECOGNITION;
    }

    @Override
    public UUID recordId() {
        return recognitionId;
    }

    @Override
    public String ownerState() {
        return recognizingState;
    }

    @Override
    public Object feedPayload() {
        return record;
    }
}
