package org.ecx.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.access.Role;
import org.ecx.support.DenialFixtures;
import org.junit.jupiter.api.Test;

/**
 * Denial calls neither the feed nor screening: it fires {@link DenialWritten}, and the observers must act inside
 * the writing transaction (ADR 0013), so that what they insert commits or rolls back with the denial.
 */
@QuarkusTest
class DenialWrittenObserversTest {

    private static final Caller OFFICER = new Caller("DE", Set.of(Role.DENIAL_OFFICER), "de-officer");

    @Inject
    DenialWrites writes;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Test
    void theFeedChangeAndTheScreeningEntryAreWrittenByTheDenialsOwnTransaction() throws Exception {
        DenialRequest request = mapper.treeToValue(DenialFixtures.denial(), DenialRequest.class);
        UUID[] id = new UUID[1];
        long[] inside = new long[2];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            id[0] = writes.create(OFFICER, request, null).view().id();
            // before commit, in the same transaction: the observers have already run in it
            inside[0] = feedChanges(id[0]);
            inside[1] = screeningEntries(id[0]);
            throw new IllegalStateException("roll the write back");
        })).hasMessageContaining("roll the write back");

        assertThat(inside).as("feed changes and screening entries seen inside the writing transaction")
                .containsExactly(1, 1);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Denial.<Denial>findById(id[0])).isNull();
            assertThat(feedChanges(id[0])).as("feed change rolled back with the denial").isZero();
            assertThat(screeningEntries(id[0])).as("screening entry rolled back with the denial").isZero();
        });
    }

    @Test
    void aStatusOnlyChangeReachesTheFeedButDoesNotRewriteTheScreenedNames() throws Exception {
        DenialRequest request = mapper.treeToValue(DenialFixtures.denial(), DenialRequest.class);
        UUID id = QuarkusTransaction.requiringNew().call(() -> writes.create(OFFICER, request, null).view().id());
        Object xidBefore = QuarkusTransaction.requiringNew().call(() -> xid(id));

        QuarkusTransaction.requiringNew().run(() -> writes.renew(OFFICER, id.toString(), null));

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(feedChanges(id)).as("CREATED and RENEWED on the feed").isEqualTo(2);
            assertThat(xid(id)).as("screening entry untouched by a renewal").isEqualTo(xidBefore);
        });
    }

    private long feedChanges(UUID denialId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM feed_change WHERE record_type = 'DENIAL'"
                + " AND record_uuid = ?1").setParameter(1, denialId).getSingleResult()).longValue();
    }

    private long screeningEntries(UUID denialId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM screening_entry WHERE denial_id = ?1")
                .setParameter(1, denialId).getSingleResult()).longValue();
    }

    private Object xid(UUID denialId) {
        return em.createNativeQuery("SELECT xid::text FROM screening_entry WHERE denial_id = ?1")
                .setParameter(1, denialId).getSingleResult();
    }
}
