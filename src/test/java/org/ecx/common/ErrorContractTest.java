package org.ecx.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.ecx.support.Api;
import org.ecx.support.TestTokens;
import org.junit.jupiter.api.Test;

/** SPEC §11: every error is application/problem+json, bad input never yields a 500 nor changes data. */
@QuarkusTest
class ErrorContractTest {

    private static final String WRITE = "/api/v1/states/JP";
    private static final String VALID = "{\"name\":\"Japan\",\"active\":true,\"regimes\":[\"AG\",\"MTCR\",\"NSG\",\"WA\"]}";

    @Test
    void malformedJsonIsA400Problem() {
        Api.as("DE", "admin").body("{\"name\": \"Japan\", \"active\": tru").put(WRITE).then()
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("type", containsString("/problems/"))
                .body("detail", not(containsString("Exception")));
        assertJapanUnchanged();
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        Api.as("DE", "admin").body("{\"name\":\"Japan\",\"active\":\"perhaps\",\"regimes\":[]}").put(WRITE).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("active"));
        Api.as("DE", "admin").body("{\"name\":\"Japan\",\"active\":true,\"regimes\":\"WA\"}").put(WRITE).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("regimes"));
        assertJapanUnchanged();
    }

    @Test
    void anUnknownFieldIsRejected() {
        Api.as("DE", "admin").body("{\"name\":\"Japan\",\"active\":true,\"regimes\":[],\"code\":\"XX\"}").put(WRITE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        assertJapanUnchanged();
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        given().auth().oauth2(TestTokens.token("DE", "admin")).contentType("text/plain").body(VALID).put(WRITE)
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().auth().oauth2(TestTokens.token("DE", "admin")).contentType("application/xml").body("<a/>").put(WRITE)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aFormOrMultipartBodyToTheApiIsA415ProblemAndChangesNothing() {
        // the console's CSRF filter guards form posts; the API refuses them first, with the one error contract
        given().auth().oauth2(TestTokens.token("DE", "admin")).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Changed").put(WRITE)
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().auth().oauth2(TestTokens.token("DE", "admin")).multiPart("name", "Changed").put(WRITE)
                .then().statusCode(415).contentType("application/problem+json");
        assertJapanUnchanged();
    }

    @Test
    void anOversizedBodyIsA413ProblemWithOrWithoutContentLength() {
        String huge = "{\"name\":\"" + "x".repeat(6 * 1024 * 1024) + "\",\"active\":true,\"regimes\":[]}";
        Api.as("DE", "admin").body(huge).put(WRITE).then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        // chunked: no Content-Length header, the body is counted while it is read
        InputStream chunked = new ByteArrayInputStream(huge.getBytes());
        Api.as("DE", "admin").body(chunked).put(WRITE).then()
                .statusCode(413).contentType("application/problem+json");
        assertJapanUnchanged();
    }

    @Test
    void anEmptyBodyIsRejected() {
        Api.as("DE", "admin").put(WRITE).then().statusCode(400).contentType("application/problem+json");
        Api.as("DE", "admin").body("null").put(WRITE).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void injectionStringsAreJustData() {
        Api.as("DE", "auditor").get("/api/v1/states/' OR '1'='1").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("DE", "auditor").queryParam("recordId", "x'; DROP TABLE audit_event; --").get("/api/v1/audit")
                .then().statusCode(200);
        Api.as("DE", "auditor").queryParam("cursor", "'; select 1").get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        Api.as("DE", "auditor").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("DE", "auditor").delete("/api/v1/states/DE").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void aNegativePageSizeIsRejected() {
        Api.as("DE", "auditor").queryParam("limit", -1).get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("DE", "auditor").queryParam("limit", "many").get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aValidBodyFollowedByMoreContentIsRefusedAndChangesNothing() {
        String renamed = VALID.replace("Japan", "Nippon");
        for (String body : new String[] {renamed + " trailing", renamed + "{}", renamed + renamed, renamed + " 1",
                renamed + "]"}) {
            Api.as("DE", "admin").body(body).put(WRITE).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertJapanUnchanged();
        // whitespace after the value is still fine
        Api.as("DE", "admin").body(VALID + " \n").put(WRITE).then().statusCode(200);
    }

    @Test
    void aBodyWithoutContentTypeIsA415ProblemAndChangesNothing() throws Exception {
        String token = TestTokens.token("DE", "admin");
        byte[] body = VALID.replace("Japan", "Nippon").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var reply = org.ecx.support.RawHttp.send("PUT " + WRITE + " HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + body.length, body);
        org.assertj.core.api.Assertions.assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
        org.assertj.core.api.Assertions.assertThat(reply.contentType()).startsWith("application/problem+json");
        assertJapanUnchanged();
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheFieldRatherThanStoredAsAQuestionMark() {
        for (String odd : new String[] {"\\ud800", "Jap\\udc00an", "\\ud800\\ud800"}) {
            Api.as("DE", "admin").body(VALID.replace("Japan", odd)).put(WRITE).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("name"));
        }
        assertJapanUnchanged();
        // a proper pair (an emoji) is text like any other
        org.assertj.core.api.Assertions.assertThat(StrictJson.hasLoneSurrogate("Japan \ud83d\uddfe")).isFalse();
    }

    private static void assertJapanUnchanged() {
        Api.as("JP", "auditor").get("/api/v1/states/JP").then().statusCode(200)
                .body("name", equalTo("Japan")).body("active", equalTo(true));
    }
}
