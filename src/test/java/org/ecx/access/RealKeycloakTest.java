package org.ecx.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ecx.support.RealKeycloakProfile;
import org.junit.jupiter.api.Test;

/** ECX against the real Keycloak of .ci/services.sh, with real tokens from the demo realm. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class RealKeycloakTest {

    static String tokenEndpoint() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
    }

    static String passwordGrant(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "ecx-cli")
                .formParam("username", user).formParam("password", user)
                .post(tokenEndpoint()).then().statusCode(200).extract().path("access_token");
    }

    static String clientCredentials(String client, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", secret)
                .post(tokenEndpoint()).then().statusCode(200).extract().path("access_token");
    }

    @Test
    void realAccessTokensAreShortLivedAndAnIdTokenOfTheSameLoginIsRefused() {
        var grant = given().formParam("grant_type", "password").formParam("client_id", "ecx-cli")
                .formParam("scope", "openid").formParam("username", "fr-auditor").formParam("password", "fr-auditor")
                .post(tokenEndpoint()).then().statusCode(200).extract();
        assertThat(grant.<Integer>path("expires_in")).isLessThanOrEqualTo(300);
        given().auth().oauth2(grant.<String>path("access_token")).get("/api/v1/states").then().statusCode(200);
        // signed by the realm, but typ ID and audience ecx-cli: not a token for ECX
        given().auth().oauth2(grant.<String>path("id_token")).get("/api/v1/states").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aLicensingOfficerWithAPasswordGrantTokenReadsTheRegistry() {
        String token = passwordGrant("in-licensing-officer");
        given().auth().oauth2(token).get("/api/v1/states").then().statusCode(200)
                .body("code", hasItems("DE", "FR", "JP", "US", "IN"));
        given().auth().oauth2(token).get("/api/v1/audit").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aStateSystemClientWithAClientCredentialsTokenIsAPartnerOfItsState() {
        String token = clientCredentials("de-system", "de-system-secret");
        given().auth().oauth2(token).get("/api/v1/states/DE").then().statusCode(200)
                .body("code", equalTo("DE"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"name\":\"Germany\",\"active\":true,\"regimes\":[\"AG\",\"EU\",\"MTCR\",\"NSG\",\"WA\"]}")
                .put("/api/v1/states/DE").then().statusCode(403);
    }

    @Test
    void theRealAdminAndAuditorSeeTheirOwnStatesTrail() {
        String admin = passwordGrant("admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"Finland\",\"active\":true,\"regimes\":[\"EU\",\"WA\"]}")
                .put("/api/v1/states/FI").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String auditor = passwordGrant("de-auditor");
        org.ecx.support.Sealing.await();
        var actors = given().auth().oauth2(auditor).queryParam("recordId", "FI").get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.actor", String.class);
        assertThat(actors).contains("admin");
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theSecurityModelWalkThroughHoldsWithRealTokens() {
        // docs/security-model.md: DE notifies with NSG scope, addresses released to FR only
        com.fasterxml.jackson.databind.node.ObjectNode d = org.ecx.support.DenialFixtures.withScope(
                org.ecx.support.DenialFixtures.denial(), "REGIME", "NSG", null);
        org.ecx.support.DenialFixtures.release(d, "addresses", java.util.List.of("FR"));
        String id = given().auth().oauth2(passwordGrant("de-denial-officer")).contentType("application/json")
                .body(d.toString()).post("/api/v1/denials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(passwordGrant("fr-licensing-officer")).get("/api/v1/denials/" + id).then()
                .statusCode(200).body("parties[0].address", equalTo("12 Harbour Road, Port City"))
                .body("redactions", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("parties[0].address")));
        given().auth().oauth2(passwordGrant("jp-licensing-officer")).get("/api/v1/denials/" + id).then()
                .statusCode(200).body("parties[0].address", equalTo(null))
                .body("redactions", org.hamcrest.Matchers.hasItem("parties[0].address"));
        given().auth().oauth2(passwordGrant("in-licensing-officer")).get("/api/v1/denials/" + id).then()
                .statusCode(404).contentType("application/problem+json");
        // a machine client of JP (client credentials) sees what JP sees
        given().auth().oauth2(clientCredentials("jp-system", "jp-system-secret")).get("/api/v1/denials/" + id)
                .then().statusCode(200).body("redactions", org.hamcrest.Matchers.hasItem("parties[0].address"));
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        // a Keycloak token from the master realm (the Keycloak admin) is not an ECX token
        String master = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "kcadmin").formParam("password", "kcadmin")
                .post(tokenEndpoint().replace("/realms/ecx/", "/realms/master/")).then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(master).get("/api/v1/states").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
