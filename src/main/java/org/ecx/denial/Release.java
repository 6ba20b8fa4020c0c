package org.ecx.denial;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * To whom one group of sensitive fields is released: {@code "ORIGINATOR"} (default), {@code "DISTRIBUTION"}
 * (every state that sees the record) or {@code {"states": ["FR"]}} (those states, if they see the record).
 */
@JsonSerialize(using = Release.Serializer.class)
@JsonDeserialize(using = Release.Deserializer.class)
@Schema(name = "Release", description = "\"ORIGINATOR\", \"DISTRIBUTION\" or {\"states\": [\"FR\"]}",
        oneOf = {Release.Keyword.class, Release.StateList.class})
public record Release(@Schema(hidden = true) Kind kind, @Schema(hidden = true) List<String> states) {

    public enum Kind {
        ORIGINATOR, DISTRIBUTION, STATES
    }

    public static final Release ORIGINATOR = new Release(Kind.ORIGINATOR, List.of());
    public static final Release DISTRIBUTION = new Release(Kind.DISTRIBUTION, List.of());

    public Release {
        states = states == null ? List.of() : List.copyOf(states);
    }

    public static Release toStates(List<String> states) {
        return new Release(Kind.STATES, states);
    }

    /** Whether a viewer that sees the record (and is not its originator) may see this group. */
    public boolean releasedTo(String viewerState) {
        return switch (kind) {
            case ORIGINATOR -> false;
            case DISTRIBUTION -> true;
            case STATES -> states.contains(viewerState);
        };
    }

    @Schema(name = "ReleaseKeyword", enumeration = {"ORIGINATOR", "DISTRIBUTION"}, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
    static final class Keyword {
    }

    @Schema(name = "ReleaseStates")
    static final class StateList {
        @Schema(required = true, example = "[\"FR\"]")
        public List<String> states;
    }

    static final class Serializer extends JsonSerializer<Release> {
        @Override
        public void serialize(Release value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value.kind == Kind.STATES) {
                gen.writeObject(Map.of("states", value.states));
            } else {
                gen.writeString(value.kind.name());
            }
        }
    }

    static final class Deserializer extends JsonDeserializer<Release> {
        @Override
        public Release deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText();
                if ("ORIGINATOR".equals(text)) {
                    return ORIGINATOR;
                }
                if ("DISTRIBUTION".equals(text)) {
                    return DISTRIBUTION;
                }
                return (Release) ctxt.handleWeirdStringValue(Release.class, text,
                        "must be ORIGINATOR, DISTRIBUTION or {\"states\": [...]}");
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                // ctxt.readTree, not p.readValueAsTree(): the latter goes through the mapper, which with
                // FAIL_ON_TRAILING_TOKENS (StrictJson) would read past this value into the rest of the body
                JsonNode node = ctxt.readTree(p);
                Iterator<String> names = node.fieldNames();
                while (names.hasNext()) {
                    if (!"states".equals(names.next())) {
                        return (Release) ctxt.handleUnexpectedToken(Release.class, p);
                    }
                }
                JsonNode states = node.get("states");
                if (states == null || !states.isArray() || states.isEmpty() || states.size() > 100) {
                    return (Release) ctxt.handleWeirdStringValue(Release.class, String.valueOf(states),
                            "states must be a non-empty array of state codes");
                }
                List<String> list = new ArrayList<>();
                for (JsonNode s : states) {
                    if (!s.isTextual()) {
                        return (Release) ctxt.handleWeirdStringValue(Release.class, s.toString(),
                                "states must be state codes");
                    }
                    list.add(s.asText());
                }
                return toStates(list);
            }
            return (Release) ctxt.handleUnexpectedToken(Release.class, p);
        }
    }
}
