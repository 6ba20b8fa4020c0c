package org.ecx.controllist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.ecx.access.Caller;

/** Compares two editions of a list entry by entry and field by field (SPEC §6). */
@ApplicationScoped
public class EditionDiff {

    /** The fields compared; parentCode, category and group follow from the code. */
    private static final Map<String, Function<EntryView, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("regime", EntryView::regime);
        FIELDS.put("title", EntryView::title);
        FIELDS.put("text", EntryView::text);
        FIELDS.put("notes", EntryView::notes);
        FIELDS.put("status", EntryView::status);
        FIELDS.put("reviewBy", EntryView::reviewBy);
    }

    @Inject
    ControlListCatalog catalog;

    public DiffView diff(Caller caller, String listId, String edition, String from) {
        ControlListEdition to = catalog.requireEdition(caller, listId, edition);
        ControlListEdition older = catalog.requireEdition(caller, listId, from);
        Map<String, EntryView> before = entries(older);
        Map<String, EntryView> after = entries(to);
        Map<String, Set<String>> renumbering = renumbering(older, to);

        Set<String> renumberedAway = new TreeSet<>();
        Set<String> renumberedInto = new TreeSet<>();
        List<DiffView.RenumberedEntry> renumbered = new ArrayList<>();
        renumbering.forEach((source, targets) -> {
            EntryView old = before.get(source);
            for (String target : targets) {
                EntryView now = after.get(target);
                if (old == null || now == null || source.equals(target)) {
                    continue;
                }
                renumbered.add(new DiffView.RenumberedEntry(source, target, changes(old, now)));
                if (!after.containsKey(source)) {
                    renumberedAway.add(source);
                }
                if (!before.containsKey(target)) {
                    renumberedInto.add(target);
                }
            }
        });
        List<EntryView> added = new ArrayList<>();
        List<DiffView.EntryChange> changed = new ArrayList<>();
        after.forEach((code, now) -> {
            EntryView old = before.get(code);
            if (old == null) {
                if (!renumberedInto.contains(code)) {
                    added.add(now);
                }
            } else {
                List<DiffView.FieldChange> changes = changes(old, now);
                if (!changes.isEmpty()) {
                    changed.add(new DiffView.EntryChange(code, changes));
                }
            }
        });
        List<EntryView> removed = before.values().stream()
                .filter(e -> !after.containsKey(e.code()) && !renumberedAway.contains(e.code())).toList();
        return new DiffView(listId, older.edition, to.edition, added, removed, changed, renumbered);
    }

    private static List<DiffView.FieldChange> changes(EntryView old, EntryView now) {
        List<DiffView.FieldChange> result = new ArrayList<>();
        FIELDS.forEach((name, getter) -> {
            Object a = getter.apply(old);
            Object b = getter.apply(now);
            if (!Objects.equals(a, b)) {
                result.add(new DiffView.FieldChange(name, a, b));
            }
        });
        return result;
    }

    private static Map<String, EntryView> entries(ControlListEdition edition) {
        Map<String, EntryView> map = new TreeMap<>();
        ControlListEntry.<ControlListEntry>list("editionId", edition.id)
                .forEach(e -> map.put(e.code, EntryView.of(e)));
        return map;
    }

    /**
     * Codes of {@code from} → their codes in {@code to}, by chaining the renumbering tables of the editions
     * after {@code from} up to and including {@code to} (in effective-date order). Empty when {@code to} is
     * not later than {@code from}.
     */
    private static Map<String, Set<String>> renumbering(ControlListEdition from, ControlListEdition to) {
        Map<String, Set<String>> current = new TreeMap<>();
        List<ControlListEdition> between = ControlListEdition.<ControlListEdition>list(
                "listId = ?1 and (effectiveDate > ?2 or (effectiveDate = ?2 and id > ?3)) "
                        + "and (effectiveDate < ?4 or (effectiveDate = ?4 and id <= ?5)) order by effectiveDate, id",
                from.listId, from.effectiveDate, from.id, to.effectiveDate, to.id);
        for (ControlListEdition step : between) {
            if (!step.isPublished() && step.id.longValue() != to.id.longValue()) {
                continue; // drafts other than the compared edition itself are not part of the list's history
            }
            for (Renumbering line : step.renumbered) {
                boolean chained = false;
                for (Set<String> targets : current.values()) {
                    if (targets.remove(line.from())) {
                        targets.add(line.to());
                        chained = true;
                    }
                }
                if (!chained) {
                    current.computeIfAbsent(line.from(), k -> new TreeSet<>()).add(line.to());
                }
            }
        }
        return current;
    }
}
