package org.ecx.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** The production bootstrap of an empty registry (the test registry is never empty: demo states). */
@QuarkusTest
class RegistryBootstrapTest {

    @Inject
    RegistryBootstrap bootstrap;

    @Test
    void aRegistryWithStatesIsNeverTouchedByTheBootstrap() {
        bootstrap.bootstrap(List.of("NZ=New Zealand"));
        Api.as("DE", "auditor").get("/api/v1/states/NZ").then().statusCode(404);
    }

    @Test
    void aMistypedBootstrapEntryFailsTheStartup() {
        for (String bad : List.of("Germany", "XX=Nowhere", "de=Germany", "DE=", "=Germany")) {
            assertThatThrownBy(() -> bootstrap.bootstrap(List.of("FR=France", bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RegistryBootstrap.parse(" DE = Germany ")).containsExactly("DE", "Germany");
    }
}
