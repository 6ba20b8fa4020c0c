package org.ecx.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(required = true, example = "https://ecx.example/problems/not-found") String type,
        @Schema(required = true, example = "Not found") String title,
        @Schema(required = true, example = "404") int status,
        @Schema(example = "The requested resource does not exist.") String detail,
        @Schema(description = "Per-field validation errors") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field (JSON path into the request) and what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, errors);
    }
}
