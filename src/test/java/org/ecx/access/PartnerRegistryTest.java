package org.ecx.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerRegistryTest {

    private static final String STATES = "/api/v1/states";

    @Inject
    PartnerRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void aRegistryChangeCommittedElsewhereReachesTheInMemoryRegistryOfThisInstance() throws Exception {
        // as another instance (or an operator) would: straight to the database, bypassing this instance
        sql("INSERT INTO partner_state (code, name, active) VALUES ('IS', 'Iceland', true)");
        sql("INSERT INTO regime_membership (state_code, regime_code) VALUES ('IS', 'WA')");
        await(() -> registry.isActive("IS") && registry.regimesOf("IS").contains("WA"));
        Api.as("IS", "licensing-officer").get(STATES + "/IS").then().statusCode(200).body("regimes", contains("WA"));

        sql("UPDATE partner_state SET active = false WHERE code = 'IS'");
        await(() -> !registry.isActive("IS"));
        Api.as("IS", "licensing-officer").get(STATES).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anyPartnerListsTheDemoStatesWithTheirRegimeMemberships() {
        Api.as("IN", "licensing-officer").get(STATES).then().statusCode(200)
                .body("code", hasItems("DE", "FR", "JP", "US", "IN"))
                .body("find { it.code == 'IN' }.regimes", contains("AG", "MTCR", "WA"))
                .body("find { it.code == 'DE' }.regimes", contains("AG", "EU", "MTCR", "NSG", "WA"));
    }

    @Test
    void anUnknownStateIsA404Problem() {
        Api.as("DE", "auditor").get(STATES + "/XX").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.as("DE", "auditor").get(STATES + "/not-a-code").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theAdminCreatesAndChangesAStateAndEachChangeIsAudited() {
        Api.as("DE", "admin").body("{\"name\":\"Switzerland\",\"active\":true,\"regimes\":[\"WA\",\"NSG\"]}")
                .put(STATES + "/CH").then().statusCode(201).body("regimes", contains("NSG", "WA"));
        Api.as("DE", "admin").body("{\"name\":\"Switzerland\",\"active\":true,\"regimes\":[\"WA\"]}")
                .put(STATES + "/CH").then().statusCode(200).body("regimes", contains("WA"));
        Api.as("FR", "licensing-officer").get(STATES + "/CH").then().statusCode(200)
                .body("name", equalTo("Switzerland")).body("active", equalTo(true));

        // the changed state's auditor sees both events; the admin's state too, as actor
        List<String> actions = Api.as("CH", "auditor").queryParam("recordType", "STATE").queryParam("recordId", "CH")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).containsExactly("STATE_CREATED", "STATE_UPDATED");
        Api.as("DE", "auditor").queryParam("recordId", "CH").get("/api/v1/audit").then().statusCode(200)
                .body("items.actor", hasItem("de-admin"));
        Api.as("JP", "auditor").queryParam("recordId", "CH").get("/api/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void anInactiveStateIsForbiddenUntilReactivated() {
        Api.as("DE", "admin").body("{\"name\":\"Austria\",\"active\":true,\"regimes\":[\"EU\",\"WA\"]}")
                .put(STATES + "/AT").then().statusCode(201);
        Api.as("AT", "licensing-officer").get(STATES).then().statusCode(200);
        Api.as("DE", "admin").body("{\"name\":\"Austria\",\"active\":false,\"regimes\":[\"EU\",\"WA\"]}")
                .put(STATES + "/AT").then().statusCode(200);
        Api.as("AT", "licensing-officer").get(STATES).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("DE", "admin").body("{\"name\":\"Austria\",\"active\":true,\"regimes\":[\"EU\",\"WA\"]}")
                .put(STATES + "/AT").then().statusCode(200);
        Api.as("AT", "licensing-officer").get(STATES).then().statusCode(200);
    }

    @Test
    void anAdminCannotDeactivateItsOwnState() {
        Api.as("DE", "admin").body("{\"name\":\"Germany\",\"active\":false,\"regimes\":[\"AG\",\"EU\",\"MTCR\",\"NSG\",\"WA\"]}")
                .put(STATES + "/DE").then().statusCode(409).contentType("application/problem+json");
        Api.as("DE", "auditor").get(STATES + "/DE").then().body("active", equalTo(true));
    }

    @Test
    void invalidCodesAndUnknownRegimesAreRejectedAndNothingIsStored() {
        Api.as("DE", "admin").body("{\"name\":\"Nowhere\",\"active\":true,\"regimes\":[]}")
                .put(STATES + "/QQ").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        Api.as("DE", "admin").body("{\"name\":\"Norway\",\"active\":true,\"regimes\":[\"WA\",\"XYZ\"]}")
                .put(STATES + "/NO").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("regimes[1]"));
        Api.as("DE", "admin").body("{\"name\":\"\",\"active\":null,\"regimes\":[\"wa\"]}")
                .put(STATES + "/NO").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "active", "regimes[0]"));
        Api.as("DE", "auditor").get(STATES + "/NO").then().statusCode(404);
        Api.as("DE", "auditor").get(STATES + "/QQ").then().statusCode(404);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("registry notification within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
