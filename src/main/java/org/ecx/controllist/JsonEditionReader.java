package org.ecx.controllist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.ecx.common.EcxException;

/**
 * Reads an edition document with Jackson's streaming parser: the top-level fields in any order, and the
 * {@code entries} array one element at a time (each element is a small tree), so memory does not grow with
 * the size of the body. A body that is not JSON, or not shaped like an edition document, is a 400; wrong
 * values inside it are collected as import errors (422).
 */
final class JsonEditionReader {

    static final Set<String> ENTRY_FIELDS = Set.of("code", "parentCode", "category", "group", "regime", "title",
            "text", "notes", "status", "reviewBy");
    private static final Set<String> METADATA_FIELDS = Set.of("listId", "edition", "title", "effectiveDate",
            "status");

    private JsonEditionReader() {
    }

    static void read(JsonParser parser, EditionMetadata metadata, EditionImport entries, ImportErrors errors)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw EcxException.badRequest("The request body is empty.");
        }
        if (first != JsonToken.START_OBJECT) {
            throw EcxException.badRequest("The request body must be a JSON object (an edition document).");
        }
        boolean sawEntries = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("entries")) {
                if (value != JsonToken.START_ARRAY) {
                    throw EcxException.invalid("entries", "must be an array of entries");
                }
                sawEntries = true;
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    RawEntry entry = entry(index++, parser.readValueAsTree(), errors);
                    if (entry == null) {
                        entries.skip();
                    } else {
                        entries.accept(entry);
                    }
                }
            } else if (field.equals("renumbered")) {
                metadata.setRenumbered(renumbered(parser.readValueAsTree(), errors));
            } else if (METADATA_FIELDS.contains(field)) {
                JsonNode node = parser.readValueAsTree();
                if (node.isTextual()) {
                    metadata.set(field, node.asText());
                } else if (!node.isNull()) {
                    errors.add(field, "must be a string");
                }
            } else {
                throw EcxException.invalid(field, "unknown field");
            }
        }
        if (parser.nextToken() != null) {
            throw EcxException.badRequest("The request body has content after the edition document.");
        }
        if (!sawEntries) {
            errors.add("entries", "is required");
        }
    }

    private static RawEntry entry(int index, JsonNode node, ImportErrors errors) {
        String prefix = "entries[" + index + "]";
        if (!node.isObject()) {
            errors.add(prefix, "must be an object");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ENTRY_FIELDS.contains(name)) {
                errors.add(prefix + "." + name, "unknown field");
            }
        }
        List<String> notes = null;
        JsonNode notesNode = node.get("notes");
        if (notesNode != null && !notesNode.isNull()) {
            if (!notesNode.isArray()) {
                errors.add(prefix + ".notes", "must be an array of strings");
            } else {
                notes = new ArrayList<>();
                for (JsonNode n : notesNode) {
                    if (n.isTextual()) {
                        notes.add(n.asText());
                    } else {
                        errors.add(prefix + ".notes[" + notes.size() + "]", "must be a string");
                        notes.add("?");
                    }
                }
            }
        }
        return new RawEntry(index, "", text(node, "code", prefix, errors), text(node, "parentCode", prefix, errors),
                text(node, "category", prefix, errors), text(node, "group", prefix, errors),
                text(node, "regime", prefix, errors), text(node, "title", prefix, errors),
                text(node, "text", prefix, errors), notes, text(node, "status", prefix, errors),
                text(node, "reviewBy", prefix, errors));
    }

    /** A string field (a category may also be given as a number); empty counts as absent. */
    private static String text(JsonNode node, String name, String prefix, ImportErrors errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty() ? null : v.asText();
        }
        if (name.equals("category") && v.isInt()) {
            return Integer.toString(v.asInt());
        }
        errors.add(prefix + "." + name, "must be a string");
        return null;
    }

    private static List<EditionMetadata.RawRenumbering> renumbered(JsonNode node, ImportErrors errors) {
        List<EditionMetadata.RawRenumbering> result = new ArrayList<>();
        if (node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            errors.add("renumbered", "must be an array of {from, to}");
            return result;
        }
        int i = 0;
        for (JsonNode line : node) {
            String field = "renumbered[" + i++ + "]";
            if (!line.isObject() || !line.path("from").isTextual() || !line.path("to").isTextual() || line.size() != 2) {
                errors.add(field, "must be an object {from, to} of two codes");
            } else {
                result.add(new EditionMetadata.RawRenumbering(field, line.get("from").asText(), line.get("to").asText()));
            }
        }
        return result;
    }
}
