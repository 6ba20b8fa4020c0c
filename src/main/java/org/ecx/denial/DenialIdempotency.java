package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ecx.common.Digests;
import org.ecx.common.EcxException;

/**
 * {@code Idempotency-Key} on {@code POST /denials}: the first request with a key claims it for the denial it
 * creates; a repeat with the same request gets that denial back, with another request a 409.
 */
@ApplicationScoped
class DenialIdempotency {

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

    @Inject
    EntityManager em;

    @Inject
    DenialJson json;

    /**
     * Claims {@code key} of {@code state} for the denial {@code newId} about to be created from {@code request}.
     * Empty when claimed (create it); the id of the denial first created with the key when this is a repeat of
     * that request. A concurrent request with the same key waits on the claim until the first commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<UUID> claim(String state, String key, DenialRequest request, UUID newId, Instant now) {
        if (!KEY.matcher(key).matches()) {
            throw EcxException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        String hash = Digests.sha256Hex(json.write(request));
        int claimed = em.createNativeQuery("INSERT INTO denial_idempotency (state, key, request_hash, denial_id,"
                + " created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, state).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, newId).setParameter(5, now).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] first = (Object[]) em.createNativeQuery("SELECT request_hash, denial_id FROM denial_idempotency"
                + " WHERE state = ?1 AND key = ?2")
                .setParameter(1, state).setParameter(2, key).getSingleResult();
        if (!hash.equals(first[0])) {
            throw EcxException.conflict("This Idempotency-Key was already used with a different request.");
        }
        return Optional.of((UUID) first[1]);
    }
}
