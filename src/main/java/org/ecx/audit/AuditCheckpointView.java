package org.ecx.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signed checkpoint of the audit chain's head, as served to auditors to keep: its hash and time, without the
 * global sequence number (docs/security-model.md, "Audit").
 */
@Schema(name = "AuditCheckpoint")
public record AuditCheckpointView(
        @Schema(required = true, description = "Hash of the chain's head at the checkpoint; pass it to verify as"
                + " checkpointHash later") String hash,
        @Schema(required = true) Instant at,
        @Schema(required = true, description = "Identifies the signing key") String keyId,
        @Schema(required = true, description = "Ed25519 signature, base64, over the lines"
                + " \"ecx-audit-head\", hash and at (ISO-8601), joined by newlines") String signature,
        @Schema(required = true, description = "The Ed25519 public key, X.509 SubjectPublicKeyInfo, base64")
        String publicKey) {
}
