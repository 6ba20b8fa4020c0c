package org.ecx.controllist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ecx.access.Caller;
import org.ecx.access.Role;
import org.ecx.common.Cursors;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Page;

/**
 * Read access to the control lists, and the helper other packages use ({@link #editionExists},
 * {@link #findEntry}, {@link #findEntryInForce}). Lists and published editions are visible to every partner;
 * a DRAFT edition exists only for the list-editors of the list's editing states (for everyone else it is a
 * 404, as if it did not exist).
 */
@ApplicationScoped
public class ControlListCatalog {

    private static final Pattern LIST_ID = Pattern.compile("^[A-Z0-9]+(-[A-Z0-9]+)*$");
    static final int MAX_QUERY = 200;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    // ------------------------------------------------------------------ for other packages

    /** True when the list has a PUBLISHED edition of that name (drafts are not in force anywhere). */
    public boolean editionExists(String listId, String edition) {
        return ControlListEdition.find(listId, edition).filter(ControlListEdition::isPublished).isPresent();
    }

    /** An entry of a PUBLISHED edition. */
    public Optional<EntryView> findEntry(String listId, String edition, String code) {
        return ControlListEdition.find(listId, edition).filter(ControlListEdition::isPublished)
                .flatMap(e -> entry(e.id, code)).map(EntryView::of);
    }

    /** An entry of the edition of the list in force on {@code date}. */
    public Optional<EntryView> findEntryInForce(String listId, String code, LocalDate date) {
        return ControlListEdition.inForce(listId, date).flatMap(e -> entry(e.id, code)).map(EntryView::of);
    }

    // ------------------------------------------------------------------ access

    public ControlList requireList(String listId) {
        if (listId == null || !LIST_ID.matcher(listId).matches()) {
            throw EcxException.notFound();
        }
        ControlList list = ControlList.findById(listId);
        if (list == null) {
            throw EcxException.notFound();
        }
        return list;
    }

    /** The list, if the caller is a list-editor of one of its editing states; otherwise 403. */
    public ControlList requireEditor(Caller caller, String listId) {
        ControlList list = requireList(listId);
        if (!caller.has(Role.LIST_EDITOR) || !list.isEditedBy(caller.state())) {
            throw new EcxException(ErrorCode.FORBIDDEN, "The caller's state does not edit list " + listId + ".");
        }
        return list;
    }

    static boolean seesDrafts(Caller caller, ControlList list) {
        return caller.has(Role.LIST_EDITOR) && list.isEditedBy(caller.state());
    }

    /** An edition the caller may see, or 404. */
    public ControlListEdition requireEdition(Caller caller, String listId, String edition) {
        ControlList list = requireList(listId);
        return ControlListEdition.find(listId, edition)
                .filter(e -> e.isPublished() || seesDrafts(caller, list))
                .orElseThrow(EcxException::notFound);
    }

    // ------------------------------------------------------------------ lists and editions

    public Page<ControlListView> lists(String cursor, int limit) {
        String after = Cursors.decode("cl-lists", cursor);
        List<ControlList> rows = ControlList.<ControlList>find("id > ?1 order by id", after == null ? "" : after)
                .page(0, limit + 1).list();
        return page(rows, limit, this::view, l -> Cursors.encode("cl-lists", l.id));
    }

    /** A page from {@code limit + 1} rows: the extra row only tells that there is a next page. */
    private static <R, V> Page<V> page(List<R> rows, int limit, Function<R, V> view, Function<R, String> cursorAfter) {
        boolean more = rows.size() > limit;
        List<R> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page.stream().map(view).toList(), more ? cursorAfter.apply(page.get(page.size() - 1)) : null);
    }

    public ControlListView list(String listId) {
        return view(requireList(listId));
    }

    private ControlListView view(ControlList list) {
        LocalDate today = LocalDate.now(clock);
        ControlListView.EditionRef inForce = ControlListEdition.inForce(list.id, today)
                .map(e -> new ControlListView.EditionRef(e.edition, e.effectiveDate)).orElse(null);
        return new ControlListView(list.id, list.name, List.copyOf(new TreeSet<>(list.editingStates)), inForce);
    }

    /** Editions in the order they were imported. */
    public Page<EditionView> editions(Caller caller, String listId, String cursor, int limit) {
        ControlList list = requireList(listId);
        long after = Cursors.decodeLong("cl-editions", cursor, 0);
        String drafts = seesDrafts(caller, list) ? "" : " and status = 'PUBLISHED'";
        List<ControlListEdition> rows = ControlListEdition.<ControlListEdition>find(
                "listId = ?1 and id > ?2" + drafts + " order by id", listId, after).page(0, limit + 1).list();
        return page(rows, limit, EditionView::of, e -> Cursors.encode("cl-editions", Long.toString(e.id)));
    }

    public EditionView edition(Caller caller, String listId, String edition) {
        return EditionView.of(requireEdition(caller, listId, edition));
    }

    // ------------------------------------------------------------------ entries

    /**
     * Entries of an edition in code order. {@code prefix}: a full code selects that entry and its descendants,
     * anything shorter (e.g. {@code 3A}) every code starting with it. {@code q}: full-text search (PostgreSQL,
     * English stemming) over title and text, in web-search syntax ({@code "quoted phrase"}, {@code or}, {@code -}).
     */
    @SuppressWarnings("unchecked")
    public Page<EntryView> entries(Caller caller, String listId, String edition, String prefix, String q,
            String cursor, int limit) {
        ControlListEdition e = requireEdition(caller, listId, edition);
        String after = Cursors.decode("cl-entries", cursor);
        StringBuilder sql = new StringBuilder("SELECT * FROM control_list_entry WHERE edition_id = :edition");
        if (after != null) {
            sql.append(" AND code > :after");
        }
        if (prefix != null && !prefix.isEmpty()) {
            if (!ControlCode.isCodePrefix(prefix)) {
                throw EcxException.invalid("prefix", "must be the start of a control code, e.g. 3A or 3A001.a");
            }
            sql.append(ControlCode.isValid(prefix)
                    ? " AND (code = :prefix OR code LIKE :prefix || '.%')"
                    : " AND code LIKE :prefix || '%'");
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > MAX_QUERY) {
                throw EcxException.invalid("q", "must be at most " + MAX_QUERY + " characters");
            }
            sql.append(" AND search @@ websearch_to_tsquery('english', :q)");
        }
        sql.append(" ORDER BY code LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString(), ControlListEntry.class)
                .setParameter("edition", e.id).setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (prefix != null && !prefix.isEmpty()) {
            query.setParameter("prefix", prefix);
        }
        if (q != null && !q.isBlank()) {
            query.setParameter("q", q);
        }
        List<ControlListEntry> rows = query.getResultList();
        return page(rows, limit, EntryView::of, en -> Cursors.encode("cl-entries", en.code));
    }

    public EntryDetail entry(Caller caller, String listId, String edition, String code) {
        return detail(requireEdition(caller, listId, edition), code);
    }

    /** The entry in the published edition in force on {@code asOf} (today when absent). */
    public EntryDetail entryAsOf(String listId, String code, String asOf) {
        requireList(listId);
        LocalDate date;
        try {
            date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw EcxException.invalid("asOf", "must be a date (YYYY-MM-DD)");
        }
        return detail(ControlListEdition.inForce(listId, date).orElseThrow(EcxException::notFound), code);
    }

    private EntryDetail detail(ControlListEdition e, String code) {
        ControlListEntry entry = entry(e.id, code).orElseThrow(EcxException::notFound);
        List<String> ancestors = new ControlCode(code).ancestors().stream().map(ControlCode::value).toList();
        List<EntrySummary> up = new ArrayList<>();
        if (!ancestors.isEmpty()) {
            List<ControlListEntry> found = ControlListEntry.list("editionId = ?1 and code in ?2", e.id, ancestors);
            found.sort(Comparator.comparingInt((ControlListEntry a) -> ancestors.indexOf(a.code)));
            found.forEach(a -> up.add(EntryView.of(a).summary()));
        }
        List<EntrySummary> children = ControlListEntry.<ControlListEntry>list(
                "editionId = ?1 and parentCode = ?2 order by code", e.id, code)
                .stream().map(c -> EntryView.of(c).summary()).toList();
        return new EntryDetail(e.listId, e.edition, e.effectiveDate, e.status, EntryView.of(entry), up, children);
    }

    private static Optional<ControlListEntry> entry(long editionId, String code) {
        if (!ControlCode.isValid(code)) {
            return Optional.empty();
        }
        return ControlListEntry.find("editionId = ?1 and code = ?2", editionId, code).firstResultOptional();
    }

    /** A page of an edition's entries after {@code afterCode} in code order (for exports, which run after the request's transaction). */
    @Transactional
    public List<EntryView> entriesAfter(long editionId, String afterCode, int limit) {
        return ControlListEntry.<ControlListEntry>find("editionId = ?1 and code > ?2 order by code", editionId,
                afterCode == null ? "" : afterCode).page(0, limit).list().stream().map(EntryView::of).toList();
    }
}
