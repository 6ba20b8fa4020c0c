package org.ecx.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Finishes the generated contract once for the whole API, so that every operation follows the same rules
 * (checked by Spectral in {@code .ci/test}, see {@code openapi/.spectral.yaml}):
 * <ul>
 * <li>every operation under {@code /api/v1} documents the problem+json responses it can produce (the
 * {@code Problem} schema on every 4xx and 5xx), and every non-public one the OpenID Connect requirement;</li>
 * <li>every response has a description and every response header a schema;</li>
 * <li>{@code limit} is an integer with the configured bounds (the resources read it as text only so that a
 * bad value is a 400 problem, not a 404);</li>
 * <li>patterns that use Unicode property classes ({@code \p{L}}), which many regular-expression engines
 * cannot compile, are moved from {@code pattern} into the description;</li>
 * <li>request and response examples come from {@code openapi-examples/<operationId>.request.json} and
 * {@code .response.json} on the class path.</li>
 * </ul>
 */
public class OpenApiProblems implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String SECURITY_SCHEME = "oidc";
    private static final String EXAMPLES = "openapi-examples/";
    private static final String PAGING = "Paging";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            // Release is "ORIGINATOR" | "DISTRIBUTION" | {"states": [...]}: a bare oneOf, not an object
            var release = openAPI.getComponents().getSchemas().get("Release");
            if (release != null) {
                release.setType(null);
                release.setProperties(null);
            }
            openAPI.getComponents().getSchemas().values().forEach(OpenApiProblems::portablePatterns);
            pagingShape(openAPI.getComponents());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith("/api/v1")) {
                continue;
            }
            boolean isPublic = path.startsWith("/api/v1/public");
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : entry.getValue().getOperations().entrySet()) {
                finish(operation.getValue(), path, isPublic, auditedRead(operation.getKey(), path));
            }
        }
    }

    /** The operations that append audit events for reads of other states' records, refused past the bound. */
    private static boolean auditedRead(PathItem.HttpMethod method, String path) {
        return method == PathItem.HttpMethod.GET && (path.equals("/api/v1/denials")
                || path.equals("/api/v1/denials/{id}"))
                || method == PathItem.HttpMethod.POST && path.startsWith("/api/v1/screenings");
    }

    private static void finish(Operation operation, String path, boolean isPublic, boolean auditedRead) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasBody = operation.getRequestBody() != null;
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(OpenApiProblems::typedLimit);
        }
        if (hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            add(responses, "400", "Malformed request or invalid input");
        }
        if (!isPublic) {
            add(responses, "401", "Missing, invalid or expired bearer token");
            add(responses, "403", "The caller's state or roles do not allow this operation");
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
            add(responses, "429", "Too many requests of this principal (concurrency or rate limit); see Retry-After");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such record, or not visible to the caller");
        }
        if (hasBody) {
            add(responses, "413", "Request body too large");
            add(responses, "415", "Unsupported content type");
            add(responses, "408", "The request body did not arrive in time");
        }
        if (auditedRead) {
            add(responses, "503", "Reads of other states' records are paused while the audit log's unsealed window"
                    + " is over its bound (ADR 0019); see Retry-After");
        }
        add(responses, "500", "Unexpected error; the body carries an incident id that the operators can look up");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            complete(response.getKey(), response.getValue());
        }
        examples(operation);
    }

    /**
     * Every page schema ({@code FeedPage}, {@code ControlList...Page}, {@code Page...}) is its {@code items} plus
     * the one shared {@code Paging} component ({@link Page}): the paging rules are written once in the contract.
     */
    private static void pagingShape(Components components) {
        boolean anyPage = false;
        for (Map.Entry<String, Schema> entry : components.getSchemas().entrySet()) {
            String name = entry.getKey();
            Schema page = entry.getValue();
            Schema items = page.getProperties() == null ? null : page.getProperties().get("items");
            if (items == null || !(name.startsWith("Page") || name.endsWith("Page"))) {
                continue;
            }
            page.setType(null);
            page.setProperties(null);
            page.setRequired(null);
            page.setAllOf(List.of(OASFactory.createSchema().ref(PAGING),
                    OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addRequired("items")
                            .addProperty("items", items)));
            anyPage = true;
        }
        if (anyPage) {
            components.addSchema(PAGING, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("The one paging shape of every list and feed: items, nextCursor and caughtUp."
                            + " Read pages while caughtUp is false. A finite list ends where nextCursor is absent"
                            + " (its last page is caught up). A feed never ends: nextCursor is always present, also"
                            + " on an empty page; keep it and ask again later for newer items.")
                    .addRequired("caughtUp")
                    .addProperty("nextCursor", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .description("Opaque cursor of the next page (pass it as ?cursor=); absent on the last"
                                    + " page of a finite list, always present on a feed"))
                    .addProperty("caughtUp", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)
                            .description("True when no more items are ready now: the end of a finite list, or"
                                    + " the head of a feed as of this request")));
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }

    /** A description for every response, a schema for every header, the Problem body on every error. */
    private static void complete(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(switch (status) {
                case "200" -> "OK";
                case "201" -> "Created";
                case "204" -> "No content";
                default -> "Status " + status;
            });
        }
        if (response.getHeaders() != null) {
            for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
                Header h = header.getValue();
                if (h.getSchema() == null && h.getRef() == null) {
                    h.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                }
                if (h.getDescription() == null) {
                    h.setDescription(switch (header.getKey()) {
                        case "Location" -> "Address of the created record";
                        case "ETag" -> "Version tag of the record, for If-Match and If-None-Match";
                        default -> header.getKey();
                    });
                }
            }
        }
        if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(problemContent());
        }
    }

    private static void typedLimit(Parameter parameter) {
        if (!"limit".equals(parameter.getName()) || parameter.getIn() != Parameter.In.QUERY) {
            return;
        }
        var config = ConfigProvider.getConfig();
        int max = config.getOptionalValue("ecx.paging.max-limit", Integer.class).orElse(500);
        int dflt = config.getOptionalValue("ecx.paging.default-limit", Integer.class).orElse(50);
        parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(max)).defaultValue(dflt));
        if (parameter.getDescription() == null) {
            parameter.setDescription("Page size; larger values are capped to " + max);
        }
    }

    private static void portablePatterns(Schema schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && pattern.contains("\\p{")) {
            schema.setPattern(null);
            String note = "Must match " + pattern + " (Unicode letters \\p{L} and digits \\p{N} of any script).";
            schema.setDescription(schema.getDescription() == null ? note : schema.getDescription() + " " + note);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiProblems::portablePatterns);
        }
        portablePatterns(schema.getItems());
    }

    /** Request and main response examples, kept as JSON files next to the code that serves them. */
    private static void examples(Operation operation) {
        if (operation.getOperationId() == null) {
            return;
        }
        String request = resource(EXAMPLES + operation.getOperationId() + ".request.json");
        if (request != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
            if (json != null) {
                json.setExample(parse(request));
            }
        }
        String response = resource(EXAMPLES + operation.getOperationId() + ".response.json");
        if (response != null) {
            for (String status : new String[] {"200", "201"}) {
                APIResponse ok = operation.getResponses().getAPIResponse(status);
                if (ok != null && ok.getContent() != null && ok.getContent().getMediaType("application/json") != null) {
                    ok.getContent().getMediaType("application/json").setExample(parse(response));
                    break;
                }
            }
        }
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bad OpenAPI example", e);
        }
    }

    private static String resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
