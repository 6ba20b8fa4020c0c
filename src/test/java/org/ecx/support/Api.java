package org.ecx.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * REST Assured shortcuts: a request as demo principal {@code <state>-<role>}. Reads of the audit log and the feed
 * first wait until earlier writes are sealed ({@link Sealing}).
 */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String state, String... roles) {
        return given().filter(Sealing.beforeSealedReads()).auth().oauth2(TestTokens.token(state, roles))
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification withToken(String token) {
        return given().filter(Sealing.beforeSealedReads()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
