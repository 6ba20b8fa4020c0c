package org.ecx.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Page;
import org.ecx.common.Problem;

/**
 * Webhook subscriptions of a state (its federation peers manage them). A subscription starts at the current
 * end of the feed: the backlog is read with {@code GET /feed}. Other states' subscriptions do not exist for
 * the caller (404).
 */
@ApplicationScoped
class SubscriptionService {

    public static final String RECORD_TYPE = "SUBSCRIPTION";
    private static final String CURSOR_KIND = "subscriptions";
    private static final String DELIVERY_CURSOR_KIND = "deliveries";

    @Inject
    WebhookUrls urls;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    EcxConfig config;

    @Inject
    EntityManager em;

    @Transactional
    public SubscriptionView create(Caller caller, SubscriptionRequest request) {
        urls.problem(request.url()).ifPresent(problem -> {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The subscription cannot be made.",
                    List.of(new Problem.FieldError("url", problem)));
        });
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.state = caller.state();
        s.url = request.url().trim();
        s.eventTypes = request.eventTypes().stream().distinct().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        s.secret = request.secret();
        s.active = true;
        s.feedSeq = ((Number) em.createNativeQuery("SELECT last_seq FROM feed_head WHERE id = 1").getSingleResult())
                .longValue();
        s.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        s.createdBy = caller.actor();
        s.persist();
        audit.record(caller.asActor(), "SUBSCRIPTION_CREATED", RECORD_TYPE, s.id.toString(), caller.state());
        return SubscriptionView.of(s);
    }

    @Transactional
    public Page<SubscriptionView> list(Caller caller, String limitText, String cursor) {
        int limit = Cursors.limit(limitText, config);
        long after = Cursors.decodeLong(CURSOR_KIND, caller.state(), cursor, 0);
        List<WebhookSubscription> rows = WebhookSubscription.<WebhookSubscription>find(
                "state = ?1 and seq > ?2 order by seq", caller.state(), after).range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode(CURSOR_KIND, caller.state(), Long.toString(rows.get(limit - 1).seq));
        }
        return new Page<>(rows.stream().map(SubscriptionView::of).toList(), next);
    }

    @Transactional
    public SubscriptionView get(Caller caller, String id) {
        return SubscriptionView.of(own(caller, id));
    }

    /** Stops deliveries; the subscription and its log stay readable. */
    @Transactional
    public void deactivate(Caller caller, String id) {
        WebhookSubscription s = own(caller, id);
        if (s.active) {
            s.active = false;
            audit.record(caller.asActor(), "SUBSCRIPTION_DEACTIVATED", RECORD_TYPE, s.id.toString(), caller.state());
        }
    }

    @Transactional
    public Page<DeliveryView> deliveries(Caller caller, String id, String limitText, String cursor) {
        WebhookSubscription s = own(caller, id);
        int limit = Cursors.limit(limitText, config);
        long after = Cursors.decodeLong(DELIVERY_CURSOR_KIND, caller.state(), cursor, 0);
        List<WebhookDelivery> rows = WebhookDelivery.<WebhookDelivery>find(
                "subscriptionId = ?1 and id > ?2 order by id", s.id, after).range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode(DELIVERY_CURSOR_KIND, caller.state(), Long.toString(rows.get(limit - 1).id));
        }
        return new Page<>(rows.stream().map(DeliveryView::of).toList(), next);
    }

    private WebhookSubscription own(Caller caller, String id) {
        UUID uuid;
        try {
            uuid = id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            uuid = null;
        }
        WebhookSubscription s = uuid == null ? null : WebhookSubscription.findById(uuid);
        if (s == null || !caller.isOf(s.state)) {
            throw EcxException.notFound();
        }
        return s;
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
