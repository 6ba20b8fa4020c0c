package org.ecx.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Health and metrics live on the management interface (ADR 0016); the API port serves neither. */
@QuarkusTest
class OperabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL api;

    @Test
    void livenessAndReadinessAreUpOnTheManagementPortAndReadinessChecksTheDatabase() {
        given().baseUri(base(management)).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base(management)).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().baseUri(base(management)).get("/q/health/started").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposedOnTheManagementPort() {
        given().baseUri(base(management)).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theManagementInterfaceHasAPortOfItsOwn() {
        assertThat(management.getPort()).isPositive().isNotEqualTo(api.getPort());
    }

    @ParameterizedTest(name = "{0} is not served on the API port")
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"})
    void healthAndMetricsAreNotServedOnTheApiPort(String path) {
        given().baseUri(base(api)).get(path).then().statusCode(404);
    }

    @Test
    void theApiDescriptionStaysOnTheApiPort() {
        given().baseUri(base(api)).get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void swaggerUiIsServedOnTheApiPortOutsideProduction() {
        given().baseUri(base(api)).get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    private static String base(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }
}
