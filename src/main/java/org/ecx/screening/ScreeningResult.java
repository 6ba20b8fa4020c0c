package org.ecx.screening;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The matches of one screening, best first. */
@Schema(name = "ScreeningResult")
public record ScreeningResult(@Schema(required = true) List<ScreeningMatch> matches) {

    /** The results of a batch, in the order of the screenings. */
    @Schema(name = "ScreeningBatchResult")
    public record Batch(@Schema(required = true) List<ScreeningResult> results) {
    }
}
