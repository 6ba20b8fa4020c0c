package org.ecx.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.ecx.access.Caller;
import org.ecx.access.PartnerRegistry;
import org.ecx.access.Role;
import org.ecx.common.EcxConfig;
import org.ecx.feed.FeedChange;
import org.ecx.feed.FeedItem;
import org.ecx.feed.FeedService;
import org.jboss.logging.Logger;

/**
 * Pushes the feed to webhook subscriptions, after commit and outside every writing transaction, so a slow or
 * dead endpoint never blocks a writer.
 *
 * <ol>
 * <li>{@link #fanOut()}: each active subscription, claimed with {@code FOR UPDATE SKIP LOCKED}, reads the feed
 * after its saved position as its state ({@link FeedService#scan}, the feed's own selection) and gets one
 * PENDING delivery per change of its event types (unique per subscription and change).</li>
 * <li>{@link #deliverDue()}: claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and a lease (committed),
 * so several ECX instances never send the same delivery while its lease runs; only the oldest pending delivery
 * of a subscription is due, so a subscription receives changes in feed order. Each is rendered at send time
 * for the subscription's state ({@link FeedService#renderOne}: a change no longer visible is SKIPPED, never
 * sent), signed ({@link WebhookSignature}) and POSTed with timeouts; failures are retried with exponential
 * backoff up to {@code ecx.webhooks.max-attempts}, then FAILED.</li>
 * </ol>
 * Delivery is at-least-once (an instance dying after the POST but before recording it sends again after the
 * lease): receivers deduplicate by {@code X-ECX-Delivery}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int SCAN_PAGE = 500;
    private static final int SCAN_ROUNDS = 20;

    @Inject
    EntityManager em;

    @Inject
    FeedService feed;

    @Inject
    WebhookUrls urls;

    @Inject
    PartnerRegistry registry;

    @Inject
    EcxConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    private volatile HttpClient client;

    @Scheduled(every = "${ecx.webhooks.dispatch-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        fanOut();
        while (deliverDue() == config.webhooks().batchSize()) {
            // next batch
        }
    }

    /** Turns new feed changes into deliveries; returns how many deliveries were created. */
    public int fanOut() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("SELECT w.id FROM webhook_subscription w JOIN partner_state p"
                    + " ON p.code = w.state AND p.active WHERE w.active ORDER BY w.seq FOR UPDATE OF w SKIP LOCKED")
                    .getResultList();
            Instant now = SubscriptionService.now(clock);
            int created = 0;
            for (UUID id : ids) {
                WebhookSubscription s = WebhookSubscription.findById(id);
                Set<String> types = Set.copyOf(s.eventTypeList());
                for (int round = 0; round < SCAN_ROUNDS; round++) {
                    FeedService.Scan scan = feed.scan(s.state, s.feedSeq, SCAN_PAGE);
                    for (FeedChange c : scan.changes()) {
                        if (types.contains(c.recordType)) {
                            created += em.createNativeQuery("INSERT INTO webhook_delivery (subscription_id, feed_seq,"
                                    + " record_type, change_type, status, attempts, next_attempt_at, created_at)"
                                    + " VALUES (?1, ?2, ?3, ?4, 'PENDING', 0, ?5, ?5) ON CONFLICT DO NOTHING")
                                    .setParameter(1, s.id).setParameter(2, c.seq).setParameter(3, c.recordType)
                                    .setParameter(4, c.changeType).setParameter(5, now).executeUpdate();
                        }
                    }
                    s.feedSeq = scan.position();
                    if (scan.caughtUp()) {
                        break;
                    }
                }
            }
            return created;
        });
    }

    /** Sends one batch of due deliveries; returns how many were claimed. */
    public int deliverDue() {
        List<Long> claimed = claim();
        List<Outgoing> outgoing = new ArrayList<>();
        for (Long id : claimed) {
            QuarkusTransaction.requiringNew().call(() -> prepare(id)).ifPresent(outgoing::add);
        }
        List<CompletableFuture<Result>> sent = outgoing.stream().map(this::send).toList();
        for (int i = 0; i < outgoing.size(); i++) {
            Outgoing o = outgoing.get(i);
            Result r = sent.get(i).join();
            QuarkusTransaction.requiringNew().run(() -> complete(o, r));
        }
        return claimed.size();
    }

    private List<Long> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = SubscriptionService.now(clock);
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("SELECT d.id FROM webhook_delivery d WHERE d.status = 'PENDING'"
                    + " AND d.next_attempt_at <= ?1 AND (d.lease_until IS NULL OR d.lease_until < ?1)"
                    + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id"
                    + "     AND e.status = 'PENDING' AND e.id < d.id)"
                    + " ORDER BY d.id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, now).setParameter(2, config.webhooks().batchSize()).getResultList();
            List<Long> result = ids.stream().map(Number::longValue).toList();
            if (!result.isEmpty()) {
                Duration lease = config.webhooks().connectTimeout().plus(config.webhooks().requestTimeout())
                        .plusSeconds(60);
                em.createNativeQuery("UPDATE webhook_delivery SET lease_until = ?1 WHERE id IN (?2)")
                        .setParameter(1, now.plus(lease)).setParameter(2, result).executeUpdate();
            }
            return result;
        });
    }

    /** A claimed delivery ready to send. */
    record Outgoing(long deliveryId, UUID subscriptionId, String state, long feedSeq, String url, String secret,
            String event, byte[] body) {
    }

    /** The outcome of one POST: an HTTP status, or an error without one. */
    record Result(Integer status, String error) {
        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Optional<Outgoing> prepare(long id) {
        WebhookDelivery d = WebhookDelivery.findById(id);
        if (d == null || d.status != WebhookDelivery.Status.PENDING) {
            return Optional.empty();
        }
        WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId);
        // like AccessPolicy for GET /feed: only an active partner state receives anything
        boolean receives = s.active && registry.isActive(s.state);
        Optional<FeedItem> item = receives ? feed.renderOne(d.feedSeq, s.state) : Optional.empty();
        if (item.isEmpty()) {
            // deactivated, state no longer an active partner, or the record no longer visible to it: never sent
            d.status = WebhookDelivery.Status.SKIPPED;
            d.leaseUntil = null;
            return Optional.empty();
        }
        Optional<String> blocked = urls.problem(s.url);
        if (blocked.isPresent()) {
            failed(d, new Result(null, "URL " + blocked.get()));
            return Optional.empty();
        }
        try {
            return Optional.of(new Outgoing(d.id, s.id, s.state, d.feedSeq, s.url, s.secret,
                    d.recordType + "." + d.changeType, json.writeValueAsBytes(item.get())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<Result> send(Outgoing o) {
        long timestamp = clock.instant().getEpochSecond();
        URI uri;
        InetAddress address;
        try {
            uri = URI.create(o.url());
            // resolved and checked now, and the connection goes to exactly this address (DNS rebinding)
            address = urls.target(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Result(null, "invalid URL"));
        } catch (WebhookUrls.Refused e) {
            return CompletableFuture.completedFuture(new Result(null, "URL " + e.getMessage()));
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        RequestOptions request = new RequestOptions()
                .setAbsoluteURI(o.url())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setMethod(HttpMethod.POST)
                .setFollowRedirects(false)
                .setConnectTimeout(config.webhooks().connectTimeout().toMillis())
                .setTimeout(config.webhooks().requestTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "ECX-Webhook/1")
                .putHeader(WebhookSignature.DELIVERY_HEADER, Long.toString(o.deliveryId()))
                .putHeader(WebhookSignature.EVENT_HEADER, o.event())
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(o.secret(), timestamp, o.body()));
        return client().request(request)
                .compose(r -> r.send(Buffer.buffer(o.body())))
                .compose(response -> response.body().map(ignored -> new Result(response.statusCode(), null)))
                .toCompletionStage().toCompletableFuture()
                .exceptionally(e -> new Result(null, describe(e)));
    }

    private void complete(Outgoing o, Result r) {
        WebhookDelivery d = WebhookDelivery.findById(o.deliveryId());
        if (d == null || d.status != WebhookDelivery.Status.PENDING) {
            return;
        }
        if (!r.success()) {
            failed(d, r);
            return;
        }
        Instant now = SubscriptionService.now(clock);
        d.attempts++;
        d.lastAttemptAt = now;
        d.lastStatus = r.status();
        d.lastError = null;
        d.leaseUntil = null;
        d.status = WebhookDelivery.Status.DELIVERED;
        d.deliveredAt = now;
        // a delivered denial is a read by the subscriber's state (access receipts, SPEC §9)
        Caller subscriber = new Caller(o.state(), Set.of(Role.FEDERATION_PEER), "webhook:" + o.subscriptionId());
        feed.recordReads(FeedChange.<FeedChange>list("seq", o.feedSeq()), subscriber);
    }

    private void failed(WebhookDelivery d, Result r) {
        Instant now = SubscriptionService.now(clock);
        d.attempts++;
        d.lastAttemptAt = now;
        d.lastStatus = r.status();
        d.lastError = r.status() != null ? "HTTP " + r.status() : truncate(r.error());
        d.leaseUntil = null;
        if (d.attempts >= config.webhooks().maxAttempts()) {
            d.status = WebhookDelivery.Status.FAILED;
            LOG.warnf("Webhook delivery %d to subscription %s failed for good after %d attempts", d.id,
                    d.subscriptionId, d.attempts);
        } else {
            d.nextAttemptAt = now.plus(backoff(d.attempts));
        }
    }

    /** Delay after the n-th failed attempt: base × 2^(n-1), at most the configured maximum. */
    Duration backoff(int attempts) {
        Duration base = config.webhooks().retryBase();
        Duration max = config.webhooks().retryMax();
        int shift = Math.min(attempts - 1, 30);
        Duration delay = base.multipliedBy(1L << shift);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    // SNI and host-name verification use the URL's host, though the connection goes to a fixed address
                    client = vertx.createHttpClient(new HttpClientOptions().setForceSni(true).setVerifyHost(true)
                            .setConnectTimeout((int) config.webhooks().connectTimeout().toMillis()));
                }
                c = client;
            }
        }
        return c;
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return "timed out";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        return cause.getClass().getSimpleName();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }
}
