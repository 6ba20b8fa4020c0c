package org.ecx.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.ecx.feed.FeedRecordType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /subscriptions}. */
@Schema(name = "SubscriptionRequest")
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) @Schema(required = true, example = "https://ecx-mirror.example.gov/hooks/ecx")
        String url,
        @NotEmpty @Size(max = 4) @Schema(required = true, example = "[\"DENIAL\", \"RECOGNITION\"]")
        List<@NotNull FeedRecordType> eventTypes,
        @NotNull @Size(min = 16, max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be visible ASCII characters")
        @Schema(required = true, writeOnly = true, description = "HMAC-SHA256 key for X-ECX-Signature; never returned")
        String secret) {
}
