package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ecx.common.Digests;
import org.ecx.common.EcxException;
import org.hibernate.Session;

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
        // plain JDBC on the transaction's connection: a Hibernate native update ran its query machinery and, having
        // no query spaces, scheduled a cleanup over every entity type on each call (15 % of a keyed POST's CPU
        // samples, docs/benchmarks.md, issue 10)
        Object[] first = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement claim = c.prepareStatement("INSERT INTO denial_idempotency (state, key,"
                    + " request_hash, denial_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                claim.setString(1, state);
                claim.setString(2, key);
                claim.setString(3, hash);
                claim.setObject(4, newId);
                claim.setObject(5, now.atOffset(ZoneOffset.UTC));
                if (claim.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement read = c.prepareStatement("SELECT request_hash, denial_id FROM denial_idempotency"
                    + " WHERE state = ? AND key = ?")) {
                read.setString(1, state);
                read.setString(2, key);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return new Object[] {rs.getString(1), rs.getObject(2, UUID.class)};
                }
            }
        });
        if (first == null) {
            return Optional.empty();
        }
        if (!hash.equals(first[0])) {
            throw EcxException.conflict("This Idempotency-Key was already used with a different request.");
        }
        return Optional.of((UUID) first[1]);
    }
}
