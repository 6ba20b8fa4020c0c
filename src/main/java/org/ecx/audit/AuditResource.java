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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
        return service.list(policy.caller().state(), cursor, limit, recordType, recordId);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditChain", summary = "Verify the hash chain of the whole audit log",
            description = "Checks continuity, links and keyed hashes of every sealed event, the head, the latest"
                    + " stored checkpoint and, when given, the hash of a checkpoint the auditor kept: a chain that no"
                    + " longer contains an event with that hash (a deleted tail, a changed event) is not valid. The whole"
                    + " chain is checked, but checked and firstBrokenSeq speak only of the caller's own events"
                    + " (those GET /audit lists), so that the answer reveals nothing of other states' activity.")
    @Authorize(Permission.AUDIT_VERIFY)
    public ChainVerification verify(
            @Parameter(description = "The hash of a checkpoint (or event) the auditor kept: the chain must still"
                    + " contain it") @QueryParam("checkpointHash") String checkpointHash) {
        return service.verify(policy.caller().state(), checkpointHash);
    }

    @GET
    @Path("/checkpoint")
    @Operation(operationId = "getAuditCheckpoint", summary = "The latest signed checkpoint of the audit chain's head, for auditors to keep",
            description = "An Ed25519 signature over the hash and time of the chain head (no sequence number: it would count the whole federation's events); an auditor keeps it and later passes the hash to verify to detect a deleted tail.")
    @Authorize(Permission.AUDIT_VERIFY)
    public AuditCheckpointView checkpoint() {
        return service.latestCheckpoint();
    }
}
