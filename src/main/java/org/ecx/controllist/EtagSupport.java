package org.ecx.controllist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong ETags: the SHA-256 of the exact bytes of a representation, so equal ETags mean byte-identical
 * bodies (RFC 9110 §8.8.3). JSON representations are serialized once here and the same bytes are sent.
 */
@ApplicationScoped
class EtagSupport {

    @Inject
    ObjectMapper mapper;

    public byte[] serialize(Object entity) {
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + entity.getClass().getSimpleName(), e);
        }
    }

    /** The ETag of an entity's JSON representation. */
    public String etag(Object entity) {
        return etagOf(serialize(entity));
    }

    public static String etagOf(byte[] bytes) {
        return quoted(sha256(bytes));
    }

    /** An ETag derived from text that identifies a representation's content (e.g. an immutable export). */
    public static String etagOf(String identity) {
        return etagOf(identity.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(byte[] digest) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
