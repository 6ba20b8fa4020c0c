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
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.ecx.access.Authorize;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.ecx.consultation.ConsultationRequests;
import org.ecx.consultation.ConsultationService;
import org.ecx.consultation.ConsultationView;
import org.ecx.consultation.Outcome;
import org.ecx.consultation.Position;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The consultations inbox and its forms (SPEC §5), through the same {@link ConsultationService} as the API. */
@Path(ConsultationPages.INBOX)
@Produces(MediaType.TEXT_HTML)
public class ConsultationPages {

    static final String PAGE_SIZE = "50";
    static final String INBOX = "/console/consultations";
    static final String DETAIL = INBOX + "/view?id=";

    @Inject
    ConsoleContext ctx;

    @Inject
    ConsultationService service;

    @Inject
    Clock clock;

    /** Both directions, the nearest reply deadline first (within the page the API returns). */
    @GET
    @Authorize(Permission.CONSULTATION_READ)
    public TemplateInstance inbox(@QueryParam("cursor") String cursor) {
        Caller caller = ctx.caller();
        Page<ConsultationView> page = service.list(caller, PAGE_SIZE, ConsoleContext.blankToNull(cursor));
        Instant now = clock.instant();
        List<ConsultationRow> rows = page.items().stream()
                .sorted(Comparator.comparing(ConsultationView::replyDueAt))
                .map(c -> ConsultationRow.of(c, caller, ctx.viewer(), now)).toList();
        return ctx.page(Pages.consultations(rows,
                page.nextCursor() == null ? null : "/console/consultations?cursor=" + page.nextCursor()));
    }

    /** Opens a consultation with the notifying state of a screened denial (one click from the results). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.CONSULTATION_OPEN)
    public Response open(@RestForm String denialId, @RestForm String question, @RestForm String description,
            @RestForm String destinationCountry, @RestForm List<String> party, @RestForm List<String> controlEntry) {
        var request = ctx.valid(new ConsultationRequests.Open(denialId,
                new ConsultationRequests.ProposedTransaction(description,
                        ConsoleContext.blankToNull(destinationCountry), nonBlank(party), nonBlank(controlEntry)),
                question));
        ConsultationView opened = service.open(ctx.caller(), request);
        return ConsoleContext.seeOther(DETAIL + opened.id());
    }

    /** One consultation and the forms its reader may use (a fixed path, see quarkus.rest-csrf.create-token-path). */
    @GET
    @Path("/view")
    @Authorize(Permission.CONSULTATION_READ)
    public TemplateInstance detail(@QueryParam("id") String id) {
        if (id == null || id.isBlank()) {
            throw EcxException.notFound();
        }
        Caller caller = ctx.caller();
        return ctx.page(Pages.consultation(ConsultationRow.of(service.get(caller, id), caller, ctx.viewer(),
                clock.instant())));
    }

    @POST
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.CONSULTATION_REPLY)
    public Response reply(@PathParam("id") String id, @RestForm String position, @RestForm String comment) {
        var request = ctx.valid(new ConsultationRequests.Reply(ConsoleContext.choice(Position.class, "position", position),
                ConsoleContext.blankToNull(comment)));
        service.reply(ctx.caller(), id, request);
        return ConsoleContext.seeOther(DETAIL + id);
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.CONSULTATION_EXTEND)
    public Response extend(@PathParam("id") String id, @RestForm String workingDays) {
        Integer days;
        try {
            days = Integer.valueOf(workingDays.trim());
        } catch (RuntimeException e) {
            throw EcxException.invalid("workingDays", "must be a whole number of working days");
        }
        service.extend(ctx.caller(), id, ctx.valid(new ConsultationRequests.Extension(days)));
        return ConsoleContext.seeOther(DETAIL + id);
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.CONSULTATION_OUTCOME)
    public Response outcome(@PathParam("id") String id, @RestForm String decision) {
        service.outcome(ctx.caller(), id,
                ctx.valid(new ConsultationRequests.OutcomeRequest(ConsoleContext.choice(Outcome.class, "decision", decision))));
        return ConsoleContext.seeOther(DETAIL + id);
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> kept = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::trim).toList();
        return kept.isEmpty() ? null : kept;
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}
