package org.ecx.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The request examples of the contract (src/main/resources/openapi-examples) are real requests: every JSON
 * request body of the served document has one, and each example is read by the application's own
 * ObjectMapper (unknown properties refused) into the resource method's body type and passes its Bean
 * Validation constraints. An example that drifts from the DTOs fails here.
 */
@QuarkusTest
class OpenApiExamplesTest {

    private static final Set<Class<? extends Annotation>> NOT_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, FormParam.class, BeanParam.class, Context.class);

    private static final List<Class<?>> RESOURCES = List.of(org.ecx.registry.StateResource.class,
            org.ecx.audit.AuditResource.class, org.ecx.consultation.ConsultationResource.class,
            org.ecx.controllist.ControlListResource.class, org.ecx.denial.DenialResource.class,
            org.ecx.feed.FeedResource.class, org.ecx.recognition.RecognitionResource.class,
            org.ecx.screening.ScreeningResource.class, org.ecx.statistics.PublicStatisticsResource.class,
            org.ecx.webhook.SubscriptionResource.class);

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Test
    void everyJsonRequestBodyOfTheContractHasAnExample() throws Exception {
        JsonNode doc = json.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode() && body.path("example").isMissingNode()) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            });
        }
        assertThat(missing).as("operations whose JSON request body has no example").isEmpty();
    }

    @Test
    void everyRequestExampleIsAcceptedByTheBodyTypeAndItsConstraints() throws Exception {
        int checked = 0;
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                Parameter body = bodyParameter(method);
                if (operation == null || body == null) {
                    continue;
                }
                String name = "openapi-examples/" + operation.operationId() + ".request.json";
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
                    if (in == null || body.getType() == String.class || body.getType() == InputStream.class) {
                        continue; // raw bodies (CSV imports) are documented in prose
                    }
                    Object value = json.readValue(in, json.getTypeFactory().constructType(body.getParameterizedType()));
                    assertThat(validator.validate(value)).as(name).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).as("examples checked").isGreaterThanOrEqualTo(14);
    }

    private static Parameter bodyParameter(Method method) {
        if (method.getAnnotation(Path.class) == null && !hasHttpMethod(method)) {
            return null;
        }
        for (Parameter p : method.getParameters()) {
            boolean annotated = false;
            for (Annotation a : p.getAnnotations()) {
                annotated |= NOT_BODY.contains(a.annotationType());
            }
            if (!annotated) {
                return p;
            }
        }
        return null;
    }

    private static boolean hasHttpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class) != null) {
                return true;
            }
        }
        return false;
    }
}
