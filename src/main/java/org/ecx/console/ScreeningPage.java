package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.ecx.access.Authorize;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.ecx.common.Problem;
import org.ecx.screening.ScreeningCsv;
import org.ecx.screening.ScreeningRequest;
import org.ecx.screening.ScreeningResource;
import org.ecx.screening.ScreeningResult;
import org.ecx.screening.ScreeningService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Screen a licence application (SPEC §4): the same {@link ScreeningService} call as POST /api/v1/screenings, with
 * the parties typed into the form or uploaded as the CSV that POST /api/v1/screenings/csv reads.
 */
@Path("/console/screening")
@Produces(MediaType.TEXT_HTML)
public class ScreeningPage {

    @Inject
    ConsoleContext ctx;

    @Inject
    ScreeningService service;

    @Inject
    Validator validator;

    @GET
    @Authorize(Permission.SCREENING)
    public TemplateInstance form() {
        return ctx.page(Pages.screening(ScreeningForm.empty(), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.SCREENING)
    public TemplateInstance screen(@RestForm List<String> name, @RestForm List<String> country,
            @RestForm List<String> role, @RestForm String controlEntries, @RestForm String destinationCountry) {
        ScreeningForm form = ScreeningForm.of(name, country, role, controlEntries, destinationCountry);
        List<ScreeningRequest.Party> parties = form.parties().stream()
                .map(r -> new ScreeningRequest.Party(r.name(), ConsoleContext.blankToNull(r.country()), null))
                .toList();
        return run(form, parties);
    }

    @POST
    @Path("/csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authorize(Permission.SCREENING)
    public TemplateInstance screenCsv(@RestForm("file") FileUpload file, @RestForm String controlEntries,
            @RestForm String destinationCountry) {
        ScreeningForm typed = ScreeningForm.of(List.of(), List.of(), List.of(), controlEntries, destinationCountry);
        if (file == null || file.uploadedFile() == null) {
            return ctx.page(Pages.screening(typed, null, problem(EcxException.invalid("file", "choose a CSV file"))));
        }
        try (Reader body = Files.newBufferedReader(file.uploadedFile(), StandardCharsets.UTF_8)) {
            List<ScreeningCsv.Row> rows = ScreeningCsv.read(body, ScreeningResource.MAX_CSV_PARTIES, validator);
            List<String> names = new ArrayList<>();
            List<String> countries = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            for (ScreeningCsv.Row row : rows) {
                names.add(row.party().name());
                countries.add(row.party().country());
                roles.add(row.role() == null ? "" : row.role().name());
            }
            ScreeningForm form = ScreeningForm.of(names, countries, roles, controlEntries, destinationCountry);
            return run(form, rows.stream().map(ScreeningCsv.Row::party).toList());
        } catch (EcxException e) {
            return ctx.page(Pages.screening(typed, null, problem(e)));
        } catch (IOException e) {
            return ctx.page(Pages.screening(typed, null,
                    problem(EcxException.badRequest("The uploaded file could not be read."))));
        }
    }

    /** Screens and shows the results, or the form again with what is wrong (nothing is screened then). */
    private TemplateInstance run(ScreeningForm form, List<ScreeningRequest.Party> parties) {
        try {
            List<ScreeningRequest.Item> items = form.entries().stream().map(ScreeningRequest.Item::new).toList();
            ScreeningRequest request = ctx.valid(new ScreeningRequest(parties, items.isEmpty() ? null : items,
                    ConsoleContext.blankToNull(form.destinationCountry()), null, null));
            ScreeningResult result = service.screen(ctx.caller(), request, false);
            return ctx.page(Pages.screening(form, result, null));
        } catch (EcxException e) {
            return ctx.page(Pages.screening(form, null, problem(e)));
        }
    }

    private static Problem problem(EcxException e) {
        return Problem.of(e.code(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}
