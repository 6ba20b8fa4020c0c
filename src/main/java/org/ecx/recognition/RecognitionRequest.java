package org.ecx.recognition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.ecx.access.Distribution;
import org.ecx.common.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /recognitions}; the recognizing state is the caller's. */
@Schema(name = "RecognitionRequest")
public record RecognitionRequest(
        @NotNull @CountryCode @Schema(required = true, example = "FR") String recognizedState,
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Franco-German arrangement of 2026-03-01")
        String instrument,
        @NotNull @Valid @Schema(required = true) RecognitionScope scope,
        @Size(max = 5000) String conditions,
        @NotNull @Schema(required = true, example = "2026-01-01") LocalDate effectiveFrom,
        @Schema(description = "Last day covered; absent: open-ended") LocalDate effectiveTo,
        @NotNull @Valid @Schema(required = true) Distribution distribution) {
}
