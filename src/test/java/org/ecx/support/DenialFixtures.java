package org.ecx.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds denial request bodies for tests: a complete, valid denial whose parts a test then changes. */
public final class DenialFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Demo regime memberships of SPEC §1, as an independent oracle for visibility tests. */
    public static final java.util.Map<String, List<String>> MEMBERSHIPS = java.util.Map.of(
            "DE", List.of("WA", "NSG", "AG", "MTCR", "EU"),
            "FR", List.of("WA", "NSG", "AG", "MTCR", "EU"),
            "JP", List.of("WA", "NSG", "AG", "MTCR"),
            "US", List.of("WA", "NSG", "AG", "MTCR"),
            "IN", List.of("WA", "AG", "MTCR"));

    public static final List<String> STATES = List.of("DE", "FR", "JP", "US", "IN");

    private DenialFixtures() {
    }

    public static String uniqueReference() {
        return "REF-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A valid denial with every sensitive field filled, distribution ALL_PARTNERS, default releasability. */
    public static ObjectNode denial() {
        ObjectNode d = JSON.createObjectNode();
        d.put("nationalReference", uniqueReference());
        ArrayNode refs = d.putArray("regimeReferences");
        refs.addObject().put("regime", "NSG").put("reference", "NSG-" + UUID.randomUUID().toString().substring(0, 6));
        d.put("decisionType", "DENIAL");
        d.put("decisionDate", LocalDate.now().minusDays(3).toString());
        ArrayNode items = d.putArray("items");
        ObjectNode item = items.addObject();
        item.put("controlEntry", "3A001.a.1");
        item.put("listEdition", "SAMPLE-DU:2025-01");
        item.put("description", "Radiation-hardened integrated circuits");
        item.put("quantity", "500 units");
        item.putObject("value").put("amount", 125000).put("currency", "EUR");
        ArrayNode parties = d.putArray("parties");
        ObjectNode party = parties.addObject();
        party.put("role", "END_USER");
        party.put("name", "Romashka Trading LLC");
        party.putArray("aliases").add("Romashka Trade");
        party.put("address", "12 Harbour Road, Port City");
        party.put("country", "AE");
        party.putArray("identifiers").addObject().put("type", "REGISTRATION").put("value", "REG-000123");
        d.put("destinationCountry", "AE");
        d.put("endUse", "Satellite ground station");
        d.putArray("reasons").add("WMD").add("DIVERSION");
        d.put("rationale", "End user linked to a procurement network.");
        d.put("contact", "Export control desk, +49 000 000");
        d.put("licenceApplicationRef", "LIC-2026-77");
        d.putObject("distribution").put("scope", "ALL_PARTNERS");
        return d;
    }

    public static ObjectNode withScope(ObjectNode denial, String scope, String regime, List<String> states) {
        ObjectNode dist = denial.putObject("distribution");
        dist.put("scope", scope);
        if (regime != null) {
            dist.put("regime", regime);
        }
        if (states != null) {
            ArrayNode a = dist.putArray("states");
            states.forEach(a::add);
        }
        return denial;
    }

    /** Sets one releasability group: "ORIGINATOR", "DISTRIBUTION" or a list of states. */
    public static ObjectNode release(ObjectNode denial, String group, Object value) {
        ObjectNode rel = denial.has("releasability") ? (ObjectNode) denial.get("releasability")
                : denial.putObject("releasability");
        if (value instanceof String s) {
            rel.put(group, s);
        } else {
            ArrayNode a = rel.putObject(group).putArray("states");
            ((List<?>) value).forEach(v -> a.add((String) v));
        }
        return denial;
    }

    /** Whether a viewer sees a record under a distribution, per SPEC §2 and the demo memberships. */
    public static boolean sees(String originator, String scope, String regime, List<String> states, String viewer) {
        if (viewer.equals(originator)) {
            return true;
        }
        return switch (scope) {
            case "ALL_PARTNERS" -> true;
            case "REGIME" -> MEMBERSHIPS.get(viewer).contains(regime);
            case "STATES" -> states.contains(viewer);
            default -> false;
        };
    }
}
