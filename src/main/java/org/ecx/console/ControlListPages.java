package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ecx.access.Authorize;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.ecx.controllist.ControlListCatalog;
import org.ecx.controllist.ControlListView;
import org.ecx.controllist.EditionDiff;
import org.ecx.controllist.EditionImporter;
import org.ecx.controllist.EditionService;
import org.ecx.controllist.EditionView;
import org.ecx.controllist.EntryView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Control lists (SPEC §6): the lists and their editions, a CSV import whose 422 problems are listed per entry
 * and line, and publishing a draft; the same catalog, importer and edition service as /api/v1/control-lists.
 */
@Path("/console/control-lists")
@Produces(MediaType.TEXT_HTML)
public class ControlListPages {

    static final int PAGE = 100;
    static final int BROWSE_PAGE = 200;
    static final String IMPORT = "/console/control-lists/import?job=";

    @Inject
    ConsoleContext ctx;

    @Inject
    ControlListCatalog catalog;

    @Inject
    EditionService editions;

    @Inject
    EditionDiff diffs;

    @Inject
    ImportJobs jobs;

    @GET
    @Authorize(Permission.CONTROL_LIST_READ)
    public TemplateInstance lists() {
        return ctx.page(Pages.controlLists(overview(ctx.caller())));
    }

    /**
     * Starts importing a CSV edition as a draft and shows its progress page; a rejected file ends there with every
     * problem the API's 422 lists. The upload is already on disk: nothing waits on the browser while it runs.
     */
    @POST
    @Path("/{listId}/editions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    public Response importEdition(@PathParam("listId") String listId, @RestForm String edition,
            @RestForm String effectiveDate, @RestForm("file") FileUpload file) throws IOException {
        Caller caller = ctx.caller();
        catalog.requireEditor(caller, listId);
        if (file == null || file.uploadedFile() == null) {
            throw EcxException.invalid("file", "choose a CSV file");
        }
        String job = jobs.start(caller, listId, new EditionImporter.QueryFields(ConsoleContext.blankToNull(edition),
                ConsoleContext.blankToNull(effectiveDate), null, null, List.of()), file.uploadedFile());
        return ConsoleContext.seeOther(IMPORT + job);
    }

    /** An import's progress (the page reloads itself while it runs) and then its result. */
    @GET
    @Path("/import")
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    public TemplateInstance importProgress(@QueryParam("job") String job) {
        return ctx.page(Pages.importJob(jobs.get(ctx.caller(), job)));
    }

    /** One edition's entries as a hierarchy under {@code prefix}, optionally narrowed by a text search. */
    @GET
    @Path("/edition")
    @Authorize(Permission.CONTROL_LIST_READ)
    public TemplateInstance edition(@QueryParam("list") String listId, @QueryParam("edition") String edition,
            @QueryParam("prefix") String prefix, @QueryParam("q") String q, @QueryParam("cursor") String cursor) {
        Caller caller = ctx.caller();
        String p = ConsoleContext.blankToNull(prefix);
        String text = ConsoleContext.blankToNull(q);
        EditionView view = catalog.edition(caller, listId, edition);
        Page<EntryView> page = catalog.entries(caller, listId, edition, p, text,
                ConsoleContext.blankToNull(cursor), BROWSE_PAGE);
        String next = page.nextCursor() == null ? null : "/console/control-lists/edition?" + query("list", listId)
                + "&" + query("edition", edition) + (p == null ? "" : "&" + query("prefix", p))
                + (text == null ? "" : "&" + query("q", text)) + "&" + query("cursor", page.nextCursor());
        return ctx.page(Pages.edition(EditionBrowse.of(view, p, text, page.items(), next)));
    }

    /** Two editions of a list side by side: what {@code to} added, removed, changed and renumbered. */
    @GET
    @Path("/diff")
    @Authorize(Permission.CONTROL_LIST_READ)
    public TemplateInstance diff(@QueryParam("list") String listId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (from == null || from.isBlank()) {
            throw EcxException.invalid("from", "is required");
        }
        return ctx.page(Pages.diff(diffs.diff(ctx.caller(), listId, to, from)));
    }

    private static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @POST
    @Path("/{listId}/editions/{edition}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    public Response publish(@PathParam("listId") String listId, @PathParam("edition") String edition) {
        editions.publish(ctx.caller(), listId, edition);
        return ConsoleContext.seeOther("/console/control-lists");
    }

    private List<Pages.ListWithEditions> overview(Caller caller) {
        List<Pages.ListWithEditions> lists = new ArrayList<>();
        for (ControlListView list : catalog.lists(null, PAGE).items()) {
            lists.add(new Pages.ListWithEditions(list, catalog.editions(caller, list.id(), null, PAGE).items()));
        }
        return lists;
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}
