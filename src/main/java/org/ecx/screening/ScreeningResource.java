package org.ecx.screening;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Reader;
import java.util.List;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pre-licence screening (SPEC §4). */
@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Screening")
public class ScreeningResource {

    @Inject
    AccessPolicy policy;

    @Inject
    ScreeningService service;

    @Inject
    Validator validator;

    /** Parties in one CSV upload: the limit of one screening request. */
    public static final int MAX_CSV_PARTIES = 50;

    @POST
    @Authorize(Permission.SCREENING)
    @Operation(operationId = "screenTransaction", summary = "Screen a proposed transaction against the denials visible to the caller, best match first",
            description = "Scores the party names (and aliases) against every denial visible to the caller and relates the screened control entries to the denied ones. Each match is explained in matchedOn and flags essentiallyIdentical and consultationRequired. The screening is audited (who and when, never whom).")
    @APIResponse(responseCode = "200", description = "Matches at or above the threshold")
    @APIResponse(responseCode = "422", description = "A screened name has no distinctive word")
    public ScreeningResult screen(
            @Parameter(description = "Also consider REVOKED denials") @QueryParam("includeRevoked") String includeRevoked,
            @Valid @NotNull ScreeningRequest request) {
        return service.screen(policy.caller(), request, flag(includeRevoked));
    }

    @POST
    @Path("/batch")
    @Authorize(Permission.SCREENING)
    @Operation(operationId = "screenTransactions", summary = "Up to 100 screenings in one request; results in the order of the screenings",
            description = "Screens up to 100 transactions in one request, each as POST /screenings would, in one audit event.")
    @APIResponse(responseCode = "200", description = "One result per screening")
    @APIResponse(responseCode = "422", description = "A screened name has no distinctive word")
    public ScreeningResult.Batch batch(
            @Parameter(description = "Also consider REVOKED denials") @QueryParam("includeRevoked") String includeRevoked,
            @Valid @NotNull ScreeningBatchRequest request) {
        return service.screenBatch(policy.caller(), request, flag(includeRevoked));
    }

    @POST
    @Path("/csv")
    @Authorize(Permission.SCREENING)
    @Consumes(ScreeningCsv.MEDIA_TYPE)
    @Produces({MediaType.APPLICATION_JSON, ScreeningCsv.MEDIA_TYPE})
    @Operation(operationId = "screenApplicationCsv", summary = "Screen the parties of a licence application uploaded as CSV (one screening)",
            description = "Body: CSV (text/csv, UTF-8, RFC 4180) with a header row; columns name (required),"
                    + " country (ISO 3166-1 alpha-2) and role (END_USER, CONSIGNEE, INTERMEDIARY, PURCHASER), at most"
                    + " 50 rows. Control entries, destination country and threshold as query parameters. Answers"
                    + " JSON (a ScreeningResult) or, with Accept: text/csv, one row per screened party and matching"
                    + " denial party (cells a spreadsheet would read as formulas start with an apostrophe).")
    @RequestBody(required = true, content = @Content(mediaType = ScreeningCsv.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The matches, as JSON or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningResult.class)),
            @Content(mediaType = ScreeningCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Not CSV, or a bad header; the line is named")
    @APIResponse(responseCode = "422", description = "Bad rows (each line named) or a name with no distinctive word")
    public Response csv(
            @Parameter(description = "Also consider REVOKED denials") @QueryParam("includeRevoked") String includeRevoked,
            @Parameter(description = "Screened control entry, repeatable") @QueryParam("controlEntry") List<String> items,
            @Parameter(description = "ISO 3166-1 alpha-2") @QueryParam("destinationCountry") String destinationCountry,
            @Parameter(description = "Smallest score reported (default 0.8)") @QueryParam("threshold") String threshold,
            @Context HttpHeaders headers, Reader body) {
        List<ScreeningCsv.Row> rows = ScreeningCsv.read(body, MAX_CSV_PARTIES, validator);
        ScreeningRequest request = new ScreeningRequest(rows.stream().map(ScreeningCsv.Row::party).toList(),
                items == null || items.isEmpty() ? null
                        : items.stream().map(ScreeningRequest.Item::new).toList(),
                destinationCountry, threshold(threshold), null);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            var v = violations.iterator().next();
            throw EcxException.invalid(v.getPropertyPath().toString().replace("items", "controlEntry"),
                    v.getMessage());
        }
        ScreeningResult result = service.screen(policy.caller(), request, flag(includeRevoked));
        if (prefersCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(ScreeningCsv.write(rows, result), ScreeningCsv.MEDIA_TYPE + ";charset=UTF-8").build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON).build();
    }

    private static Double threshold(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw EcxException.invalid("threshold", "must be a number between 0 and 1");
        }
    }

    /** CSV when the client lists text/csv before any JSON type. */
    private static boolean prefersCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(ScreeningCsv.MEDIA_TYPE);
        return acceptable.stream().filter(t -> t.isCompatible(csv) || t.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .findFirst().map(t -> !t.isWildcardType() && t.isCompatible(csv)).orElse(false);
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw EcxException.invalid("includeRevoked", "must be true or false");
    }
}
