package org.ecx.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ecx.access.AccessPolicy;
import org.ecx.access.Authorize;
import org.ecx.access.Permission;
import org.ecx.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail (SPEC §9). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AccessPolicy policy;

    @Inject
    AuditService service;

    @GET
    @Operation(operationId = "listAuditEvents", summary = "Audit events where the caller's state is the actor or the owner of the record",
            description = "The audit events in which the caller's state is the actor or owns the record, oldest first, paged with nextCursor.")
    @Authorize(Permission.AUDIT_READ)
    public Page<AuditEventView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @QueryParam("recordType") String recordType, @QueryParam("recordId") String recordId) {
        return service.list(policy.caller(), cursor, limit, recordType, recordId);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditChain", summary = "Verify the hash chain of the whole audit log",
            description = "Recomputes the audit hash chain and reports whether it is intact, or the first sequence number where it breaks.")
    @Authorize(Permission.AUDIT_VERIFY)
    public ChainVerification verify() {
        return service.verify();
    }
}
