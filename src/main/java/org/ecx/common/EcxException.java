package org.ecx.common;

import java.util.List;

/** The one exception type that business code throws to produce an error response. */
public class EcxException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.FieldError> errors;
    private final long retryAfterSeconds;

    public EcxException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public EcxException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = 0;
    }

    private EcxException(ErrorCode code, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.of();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: the caller exceeded one of its limits; it may retry after the given number of seconds (≥ 1). */
    public static EcxException tooManyRequests(String detail, long retryAfterSeconds) {
        return new EcxException(ErrorCode.TOO_MANY_REQUESTS, detail, Math.max(1, retryAfterSeconds));
    }

    /** 503: ECX is temporarily unable to take this request; it may be retried after the given seconds (≥ 1). */
    public static EcxException unavailable(String detail, long retryAfterSeconds) {
        return new EcxException(ErrorCode.UNAVAILABLE, detail, Math.max(1, retryAfterSeconds));
    }

    /** Seconds for the {@code Retry-After} header, or 0 when the response has none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The response for a record that does not exist or that the caller may not see: identical in both cases. */
    public static EcxException notFound() {
        return new EcxException(ErrorCode.NOT_FOUND, "The requested resource does not exist.");
    }

    public static EcxException badRequest(String detail) {
        return new EcxException(ErrorCode.MALFORMED_REQUEST, detail);
    }

    public static EcxException invalid(String field, String message) {
        return new EcxException(ErrorCode.VALIDATION_FAILED, "The request is not valid.",
                List.of(new Problem.FieldError(field, message)));
    }

    public static EcxException conflict(String detail) {
        return new EcxException(ErrorCode.CONFLICT, detail);
    }
}
