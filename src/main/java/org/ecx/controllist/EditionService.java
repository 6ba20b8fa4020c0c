package org.ecx.controllist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;

/**
 * The life of an edition after its import: DRAFT → PUBLISHED (one way; only published editions are in force
 * and appear in the change feed), or a DRAFT is discarded. Both are for list-editors of an editing state.
 */
@ApplicationScoped
public class EditionService {

    static final String RECORD_TYPE = "CONTROL_LIST_EDITION";

    @Inject
    ControlListCatalog catalog;

    @Inject
    ChangeLog changes;

    @Inject
    org.ecx.feed.ChangeFeed feed;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    static String recordId(ControlListEdition e) {
        return e.listId + "/" + e.edition;
    }

    @Transactional
    public EditionView publish(Caller caller, String listId, String edition) {
        ControlListEdition e = lockedDraft(caller, listId, edition, "published editions never change");
        publish(caller, e);
        return EditionView.of(e);
    }

    /** Publishes a draft in the caller's transaction (also used by an import with status PUBLISHED). */
    @Transactional(Transactional.TxType.MANDATORY)
    void publish(Caller caller, ControlListEdition e) {
        e.status = EditionStatus.PUBLISHED;
        e.publishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        e.persistAndFlush();
        // audit, list changes, feed: every write takes the head locks in this order (no deadlock)
        audit.record(caller.asActor(), "CONTROL_LIST_EDITION_PUBLISHED", RECORD_TYPE, recordId(e), caller.state());
        changes.record(e.listId, ChangeType.EDITION_PUBLISHED, e.edition, null);
        feed.publishControlListEdition(e.listId, e.edition, "PUBLISHED", caller.state(), EditionView.of(e));
    }

    /**
     * The DRAFT edition, for a list-editor of an editing state, re-read under a row lock so that concurrent
     * publish/discard calls see each other's result; a published edition is a 409.
     */
    private ControlListEdition lockedDraft(Caller caller, String listId, String edition, String rule) {
        catalog.requireEditor(caller, listId);
        ControlListEdition e = catalog.requireEdition(caller, listId, edition);
        ControlListEdition.getEntityManager().refresh(e, LockModeType.PESSIMISTIC_WRITE);
        if (e.isPublished()) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION,
                    "Edition " + edition + " is published; " + rule + ".");
        }
        return e;
    }

    @Transactional
    public void discardDraft(Caller caller, String listId, String edition) {
        ControlListEdition e = lockedDraft(caller, listId, edition, "published editions are never removed");
        ControlListEntry.delete("editionId", e.id);
        e.delete();
        audit.record(caller.asActor(), "CONTROL_LIST_EDITION_DISCARDED", RECORD_TYPE, recordId(e), caller.state());
    }
}
