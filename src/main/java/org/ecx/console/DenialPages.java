package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;
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
    static final String EDIT = "/console/denials/edit?id=";

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

    /** The form to notify a new denial of the caller's state. */
    @GET
    @Path("/new")
    @Authorize(Permission.DENIAL_CREATE)
    public TemplateInstance newDenial() {
        return ctx.page(Pages.denialForm(DenialForm.blank(), null, null, null));
    }

    /** Notifies the denial typed in the form; a refused form is shown again with its problem and the input. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.DENIAL_CREATE)
    public Response create(@BeanParam Fields fields) {
        DenialForm form = fields.form();
        try {
            DenialView created = writes.create(ctx.caller(), ctx.valid(form.toRequest()));
            return ConsoleContext.seeOther(DETAIL + created.id());
        } catch (EcxException e) {
            return formAgain(e, Pages.denialForm(form, null, null, problem(e)));
        }
    }

    /** The amend form of a denial of the caller's state, filled in from the current version. */
    @GET
    @Path("/edit")
    @Authorize(Permission.DENIAL_AMEND)
    public TemplateInstance edit(@QueryParam("id") String id) {
        DenialView current = own(id);
        return ctx.page(Pages.denialForm(DenialForm.of(current), current.id().toString(), current.version(), null));
    }

    /**
     * Amends with the form's version as If-Match. A stale form (another officer amended meanwhile) stores nothing
     * and comes back with the conflict explained and the typed values kept.
     */
    @POST
    @Path("/{id}/amendment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authorize(Permission.DENIAL_AMEND)
    public Response amend(@PathParam("id") String id, @RestForm String version, @BeanParam Fields fields) {
        DenialForm form = fields.form();
        try {
            DenialView current = own(id);
            writes.amend(ctx.caller(), id, ifMatch(version), ctx.valid(form.amending(current)));
            return ConsoleContext.seeOther(DETAIL + id);
        } catch (EcxException e) {
            Long shown = parsedOrNull(version);
            return formAgain(e, Pages.denialForm(form, id, shown, problem(e)));
        }
    }

    /** The caller's own denial (unredacted for its notifying state); another state's is refused as the API does. */
    private DenialView own(String id) {
        if (id == null || id.isBlank()) {
            throw EcxException.notFound();
        }
        DenialView view = service.get(ctx.caller(), id);
        if (!ctx.caller().isOf(view.notifyingState())) {
            throw new EcxException(ErrorCode.FORBIDDEN, "Only the notifying state may change a denial.");
        }
        return view;
    }

    private Response formAgain(EcxException e, TemplateInstance page) {
        if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
            return ctx.error(e);
        }
        return Response.status(e.code().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ctx.page(page)).build();
    }

    private static Problem problem(EcxException e) {
        return Problem.of(e.code(), e.getMessage(), e.errors());
    }

    private static Long parsedOrNull(String version) {
        try {
            return Long.valueOf(version.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The form's fields (one per {@link DenialForm} component). */
    public static class Fields {
        @RestForm public String nationalReference;
        @RestForm public String decisionType;
        @RestForm public String decisionDate;
        @RestForm public String destinationCountry;
        @RestForm public String endUse;
        @RestForm public String reasons;
        @RestForm public String rationale;
        @RestForm public String contact;
        @RestForm public String licenceApplicationRef;
        @RestForm public String partyRole;
        @RestForm public String partyName;
        @RestForm public String partyCountry;
        @RestForm public String partyAddress;
        @RestForm public String controlEntry;
        @RestForm public String itemDescription;
        @RestForm public String quantity;
        @RestForm public String distributionScope;
        @RestForm public String distributionRegime;
        @RestForm public String distributionStates;

        DenialForm form() {
            return new DenialForm(nationalReference, decisionType, decisionDate, destinationCountry, endUse, reasons,
                    rationale, contact, licenceApplicationRef, partyRole, partyName, partyCountry, partyAddress,
                    controlEntry, itemDescription, quantity, distributionScope, distributionRegime,
                    distributionStates);
        }
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
