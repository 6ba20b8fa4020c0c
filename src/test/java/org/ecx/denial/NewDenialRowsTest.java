package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.access.Role;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

/**
 * A created denial's rows are inserted by one statement ({@link NewDenialRows}), not by the ORM: what the entity
 * mapping then reads back must be what the request said, in its order, and its first version must be stored.
 */
@QuarkusTest
class NewDenialRowsTest {

    private static final Caller OFFICER = new Caller("FR", Set.of(Role.DENIAL_OFFICER), "fr-officer");

    @Inject
    DenialWrites writes;

    @Inject
    ObjectMapper mapper;

    @Test
    void aCreatedDenialReadsBackThroughItsEntityWithItsItemsPartiesAndRecipientsInOrder() throws Exception {
        ObjectNode body = DenialFixtures.withScope(DenialFixtures.denial(), "STATES", null, List.of("DE", "JP"));
        ArrayNode items = (ArrayNode) body.get("items");
        items.addObject().put("controlEntry", "1C350.a");
        items.addObject().put("controlEntry", "5A002.a");
        ArrayNode parties = (ArrayNode) body.get("parties");
        parties.addObject().put("role", "CONSIGNEE").put("name", "Second Party GmbH").put("country", "DE");
        DenialRequest request = mapper.treeToValue(body, DenialRequest.class);

        UUID id = QuarkusTransaction.requiringNew().call(() -> writes.create(OFFICER, request, null).view().id());

        QuarkusTransaction.requiringNew().call(() -> {
            Denial d = Denial.findById(id);
            assertThat(d.notifyingState).isEqualTo("FR");
            assertThat(d.nationalReference).isEqualTo(request.nationalReference());
            assertThat(d.decisionDate).isEqualTo(request.decisionDate());
            assertThat(d.status).isEqualTo("ACTIVE");
            assertThat(d.version).isEqualTo(1);
            assertThat(d.distScope).isEqualTo("STATES");
            assertThat(d.seq).as("creation order assigned by the database").isNotNull();
            assertThat(d.reviewDueAt).isEqualTo(DenialWrites.plusReviewPeriod(d.notifiedAt));
            assertThat(d.recipients).containsExactlyInAnyOrder("DE", "JP");
            assertThat(d.items).extracting(i -> i.controlEntry).containsExactly("3A001.a.1", "1C350.a", "5A002.a");
            assertThat(d.parties).extracting(p -> p.role + "/" + p.name + "/" + p.country)
                    .containsExactly("END_USER/Romashka Trading LLC/AE", "CONSIGNEE/Second Party GmbH/DE");
            DenialVersion v1 = DenialVersion.find("denialId = ?1 and version = 1", id).firstResult();
            assertThat(v1.changeType).isEqualTo("CREATED");
            assertThat(v1.changedBy).isEqualTo("fr-officer");
            assertThat(v1.changedAt).isEqualTo(d.notifiedAt);
            assertThat(mapper.readTree(v1.body)).isEqualTo(mapper.readTree(d.body));
            assertThat(mapper.readTree(d.body).at("/content/nationalReference").asText())
                    .isEqualTo(request.nationalReference());
            return null;
        });
    }
}
