package org.ecx.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that can leave a resource into an RFC 9457 problem response. This is the only
 * place where error responses are built; stack traces, SQL and internal messages never reach a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response problem(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        Response.ResponseBuilder builder = Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail, errors));
        if (code == ErrorCode.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ecx\"");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response ecx(EcxException e) {
        // a 5xx with Retry-After is load shed on purpose (e.g. the audit window's bound, ADR 0019), not an incident
        if (e.code().status() >= 500 && e.retryAfterSeconds() == 0) {
            LOG.errorf("ECX error %s: %s", e.code(), e.getMessage());
        }
        Response response = problem(e.code(), e.getMessage(), e.errors());
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return problem(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.", List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(ErrorCode.UNAUTHENTICATED, "The bearer token is missing, invalid or expired.", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(ErrorCode.FORBIDDEN, "The caller may not perform this operation.", List.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return problem(ErrorCode.VALIDATION_FAILED, "The request is not valid.", errors);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        if (e instanceof ConstraintViolationException cve) {
            return constraintViolation(cve);
        }
        LOG.warn("Validation setup error", e);
        return problem(ErrorCode.VALIDATION_FAILED, "The request is not valid.", List.of());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof EcxException ee) {
                // raised while the body was read, e.g. the counted limit of a chunked body (413)
                return ecx(ee);
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return problem(ErrorCode.VALIDATION_FAILED, "The request body has an unknown field.",
                    List.of(new Problem.FieldError(jsonPath(u), "unknown field")));
        }
        if (e instanceof InvalidFormatException f) {
            String expected = f.getTargetType() == null ? "another type" : describe(f.getTargetType());
            return problem(ErrorCode.VALIDATION_FAILED, "The request body has a value of the wrong type.",
                    List.of(new Problem.FieldError(jsonPath(f), "must be " + expected)));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return problem(ErrorCode.VALIDATION_FAILED, "The request body does not match the expected structure.",
                    List.of(new Problem.FieldError(jsonPath(m), "wrong type or structure")));
        }
        return problem(ErrorCode.MALFORMED_REQUEST, "The request body is not well-formed JSON.", List.of());
    }

    /** Jackson's own mismatch mapper would otherwise win as the more specific type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        if (cause instanceof EcxException ee) {
            return ecx(ee);
        }
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 412 -> ErrorCode.PRECONDITION_FAILED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ErrorCode.UNPROCESSABLE;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 428 -> ErrorCode.PRECONDITION_REQUIRED;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
        if (code == ErrorCode.INTERNAL) {
            return internal(e);
        }
        String detail = switch (code) {
            case NOT_FOUND -> "The requested resource does not exist.";
            case METHOD_NOT_ALLOWED -> "The method is not allowed on this resource.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request content type is not supported here.";
            case NOT_ACCEPTABLE -> "No acceptable representation is available.";
            default -> "The request could not be processed.";
        };
        Response response = problem(code, detail, List.of());
        if (code == ErrorCode.METHOD_NOT_ALLOWED && e.getResponse() != null) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
            }
        }
        return response;
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (e instanceof EcxException ee) {
            return ecx(ee);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof EcxException ee) {
                return ecx(ee);
            }
        }
        if (isLostRace(e)) {
            return problem(ErrorCode.CONFLICT, "The request conflicts with a concurrent change; retry it.", List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return problem(ErrorCode.INTERNAL, "An internal error occurred (incident " + incident + ").", List.of());
    }

    /**
     * A race lost against a concurrent writer, which the client may simply retry: a unique-key violation
     * (SQLSTATE 23505, two writers inserting the same key), an optimistic-lock failure, a lock or serialization
     * failure. A NOT NULL, CHECK or foreign-key violation (23502, 23514, 23503) is not a race but a bug that
     * validation should have caught: it stays a logged 500 with an incident id.
     */
    static boolean isLostRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof jakarta.persistence.OptimisticLockException
                    || c instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return UNIQUE_VIOLATION.equals(sql.getSQLState()) || RETRYABLE_TRANSACTION.equals(sql.getSQLState())
                        || DEADLOCK.equals(sql.getSQLState());
            }
        }
        return false;
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String RETRYABLE_TRANSACTION = "40001";
    private static final String DEADLOCK = "40P01";

    /** {@code create.body.parties[0].name} → {@code parties[0].name}: drops the method and parameter nodes. */
    static String fieldPath(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return sb.toString();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "a boolean";
        }
        return "a valid " + type.getSimpleName();
    }
}
