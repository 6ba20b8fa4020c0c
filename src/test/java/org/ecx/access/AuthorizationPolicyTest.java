package org.ecx.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ecx.support.Api;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy table of SPEC §1, exercised over HTTP: state × role × operation. */
@QuarkusTest
class AuthorizationPolicyTest {

    static final List<String> STATES = List.of("DE", "FR", "JP", "US", "IN");

    /** An HTTP call that performs one operation without changing anything. */
    record Call(Permission permission, String method, String path, String body) {
        Response send(io.restassured.specification.RequestSpecification spec, String state) {
            String p = path.replace("{state}", state);
            String b = body == null ? null : body.replace("{state}", state);
            if (b != null) {
                spec = spec.body(b);
            }
            return spec.request(method, p);
        }
    }

    static final Map<String, String> NAMES = Map.of("DE", "Germany", "FR", "France", "JP", "Japan",
            "US", "United States", "IN", "India");
    static final Map<String, String> REGIMES = Map.of(
            "DE", "[\"AG\",\"EU\",\"MTCR\",\"NSG\",\"WA\"]", "FR", "[\"AG\",\"EU\",\"MTCR\",\"NSG\",\"WA\"]",
            "JP", "[\"AG\",\"MTCR\",\"NSG\",\"WA\"]", "US", "[\"AG\",\"MTCR\",\"NSG\",\"WA\"]",
            "IN", "[\"AG\",\"MTCR\",\"WA\"]");

    static List<Call> calls() {
        return List.of(
                new Call(Permission.STATE_READ, "GET", "/api/v1/states", null),
                new Call(Permission.STATE_READ, "GET", "/api/v1/states/{state}", null),
                // a PUT that repeats the current representation: authorized callers change nothing
                new Call(Permission.STATE_WRITE, "PUT", "/api/v1/states/{state}", null),
                new Call(Permission.AUDIT_READ, "GET", "/api/v1/audit", null),
                new Call(Permission.AUDIT_VERIFY, "GET", "/api/v1/audit/verify", null),
                new Call(Permission.RECOGNITION_READ, "GET", "/api/v1/recognitions?limit=1", null),
                new Call(Permission.FEED_READ, "GET", "/api/v1/feed?limit=1", null),
                new Call(Permission.SUBSCRIPTION_MANAGE, "GET", "/api/v1/subscriptions?limit=1", null));
    }

    static Stream<Arguments> stateRoleOperation() {
        List<Arguments> args = new ArrayList<>();
        for (String state : STATES) {
            for (Role role : Role.values()) {
                for (Call call : calls()) {
                    args.add(Arguments.of(state, role, call));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("stateRoleOperation")
    @DisplayName("each state and role may perform exactly the operations the policy table grants")
    void eachRoleGetsExactlyWhatThePolicyTableGrants(String state, Role role, Call call) {
        Call effective = call.method().equals("PUT")
                ? new Call(call.permission(), call.method(), call.path(),
                        "{\"name\":\"" + NAMES.get(state) + "\",\"active\":true,\"regimes\":" + REGIMES.get(state) + "}")
                : call;
        Response response = effective.send(Api.as(state, role.claim()), state);
        int expected = call.permission().allowedRoles().contains(role) ? 200 : 403;
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void thePolicyTableMatchesTheRolesOfTheSpecification() {
        assertThat(Permission.STATE_WRITE.allowedRoles()).containsExactly(Role.ADMIN);
        assertThat(Permission.STATE_READ.allowedRoles()).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(Permission.AUDIT_READ.allowedRoles()).containsExactly(Role.AUDITOR);
        assertThat(Permission.DENIAL_CREATE.allowedRoles()).containsExactly(Role.DENIAL_OFFICER);
        assertThat(Permission.CONSULTATION_REPLY.allowedRoles()).containsExactly(Role.DENIAL_OFFICER);
        assertThat(Permission.CONSULTATION_OPEN.allowedRoles()).containsExactly(Role.LICENSING_OFFICER);
        assertThat(Permission.CONTROL_LIST_PUBLISH.allowedRoles()).containsExactly(Role.LIST_EDITOR);
        assertThat(Permission.RECOGNITION_WRITE.allowedRoles()).containsExactly(Role.RECOGNITION_OFFICER);
        assertThat(Permission.FEED_READ.allowedRoles()).containsExactly(Role.FEDERATION_PEER);
        for (Permission p : Permission.values()) {
            if (p != Permission.STATE_WRITE && p != Permission.STATE_READ && p != Permission.CONTROL_LIST_READ) {
                assertThat(p.allowedRoles()).as(p.name()).doesNotContain(Role.ADMIN).isNotEqualTo(Set.of());
            }
        }
    }

    @Test
    void everyNonPublicResourceMethodDeclaresItsOperation() {
        int checked = 0;
        for (jakarta.enterprise.inject.spi.Bean<?> bean : io.quarkus.arc.Arc.container().beanManager()
                .getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (path == null || !type.getPackageName().startsWith("org.ecx")
                    || path.value().startsWith("/api/v1/public")) {
                continue;
            }
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                boolean endpoint = java.util.Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
                if (endpoint) {
                    checked++;
                    // an operation of the policy table, or (console pages only) an explicit public or signed-in page
                    boolean declared = m.getAnnotation(Authorize.class) != null
                            || (type.getPackageName().equals("org.ecx.console")
                                    && (m.getAnnotation(jakarta.annotation.security.PermitAll.class) != null
                                            || m.getAnnotation(io.quarkus.security.Authenticated.class) != null));
                    assertThat(declared).as(type.getSimpleName() + "." + m.getName()).isTrue();
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRequestWithoutTokenIsUnauthenticatedWithAProblemBody() {
        Api.anonymous().get("/api/v1/states").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Authentication required"));
    }

    @Test
    void anExpiredOrForeignSignedTokenIsUnauthenticated() {
        Api.withToken(TestTokens.expiredToken("DE", "auditor")).get("/api/v1/states").then().statusCode(401)
                .contentType("application/problem+json");
        String token = TestTokens.token("DE", "auditor");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        Api.withToken(tampered).get("/api/v1/states").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutStateUnknownStateOrMalformedStateIsForbidden() {
        Api.withToken(TestTokens.tokenWithoutState("licensing-officer")).get("/api/v1/states").then()
                .statusCode(403).contentType("application/problem+json");
        for (String odd : List.of("ZZ", "de", "DEU", "", "D'", "' OR 1=1 --")) {
            Api.withToken(TestTokens.tokenWithRawState(odd, "licensing-officer")).get("/api/v1/states").then()
                    .statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aTokenWithOnlyUnknownRolesIsForbiddenEverywhere() {
        for (Call call : calls()) {
            Response r = call.send(Api.as("FR", "offline_access", "uma_authorization"), "FR");
            assertThat(r.statusCode()).as(call.toString()).isEqualTo(403);
        }
    }
}
