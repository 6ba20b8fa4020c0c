package org.ecx.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.ecx.common.validation.CountryCode;
import org.ecx.controllist.ControlCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the consultation endpoints (SPEC §5). */
public final class ConsultationRequests {

    private ConsultationRequests() {
    }

    @Schema(name = "ConsultationOpenRequest")
    public record Open(
            @NotBlank @Size(max = 36) @Schema(required = true) String denialId,
            @NotNull @Valid @Schema(required = true) ProposedTransaction proposedTransaction,
            @NotBlank @Size(max = 4000) @Schema(required = true) String question) {
    }

    /** The transaction the consulting state is asked to license, as much as it chooses to share. */
    @Schema(name = "ProposedTransaction")
    public record ProposedTransaction(
            @NotBlank @Size(max = 2000) @Schema(required = true) String description,
            @CountryCode String destinationCountry,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> parties,
            @Size(max = 200) List<@NotNull @Pattern(regexp = ControlCode.GRAMMAR) @Size(max = ControlCode.MAX_LENGTH)
                    String> controlEntries) {
    }

    @Schema(name = "ConsultationReply")
    public record Reply(
            @NotNull @Schema(required = true, enumeration = {"OBJECTS", "NO_OBJECTION", "NEEDS_INFORMATION"})
            Position position,
            @Size(max = 4000) String comment) {
    }

    @Schema(name = "ConsultationExtension")
    public record Extension(
            @NotNull @Min(1) @Max(30) @Schema(required = true, example = "5") Integer workingDays) {
    }

    @Schema(name = "ConsultationOutcome")
    public record OutcomeRequest(@NotNull @Schema(required = true) Outcome decision) {
    }
}
