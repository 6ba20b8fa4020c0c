package org.ecx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.ecx.support.Api;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditPagingTest {

    @Test
    void anAuditorPagesThroughItsEventsFiveAtATimeWithoutLosingOrRepeatingAny() {
        String id = Api.as("FR", "denial-officer").body(DenialFixtures.denial().toString()).post("/api/v1/denials")
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < 12; i++) {
            Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
        }
        List<Long> all = Api.as("JP", "auditor").queryParam("recordId", id).queryParam("limit", 500)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items.seq", Long.class);
        assertThat(all).as("positions within the listing, not global sequence numbers").isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, 12).boxed().toList());

        List<Long> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var spec = Api.as("JP", "auditor").queryParam("recordId", id).queryParam("limit", 5);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            List<Long> seqs = page.getList("items.seq", Long.class);
            sizes.add(seqs.size());
            paged.addAll(seqs);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(sizes).containsExactly(5, 5, 2);
        assertThat(paged).isEqualTo(all).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aPageAsLongAsTheRestHasNoNextCursor() {
        String id = Api.as("FR", "denial-officer").body(DenialFixtures.denial().toString()).post("/api/v1/denials")
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < 5; i++) {
            Api.as("JP", "licensing-officer").get("/api/v1/denials/" + id).then().statusCode(200);
        }
        var page = Api.as("JP", "auditor").queryParam("recordId", id).queryParam("limit", 5).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(5);
        assertThat(page.getString("nextCursor")).isNull();
    }
}
