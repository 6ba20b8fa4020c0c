package org.ecx.common;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error contract once for the whole API: every operation under {@code /api/v1} gets the
 * problem+json responses it can produce, and every non-public operation the bearer security requirement.
 */
public class OpenApiProblems implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Release is "ORIGINATOR" | "DISTRIBUTION" | {"states": [...]}: a bare oneOf, not an object
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            var release = openAPI.getComponents().getSchemas().get("Release");
            if (release != null) {
                release.setType(null);
                release.setProperties(null);
            }
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
            for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                boolean hasBody = operation.getRequestBody() != null;
                if (hasBody || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                    add(responses, "400", "Malformed request or invalid input");
                }
                if (!isPublic) {
                    add(responses, "401", "Missing, invalid or expired bearer token");
                    add(responses, "403", "The caller's state or roles do not allow this operation");
                    operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
                }
                if (path.contains("{")) {
                    add(responses, "404", "No such record, or not visible to the caller");
                }
                if (hasBody) {
                    add(responses, "413", "Request body too large");
                    add(responses, "415", "Unsupported content type");
                }
            }
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(problemContent());
        responses.addAPIResponse(status, response);
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
