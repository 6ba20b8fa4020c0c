package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ecx.access.Authorize;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.ecx.common.Problem;
import org.ecx.recognition.RecognitionCheck;
import org.ecx.recognition.RecognitionService;
import org.ecx.recognition.RecognitionView;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Mutual recognitions visible to the state and the "is it recognized?" check (SPEC §7), read only. */
@Path("/console/recognitions")
@Produces(MediaType.TEXT_HTML)
public class RecognitionPage {

    static final String PAGE_SIZE = "50";

    @Inject
    ConsoleContext ctx;

    @Inject
    RecognitionService service;

    /** The list; with the check form filled in (a GET: it changes nothing), also the check's answer. */
    @GET
    @Authorize(Permission.RECOGNITION_READ)
    public TemplateInstance recognitions(@QueryParam("cursor") String cursor,
            @QueryParam("recognizingState") String recognizingState,
            @QueryParam("recognizedState") String recognizedState, @QueryParam("controlEntry") String controlEntry,
            @QueryParam("licenceType") String licenceType, @QueryParam("destination") String destination) {
        Caller caller = ctx.caller();
        CheckForm form = new CheckForm(recognizingState, recognizedState, controlEntry, licenceType, destination);
        RecognitionCheck answer = null;
        Problem problem = null;
        if (form.asked()) {
            try {
                answer = service.check(caller, recognizingState, recognizedState, controlEntry, licenceType,
                        destination, null);
            } catch (EcxException e) {
                problem = Problem.of(e.code(), e.getMessage(), e.errors());
            }
        }
        Page<RecognitionView> page = service.list(caller, null, null, null, PAGE_SIZE,
                ConsoleContext.blankToNull(cursor));
        return ctx.page(Pages.recognitions(page.items(),
                page.nextCursor() == null ? null : "/console/recognitions?cursor=" + page.nextCursor(), form, answer,
                problem));
    }

    /** The check as typed. */
    public record CheckForm(String recognizingState, String recognizedState, String controlEntry,
            String licenceType, String destination) {

        boolean asked() {
            return recognizingState != null || recognizedState != null || controlEntry != null;
        }

        public String[] licenceTypes() {
            return new String[] {"INDIVIDUAL", "GLOBAL", "GENERAL"};
        }
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}
