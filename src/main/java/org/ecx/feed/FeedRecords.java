package org.ecx.feed;

import java.util.List;
import java.util.UUID;
import org.ecx.access.Caller;

/**
 * How the feed selects and renders the changes of one record type whose content is visible per reader (denials,
 * recognitions). Implemented by the package that owns the record type, as an {@code @ApplicationScoped} bean; the
 * feed owns this interface and knows none of its implementations.
 */
public interface FeedRecords {

    /** The record type this bean renders. */
    FeedRecordType type();

    /**
     * An HQL condition on the {@code FeedChange} alias {@code c} with parameter {@code :viewer}: the record the
     * change refers to ({@code c.recordUuid}) is visible to the viewer NOW, through the record type's one
     * visibility predicate.
     */
    String visibleTo();

    /**
     * The record at each change, in the order given, as {@code viewer} may see it now. The changes were
     * selected through {@link #visibleTo} for this viewer and are never {@code WITHDRAWN} changes.
     */
    List<Object> render(List<Change> changes, String viewer);

    /**
     * Records that {@code reader} was handed these changes (access receipts, SPEC §9): by the feed when served,
     * by webhooks when delivered. None by default.
     */
    default void recordDelivered(List<Change> changes, Caller reader) {
    }

    /** One change of this record type, as the owner needs it to render or record it. */
    record Change(UUID recordId, Integer version, String changeType, String ownerState, String payload) {
    }
}
