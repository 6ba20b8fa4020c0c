package org.ecx.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.controllist.ControlListFixtures.importPublished;
import static org.ecx.controllist.ControlListFixtures.newList;
import static org.ecx.controllist.ControlListFixtures.smallEdition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.ecx.support.Api;
import org.junit.jupiter.api.Test;

/** Strong ETags on every list, edition and entry representation; If-None-Match → 304 with the ETag. */
@QuarkusTest
class ConditionalGetTest {

    @Test
    void everyRepresentationHasAStrongEtagAndIfNoneMatchGivesA304() {
        String list = newList("DE");
        importPublished(list, "2025-01", "2025-01-01", smallEdition());
        String base = "/api/v1/control-lists/" + list;
        for (String path : List.of(base, base + "/editions", base + "/editions/2025-01",
                base + "/editions/2025-01/entries?prefix=3A001", base + "/editions/2025-01/entries/3A001.a",
                base + "/entries/3A001.a?asOf=2025-02-01", base + "/editions/2025-01/export", base + "/changes")) {
            Response first = Api.as("FR", "licensing-officer").get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as(path).matches("^\"[A-Za-z0-9_-]{43}\"$");

            Response again = Api.as("JP", "auditor").get(path);
            assertThat(again.header("ETag")).as("same representation, same ETag: " + path).isEqualTo(etag);

            Response notModified = Api.as("JP", "auditor").header("If-None-Match", etag).get(path);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.header("ETag")).isEqualTo(etag);
            assertThat(notModified.asByteArray()).isEmpty();

            Api.as("JP", "auditor").header("If-None-Match", "\"something-else\", W/" + etag).get(path).then()
                    .statusCode(304);
            Api.as("JP", "auditor").header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void theEtagChangesWhenTheRepresentationChanges() {
        String list = newList("DE");
        ControlListFixtures.importJson("DE", list, ControlListFixtures.document("2025-01", "2025-01-01", smallEdition()))
                .statusCode(201);
        String path = "/api/v1/control-lists/" + list + "/editions/2025-01";
        String draft = Api.as("DE", "list-editor").get(path).header("ETag");
        String draftExport = Api.as("DE", "list-editor").get(path + "/export").header("ETag");
        Api.as("DE", "list-editor").post(path + "/publish").then().statusCode(200);
        Api.as("DE", "list-editor").header("If-None-Match", draft).get(path).then().statusCode(200);
        Api.as("DE", "list-editor").header("If-None-Match", draftExport).get(path + "/export").then().statusCode(200);
        String csv = Api.as("DE", "list-editor").accept("text/csv").get(path + "/export").header("ETag");
        assertThat(csv).isNotEqualTo(Api.as("DE", "list-editor").get(path + "/export").header("ETag"));
    }
}
