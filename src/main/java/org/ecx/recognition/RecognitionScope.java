package org.ecx.recognition;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.regex.Matcher;
import org.ecx.common.validation.CountryCode;
import org.ecx.controllist.ControlCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a recognition covers. A control entry is a full code ({@code 3A001}: the entry and every entry below it
 * in the hierarchy, e.g. {@code 3A001.a.1}) or a prefix of category ({@code 3}) or category and group
 * ({@code 3A}: every code starting with it).
 */
@Schema(name = "RecognitionScope")
public record RecognitionScope(
        @NotEmpty @Size(max = 500) @Schema(required = true, example = "[\"3A001\", \"5A\"]")
        List<@NotNull @Pattern(regexp = ENTRY, message = "must be a control code or a category (3) or category-group (3A) prefix") String> controlEntries,
        @NotEmpty @Size(max = 3) @Schema(required = true) List<@NotNull LicenceType> licenceTypes,
        @Size(max = 300) @Schema(description = "Destinations the recognition never covers", example = "[\"IR\"]")
        List<@NotNull @CountryCode String> excludedDestinations) {

    /** A category, a category and group, or a full control code. */
    static final String ENTRY = "^[0-9]([A-E]([0-9]{3}(\\.[a-z]+|\\.[0-9]+)*)?)?$";
    private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("^[0-9][A-E]?$");

    public List<String> excludedDestinationsOrEmpty() {
        return excludedDestinations == null ? List.of() : excludedDestinations;
    }

    /** Whether the scope covers this control entry, per the code hierarchy. */
    public boolean covers(ControlCode code) {
        for (String entry : controlEntries) {
            Matcher prefix = PREFIX.matcher(entry);
            if (prefix.matches()) {
                if (code.value().startsWith(entry)) {
                    return true;
                }
            } else if (ControlCode.isValid(entry)) {
                ControlCode e = new ControlCode(entry);
                if (e.equals(code) || e.isAncestorOf(code)) {
                    return true;
                }
            }
        }
        return false;
    }
}
