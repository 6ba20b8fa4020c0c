package org.ecx.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A state's webhook endpoint. {@link #secret} signs deliveries and never leaves ECX through the API. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    @org.hibernate.annotations.Generated
    public Long seq;

    @Column(nullable = false, length = 2)
    public String state;

    @Column(nullable = false, length = 2000)
    public String url;

    /** Comma-separated feed record types. */
    @Column(name = "event_types", nullable = false, length = 200)
    public String eventTypes;

    @Column(nullable = false, length = 200)
    public String secret;

    @Column(nullable = false)
    public boolean active;

    /** Last feed position already turned into deliveries. */
    @Column(name = "feed_seq", nullable = false)
    public long feedSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }
}
