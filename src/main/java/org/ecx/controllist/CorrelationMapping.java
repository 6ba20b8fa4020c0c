package org.ecx.controllist;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One national code of a state and the harmonized code it corresponds to. */
@Embeddable
@Schema(name = "ControlListCorrelationMapping")
public record CorrelationMapping(
        @Column(name = "national_code", nullable = false, length = 64)
        @NotNull @Pattern(regexp = NATIONAL_CODE, message = "must be 1–64 letters, digits, spaces or . _ / -")
        @Schema(required = true, example = "DE-3A001a", pattern = NATIONAL_CODE) String nationalCode,
        @Column(name = "harmonized_code", nullable = false, length = 64)
        @NotNull @Pattern(regexp = ControlCode.GRAMMAR, message = "must be a control code")
        @Schema(required = true, example = "3A001.a", pattern = ControlCode.GRAMMAR) String harmonizedCode,
        @Column(length = 500)
        @Size(max = 500) String note) {

    public static final String NATIONAL_CODE = "^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}$";
}
