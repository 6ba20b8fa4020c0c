package org.ecx.controllist;

import org.ecx.common.ETags;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Harmonized control lists (SPEC §6): lists, editions (import, publish, read, diff, export), entries,
 * national correlations and each list's change feed. Every GET representation carries a strong ETag and
 * answers If-None-Match with 304. See docs/control-lists.md.
 */
@Path("/api/v1/control-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Control lists")
public class ControlListResource {

    private static final String NOT_MODIFIED = "Not modified: If-None-Match names the current ETag";

    @Inject
    AccessPolicy policy;

    @Inject
    ControlListCatalog catalog;

    @Inject
    EditionImporter importer;

    @Inject
    EditionService editions;

    @Inject
    EditionDiff diffs;

    @Inject
    EditionExport exports;

    @Inject
    CorrelationService correlations;

    @Inject
    ChangeLog changes;

    @Inject
    EcxConfig config;

    @GET
    @Operation(operationId = "listControlLists", summary = "List the control lists (visible to every partner)",
            description = "Every control list with its regime, editing states and the edition in force today.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = ControlListPage.class, responseCode = "200")
    public Page<ControlListView> lists(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return catalog.lists(cursor, Cursors.limit(limit, config));
    }

    @GET
    @Path("/{listId}")
    @Operation(operationId = "getControlList", summary = "Get a control list, its editing states and the edition in force today",
            description = "One control list with its editing states and the edition in force today.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = ControlListView.class, responseCode = "200")
    public ControlListView list(@PathParam("listId") String listId) {
        return catalog.list(listId);
    }

    @POST
    @Path("/{listId}/editions")
    @Consumes({MediaType.APPLICATION_JSON, CsvEditions.MEDIA_TYPE})
    @Operation(operationId = "importEdition", summary = "Import an edition with all its entries (list-editor of an editing state)",
            description = "JSON: an edition document {edition, effectiveDate, title?, status?, renumbered?, entries}. "
                    + "CSV (text/csv, UTF-8, header row): the entry columns; edition, effectiveDate, title, status "
                    + "and renumbered (FROM:TO, repeatable) as query parameters. Atomic: any bad entry rejects "
                    + "the whole edition with 422 listing every problem (errors[].field like entries[12].code); "
                    + "nothing is stored. Imported as DRAFT unless status is PUBLISHED.")
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EditionDocument.class)),
            @Content(mediaType = CsvEditions.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "409", description = "The list already has an edition of that name")
    @APIResponse(responseCode = "422", description = "Bad entries or edition fields; every problem is listed")
    @APIResponseSchema(value = EditionView.class, responseCode = "201")
    public Response importEdition(@PathParam("listId") String listId,
            @Parameter(description = "Edition name (required for CSV)") @QueryParam("edition") String edition,
            @Parameter(description = "YYYY-MM-DD (required for CSV)") @QueryParam("effectiveDate") String effectiveDate,
            @QueryParam("title") String title,
            @Parameter(description = "DRAFT (default) or PUBLISHED") @QueryParam("status") String status,
            @Parameter(description = "Renumbering FROM:TO, repeatable") @QueryParam("renumbered") List<String> renumbered,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Caller caller = policy.caller();
        EditionImporter.QueryFields query = new EditionImporter.QueryFields(edition, effectiveDate, title, status,
                renumbered == null ? List.of() : renumbered);
        MediaType type = MediaType.valueOf(contentType);
        EditionView created = type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? importer.importJson(caller, listId, query, body)
                : importer.importCsv(caller, listId, query, body, csvCharset(type));
        return Response.created(URI.create("/api/v1/control-lists/" + listId + "/editions/" + created.edition()))
                .entity(created).build();
    }

    @GET
    @Path("/{listId}/editions")
    @Operation(operationId = "listEditions", summary = "List the editions of a list (drafts only for its editors), oldest import first",
            description = "The editions of a list, oldest import first; drafts are listed for the list's editors only.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = EditionPage.class, responseCode = "200")
    public Page<EditionView> editions(@PathParam("listId") String listId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return catalog.editions(policy.caller(), listId, cursor, Cursors.limit(limit, config));
    }

    @GET
    @Path("/{listId}/editions/{edition}")
    @Operation(operationId = "getEdition", summary = "Get an edition's metadata",
            description = "The metadata of one edition (status, effective date, entry count), with a strong ETag.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = EditionView.class, responseCode = "200")
    public EditionView edition(@PathParam("listId") String listId, @PathParam("edition") String edition) {
        return catalog.edition(policy.caller(), listId, edition);
    }

    @POST
    @Path("/{listId}/editions/{edition}/publish")
    @Operation(operationId = "publishEdition", summary = "Publish a DRAFT edition (list-editor of an editing state); published editions never change",
            description = "Publishes a DRAFT edition; a published edition never changes and enters the list's change log and the feed.")
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    @APIResponse(responseCode = "409", description = "The edition is already published")
    @APIResponseSchema(value = EditionView.class, responseCode = "200")
    public EditionView publish(@PathParam("listId") String listId, @PathParam("edition") String edition) {
        return editions.publish(policy.caller(), listId, edition);
    }

    @DELETE
    @Path("/{listId}/editions/{edition}")
    @Operation(operationId = "discardEdition", summary = "Discard a DRAFT edition (list-editor of an editing state)",
            description = "Discards a DRAFT edition and its entries.")
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "409", description = "The edition is published")
    public void discard(@PathParam("listId") String listId, @PathParam("edition") String edition) {
        editions.discardDraft(policy.caller(), listId, edition);
    }

    @GET
    @Path("/{listId}/editions/{edition}/export")
    @Produces({MediaType.APPLICATION_JSON, CsvEditions.MEDIA_TYPE})
    @Operation(operationId = "exportEdition", summary = "Export an edition in full, in the import format (JSON, or CSV with Accept: text/csv)",
            description = "The whole edition in the import format, as JSON or as CSV (Accept: text/csv); importing it again yields the same edition.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @APIResponse(responseCode = "200", description = "The edition document or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EditionDocument.class)),
            @Content(mediaType = CsvEditions.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response export(@PathParam("listId") String listId, @PathParam("edition") String edition,
            @Context HttpHeaders headers) {
        ControlListEdition e = catalog.requireEdition(policy.caller(), listId, edition);
        boolean csv = prefersCsv(headers.getAcceptableMediaTypes());
        String etag = EditionExport.etag(e, csv ? "csv" : "json");
        if (ETags.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag, true)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(csv ? exports.csv(e) : exports.json(e),
                        csv ? CsvEditions.MEDIA_TYPE + ";charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, etag)
                .header("Content-Disposition", "attachment; filename=\"" + listId + "_" + e.edition
                        + (csv ? ".csv" : ".json") + "\"")
                .build();
    }

    /** The declared charset of a CSV body (UTF-8 when none is declared); an unknown one is a 415. */
    private static Charset csvCharset(MediaType type) {
        String name = type.getParameters().get("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.replace("\"", "").trim());
        } catch (IllegalArgumentException e) {
            throw new EcxException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The charset of the CSV body is not supported.");
        }
    }

    private static boolean prefersCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(CsvEditions.MEDIA_TYPE);
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("/{listId}/editions/{edition}/entries")
    @Operation(operationId = "listEditionEntries", summary = "Entries of an edition in code order, by code prefix and/or full-text search",
            description = "Entries of an edition in code order, filtered by code prefix and/or full-text search, paged with nextCursor.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = EntryPage.class, responseCode = "200")
    public Page<EntryView> entries(@PathParam("listId") String listId, @PathParam("edition") String edition,
            @Parameter(description = "A code (the entry and its descendants) or its start, e.g. 3A or 3A001.a")
            @QueryParam("prefix") String prefix,
            @Parameter(description = "Full-text search over title and text (web-search syntax)") @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return catalog.entries(policy.caller(), listId, edition, prefix, q, cursor, Cursors.limit(limit, config));
    }

    @GET
    @Path("/{listId}/editions/{edition}/entries/{code}")
    @Operation(operationId = "getEditionEntry", summary = "One entry of an edition, with its ancestors and children",
            description = "One entry of an edition with its ancestors and children.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = EntryDetail.class, responseCode = "200")
    public EntryDetail entry(@PathParam("listId") String listId, @PathParam("edition") String edition,
            @PathParam("code") String code) {
        return catalog.entry(policy.caller(), listId, edition, code);
    }

    @GET
    @Path("/{listId}/entries/{code}")
    @Operation(operationId = "getEntryAsOf", summary = "An entry as in force on a date: from the published edition with the latest effective date on or before it",
            description = "The entry as it was in force on the given date, taken from the published edition with the latest effective date on or before it.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = EntryDetail.class, responseCode = "200")
    public EntryDetail entryAsOf(@PathParam("listId") String listId, @PathParam("code") String code,
            @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("asOf") String asOf) {
        return catalog.entryAsOf(listId, code, asOf);
    }

    @GET
    @Path("/{listId}/editions/{edition}/diff")
    @Operation(operationId = "diffEditions", summary = "Changes from an older edition to this one: added, removed, changed (field-level), renumbered",
            description = "The changes from an older edition of the same list to this one: entries added, removed, changed (field by field) and renumbered.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = DiffView.class, responseCode = "200")
    public DiffView diff(@PathParam("listId") String listId, @PathParam("edition") String edition,
            @Parameter(description = "The edition to compare with", required = true) @QueryParam("from") String from) {
        if (from == null || from.isBlank()) {
            throw EcxException.invalid("from", "is required");
        }
        return diffs.diff(policy.caller(), listId, edition, from);
    }

    @GET
    @Path("/{listId}/correlations/{state}")
    @Operation(operationId = "getCorrelation", summary = "A state's national codes and the harmonized codes they correspond to",
            description = "A state's national codes and the harmonized codes of this list they correspond to.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = CorrelationView.class, responseCode = "200")
    public CorrelationView correlation(@PathParam("listId") String listId, @PathParam("state") String state) {
        return correlations.get(listId, state);
    }

    @PUT
    @Path("/{listId}/correlations/{state}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putCorrelation", summary = "Replace a state's correlation table (list-editor of that state, which must edit the list)",
            description = "Replaces a state's correlation table for this list; audited and recorded in the list's change log.")
    @Authorize(Permission.CORRELATION_WRITE)
    @APIResponse(responseCode = "412", description = "If-Match does not name the current ETag")
    @APIResponse(responseCode = "422", description = "A mapping is repeated")
    @APIResponseSchema(value = CorrelationView.class, responseCode = "200")
    public Response putCorrelation(@PathParam("listId") String listId, @PathParam("state") String state,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CorrelationUpdate update) {
        CorrelationService.Result result = correlations.put(policy.caller(), listId, state, update, ifMatch);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.correlation()).build();
    }

    @GET
    @Path("/{listId}/changes")
    @Operation(operationId = "listControlListChanges", summary = "The list's changes in commit order (editions published, correlations changed)",
            description = "Follow nextCursor (always present) to get later changes; caughtUp=false means more are"
                    + " ready now. A client never misses or sees twice a change, even while others write.")
    @Authorize(Permission.CONTROL_LIST_READ)
    @StrongEtag
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponseSchema(value = ChangesPage.class, responseCode = "200")
    public Page<ChangeView> changes(@PathParam("listId") String listId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        catalog.requireList(listId);
        return changes.after(listId, cursor, Cursors.limit(limit, config));
    }

    /** OpenAPI names of the page types (generic records have no schema of their own; paging: {@link Page}). */
    @Schema(name = "ControlListPage")
    record ControlListPage(@Schema(required = true) List<ControlListView> items) {
    }

    @Schema(name = "ControlListEditionPage")
    record EditionPage(@Schema(required = true) List<EditionView> items) {
    }

    @Schema(name = "ControlListEntryPage")
    record EntryPage(@Schema(required = true) List<EntryView> items) {
    }

    @Schema(name = "ControlListChangesPage")
    record ChangesPage(@Schema(required = true) List<ChangeView> items) {
    }
}
