package org.ecx.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a subscription's delivery log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Delivery")
public record DeliveryView(
        @Schema(required = true, description = "Also sent as X-ECX-Delivery; receivers deduplicate by it") long id,
        @Schema(required = true) String recordType,
        @Schema(required = true) String changeType,
        @Schema(required = true, enumeration = {"PENDING", "DELIVERED", "FAILED", "SKIPPED"}) String status,
        @Schema(required = true) int attempts,
        Instant lastAttemptAt,
        @Schema(description = "HTTP status of the last attempt") Integer lastStatus,
        @Schema(description = "Why the last attempt failed, when it did") String lastError,
        @Schema(description = "When the next attempt is due (PENDING)") Instant nextAttemptAt,
        Instant deliveredAt,
        @Schema(required = true) Instant createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.recordType, d.changeType, d.status.name(), d.attempts, d.lastAttemptAt,
                d.lastStatus, d.lastError, d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null,
                d.deliveredAt, d.createdAt);
    }
}
