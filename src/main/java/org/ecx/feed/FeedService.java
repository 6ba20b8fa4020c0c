package org.ecx.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.ecx.common.StoredJson;
import org.ecx.denial.Denial;
import org.ecx.denial.DenialService;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.DenialVersion;
import org.ecx.denial.DenialVisibility;
import org.ecx.recognition.RecognitionView;
import org.ecx.recognition.RecognitionVisibility;

/**
 * Reads the change feed for one state (SPEC §8): {@code GET /feed} and the webhook dispatcher use the same
 * selection ({@link #VISIBLE}) and the same rendering ({@link #render}), so a pushed change is exactly the
 * feed item the state would read. A {@code WITHDRAWN} change ({@link ChangeFeed#publishWithdrawn}) is
 * addressed to one state and rendered as the id only.
 */
@ApplicationScoped
public class FeedService {

    static final String CURSOR_KIND = "feed";

    /**
     * Which changes a viewer sees, as an HQL predicate on alias {@code c} with parameter {@code :viewer}: denial
     * and recognition changes when the record is visible NOW (through the record type's one visibility
     * predicate), consultation changes for the two parties, control-list changes for every partner.
     */
    static final String VISIBLE = "(c.audience = 'ALL_PARTNERS'"
            + " or (c.audience = 'PARTIES' and (c.partyA = :viewer or c.partyB = :viewer))"
            + " or (c.audience = 'RECORD' and c.recordType = 'DENIAL' and exists (select 1 from Denial d"
            + "      where d.id = c.recordUuid and " + DenialVisibility.PREDICATE + "))"
            + " or (c.audience = 'RECORD' and c.recordType = 'RECOGNITION' and exists (select 1 from Recognition r"
            + "      where r.id = c.recordUuid and " + RecognitionVisibility.PREDICATE + ")))";

    @Inject
    EntityManager em;

    @Inject
    DenialService denials;

    @Inject
    org.ecx.audit.AuditLog audit;

    @Inject
    StoredJson storedJson;

    @Inject
    EcxConfig config;

    /** Changes after a position and the position to continue from. */
    public record Scan(List<FeedChange> changes, long position, boolean caughtUp) {
    }

    /** {@code GET /feed}: the caller's next page, rendered for it. */
    @Transactional
    public Page<FeedItem> read(Caller caller, String cursor, String limitText) {
        int limit = Cursors.limit(limitText, config);
        long after = Cursors.decodeLong(CURSOR_KIND, caller.state(), cursor, 0);
        if (after < 0) {
            throw EcxException.invalid("cursor", "is not a cursor issued by this endpoint");
        }
        Scan scan = scan(caller.state(), after, limit);
        List<FeedItem> items = render(scan.changes(), caller.state());
        // audit appends lock the chain head: take it only after the page is built
        recordReads(scan.changes(), caller);
        return Page.ofFeed(items, cursor(scan.position(), caller.state()), scan.caughtUp());
    }

    /**
     * The changes visible to {@code viewer} after {@code after}, in commit order, at most {@code limit}.
     *
     * <p>The head is read first, in its own statement: the sequencer moves it in the transaction that seals the
     * changes up to it, and seals in commit order (ADR 0007), so the next statement sees every change up to it
     * and the position may move up to the head even where no change was visible. Unsealed changes and positions
     * beyond the head are never passed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Scan scan(String viewer, long after, int limit) {
        long head = ((Number) em.createNativeQuery("SELECT last_seq FROM feed_head WHERE id = 1").getSingleResult())
                .longValue();
        if (after > head) {
            // only positions up to the head are ever issued: a cursor of another ECX, or of a restored database
            throw EcxException.invalid("cursor", "is beyond the end of this feed; start again without a cursor");
        }
        long upTo = Math.min(head, after + config.feed().scanWindow());
        if (upTo <= after) {
            return new Scan(List.of(), after, true);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer);
        params.put("after", after);
        params.put("upTo", upTo);
        List<FeedChange> rows = FeedChange.<FeedChange>find("from FeedChange c where c.seq > :after and c.seq <= :upTo and "
                + VISIBLE + " order by c.seq", params).range(0, limit - 1).list();
        long position = rows.size() == limit ? rows.get(limit - 1).seq : upTo;
        return new Scan(rows, position, position >= head);
    }

    /** One change as {@code viewer} may see it now, or empty when it may not (any more). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FeedItem> renderOne(long seq, String viewer) {
        return visibleChange(seq, viewer).flatMap(c -> render(List.of(c), viewer).stream().findFirst());
    }

    /** The change if {@code viewer} may see it now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FeedChange> visibleChange(long seq, String viewer) {
        return FeedChange.<FeedChange>find("from FeedChange c where c.seq = :seq and " + VISIBLE,
                Map.of("seq", seq, "viewer", viewer)).firstResultOptional();
    }

    /**
     * Records the denial changes among {@code changes} that were handed to {@code reader} as reads of another
     * state's denial (SPEC §9, access receipts): by the feed when served, by webhooks when delivered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(List<FeedChange> changes, Caller reader) {
        audit.recordAll(reader, DenialService.READ_ACTION, DenialService.RECORD_TYPE, changes.stream()
                .filter(c -> FeedRecordType.DENIAL.name().equals(c.recordType) && !reader.isOf(c.ownerState)
                        && !ChangeFeed.WITHDRAWN.equals(c.changeType))
                .map(c -> new org.ecx.audit.AuditLog.Target(c.recordUuid.toString(), c.ownerState)).toList());
    }

    /**
     * Builds the items for changes already selected through {@link #VISIBLE} for {@code viewer}: a denial change
     * is the version it refers to, built by {@code DenialRedactor} for the viewer against the denial's current
     * releasability (and recorded as a read of another state's denial, SPEC §9); a recognition change is the
     * record at that change as the viewer may see it; other changes carry their published payload. Reads are
     * not recorded here: see {@link #recordReads}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedItem> render(List<FeedChange> changes, String viewer) {
        List<UUID> denialIds = changes.stream().filter(c -> FeedRecordType.DENIAL.name().equals(c.recordType)
                && !ChangeFeed.WITHDRAWN.equals(c.changeType)).map(c -> c.recordUuid).distinct().toList();
        Map<UUID, Denial> denialsById = new HashMap<>();
        Map<String, DenialVersion> versions = new HashMap<>();
        if (!denialIds.isEmpty()) {
            for (Denial d : Denial.<Denial>list("id in ?1", denialIds)) {
                denialsById.put(d.id, d);
            }
            for (DenialVersion v : DenialVersion.<DenialVersion>list("denialId in ?1", denialIds)) {
                versions.put(v.denialId + "/" + v.version, v);
            }
        }
        List<FeedItem> items = new ArrayList<>();
        for (FeedChange c : changes) {
            Object record;
            if (ChangeFeed.WITHDRAWN.equals(c.changeType)) {
                // only the id: the reader may no longer see anything of the record
                items.add(new FeedItem(cursor(c.seq, viewer), c.at, FeedRecordType.valueOf(c.recordType), c.recordId,
                        c.changeType, null, null));
                continue;
            }
            switch (FeedRecordType.valueOf(c.recordType)) {
                case DENIAL -> {
                    Denial d = denialsById.get(c.recordUuid);
                    DenialVersion v = versions.get(c.recordUuid + "/" + c.recordVersion);
                    DenialStatus shown = "REVIEW_OVERDUE".equals(c.changeType) ? DenialStatus.REVIEW_OVERDUE : null;
                    record = denials.versionView(d, v, shown, viewer);
                }
                case RECOGNITION -> record = parse(c.payload, RecognitionView.class).forViewer(viewer);
                default -> record = c.payload == null ? null : parse(c.payload, com.fasterxml.jackson.databind.JsonNode.class);
            }
            items.add(new FeedItem(cursor(c.seq, viewer), c.at, FeedRecordType.valueOf(c.recordType), c.recordId,
                    c.changeType, c.recordVersion, record));
        }
        return items;
    }

    static String cursor(long seq, String viewer) {
        return Cursors.encode(CURSOR_KIND, viewer, Long.toString(seq));
    }

    private <T> T parse(String body, Class<T> type) {
        return storedJson.read(body, type);
    }
}
