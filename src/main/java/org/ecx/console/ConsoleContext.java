package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Caller;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;

/**
 * What every console page needs for one request: the {@link Caller} from the one policy bean, the language,
 * validation of form input into the one error contract ({@link EcxException}), and rendering of errors as a page.
 */
@RequestScoped
public class ConsoleContext {

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessPolicy policy;

    @Inject
    HttpServerRequest request;

    @Inject
    Validator validator;

    private Viewer viewer;

    /** The signed-in caller, as the policy bean resolves it for the API. */
    public Caller caller() {
        return policy.caller();
    }

    /** The viewer of this page; anonymous only on the public pages. */
    public Viewer viewer() {
        if (viewer == null) {
            viewer = identity == null || identity.isAnonymous() ? Viewer.ANONYMOUS : Viewer.of(policy.caller());
        }
        return viewer;
    }

    /** For the page chrome: the viewer, or nobody when the policy bean refuses the caller (then an error shows). */
    Viewer viewerOrNobody() {
        try {
            return viewer();
        } catch (RuntimeException refused) {
            return Viewer.ANONYMOUS;
        }
    }

    String path() {
        return request.path();
    }

    public Locale locale() {
        Cookie switched = request.getCookie(ConsoleLocale.COOKIE);
        return ConsoleLocale.choose(switched == null ? null : switched.getValue(),
                request.getHeader("Accept-Language"));
    }

    /** A page in the viewer's language. */
    public TemplateInstance page(TemplateInstance page) {
        return page.setLocale(locale());
    }

    /** Bean-validates a request built from form fields, as the API validates a JSON body: 400 with every field. */
    public <T> T valid(T built) {
        Set<ConstraintViolation<T>> violations = validator.validate(built);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            throw new EcxException(ErrorCode.VALIDATION_FAILED, "The form is not valid.", errors);
        }
        return built;
    }

    /** A refused action as a page with the problem's status, title, detail and fields. */
    public Response error(EcxException e) {
        Problem problem = Problem.of(e.code(), e.getMessage(), e.errors());
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(Pages.error(problem))).build();
    }

    /** After a successful form: see the result (303, so that reloading does not post again). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** A value chosen from a select: the enum constant, or 400 naming the field. */
    static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (RuntimeException e) {
            throw EcxException.invalid(field, "choose one of the offered values");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
