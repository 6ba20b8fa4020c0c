package org.ecx.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract {@code openapi/ecx.yaml} must equal the API that the code serves (ADR 0002).
 * After an intended API change, regenerate it with {@code ./mvnw verify -Dopenapi.update=true}
 * and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi", "ecx.yaml");

    @Test
    void theServedApiMatchesTheCommittedContract() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served);
        }
        assertThat(Files.exists(CONTRACT)).as("openapi/ecx.yaml is committed").isTrue();
        JsonNode committed = yaml.readTree(Files.readString(CONTRACT));
        JsonNode actual = yaml.readTree(served);
        assertThat(actual)
                .as("served OpenAPI differs from openapi/ecx.yaml; run ./mvnw verify -Dopenapi.update=true")
                .isEqualTo(committed);
        assertThat(actual.path("openapi").asText()).isEqualTo("3.0.3");
    }
}
