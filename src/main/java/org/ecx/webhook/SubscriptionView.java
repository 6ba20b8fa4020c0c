package org.ecx.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its state sees it; the secret is write-only and never part of it. */
@Schema(name = "Subscription")
public record SubscriptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String state,
        @Schema(required = true) String url,
        @Schema(required = true) List<String> eventTypes,
        @Schema(required = true) boolean active,
        @Schema(required = true) Instant createdAt) {

    static SubscriptionView of(WebhookSubscription s) {
        return new SubscriptionView(s.id, s.state, s.url, s.eventTypeList(), s.active, s.createdAt);
    }
}
