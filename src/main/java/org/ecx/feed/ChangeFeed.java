package org.ecx.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ecx.common.StoredJson;
import org.hibernate.Session;

/**
 * Appends changes to the feed (SPEC §8). Every method joins the writing transaction ({@code MANDATORY}), so a
 * change is in the feed exactly when the write it describes committed.
 *
 * <p>Ordering (ADR 0007): a change is inserted without a feed position and without any lock. After the writing
 * transaction ends, the sequencer ({@link FeedSealer}) gives it the next gap-free position, in commit order;
 * readers see sealed changes only, so once position N is visible every smaller position is too.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Pattern CHANGE_TYPE = Pattern.compile("^[A-Z][A-Z_]{0,39}$");
    private static final Pattern STATE = Pattern.compile("^[A-Z]{2}$");

    @Inject
    Clock clock;

    @Inject
    org.ecx.sequencer.Sequencer sequencer;

    @Inject
    StoredJson storedJson;

    @Inject
    EntityManager em;

    /**
     * A record the feed carries per reader (a denial, a recognition) was written: observed synchronously, so the
     * change is inserted by the writing transaction itself and commits or rolls back with the write. Readers see
     * it through the record's current visibility and get it rendered for them by the owner's {@link FeedRecords}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onRecordChange(@Observes RecordChange change) {
        FeedChange c = change(change.recordType(), change.recordId().toString(), change.changeType(),
                FeedChange.Audience.RECORD);
        c.recordUuid = change.recordId();
        c.recordVersion = change.version();
        c.ownerState = state(change.ownerState());
        Object payload = change.feedPayload();
        c.payload = payload == null ? null : toJson(payload);
        append(c);
    }

    /**
     * A consultation changed (opened, replied, extended, deemed answered, outcome recorded). Only the
     * consulting and the consulted state ever see it. {@code payload} is shown to both as is: it must hold
     * only what both parties may see (reference the denial by id; never embed denial content, which must be
     * redacted per reader).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishConsultation(UUID consultationId, String changeType, String consultingState,
            String consultedState, Object payload) {
        FeedChange c = change(FeedRecordType.CONSULTATION, consultationId.toString(), changeType,
                FeedChange.Audience.PARTIES);
        c.recordUuid = consultationId;
        c.partyA = state(consultingState);
        c.partyB = state(consultedState);
        c.ownerState = c.partyA;
        c.payload = payload == null ? null : toJson(payload);
        append(c);
    }

    /**
     * A control-list edition was published (or otherwise changed). Lists are visible to every partner, so
     * the change is too; {@code payload} (e.g. list, edition, effective date, entry count) is shown as is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishControlListEdition(String listId, String edition, String changeType, String editingState,
            Object payload) {
        FeedChange c = change(FeedRecordType.CONTROL_LIST_EDITION, listId + ":" + edition, changeType,
                FeedChange.Audience.ALL_PARTNERS);
        c.ownerState = editingState == null ? null : state(editingState);
        c.payload = payload == null ? null : toJson(payload);
        append(c);
    }

    /** The change type that tells one state to delete its copy of a record it may no longer see. */
    public static final String WITHDRAWN = "WITHDRAWN";

    /**
     * {@code state} could see the denial or recognition and no longer can (its distribution or the state's regime
     * membership was narrowed): a {@link #WITHDRAWN} change addressed to that state alone, carrying only the id,
     * so that its mirror deletes its copy. Nobody else sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishWithdrawn(FeedRecordType type, UUID recordId, String state, String ownerState) {
        if (type != FeedRecordType.DENIAL && type != FeedRecordType.RECOGNITION) {
            throw new IllegalArgumentException("only denials and recognitions are withdrawn: " + type);
        }
        FeedChange c = change(type, recordId.toString(), WITHDRAWN, FeedChange.Audience.PARTIES);
        c.recordUuid = recordId;
        c.partyA = state(state);
        c.partyB = c.partyA;
        c.ownerState = state(ownerState);
        append(c);
    }

    private FeedChange change(FeedRecordType type, String recordId, String changeType,
            FeedChange.Audience audience) {
        if (changeType == null || !CHANGE_TYPE.matcher(changeType).matches()) {
            throw new IllegalArgumentException("change type must be UPPER_SNAKE_CASE: " + changeType);
        }
        if (recordId == null || recordId.isBlank() || recordId.length() > 100) {
            throw new IllegalArgumentException("record id must be 1 to 100 characters");
        }
        FeedChange c = new FeedChange();
        c.recordType = type.name();
        c.recordId = recordId;
        c.changeType = changeType;
        c.audience = audience;
        return c;
    }

    /**
     * Inserts the change with one JDBC statement on the transaction's connection (as the audit log does): an ORM
     * persist of the IDENTITY entity ran Hibernate's insert machinery on every write (docs/benchmarks.md, issue 10
     * feed10). The database fills in id and xid; the sequencer the position.
     */
    private void append(FeedChange c) {
        c.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO feed_change (at, record_type,"
                    + " record_id, record_uuid, record_version, change_type, audience, owner_state, party_a, party_b,"
                    + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                ps.setObject(1, c.at.atOffset(ZoneOffset.UTC));
                ps.setString(2, c.recordType);
                ps.setString(3, c.recordId);
                ps.setObject(4, c.recordUuid);
                ps.setObject(5, c.recordVersion, Types.INTEGER);
                ps.setString(6, c.changeType);
                ps.setString(7, c.audience.name());
                ps.setString(8, c.ownerState);
                ps.setString(9, c.partyA);
                ps.setString(10, c.partyB);
                ps.setString(11, c.payload);
                ps.executeUpdate();
            }
        });
        sequencer.sealAfterCommit();
    }

    private static String state(String s) {
        if (s == null || !STATE.matcher(s).matches()) {
            throw new IllegalArgumentException("not a state code: " + s);
        }
        return s;
    }

    private String toJson(Object value) {
        return storedJson.write(value);
    }
}
