package org.ecx.controllist;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a list's change feed. Unlike other pages, {@code nextCursor} is always present: a client stores
 * it and asks again later to get the changes committed since.
 */
@Schema(name = "ControlListChangesPage")
public record ChangesPage(
        @Schema(required = true) List<ChangeView> items,
        @Schema(required = true, description = "Opaque cursor to resume from; present even when items is empty")
        String nextCursor,
        @Schema(required = true, description = "True when more changes are available right now") boolean more) {
}
