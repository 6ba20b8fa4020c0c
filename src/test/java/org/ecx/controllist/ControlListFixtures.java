package org.ecx.controllist;

import static org.ecx.support.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for control-list tests: each test makes its own list (lists are data, not created over the API). */
final class ControlListFixtures {

    private ControlListFixtures() {
    }

    /** A new list with a unique id, edited by the given states. */
    static String newList(String... editingStates) {
        String id = "T-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> {
            ControlList list = new ControlList();
            list.id = id;
            list.name = "Test list " + id;
            list.editingStates.addAll(List.of(editingStates));
            list.createdAt = Instant.now();
            list.persist();
        });
        return id;
    }

    static Map<String, Object> entry(String code, String regime, String title) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("regime", regime);
        e.put("title", title);
        return e;
    }

    static Map<String, Object> entry(String code, String title) {
        return entry(code, "WA", title);
    }

    static Map<String, Object> with(Map<String, Object> entry, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> document(String edition, String effectiveDate, List<Map<String, Object>> entries) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("edition", edition);
        doc.put("effectiveDate", effectiveDate);
        doc.put("entries", entries);
        return doc;
    }

    /** A small edition: 3A001 with a two-level hierarchy, and 5A002. */
    static List<Map<String, Object>> smallEdition() {
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(with(entry("3A001", "Electronic items"), "text", "Electronic items as follows."));
        entries.add(entry("3A001.a", "General-purpose integrated circuits"));
        entries.add(with(entry("3A001.a.1", "Radiation-hardened circuits"), "notes", List.of("A first note.", "A second note.")));
        entries.add(entry("3A001.a.1.a", "Total-dose hardened circuits"));
        entries.add(entry("3A001.b", "Microwave components"));
        entries.add(with(entry("5A002", "Cryptographic items"), "text", "Items whose function includes cryptography."));
        return entries;
    }

    static ValidatableResponse importJson(String state, String listId, Object document) {
        return as(state, "list-editor").body(document).post("/api/v1/control-lists/" + listId + "/editions").then();
    }

    static void importPublished(String listId, String edition, String effectiveDate, List<Map<String, Object>> entries) {
        Map<String, Object> doc = document(edition, effectiveDate, entries);
        doc.put("status", "PUBLISHED");
        importJson("DE", listId, doc).statusCode(201);
    }

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = ControlListEntry.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    static long entryRows() {
        return count("SELECT count(*) FROM control_list_entry");
    }
}
