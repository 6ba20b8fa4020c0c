package org.ecx.controllist;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a list's feed: an edition published or a state's correlation replaced. */
@Schema(name = "ControlListChange")
public record ChangeView(
        @Schema(required = true) ChangeType type,
        @Schema(required = true, example = "EU-DU") String listId,
        @Schema(description = "The published edition (EDITION_PUBLISHED)", example = "2025-11") String edition,
        @Schema(description = "The state whose correlation changed (CORRELATION_CHANGED)", example = "DE") String state,
        @Schema(required = true) Instant at) {

    static ChangeView of(ControlListChange c) {
        return new ChangeView(c.type, c.listId, c.edition, c.stateCode, c.at);
    }
}
