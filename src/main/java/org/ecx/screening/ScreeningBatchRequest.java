package org.ecx.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to {@value #MAX} screenings in one request (SPEC §4). */
@Schema(name = "ScreeningBatchRequest")
public record ScreeningBatchRequest(
        @NotEmpty @Size(max = MAX) @Schema(required = true, maxItems = MAX)
        List<@NotNull @Valid ScreeningRequest> screenings) {

    public static final int MAX = 100;
}
