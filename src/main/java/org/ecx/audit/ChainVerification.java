package org.ecx.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of re-computing the audit hash chain. */
@Schema(name = "AuditVerification")
public record ChainVerification(
        @Schema(required = true) boolean valid,
        @Schema(required = true, description = "Number of events checked") long checked,
        @Schema(description = "Sequence number of the first event that breaks the chain; absent when valid")
        Long firstBrokenSeq) {
}
