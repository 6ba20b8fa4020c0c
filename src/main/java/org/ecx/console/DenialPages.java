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
import java.util.List;
import org.ecx.access.Authorize;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.common.ETags;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.ecx.audit.AccessReceipt;
import org.ecx.denial.DenialQueries;
import org.ecx.denial.DenialWrites;
import org.ecx.denial.DenialView;
import org.ecx.denial.Revocation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Denials (SPEC §3): the list with filters and paging and one denial with its history and access receipts, read
 * through the same {@link DenialQueries} and {@link DenialWrites} (visibility predicate, redactor, read audit) as GET /api/v1/denials.
 */
@Path("/console/denials")
@Produces(MediaType.TEXT_HTML)
public class DenialPages {

    static final String DETAIL = "/console/denials/view?id=";

    @Inject
    ConsoleContext ctx;

    @Inject
    DenialQueries service;

    @Inject
    DenialWrites writes;

    @GET
    @Authorize(Permission.DENIAL_READ)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("controlEntry") String controlEntry,
            @QueryParam("partyCountry") String partyCountry, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("cursor") String cursor) {
        DenialQuery query = new DenialQuery(status, controlEntry, partyCountry, updatedSince);
        Page<DenialView> page = service.list(ctx.caller(), query.filter(cursor));
        String next = page.nextCursor() == null ? null
                : "/console/denials?cursor=" + page.nextCursor() + query.queryString();
        return ctx.page(Pages.denials(query, page.items(), next));
    }

    /** One denial (a fixed path with the id as query parameter: the page has forms, see the CSRF token paths). */
    @GET
    @Path("/view")
    @Authorize(Permission.DENIAL_READ)
    public TemplateInstance detail(@QueryParam("id") String id) {
        if (id == null || id.isBlank()) {
            throw EcxException.notFound();
        }
        Caller caller = ctx.caller();
        DenialView view = service.get(caller, id);
        List<AccessReceipt> receipts = caller.isOf(view.notifyingState()) && ctx.viewer().can("DENIAL_RECEIPTS")
                ? service.receipts(caller, id) : null;
        return ctx.page(Pages.denial(RedactedDenial.of(view), service.history(caller, id), receipts));
    }

    /** Records a completed review; the form's version is sent as If-Match, so a stale page gets 412. */
    @POST
    @Path("/{id}/renewal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.DENIAL_RENEW)
    public Response renew(@PathParam("id") String id, @RestForm String version) {
        writes.renew(ctx.caller(), id, ifMatch(version));
        return ConsoleContext.seeOther(DETAIL + id);
    }

    /** Revokes with a reason; the form's version is sent as If-Match. */
    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.DENIAL_REVOKE)
    public Response revoke(@PathParam("id") String id, @RestForm String version, @RestForm String reason) {
        writes.revoke(ctx.caller(), id, ifMatch(version), ctx.valid(new Revocation.Request(reason)));
        return ConsoleContext.seeOther(DETAIL + id);
    }

    private static String ifMatch(String version) {
        try {
            return ETags.of(Long.parseLong(version.trim()));
        } catch (RuntimeException e) {
            throw EcxException.invalid("version", "must be the version the page showed");
        }
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}
