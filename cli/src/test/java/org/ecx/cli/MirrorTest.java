package org.ecx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How one feed item changes a mirror directory. */
class MirrorTest {

    @TempDir
    Path dir;

    private static JsonNode item(String json) throws Exception {
        return EcxApi.JSON.readTree(json);
    }

    @Test
    void aChangeWritesTheRecordAndAWithdrawnChangeDeletesIt() throws Exception {
        Mirror.apply(dir, item("{\"recordType\":\"DENIAL\",\"recordId\":\"d-1\",\"changeType\":\"CREATED\","
                + "\"record\":{\"id\":\"d-1\",\"status\":\"ACTIVE\"}}"));
        Path file = dir.resolve("denial/d-1.json");
        assertThat(EcxApi.JSON.readTree(file.toFile()).path("status").asText()).isEqualTo("ACTIVE");

        Mirror.apply(dir, item("{\"recordType\":\"DENIAL\",\"recordId\":\"d-1\",\"changeType\":\"REVOKED\","
                + "\"record\":{\"id\":\"d-1\",\"status\":\"REVOKED\"}}"));
        assertThat(EcxApi.JSON.readTree(file.toFile()).path("status").asText()).isEqualTo("REVOKED");

        Mirror.apply(dir, item("{\"recordType\":\"DENIAL\",\"recordId\":\"d-1\",\"changeType\":\"WITHDRAWN\"}"));
        assertThat(file).doesNotExist();
    }

    @Test
    void aChangeWithoutARecordKeepsItsMetadataButNotItsCursor() throws Exception {
        Mirror.apply(dir, item("{\"recordType\":\"CONSULTATION\",\"recordId\":\"EU-DU/FR\",\"changeType\":\"OPENED\","
                + "\"cursor\":\"abc\"}"));
        JsonNode meta = EcxApi.JSON.readTree(dir.resolve("consultation/EU-DU_FR.json").toFile());
        assertThat(meta.path("changeType").asText()).isEqualTo("OPENED");
        assertThat(meta.has("cursor")).isFalse();
    }
}
