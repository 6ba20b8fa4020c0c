package org.ecx.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * JSON that ECX itself stores in jsonb columns (denial snapshots, feed payloads, recognition bodies) and reads
 * back. A failure here is a bug or a corrupted row, never a client error, hence unchecked.
 */
@ApplicationScoped
public class StoredJson {

    @Inject
    ObjectMapper mapper;

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
