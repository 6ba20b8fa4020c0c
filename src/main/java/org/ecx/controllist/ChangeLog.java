package org.ecx.controllist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ecx.common.Cursors;
import org.ecx.common.Page;

/**
 * The commit-ordered change log of the control lists, read by {@code GET /control-lists/{listId}/changes}.
 *
 * <p>Why not a bigserial: sequence values are handed out when rows are inserted, not when transactions
 * commit. If T1 takes 41 and T2 takes 42 but T2 commits first, a reader can see 42, move its cursor past it,
 * and never see 41 when T1 commits. Here a writing transaction takes its number from the single row of
 * {@code control_list_change_head} under a row lock ({@code SELECT … FOR UPDATE}) that it holds until it
 * commits or rolls back. The next writer waits for that lock and then reads the committed value, so numbers
 * are assigned in commit order without gaps (a rolled-back number is handed out again), and once seq N is
 * visible every smaller seq is visible too: a reader following the cursor never skips nor repeats a change.
 * The cost is that control-list writes serialize at their very end, which is where the lock is taken
 * (after the bulk entry insert), so it is held only for the last statements and the commit. Callers take
 * the audit log's head lock first and this one second, always in that order, so two writers never deadlock.
 */
@ApplicationScoped
class ChangeLog {

    static final String CURSOR_KIND = "cl-changes";

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String listId, ChangeType type, String edition, String state) {
        ControlListChangeHead head = ControlListChangeHead.findById(ControlListChangeHead.ID,
                LockModeType.PESSIMISTIC_WRITE);
        ControlListChange change = new ControlListChange();
        change.seq = head.lastSeq + 1;
        change.listId = listId;
        change.type = type;
        change.edition = edition;
        change.stateCode = state;
        change.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        change.persist();
        head.lastSeq = change.seq;
    }

    /** Changes of one list after the cursor position, oldest first. */
    public Page<ChangeView> after(String listId, String cursor, int limit) {
        long after = Cursors.decodeLong(CURSOR_KIND, cursor, 0);
        List<ControlListChange> rows = ControlListChange
                .find("listId = ?1 and seq > ?2 order by seq", listId, after)
                .page(0, limit + 1).list();
        boolean more = rows.size() > limit;
        List<ControlListChange> page = more ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq;
        return Page.ofFeed(page.stream().map(ChangeView::of).toList(), Cursors.encode(CURSOR_KIND, Long.toString(last)),
                !more);
    }
}
