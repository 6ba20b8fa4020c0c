package org.ecx.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change as the reader may see it: feed items and webhook payloads are this same record, built for the
 * reading state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FeedItem")
public record FeedItem(
        @Schema(required = true, description = "Opaque position just after this change; resume from it with ?cursor=")
        String cursor,
        @Schema(required = true, description = "When the change was committed") Instant at,
        @Schema(required = true) FeedRecordType recordType,
        @Schema(required = true, description = "Denial/recognition/consultation id, or listId:edition")
        String recordId,
        @Schema(required = true, example = "REVOKED",
                description = "DENIAL: CREATED, AMENDED, RENEWED, REVOKED, REVIEW_OVERDUE; RECOGNITION: CREATED,"
                        + " ACTIVATED, SUSPENDED, TERMINATED; CONSULTATION and CONTROL_LIST_EDITION: as published;"
                        + " DENIAL and RECOGNITION: WITHDRAWN (the reader may no longer see the record: delete the"
                        + " copy; only the id is given)")
        String changeType,
        @Schema(description = "Record version the change produced (denials, recognitions)") Integer version,
        @Schema(description = "The record at this change, redacted for the reader: a Denial, a Recognition, or the"
                + " published summary of a consultation or control-list edition")
        Object record) {
}
