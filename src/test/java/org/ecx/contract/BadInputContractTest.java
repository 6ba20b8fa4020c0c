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

    /** Strict JSON (issue 11, finding 3): never accepted by any operation, whatever the rest of the request. */
    private static final List<String> NEVER_ACCEPTED = List.of(
            "{} trailing",
            "{}{}",
            "[] 1",
            "{\"name\": \"lone \\ud800 surrogate\"}");

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
                    for (String body : NEVER_ACCEPTED) {
                        refused(failures, op, path, given().auth().oauth2(token).contentType("application/json")
                                .urlEncodingEnabled(false).body(body), "body " + body);
                    }
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

    /**
     * Issue 11, findings 2 and 3: requests that the HTTP layer refuses, sent over a raw socket to every
     * operation: a body without Content-Type (415), a too-long URI (414),
     * too-large headers (431), a declared body over the server ceiling (413). Each a problem+json body.
     */
    @Test
    void everyOperationAnswersHttpLayerErrorsWithAProblemBody() throws Exception {
        List<String> failures = new ArrayList<>();
        String auth = "Authorization: Bearer " + TestTokens.token("DE", ROLES);
        for (Operation op : operations()) {
            String path = op.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            String line = op.method() + " " + path;
            if (op.hasBody()) {
                raw(failures, line + " HTTP/1.1\r\n" + auth + "\r\nContent-Length: 2", "{}".getBytes(), 415,
                        "no Content-Type");
                raw(failures, line + " HTTP/1.1\r\n" + auth + "\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + (65L * 1024 * 1024), new byte[0], 413, "over the ceiling");
            }
            raw(failures, line + "?x=" + "9".repeat(9000) + " HTTP/1.1\r\n" + auth, null, 414, "long URI");
            raw(failures, line + " HTTP/1.1\r\n" + auth + "\r\nX-Pad: " + "p".repeat(17_000), null, 431,
                    "large headers");
        }
        assertThat(failures).isEmpty();
    }

    private static void raw(List<String> failures, String head, byte[] body, int expected, String what)
            throws java.io.IOException {
        org.ecx.support.RawHttp.Reply reply = org.ecx.support.RawHttp.send(head, body);
        if (reply.status() != expected || reply.contentType() == null
                || !reply.contentType().startsWith("application/problem+json")) {
            failures.add(head.substring(0, Math.min(head.indexOf(' ', head.indexOf(' ') + 1), 120)) + " [" + what
                    + "] -> " + reply.status() + " as " + reply.contentType());
        }
    }

    /** Like {@link #check}, and the request must not succeed. */
    private static void refused(List<String> failures, Operation op, String path, RequestSpecification spec,
            String what) {
        Response r = spec.request(op.method(), path);
        if (r.statusCode() < 400) {
            failures.add(op.method() + " " + path + " [" + what + "] accepted with " + r.statusCode());
        } else if (r.statusCode() >= 500 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(op.method() + " " + path + " [" + what + "] -> " + r.statusCode() + " as " + r.contentType());
        }
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
