package org.ecx.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a cursor-paginated list: {@code nextCursor} is absent on the last page. */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String nextCursor) {
}
