package org.ecx.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ecx.access.Role;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Contract-driven bad input: every operation of the served OpenAPI document gets malformed bodies,
 * bodies of the wrong shape, hostile path and query values. SPEC §11: never a 5xx, every error a
 * problem+json body. The caller holds every role, so requests get past authorization.
 */
@QuarkusTest
class BadInputContractTest {

    private static final String[] ROLES = java.util.Arrays.stream(Role.values()).map(Role::claim)
            .toArray(String[]::new);

    private static final List<String> BODIES = List.of(
            "{\"unterminated\": ",
            "[1, 2, 3]",
            "\"just a string\"",
            "{\"a\": {\"b\": {\"c\": {\"d\": [[[[[[[[[[]]]]]]]]]]}}}}",
            "{\"name\": 12, \"states\": {\"x\": true}, \"items\": \"none\", \"distribution\": 7}",
            "{\"nationalReference\": \"' OR 1=1; --\", \"decisionType\": \"DROP TABLE denial\"}",
            "null",
            "{\"x\": \"\u0000\"}",
            "{\"name\": \"nul\\u0000byte\", \"nationalReference\": \"R\\u0000\", \"reason\": \"\\u0007\"}");

    private static final List<String> PATH_VALUES = List.of("00000000-0000-0000-0000-000000000000", "XX",
            "'%20OR%201=1", "..%2F..%2Fetc", "9".repeat(300));

    private static final List<String> QUERY_VALUES = List.of("-1", "abc", "' OR 1=1 --", "2026-13-45",
            "9".repeat(400), "%00");

    record Operation(String method, String path, List<String> queryParams, boolean hasBody) {
    }

    @Test
    void noOperationAnswersBadInputWithA5xxOrWithoutAProblemBody() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        String token = TestTokens.token("DE", ROLES);
        for (Operation op : operations) {
            for (String pathValue : PATH_VALUES) {
                String path = op.path().replaceAll("\\{[^}]+}", pathValue);
                if (op.hasBody()) {
                    for (String body : BODIES) {
                        check(failures, op, path, given().auth().oauth2(token).contentType("application/json")
                                .urlEncodingEnabled(false).body(body), "body " + body);
                    }
                    check(failures, op, path, given().auth().oauth2(token).contentType("text/plain")
                            .urlEncodingEnabled(false).body("plain"), "text/plain");
                }
                for (String param : op.queryParams()) {
                    for (String value : QUERY_VALUES) {
                        RequestSpecification spec = given().auth().oauth2(token).urlEncodingEnabled(false)
                                .queryParam(param, value.replace(" ", "%20").replace("'", "%27"));
                        if (op.hasBody()) {
                            spec = spec.contentType("application/json").body("{}");
                        }
                        check(failures, op, path, spec, param + "=" + value);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, Operation op, String path, RequestSpecification spec,
            String what) {
        Response r = spec.request(op.method(), path);
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(op.method() + " " + path + " [" + what + "] -> " + status + " " + r.asString());
        } else if (status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(op.method() + " " + path + " [" + what + "] -> " + status + " as " + r.contentType());
        }
    }

    private static List<Operation> operations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        List<Operation> result = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                for (JsonNode p : method.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                }
                result.add(new Operation(method.getKey().toUpperCase(), path.getKey(), query,
                        method.getValue().has("requestBody")));
            }
        }
        return result;
    }
}
