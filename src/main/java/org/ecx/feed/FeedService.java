package org.ecx.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.ecx.access.Caller;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.Page;
import org.ecx.common.StoredJson;
import org.hibernate.jpa.HibernateHints;

/**
 * Reads the change feed for one state (SPEC §8): {@code GET /feed} and the webhook dispatcher use the same
 * selection ({@link #visible}) and the same rendering ({@link #render}), so a pushed change is exactly the
 * feed item the state would read. A {@code WITHDRAWN} change ({@link ChangeFeed#publishWithdrawn}) is
 * addressed to one state and rendered as the id only.
 */
@ApplicationScoped
public class FeedService {

    static final String CURSOR_KIND = "feed";

    /** The record types rendered per reader, by their owners; see {@link #visible}. */
    private final Map<FeedRecordType, FeedRecords> records = new EnumMap<>(FeedRecordType.class);

    /**
     * Which changes a viewer sees, as an HQL predicate on alias {@code c} with parameter {@code :viewer}: changes
     * of a record type rendered per reader ({@link FeedRecords}: denials, recognitions) when the record is visible
     * NOW, through the record type's one visibility predicate; consultation changes for the two parties;
     * control-list changes for every partner.
     */
    private String visible;

    @Inject
    DataSource dataSource;

    @Inject
    StoredJson storedJson;

    @Inject
    EcxConfig config;

    @Inject
    void setRecords(@Any Instance<FeedRecords> owners) {
        for (FeedRecords r : owners) {
            if (records.put(r.type(), r) != null) {
                throw new IllegalStateException("two renderers of feed record type " + r.type());
            }
        }
        StringBuilder p = new StringBuilder("(c.audience = 'ALL_PARTNERS'"
                + " or (c.audience = 'PARTIES' and (c.partyA = :viewer or c.partyB = :viewer))");
        // EnumMap: always the same order, so always the same statement
        records.forEach((type, r) -> p.append(" or (c.audience = 'RECORD' and c.recordType = '").append(type.name())
                .append("' and ").append(r.visibleTo()).append(')'));
        visible = p.append(')').toString();
    }

    /** Changes after a position and the position to continue from. */
    public record Scan(List<FeedChange> changes, long position, boolean caughtUp) {
    }

    /**
     * {@code GET /feed}: the caller's next page, rendered for it. A poll at the head (the common case of a follower
     * that is caught up) reads the head with one indexed statement and no transaction: it returns no change, so
     * there is nothing to render and no read to audit; otherwise the page is read, rendered and its reads recorded
     * in one transaction.
     */
    public Page<FeedItem> read(Caller caller, String cursor, String limitText) {
        int limit = Cursors.limit(limitText, config);
        long after = Cursors.decodeLong(CURSOR_KIND, caller.state(), cursor, 0);
        if (after < 0) {
            throw EcxException.invalid("cursor", "is not a cursor issued by this endpoint");
        }
        long head = head();
        if (after > head) {
            throw beyondHead();
        }
        if (after == head) {
            // the cursor presented is the one this position gives this state (cursors are deterministic and were
            // just authenticated for it): handed back as it is, without encrypting the same position again
            return Page.ofFeed(List.of(), cursor == null || cursor.isBlank() ? cursor(after, caller.state()) : cursor,
                    true);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Scan scan = scan(caller.state(), after, limit, head);
            List<FeedItem> items = render(scan.changes(), caller.state());
            recordReads(scan.changes(), caller);
            return Page.ofFeed(items, cursor(scan.position(), caller.state()), scan.caughtUp());
        });
    }

    /**
     * The feed's head (the last sealed position), by primary key: plain JDBC, in the caller's transaction if there
     * is one (the pool hands out the transaction's connection), else on a connection returned right after.
     */
    private long head() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM feed_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("feed_head has no row");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the feed head", e);
        }
    }

    private static EcxException beyondHead() {
        // only positions up to the head are ever issued: a cursor of another ECX, or of a restored database
        return EcxException.invalid("cursor", "is beyond the end of this feed; start again without a cursor");
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
        return scan(viewer, after, limit, head());
    }

    /** {@link #scan(String, long, int)} up to a {@code head} read before, in the caller's transaction. */
    private Scan scan(String viewer, long after, int limit, long head) {
        if (after > head) {
            throw beyondHead();
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
                + visible + " order by c.seq", params).range(0, limit - 1)
                // read only: no snapshot kept and no dirty check at commit for a page of up to 500 rows
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
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
        return FeedChange.<FeedChange>find("from FeedChange c where c.seq = :seq and " + visible,
                Map.of("seq", seq, "viewer", viewer)).firstResultOptional();
    }

    /**
     * Records that {@code reader} was handed {@code changes} (access receipts, SPEC §9): by the feed when served,
     * by webhooks when delivered. Each record type's owner decides what that means ({@link
     * FeedRecords#recordDelivered}); withdrawn changes carry nothing of the record and are never recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(List<FeedChange> changes, Caller reader) {
        byOwner(changes).forEach((owner, owned) -> owner.recordDelivered(changes(owned), reader));
    }

    /**
     * Builds the items for changes already selected through {@link #visible} for {@code viewer}: a change of a
     * record type rendered per reader is the record at that change, rendered for the viewer by the type's owner;
     * a withdrawn change is the id only; other changes carry their published payload. Reads are not recorded
     * here: see {@link #recordReads}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedItem> render(List<FeedChange> changes, String viewer) {
        Map<FeedChange, Object> rendered = new IdentityHashMap<>();
        byOwner(changes).forEach((owner, owned) -> {
            List<Object> records = owner.render(changes(owned), viewer);
            for (int i = 0; i < owned.size(); i++) {
                rendered.put(owned.get(i), records.get(i));
            }
        });
        List<FeedItem> items = new ArrayList<>();
        for (FeedChange c : changes) {
            FeedRecordType type = FeedRecordType.valueOf(c.recordType);
            if (ChangeFeed.WITHDRAWN.equals(c.changeType)) {
                // only the id: the reader may no longer see anything of the record
                items.add(new FeedItem(cursor(c.seq, viewer), c.at, type, c.recordId, c.changeType, null, null));
                continue;
            }
            Object record = records.containsKey(type) ? rendered.get(c)
                    : c.payload == null ? null : storedJson.read(c.payload, JsonNode.class);
            items.add(new FeedItem(cursor(c.seq, viewer), c.at, type, c.recordId, c.changeType, c.recordVersion,
                    record));
        }
        return items;
    }

    /** The non-withdrawn changes of each record type rendered per reader, grouped by the type's owner. */
    private Map<FeedRecords, List<FeedChange>> byOwner(List<FeedChange> changes) {
        Map<FeedRecords, List<FeedChange>> grouped = new LinkedHashMap<>();
        for (FeedChange c : changes) {
            FeedRecords owner = records.get(FeedRecordType.valueOf(c.recordType));
            if (owner != null && !ChangeFeed.WITHDRAWN.equals(c.changeType)) {
                grouped.computeIfAbsent(owner, k -> new ArrayList<>()).add(c);
            }
        }
        return grouped;
    }

    private static List<FeedRecords.Change> changes(List<FeedChange> rows) {
        return rows.stream().map(c -> new FeedRecords.Change(c.recordUuid, c.recordVersion, c.changeType,
                c.ownerState, c.payload)).toList();
    }

    static String cursor(long seq, String viewer) {
        return Cursors.encode(CURSOR_KIND, viewer, Long.toString(seq));
    }
}
