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
import org.ecx.access.Permission;
import org.ecx.audit.AuditEventView;
import org.ecx.audit.AuditService;
import org.ecx.audit.ChainVerification;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An auditor's view of its state's audit events, paged, and the chain's verification (SPEC §8). */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    static final String PAGE_SIZE = "50";

    @Inject
    ConsoleContext ctx;

    @Inject
    AuditService service;

    @GET
    @Authorize(Permission.AUDIT_READ)
    public TemplateInstance events(@QueryParam("cursor") String cursor) {
        return page(cursor, null);
    }

    /** The events again, with the result of re-computing the whole chain (as GET /api/v1/audit/verify). */
    @GET
    @Path("/verify")
    @Authorize(Permission.AUDIT_VERIFY)
    public TemplateInstance verify(@QueryParam("cursor") String cursor) {
        return page(cursor, service.verify(ctx.caller().state(), null));
    }

    private TemplateInstance page(String cursor, ChainVerification verification) {
        Page<AuditEventView> page = service.list(ctx.caller().state(), ConsoleContext.blankToNull(cursor), PAGE_SIZE, null,
                null);
        return ctx.page(Pages.audit(page.items(),
                page.nextCursor() == null ? null : "/console/audit?cursor=" + page.nextCursor(), verification));
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}
