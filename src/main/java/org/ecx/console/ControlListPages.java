package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.ecx.access.Authorize;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;
import org.ecx.controllist.ControlListCatalog;
import org.ecx.controllist.ControlListView;
import org.ecx.controllist.EditionImporter;
import org.ecx.controllist.EditionService;
import org.ecx.controllist.EditionView;
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

    @Inject
    ConsoleContext ctx;

    @Inject
    ControlListCatalog catalog;

    @Inject
    EditionImporter importer;

    @Inject
    EditionService editions;

    @GET
    @Authorize(Permission.CONTROL_LIST_READ)
    public TemplateInstance lists() {
        return ctx.page(Pages.controlLists(overview(ctx.caller()), null));
    }

    /** Imports a CSV edition as a draft; a rejected file shows every problem the API's 422 lists. */
    @POST
    @Path("/{listId}/editions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authorize(Permission.CONTROL_LIST_PUBLISH)
    public TemplateInstance importEdition(@PathParam("listId") String listId, @RestForm String edition,
            @RestForm String effectiveDate, @RestForm("file") FileUpload file) {
        Caller caller = ctx.caller();
        Pages.ImportOutcome outcome;
        try {
            if (file == null || file.uploadedFile() == null) {
                throw EcxException.invalid("file", "choose a CSV file");
            }
            try (InputStream body = Files.newInputStream(file.uploadedFile())) {
                EditionView created = importer.importCsv(caller, listId, new EditionImporter.QueryFields(
                        ConsoleContext.blankToNull(edition), ConsoleContext.blankToNull(effectiveDate), null, null,
                        List.of()), body, StandardCharsets.UTF_8);
                outcome = new Pages.ImportOutcome(listId, created, null);
            }
        } catch (EcxException e) {
            outcome = new Pages.ImportOutcome(listId, null, Problem.of(e.code(), e.getMessage(), e.errors()));
        } catch (IOException e) {
            outcome = new Pages.ImportOutcome(listId, null, Problem.of(ErrorCode.MALFORMED_REQUEST,
                    "The uploaded file could not be read.", List.of()));
        }
        return ctx.page(Pages.controlLists(overview(caller), outcome));
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
